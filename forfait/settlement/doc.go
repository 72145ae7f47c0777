// Package settlement encodes the life of a dossier's money over time: the
// advance on validation, then the balance, a deferral or a repayment at the
// end of the window, as notifications an ARS records against its regional
// envelope (package envelope).
//
// # What it encodes
//
// A validated dossier gets, per domain, an advance of 30 % of its forfait
// (§5, Annexe 2 §3; INT-04). At the end of the window, each domain's
// outcome (package indicator) decides: targets reached, the balance (the
// forfait less the advance); DS1 reached with the CRO bonus asked but DS1.3
// missed, the standard forfait less the advance (INT-06); missed, either a
// deferral to the next window, whose targets and forfait then apply with
// the advance deducted (INT-05), or the repayment of the whole advance;
// missed again after a deferral, the repayment. There is no deferral after
// window 4, and a domain is funded at most once over the programme (§5).
// Forecast gives an ARS its planned notifications and the advances at risk
// (Annexe 2 §5).
//
// Invariants, checked by the tests after every step: per domain, paid −
// repaid is the entitlement earned or zero; nothing is paid twice; nothing
// is paid after a repayment; a funded domain is not funded again.
//
// # Sources
//
//   - §5 and Annexe 2 §3: advance, balance, repayment; one funding per
//     domain.
//   - Annexe 2 §5: the forecast of notifications.
//
// # Interpretations
//
//   - INT-04: advance = round(30 %), balance = the rest.
//   - INT-05: one deferral, to w+1, with w+1's targets and forfait, the
//     advance deducted; none after window 4; missed again, repayment.
//   - INT-06: CRO missed but DS1 reached: the standard forfait of the
//     window, less the advance already paid.
//
// # Errors
//
// Open and Settle report every problem at once, each an *Error unwrapping
// to ErrInvalidDossier, ErrAlreadyFunded, ErrSettled, ErrMismatch or
// ErrNoDeferral (or a forfait error), and then change nothing.
//
// # Example
//
//	st, err := settlement.Open(&rs, dossier, validatedOn)   // advances
//	st, err = settlement.Settle(&rs, st, outcomes, nil, on) // balances or repayments
//	for _, n := range st.Timeline {
//		err := ledger.Record(n)
//	}
package settlement
