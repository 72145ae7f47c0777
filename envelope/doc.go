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
//   - A region is read as people write it ([ParseRegion]: the Annexe 2 or the
//     official spelling, any case, accents or not, or its INSEE code) and
//     always printed with its one Annexe 2 name; an unknown one is refused
//     with the nearest suggested, never guessed.
//   - A notification has an [Identity] (establishment, volet, domain, kind,
//     window): a [Ledger] refuses the same identity twice, so money is never
//     booked twice.
//
// # Errors
//
// [ParseRegion] returns a *forfait.InputError ([ErrUnknownRegion]);
// [Allocate] returns every problem joined, wrapping [ErrInvalidAllocation];
// [Annex2.Validate] wraps [ErrInvalidAnnex2]; [NewLedger] wraps
// [ErrUnknownRegion], [ErrInvalidVolet] or [ErrInvalidLedger];
// [Ledger.Book] returns a [*LedgerError] per refused
// notification, wrapping [ErrInsufficientCredits], [ErrWrongLedger],
// [ErrInvalidNotification], [ErrDuplicate] or [ErrVolet2Cap], and then
// leave the ledger untouched: a step is booked whole or not at all.
//
// # Example
//
//	a := envelope.Instruction2021Annex2()
//	credits, _ := envelope.SplitCredits(&rs, a.Regions[envelope.Corse.Index()].Amount)
//	ledger, _ := envelope.NewLedger(envelope.Corse, envelope.Volet1, credits, decimal.Zero)
//	err := ledger.Book(added...) // a step's notifications, all or none
package envelope
