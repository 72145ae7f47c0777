package settlement

import (
	"errors"
	"slices"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/window"
)

// Overdue reports whether, on the day on, line l still awaits the targets
// of a window whose declaration deadline has passed (§5; INT-22): the
// dossier must then be closed (Close).
func Overdue(in *instruction.Rules, l Line, on window.Date) bool {
	return l.Stage == Awaiting && on.After(in.Calendar().Terms(l.Window).Declaration.Date)
}

// Close closes, on the day on, what of st is overdue, and returns the new
// state with the notifications this step adds:
//   - a domain still awaiting the targets of a window whose declaration
//     deadline is before on has not shown them reached (§5; INT-22,
//     INT-23): awaiting its first window, with its domain in deferrals, it
//     is deferred to the next window, whose targets and forfait then apply
//     (Annexe 2 §3; INT-05); otherwise, or still undeclared after the
//     deferral window's deadline, its whole advance is repaid (Annexe 2
//     §3);
//   - a dossier opened on a window-1 purchase order for PS2.2 whose audit
//     is not recorded done by its deadline, once that deadline has passed,
//     has every domain still awaiting repaid whose measurement semester
//     has ended (Annexe 1, PS2.2; INT-24, INT-12).
//
// Domains whose deadline has not passed are left as they are (INT-11). A
// deferral asked for a domain the dossier does not hold (ErrMismatch), not
// awaiting its first window's targets, after window 4, or not overdue
// (ErrNoDeferral), or a date before the opening (ErrDate), is an error:
// every problem is reported at once and then nothing changes. A dossier
// with nothing overdue closes to itself, with no notification.
func Close(in *instruction.Rules, st State, on window.Date, deferrals ...forfait.Domain) (State, []envelope.Notification, error) {
	next := State{Dossier: st.Dossier, Lines: slices.Clone(st.Lines), Timeline: slices.Clone(st.Timeline)}
	var errs []error
	if on.IsZero() || on.Before(st.Dossier.Opened) {
		errs = append(errs, &forfait.InputError{Field: "on", Value: on.String(), Reason: codec.Text{French: "antérieure à l'ouverture du dossier, le " + st.Dossier.Opened.French(), English: "before the opening on " + st.Dossier.Opened.String()}, Err: ErrDate})
	}
	asked := map[forfait.Domain]bool{}
	for i, d := range deferrals {
		at := codec.Path{codec.Name("deferrals"), codec.Index(i)}
		j := slices.IndexFunc(next.Lines, func(l Line) bool { return l.Asked.Domain == d })
		switch {
		case j < 0:
			errs = append(errs, &forfait.InputError{Path: at, Field: "domain", Value: d.String(), Reason: codec.Text{French: "pas un domaine du dossier", English: "not a domain of the dossier"}, Err: ErrMismatch})
			continue
		case asked[d]:
			errs = append(errs, &forfait.InputError{Path: at, Field: "domain", Value: d.String(), Reason: codec.Text{French: "report demandé deux fois", English: "deferral asked twice"}, Err: ErrNoDeferral})
			continue
		}
		l := next.Lines[j]
		if _, ok := l.Window.Deferral(); !ok || l.Deferred || !Overdue(in, l, on) {
			errs = append(errs, &forfait.InputError{Path: at, Field: "domain", Value: d.String(),
				Reason: codec.Text{French: "un seul report, vers la fenêtre suivante, pour un domaine en retard dans sa première fenêtre, aucun après la fenêtre 4 (INT-05, INT-23)", English: "one deferral to the next window, for a domain overdue in its first window, none after window 4 (INT-05, INT-23)"}, Err: ErrNoDeferral})
		}
		asked[d] = true
	}
	if len(errs) > 0 {
		return st, nil, errors.Join(errs...)
	}
	if next.auditFailed(on) {
		next.repayAll(in, on)
	}
	for i := range next.Lines {
		for Overdue(in, next.Lines[i], on) {
			l := &next.Lines[i]
			if w, ok := l.Window.Deferral(); ok && !l.Deferred && asked[l.Asked.Domain] {
				l.Window, l.Deferred = w, true
				continue
			}
			interps := []string{"INT-22", "INT-23"}
			if l.Deferred {
				interps = []string{"INT-05", "INT-22", "INT-23"}
			}
			next.repay(i, on, "§5; Annexe 2 §3", interps...)
		}
	}
	return next, slices.Clone(next.Timeline[len(st.Timeline):]), nil
}

