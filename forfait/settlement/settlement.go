package settlement

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

// Sentinel errors; each comes in a *Error naming the domain.
var (
	ErrInvalidDossier = errors.New("settlement: invalid dossier")
	ErrAlreadyFunded  = errors.New("settlement: domain already funded")
	ErrSettled        = errors.New("settlement: domain already settled")
	ErrMismatch       = errors.New("settlement: outcome for another window or variant")
	ErrNoDeferral     = errors.New("settlement: no deferral possible")
)

// Error is one problem of a settlement step.
type Error struct {
	Domain forfait.Domain
	Reason string
	Err    error
}

func (e *Error) Error() string {
	s := e.Err.Error()
	if e.Domain.IsValid() {
		s += " (" + e.Domain.String() + ")"
	}
	if e.Reason != "" {
		s += ": " + e.Reason
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Dossier is a validated application to settle: one establishment, one
// window, its domains (§5, §6.1).
type Dossier struct {
	Establishment eligibility.FINESS
	Region        envelope.Region
	// Combined and NationalMax are the inputs of forfait.Request (Annexe 3;
	// INT-02).
	Combined, NationalMax decimal.Decimal
	Window                window.Window
	Domains               []eligibility.DomainRequest
	// Funded are the domains funded for the establishment before this
	// dossier: none may be funded again (§5).
	Funded []forfait.Domain
}

// Stage is where a domain stands.
type Stage uint8

const (
	// Awaiting: the advance is paid, the targets of Line.Window are awaited.
	Awaiting Stage = 1 + iota
	// Paid: the targets were reached and the balance paid; final.
	Paid
	// Repaid: the targets were missed and the advance paid back; final.
	Repaid
)

func (s Stage) String() string {
	switch s {
	case Awaiting:
		return "awaiting targets"
	case Paid:
		return "paid"
	case Repaid:
		return "repaid"
	}
	return "%!Stage(" + strconv.Itoa(int(s)) + ")"
}

// Line is one domain of a dossier over its life.
type Line struct {
	Domain forfait.Domain
	CRO    bool
	// Window is the window whose targets and forfait apply: the dossier's,
	// or its deferral window (INT-05).
	Window   window.Window
	Deferred bool
	Stage    Stage
	// Paid is what was notified to the establishment (advance and balance),
	// Repaid what it paid back.
	Paid, Repaid decimal.Decimal
}

// Entitlement is what the domain finally earns: Paid − Repaid, which is the
// forfait of the window reached (CRO or standard), or zero after a
// repayment.
func (l Line) Entitlement() decimal.Decimal { return l.Paid.Sub(l.Repaid) }

// State is a dossier with each domain's line and the timeline of its
// notifications. It is a value: Open and Settle return a new one.
type State struct {
	Dossier  Dossier
	Lines    []Line
	Timeline []envelope.Notification
}

// Open notifies the advance of each domain of a validated dossier: 30 % of
// the domain's forfait in the dossier's window (§5, Annexe 2 §3; INT-04),
// dated on. Every problem is reported at once and nothing is notified: a
// domain already funded (§5, ErrAlreadyFunded), a malformed dossier
// (ErrInvalidDossier), or the errors of forfait.RuleSet.Compute.
func Open(rs *forfait.RuleSet, d Dossier, on time.Time) (State, error) {
	var errs []error
	if _, err := eligibility.ParseFINESS(string(d.Establishment)); err != nil {
		errs = append(errs, &Error{Reason: err.Error(), Err: ErrInvalidDossier})
	}
	if !d.Region.IsValid() {
		errs = append(errs, &Error{Reason: "region " + d.Region.String(), Err: ErrInvalidDossier})
	}
	if len(d.Domains) == 0 {
		errs = append(errs, &Error{Reason: "no domain", Err: ErrInvalidDossier})
	}
	st := State{Dossier: d}
	seen := map[forfait.Domain]bool{}
	for _, r := range d.Domains {
		switch {
		case seen[r.Domain]:
			errs = append(errs, &Error{Domain: r.Domain, Reason: "given twice", Err: ErrInvalidDossier})
			continue
		case slices.Contains(d.Funded, r.Domain):
			errs = append(errs, &Error{Domain: r.Domain, Reason: "funded at most once over the programme (§5)", Err: ErrAlreadyFunded})
			continue
		}
		seen[r.Domain] = true
		f, err := rs.Compute(request(d, r.Domain, r.CRO, d.Window))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		st.Lines = append(st.Lines, Line{Domain: r.Domain, CRO: r.CRO, Window: d.Window, Stage: Awaiting, Paid: f.Advance, Repaid: decimal.Zero})
		st.Timeline = append(st.Timeline, notification(d, envelope.Advance, r.Domain, r.CRO, d.Window, f.Advance, on,
			"§5; Annexe 2 §3", "INT-04"))
	}
	if len(errs) > 0 {
		return State{}, errors.Join(errs...)
	}
	return st, nil
}

func request(d Dossier, dom forfait.Domain, cro bool, w window.Window) forfait.Request {
	return forfait.Request{Combined: d.Combined, NationalMax: d.NationalMax, Domain: dom, CRO: cro, Window: w}
}

func notification(d Dossier, k envelope.Kind, dom forfait.Domain, cro bool, w window.Window, amount decimal.Decimal,
	on time.Time, source string, interps ...string) envelope.Notification {
	return envelope.Notification{
		Kind: k, Volet: envelope.Volet1, Region: d.Region, Establishment: string(d.Establishment),
		Domain: dom, CRO: cro, Window: w, Amount: amount, Date: on, Source: source, Interpretations: interps,
	}
}

// Settle applies the outcomes measured at the end of the awaited windows,
// dated on (Annexe 2 §3):
//   - targets reached: the balance is due, the forfait of the window
//     reached less the advance paid (§5; with a deferral, the deferral
//     window's forfait, INT-05);
//   - DS1 reached with the CRO bonus asked but DS1.3 missed: the standard
//     forfait applies, less the advance (INT-06);
//   - targets missed: if the domain is in deferrals, it moves to the next
//     window, whose targets and forfait then apply (INT-05), with no
//     notification; otherwise, or when already deferred, the whole advance
//     is repaid. There is no deferral after window 4 (ErrNoDeferral).
//
// Domains without an outcome stay as they are. Every problem is reported
// at once and st is then returned unchanged: an outcome for a domain not
// awaiting (ErrSettled) or for another window or CRO choice (ErrMismatch),
// a deferral that is impossible or not needed (ErrNoDeferral).
func Settle(rs *forfait.RuleSet, st State, outcomes []indicator.Outcome, deferrals []forfait.Domain, on time.Time) (State, error) {
	next := State{Dossier: st.Dossier, Lines: slices.Clone(st.Lines), Timeline: slices.Clone(st.Timeline)}
	var errs []error
	done := map[forfait.Domain]bool{}
	for _, o := range outcomes {
		i := slices.IndexFunc(next.Lines, func(l Line) bool { return l.Domain == o.Domain })
		switch {
		case i < 0 || next.Lines[i].Stage != Awaiting || done[o.Domain]:
			errs = append(errs, &Error{Domain: o.Domain, Reason: "no advance awaiting its targets", Err: ErrSettled})
			continue
		case o.Window != next.Lines[i].Window || o.CRO != next.Lines[i].CRO:
			errs = append(errs, &Error{Domain: o.Domain, Reason: fmt.Sprintf("outcome for window %s (CRO %v), awaited window %s (CRO %v)",
				o.Window, o.CRO, next.Lines[i].Window, next.Lines[i].CRO), Err: ErrMismatch})
			continue
		}
		done[o.Domain] = true
		if err := settleLine(rs, &next, i, o, slices.Contains(deferrals, o.Domain), on); err != nil {
			errs = append(errs, err)
		}
	}
	for _, d := range deferrals {
		if !done[d] {
			errs = append(errs, &Error{Domain: d, Reason: "a deferral needs the domain's missed outcome", Err: ErrNoDeferral})
		}
	}
	if len(errs) > 0 {
		return st, errors.Join(errs...)
	}
	return next, nil
}

// settleLine settles line i of st from its outcome o.
func settleLine(rs *forfait.RuleSet, st *State, i int, o indicator.Outcome, deferral bool, on time.Time) error {
	l := &st.Lines[i]
	d := st.Dossier
	if o.Reached {
		cro := l.CRO && o.CROReached // INT-06: the standard forfait when only DS1.3 is missed
		f, err := rs.Compute(request(d, l.Domain, cro, l.Window))
		if err != nil {
			return err
		}
		balance := f.Amount.Sub(l.Paid)
		if balance.Sign() < 0 {
			return &Error{Domain: l.Domain, Reason: "the forfait due is below the advance paid", Err: ErrMismatch}
		}
		var interps []string
		if l.Deferred {
			interps = append(interps, "INT-05")
		}
		if l.CRO && !cro {
			interps = append(interps, "INT-06")
		}
		if deferral {
			return &Error{Domain: l.Domain, Reason: "targets reached: nothing to defer", Err: ErrNoDeferral}
		}
		l.Paid, l.Stage = l.Paid.Add(balance), Paid
		if balance.Sign() > 0 {
			st.Timeline = append(st.Timeline, notification(d, envelope.Balance, l.Domain, cro, l.Window, balance, on, "§5; Annexe 2 §3", interps...))
		}
		return nil
	}
	if deferral {
		w, ok := l.Window.Deferral()
		if !ok || l.Deferred {
			return &Error{Domain: l.Domain, Reason: "one deferral to the next window, none after window 4 (INT-05)", Err: ErrNoDeferral}
		}
		l.Window, l.Deferred = w, true
		return nil
	}
	l.Repaid, l.Stage = l.Repaid.Add(l.Paid), Repaid
	st.Timeline = append(st.Timeline, notification(d, envelope.Repayment, l.Domain, l.CRO, l.Window, l.Paid, on, "Annexe 2 §3", "INT-05"))
	return nil
}
