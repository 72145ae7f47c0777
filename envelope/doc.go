// Package envelope encodes the money side of SUN-ES regions (§3.3, Annex
// 2): the national split, the 18 volet-1 regional envelopes and the 3
// volet-2 pilots, the allocation of a national total among regions, and a
// ledger per region and volet that records notifications against credits.
//
// # What it encodes
//
// The programme's 210 M€ split into 158 M€ for volet 1 (123 M€ DS1, 11 M€
// DS2, 24 M€ DS3), 1.5 M€ for the volet-2 pilot and 50.5 M€ for MSS
// generalisation (§3.3). Each region's volet-1 envelope is its share of the
// national total in proportion to its establishments' forfaits (Annexe 2
// §1); Allocate computes such shares to the euro. Each envelope is 30 %
// advance credits and 70 % usage credits (Annexe 2 §3). An ARS notifies
// advances, balances and repayments within its credits (§6.1): the Ledger
// refuses any notification beyond them, keeps volet 1 and volet 2 apart
// (not fungible, §3.3), and caps volet-2 establishments at 100 k€.
//
// # Sources
//
//   - §3.3: the national split, the 100 k€ cap, non-fungibility.
//   - Annexe 2 §1 and §2: the regional and pilot envelopes, region names as
//     spelt there; §3: the 30/70 split of credits.
//
// # Interpretations
//
//   - INT-08: allocation to the euro by largest remainder: the parts sum to
//     the total, a zero weight gets zero, each part is within 1 € of its
//     exact share, ties go to the earlier weight.
//   - INT-04 applies to credits as to forfaits: advance credits =
//     round(30 %), usage credits = the rest.
//   - Region names spelt otherwise than in Annexe 2 (say "Île-de-France") are
//     rejected rather than guessed.
//
// # Errors
//
// ParseRegion returns a *forfait.InputError (ErrUnknownRegion); Allocate returns
// every problem joined, wrapping ErrInvalidAllocation; Annex2.Validate
// wraps ErrInvalidAnnex2; Ledger.Record returns a *LedgerError wrapping
// ErrInsufficientCredits, ErrWrongLedger, ErrInvalidNotification or
// ErrVolet2Cap, and then leaves the ledger untouched.
//
// # Example
//
//	a := envelope.Instruction2021Annex2()
//	credits, _ := envelope.SplitCredits(&rs, a.Regions[envelope.Corse.Index()].Amount)
//	ledger, _ := envelope.NewLedger(envelope.Corse, envelope.Volet1, credits, decimal.Zero)
//	err := ledger.Record(notification) // refused beyond the credits
package envelope