// RecordAudit records on st's dossier the day done on which the PS2.2
// audit, ordered in window 1, was done: on or before its deadline, the
// dossier settles on its targets; after it, or never recorded, every
// domain still awaiting is repaid once the deadline and its measurement
// semester have passed (Annexe 1, PS2.2; INT-24, INT-12). A dossier opened without a pending audit (ErrMismatch),
// an audit already recorded (ErrSettled) or a day not given (ErrDate) is
// an error, and st is returned unchanged.
func RecordAudit(st State, done window.Date) (State, error) {
	bad := func(reason codec.Text, err error) (State, error) {
		return st, &forfait.InputError{Field: "audit_done", Value: done.String(), Reason: reason, Err: err}
	}
	switch {
	case st.Dossier.Audit == nil:
		return bad(codec.Text{French: "le dossier n'a pas été ouvert sur un bon de commande de l'audit PS2.2 (Annexe 1, PS2.2)", English: "the dossier was not opened on a purchase order for the PS2.2 audit (Annexe 1, PS2.2)"}, ErrMismatch)
	case !st.Dossier.AuditDone.IsZero():
		return bad(codec.Text{French: "l'audit est déjà enregistré comme fait le " + st.Dossier.AuditDone.French(), English: "the audit was recorded done on " + st.Dossier.AuditDone.String()}, ErrSettled)
	case done.IsZero():
		return bad(codec.Text{French: "le jour de l'audit est obligatoire", English: "the day the audit was done is required"}, ErrDate)
	}
	next := State{Dossier: st.Dossier, Lines: slices.Clone(st.Lines), Timeline: slices.Clone(st.Timeline)}
	a := *st.Dossier.Audit
	next.Dossier.Audit, next.Dossier.AuditDone = &a, done
	return next, nil
}

// auditFailed reports whether, on the day on, the dossier's PS2.2 audit
// ordered in window 1 is past its deadline without having been recorded
// done by then (Annexe 1, PS2.2; INT-24).
func (st *State) auditFailed(on window.Date) bool {
	a := st.Dossier.Audit
	if a == nil || !on.After(a.Deadline) {
		return false
	}
	done := st.Dossier.AuditDone
	return done.IsZero() || done.After(a.Deadline)
}

// repayAll repays every line still awaiting its targets whose
// measurement semester ended before on: PS2.2 is not met (Annexe 1, PS2.2;
// Annexe 2 §3; INT-24), and a repayment follows the measurement (INT-12).
func (st *State) repayAll(in *instruction.Rules, on window.Date) {
	for i, l := range st.Lines {
		if l.Stage == Awaiting && on.After(in.Calendar().Terms(l.Window).Measurement.End) {
			st.repay(i, on, "Annexe 1, PS2.2; Annexe 2 §3", "INT-24")
		}
	}
}

// Apply runs one step of a dossier (Open, Settle, Close) and books the
// notifications it adds on l as one (§6.1: notifications within the
// credits delegated): it returns the step's new state when
// the step succeeds and the ledger accepts every notification, and
// otherwise prev with the step's or the ledger's error, the ledger left as
// it was (envelope.Ledger.Book records all or nothing). prev is the state
// the step starts from, the zero State for Open:
//
//	st, err = settlement.Apply(ledger, st, func() (settlement.State, []envelope.Notification, error) {
//		return settlement.Settle(&in, st, declarations, on)
//	})
func Apply(l *envelope.Ledger, prev State, step func() (State, []envelope.Notification, error)) (State, error) {
	next, added, err := step()
	if err != nil {
		return prev, err
	}
	if err := l.Book(added...); err != nil {
		return prev, err
	}
	return next, nil
}

// History returns what the dossiers of states tell about establishment
// est's earlier applications, for eligibility to decide its next one (§5:
// a domain is funded once; §6.1: one application per window): one past
// application per dossier of est, with
// each of its domains open while its advance awaits the targets, paid once
// the balance is paid, repaid once the advance is repaid (INT-14). Domains
// refused by a decision open no dossier and applications refused whole
// none at all, and earlier HOP'EN or Hôpital numérique funding is not a
// dossier's: a caller adds them.
func History(est forfait.FINESS, states ...State) eligibility.History {
	var out []eligibility.PastApplication
	for _, st := range states {
		if st.Dossier.Establishment != est {
			continue
		}
		p := eligibility.PastApplication{Window: st.Dossier.Window, Filed: st.Dossier.Filed}
		for _, l := range st.Lines {
			o := eligibility.OutcomeOpen
			switch l.Stage {
			case Paid:
				o = eligibility.OutcomePaid
			case Repaid:
				o = eligibility.OutcomeRepaid
			}
			p.Domains = append(p.Domains, eligibility.PastDomain{Domain: l.Asked.Domain, Outcome: o})
		}
		out = append(out, p)
	}
	return eligibility.History{Applications: out}
}
