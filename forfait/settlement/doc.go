// Package settlement encodes the life of a dossier's money over time: the
// advance on validation, then the balance, a deferral or a repayment at the
// end of the window, as notifications an ARS records against its regional
// envelope (package envelope).
//
// # What it encodes
//
// A dossier is opened from a validated eligibility decision ([Open]), never
// typed again: the establishment, region, combined activity, window and
// domains are the decision's. Each domain gets an advance of 30 % of its
// forfait (§5, Annexe 2 §3; INT-04). At the end of the window the
// establishment declares its rates ([Declaration]); [Settle] evaluates
// them against the instruction's targets for that window (Annexe 1;
// INT-07), so an outcome cannot contradict its rates, and decides: targets
// reached, the balance (the forfait less the advance); DS1 reached with the
// CRO bonus asked but DS1.3 missed, the standard forfait less the advance
// (INT-06), the line then showing DS1 as granted; missed, either a
// deferral to the next window, whose targets and forfait then apply with
// the advance deducted (INT-05), or the repayment of the whole advance;
// missed again after a deferral, the repayment. The balance is one
// function, [BalanceOf], which the audit (package forfait/audit) also
// checks paid balances against. A rate never declared is
// missing, not zero (INT-11). There is no deferral after window 4, and a
// domain is funded at most once over the programme (§5). Each step returns
// the notifications it adds, to book on the regional ledger
// ([envelope.Ledger.Book]); [State.Money] sums what the dossier was paid
// and repaid. [NewForecast] gives an ARS its planned notifications and the
// advances at risk (Annexe 2 §5).
//
// Invariants, checked by the tests after every step: per domain, paid −
// repaid is the entitlement earned or zero; nothing is paid twice; nothing
// is paid after a repayment; a refused step changes nothing.
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
//   - INT-11: a rate never declared is missing: nothing is settled.
//
// # Errors
//
// Open and Settle report every problem at once, each a *forfait.InputError
// unwrapping to ErrNotValidated, ErrInvalidDossier, ErrDate, ErrSettled,
// ErrMismatch or ErrNoDeferral (or a forfait, indicator or eligibility
// sentinel), and then change nothing.
//
// # Example
//
//	in := instruction.Instruction2021()
//	st, added, err := settlement.Open(&in, decision, nationalMax, decidedOn) // advances
//	err = ledger.Book(added...)
//	st, added, err = settlement.Settle(&in, st, declarations, on) // balances or repayments
//	err = ledger.Book(added...)
package settlement
