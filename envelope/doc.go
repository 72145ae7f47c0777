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
// advance credits and 70 % usage credits (Annexe 2 §3). An ARS retains
// applications and notifies advances, balances and repayments "dans la
// seule limite des crédits qui leur sont délégués par les circulaires
// FMIS" (§6.1): the Ledger holds the Annexe 2 envelope as a ceiling, the
// tranches delegated within it ([Tranche], dated, with the circular's
// reference), the budgets of the funding windows and the dated transfers
// between them ([Transfer]; Annexe 2 §5: the ARS steer their envelope per
// window), the commitments of validated decisions ([Commitment]) and the
// notifications booked. A commitment or a notification is refused when
// the credits delegated at its date, in its window's budget, cannot serve
// it, with a [*CreditsError] giving the shortfall and the last tranche in
// force. Volet 1 and volet 2 are kept apart (not fungible, §3.3).
//
// Volet 2 is a pilot of three ARS, Hauts-de-France, Occitanie and Pays de
// la Loire (§3.3, §6.2, Annexe 2 §2): [OpenLedger] opens no volet-2 ledger
// elsewhere. An establishment's volet-2 amount is at most 100 k€ and is
// paid 30 % in advance, 70 % when the pilot's objectives are declared met,
// the advance repaid otherwise (§3.3, Annexe 2 §4); the ledger refuses any
// other amount.
//
// # Sources
//
//   - §3.3: the national split, the 100 k€ cap, non-fungibility.
//   - Annexe 2 §1 and §2: the regional and pilot envelopes, region names as
//     spelt there; §3: the 30/70 split of credits, the advance repaid
//     whole when the targets are missed; §4: volet 2's split;
//     §5: envelopes steered per window, funds delegated by FMIS circulars.
//   - §6.1: applications retained within the credits delegated; §6.2: the
//     three pilot ARS.
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
//   - The text gives no formula for a volet-2 amount ("calculés sur la
//     base de l'activité combinée 2019 … dans la limite de 100 K€", §3.3,
//     Annexe 2 §4): it is the ARS's input; [SplitVolet2] checks the cap
//     and splits it as a volet-1 forfait is split (INT-04).
//   - Credits are used from the date of what uses them: a tranche or a
//     transfer serves the steps dated on or after its date, a repayment
//     gives credits back from its date; a window without a budget draws on
//     the credits delegated and assigned to no window.
//   - A notification has an [Identity] (establishment, volet, domain,
//     kind; not the window): a [Ledger] refuses the same identity twice, so
//     a domain is funded once over the programme (§5; INT-14) and money is
//     never booked twice, while a deferred dossier's balance, notified in
//     the next window, stays its one balance (INT-05).
//   - A domain's payments come in order (§5; Annexe 2 §3): in volet 1, a
//     balance or a repayment follows the advance of its establishment and
//     domain, recorded in any window; a repayment returns the whole
//     advance; a balance and a repayment exclude each other; a decision
//     cannot commit a domain whose advance is recorded. A balance or a
//     repayment is booked in its advance's window, the budget that paid
//     the advance, even when notified in the deferral window (INT-05).
//   - [Ledger.Snapshot] takes the state, the entries and the commitments
//     under one lock, so that a statement's rows add up to its totals
//     while others book.
//
// # Errors
//
// [ParseRegion] returns a *forfait.InputError ([ErrUnknownRegion]);
// [Allocate] returns every problem joined, wrapping [ErrInvalidAllocation];
// [Annex2.Validate] wraps [ErrInvalidAnnex2]; [NewLedger] and [OpenLedger]
// wrap [ErrUnknownRegion], [ErrInvalidVolet], [ErrInvalidLedger] or
// [ErrNotPilot]; [Ledger.Delegate], [Ledger.Move] and [Ledger.Commit] wrap
// [ErrInvalidDelegation], [ErrBeyondEnvelope], [ErrDuplicate] or
// [ErrVolet2Amount], or return a [*CreditsError] ([ErrInsufficientCredits]);
// [Ledger.Book] returns a [*LedgerError] per refused notification,
// wrapping [ErrInsufficientCredits] (through a [*CreditsError]),
// [ErrWrongLedger], [ErrInvalidNotification], [ErrDuplicate],
// [ErrOutOfOrder], [ErrRepaymentAmount] or [ErrVolet2Amount]. A refused step leaves the ledger
// untouched: it is booked whole or not at all. The text forms of [Kind],
// [Part], [Volet] and [Region] refuse an unknown text with
// [ErrInvalidNotification], [ErrInvalidDelegation], [ErrInvalidVolet] and
// [ErrUnknownRegion].
//
// # Example
//
//	a := envelope.Instruction2021Annex2()
//	credits, _ := envelope.SplitCredits(&rs, a.Regions[envelope.Corse.Index()].Amount)
//	ledger, _ := envelope.NewLedger(envelope.Corse, credits) // all delegated at once
//	err := ledger.Book(added...)                            // a step's notifications, all or none
//
//	ledger, _ = envelope.OpenLedger(&a, &rs, envelope.Corse, envelope.Volet1) // credits in tranches
//	err = ledger.Delegate(envelope.Tranche{Date: on, Credits: c, Source: "circulaire FMIS …"})
//	err = ledger.Move(envelope.Transfer{Date: on, From: 0, To: window.W1, Credits: c, Source: "…"})
//	err = ledger.Commit(commitment) // a *CreditsError gives the shortfall
package envelope
