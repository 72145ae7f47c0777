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
// missed again after a deferral, the repayment. Settling needs a
// declaration: a dossier whose declarations are overdue is closed instead
// ([Close]): each domain still awaiting the targets of a window whose
// declaration deadline (window.Terms.Declaration) has passed is settled as
// missed, deferred when the establishment asked for it, repaid otherwise
// (INT-22, INT-23). A dossier opened on a window-1 purchase order for the
// PS2.2 audit records the day the audit was done ([RecordAudit]); not done
// by its deadline, every domain still awaiting is repaid when the dossier
// is settled or closed (INT-24). The balance is one
// function, [BalanceOf], which the audit (package forfait/audit) also
// checks paid balances against. A rate never declared is
// missing, not zero (INT-11). There is no deferral after window 4, and a
// domain is funded at most once over the programme (§5). Each step returns
// the notifications it adds, to book on the regional ledger
// ([envelope.Ledger.Book]); [State.Money] sums what the dossier was paid
// and repaid; [Apply] runs a step and books it as one, the state and the
// ledger both left as they were when either refuses. [NewForecast] gives
// an ARS, on a given day, its planned notifications, each balance as
// [BalanceOf] gives it, the advances at risk and those overdue, and what
// its volet-1 credits delegated leave once they are served (§6.1; Annexe
// 2 §5). [History] tells eligibility what the
// establishment's dossiers became, so that a domain is funded once (§5;
// INT-14). A [GHT] dossier totals its members' dossiers, each settled on
// its own targets, for its support establishment (Annexe 3 §2; INT-25).
//
// Invariants, checked by the tests after every step: per domain, paid −
// repaid is the entitlement earned or zero; nothing is paid twice; nothing
// is paid after a repayment; a refused step changes nothing.
//
// # Sources
//
//   - §5 and Annexe 2 §3: advance, balance, repayment; one funding per
//     domain.
//   - §5: the targets declared in oSIS at the end of the window.
//   - Annexe 1, PS2.2: the audit ordered in window 1, done by the end of
//     the review period.
//   - Annexe 3 §2: a GHT dossier totalled at GHT level, paid through the
//     support establishment.
//   - Annexe 2 §5: the forecast of notifications.
//
// # Interpretations
//
//   - INT-04: advance = round(30 %), balance = the rest.
//   - INT-05: one deferral, to w+1, with w+1's targets and forfait, the
//     advance deducted; none after window 4; missed again, repayment.
//   - INT-06: CRO missed but DS1 reached: the standard forfait of the
//     window, less the advance already paid.
//   - INT-11: a rate never declared is missing: nothing is settled, until
//     the deadline.
//   - INT-22: the declaration deadline is the last day of the window's
//     semester.
//   - INT-23: undeclared after it, the targets are missed.
//   - INT-24: the PS2.2 audit ordered and not done in time repays what
//     still awaits its targets.
//   - INT-25: a GHT dossier's notifications name the member and domain
//     they fund; the support establishment is paid their sum.
//
// # Errors
//
// Open and Settle report every problem at once, each a *forfait.InputError
// unwrapping to ErrNotValidated, ErrDate, ErrSettled, ErrMismatch,
// ErrNoDeferral or ErrNoDeclaration (or a forfait, indicator or
// eligibility sentinel), and then change nothing; so do Close,
// RecordAudit and GHT.Apply (ErrInvalidDossier for a GHT dossier that
// names no support establishment or no GHT).
//
// # Example
//
//	in := instruction.Instruction2021()
//	st, added, err := settlement.Open(&in, decision, nationalMax, decidedOn) // advances
//	err = ledger.Book(added...)
//	st, added, err = settlement.Settle(&in, st, declarations, on) // balances or repayments
//	err = ledger.Book(added...)
//	st, err = settlement.Apply(ledger, st, func() (settlement.State, []envelope.Notification, error) {
//		return settlement.Close(&in, st, later) // what is overdue, booked as one
//	})
package settlement
