package settlement

import (
	"errors"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

// Sentinel errors; every problem comes as a *forfait.InputError unwrapping
// to one of them (or to a forfait, indicator or eligibility sentinel).
var (
	// ErrNotValidated: a dossier is opened from a decision that is not, or
	// would not be, validated (§6.1: the advance follows validation).
	ErrNotValidated = codec.NewSentinel("settlement: decision not validated", "n'est pas une décision validée")
	// ErrInvalidDossier: a dossier never opened (the zero State given to
	// Settle), or a GHT dossier without its support establishment or its
	// GHT's name (Annexe 3 §2).
	ErrInvalidDossier = codec.NewSentinel("settlement: invalid dossier", "n'est pas une valeur admise dans un dossier")
	// ErrDate: a step dated before the decision that opens the dossier or
	// before its opening, a settlement dated before the targets of its
	// window are measured (INT-12), or a step not dated at all.
	ErrDate = codec.NewSentinel("settlement: date out of order", "ne suit pas l'ordre des dates du dossier")
	// ErrSettled: a declaration for a domain that is no longer awaiting
	// its targets, or declared twice in one step.
	ErrSettled = codec.NewSentinel("settlement: domain already settled", "désigne un domaine déjà soldé")
	// ErrMismatch: a declaration for a domain the dossier does not hold, or
	// for another window than the one the domain awaits.
	ErrMismatch = codec.NewSentinel("settlement: declaration for another domain or window", "porte sur un autre domaine ou une autre fenêtre")
	// ErrNoDeferral: a deferral that INT-05 does not allow.
	ErrNoDeferral = codec.NewSentinel("settlement: no deferral possible", "ne permet aucune fenêtre de report")
	// ErrNoDeclaration: a settlement given no declaration at all; a dossier
	// whose declarations are overdue is closed instead (Close; §5, INT-23).
	ErrNoDeclaration = codec.NewSentinel("settlement: no declaration", "ne contient aucune déclaration")
)

// Dossier is a validated application's funding file: the facts the money
// depends on, all taken from the eligibility decision it was opened from.
type Dossier struct {
	Establishment forfait.FINESS  `json:"establishment"` // FINESS géographique
	Region        envelope.Region `json:"region"`
	// GHT is the name of the establishment's GHT, as its application gave
	// it; empty outside any GHT. A GHT dossier takes only its own members
	// (Annexe 3 §2; INT-25).
	GHT string `json:"ght,omitempty"`
	// Combined is the 2019 combined activity (Annexe 3 §1); NationalMax is
	// the upper end of category D (INT-02), zero when not supplied.
	Combined    decimal.Decimal `json:"combined_activity"`
	NationalMax decimal.Decimal `json:"national_max"`
	// Window is the window applied for (§6.1); Variants the domains, each
	// with or without the CRO bonus (§5).
	Window   window.Window     `json:"window"`
	Variants []forfait.Variant `json:"variants"`
	// Filed is the filing date of the application, Opened the date of the
	// decision that opened the dossier (the advance's notification).
	Filed  window.Date `json:"filed"`
	Opened window.Date `json:"opened"`
	// Audit is the PS2.2 audit a window-1 decision validated on a purchase
	// order left to check, nil otherwise (Annexe 1, PS2.2); AuditDone the
	// day it was done, once recorded (RecordAudit; INT-24).
	Audit     *eligibility.PendingAudit `json:"pending_audit,omitempty"`
	AuditDone window.Date               `json:"audit_done,omitempty"`
}

// Equal reports whether d and e hold the same values (amounts compared by
// value, so 1.50 equals 1.5).
func (d Dossier) Equal(e Dossier) bool {
	return d.Establishment == e.Establishment && d.Region == e.Region && d.GHT == e.GHT && d.Combined.Equal(e.Combined) &&
		d.NationalMax.Equal(e.NationalMax) && d.Window == e.Window && slices.Equal(d.Variants, e.Variants) &&
		d.Filed == e.Filed && d.Opened == e.Opened && (d.Audit == nil) == (e.Audit == nil) &&
		(d.Audit == nil || *d.Audit == *e.Audit) && d.AuditDone == e.AuditDone
}

// Stage is where one domain of a dossier stands.
type Stage uint8

const (
	Awaiting Stage = 1 // advance paid, targets awaited
	Paid     Stage = 2 // balance paid: the forfait is earned
	Repaid   Stage = 3 // targets missed: the advance was repaid
)

// stageText is the text form of a stage (codec.Enum): String prints the
// labels, the text form is the names.
var stageText = codec.Enum[Stage]{Kind: "stage", Names: []string{Awaiting: "awaiting", Paid: "paid", Repaid: "repaid"},
	Labels: []string{Awaiting: "awaiting targets", Paid: "paid", Repaid: "repaid"}, Err: ErrInvalidDossier}

// String returns "awaiting targets", "paid" or "repaid"; "unset" for the
// zero value and "invalid stage n" for another invalid one.
func (s Stage) String() string { return stageText.String(s) }

// MarshalText encodes s as "awaiting", "paid" or "repaid", the zero value
// as ""; another invalid stage is an error.
func (s Stage) MarshalText() ([]byte, error) { return stageText.Marshal(s) }

// UnmarshalText decodes the form MarshalText produces.
func (s *Stage) UnmarshalText(text []byte) error { return stageText.Unmarshal(text, s) }

// Line is one domain of a dossier and the money it moved.
type Line struct {
	// Asked is the variant applied for; Granted the one paid once the
	// targets are reached: DS1 without the bonus after INT-06, the zero
	// value while awaiting or after a repayment.
	Asked   forfait.Variant `json:"asked"`
	Granted forfait.Variant `json:"granted"`
	// Window is the window whose targets and forfait apply: the dossier's,
	// or the next after a deferral (INT-05).
	Window   window.Window `json:"window"`
	Deferred bool          `json:"deferred"`
	Stage    Stage         `json:"stage"`
	// Paid and Repaid are what was notified to and repaid by the
	// establishment for this domain, in euros.
	Paid   decimal.Decimal `json:"paid"`
	Repaid decimal.Decimal `json:"repaid"`
	// Outcome is the last evaluation of its targets (Annexe 1; INT-07),
	// nil before any declaration.
	Outcome *indicator.Outcome `json:"outcome,omitempty"`
}

// Equal reports whether l and m hold the same values (amounts compared by
// value, so 1.50 equals 1.5).
func (l Line) Equal(m Line) bool {
	return l.Asked == m.Asked && l.Granted == m.Granted && l.Window == m.Window && l.Deferred == m.Deferred &&
		l.Stage == m.Stage && l.Paid.Equal(m.Paid) && l.Repaid.Equal(m.Repaid) &&
		(l.Outcome == nil) == (m.Outcome == nil) && (l.Outcome == nil || l.Outcome.Equal(*m.Outcome))
}

// Entitlement is what the establishment keeps for this domain: paid less
// repaid (§5, Annexe 2 §3).
func (l Line) Entitlement() decimal.Decimal { return l.Paid.Sub(l.Repaid) }

// State is a dossier and its money at one moment. Open and Settle return a
// new State and leave the one they were given unchanged.
type State struct {
	Dossier Dossier `json:"dossier"`
	Lines   []Line  `json:"lines"`
	// Timeline is every notification since the opening, in order.
	Timeline []envelope.Notification `json:"timeline"`
}

// Equal reports whether s and t hold the same dossier, lines and
// timeline (amounts compared by value, so 1.50 equals 1.5).
func (s State) Equal(t State) bool {
	return s.Dossier.Equal(t.Dossier) && slices.EqualFunc(s.Lines, t.Lines, Line.Equal) &&
		slices.EqualFunc(s.Timeline, t.Timeline, envelope.Notification.Equal)
}

// Money sums a dossier's notifications (§5, Annexe 2 §3).
type Money struct {
	Paid   decimal.Decimal `json:"paid"`
	Repaid decimal.Decimal `json:"repaid"`
	Net    decimal.Decimal `json:"net"` // Paid − Repaid
}

// Equal reports whether m and n hold the same sums (compared by value, so
// 1.50 equals 1.5).
func (m Money) Equal(n Money) bool {
	return m.Paid.Equal(n.Paid) && m.Repaid.Equal(n.Repaid) && m.Net.Equal(n.Net)
}

// Money returns what the dossier was paid, what it repaid, and the net
// (§5, Annexe 2 §3): the sum a regional ledger holds for it.
func (s State) Money() Money {
	m := Money{Paid: decimal.Zero, Repaid: decimal.Zero}
	for _, l := range s.Lines {
		m.Paid, m.Repaid = m.Paid.Add(l.Paid), m.Repaid.Add(l.Repaid)
	}
	m.Net = m.Paid.Sub(m.Repaid)
	return m
}

// Open opens the dossier of a decision on the day on, for the domains it
// validates only, and returns it with the advance of each, 30 % of its
// forfait (§5, Annexe 2 §3; INT-04), as the notifications this step adds.
// nationalMax is the upper end of category D (INT-02; zero when not
// supplied). The decision is sealed (eligibility.Decision): what opens is
// exactly what Decide decided, and it is decided again under in, on its
// own date: a decision that validates no domain, or would validate others
// under in, opens nothing (ErrNotValidated): so an establishment with no
// 2019 activity, which eligibility refuses, opens none (INT-13). Every
// problem is reported at once: a date before the decision (ErrDate), a date after the window's review period, by which
// the advance of a validated application is notified (§5, §6.1;
// eligibility.ErrReviewPeriod), and the errors of the forfait.
func Open(in *instruction.Rules, d eligibility.Decision, nationalMax decimal.Decimal, on window.Date) (State, []envelope.Notification, error) {
	a := d.Application()
	validated := d.Validated()
	if len(validated) == 0 {
		return State{}, nil, &forfait.InputError{Field: "decision.status", Value: d.Status().String(),
			Reason: codec.Text{French: "un dossier s'ouvre sur une décision qui valide un domaine", English: "a dossier opens on a decision that validates a domain"}, Err: ErrNotValidated}
	}
	again, err := eligibility.Decide(&a, in, d.Date())
	if err != nil {
		return State{}, nil, err
	}
	if !slices.Equal(again.Validated(), validated) {
		return State{}, nil, &forfait.InputError{Path: codec.Path{codec.Name("decision")}, Field: "domains", Value: fmt.Sprint(validated),
			Reason: codec.Text{French: "selon ces règles, les domaines validés sont " + fmt.Sprint(again.Validated()), English: "under these rules the validated domains are " + fmt.Sprint(again.Validated())}, Err: ErrNotValidated}
	}
	dossier := Dossier{
		Establishment: a.Establishment.FINESSGeo, Region: a.Establishment.Region,
		Combined: a.Establishment.CombinedActivity, NationalMax: nationalMax,
		Window: a.Window, Variants: validated, Filed: a.Filed, Opened: on,
	}
	if a.Establishment.GHT != nil {
		dossier.GHT = a.Establishment.GHT.Name
	}
	if p, ok := d.PendingAudit(); ok {
		dossier.Audit = &p
	}
	var errs []error
	if on.IsZero() || on.Before(d.Date()) {
		errs = append(errs, &forfait.InputError{Field: "on", Value: on.String(), Reason: codec.Text{French: "antérieure à la décision, prise le " + d.Date().French(), English: "before the decision on " + d.Date().String()}, Err: ErrDate})
	}
	if end := in.Calendar().Terms(a.Window).Review.End; on.After(end) {
		errs = append(errs, &forfait.InputError{Field: "on", Value: on.String(),
			Reason: codec.Text{French: "après la fin de la période d'instruction de la fenêtre " + a.Window.String() + ", le " + end.French() + " (§6.1)", English: "after the end of window " + a.Window.String() + "'s review period on " + end.String() + " (§6.1)"}, Err: eligibility.ErrReviewPeriod})
	}
	st := State{Dossier: dossier}
	for _, v := range dossier.Variants {
		f, err := in.Forfait.Compute(dossier.request(v, dossier.Window))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		st.Lines = append(st.Lines, Line{Asked: v, Window: dossier.Window, Stage: Awaiting, Paid: f.Advance, Repaid: decimal.Zero})
		st.Timeline = append(st.Timeline, dossier.notification(envelope.Advance, v, dossier.Window, f.Advance, on, "§5; Annexe 2 §3", "INT-04"))
	}
	if len(errs) > 0 {
		return State{}, nil, errors.Join(errs...)
	}
	return st, slices.Clone(st.Timeline), nil
}

func (d *Dossier) request(v forfait.Variant, w window.Window) forfait.Request {
	return forfait.Request{Combined: d.Combined, NationalMax: d.NationalMax, Variant: v, Window: w}
}

func (d *Dossier) notification(k envelope.Kind, v forfait.Variant, w window.Window, amount decimal.Decimal,
	on window.Date, source string, interps ...string) envelope.Notification {
	return envelope.Notification{
		Kind: k, Volet: envelope.Volet1, Region: d.Region, Establishment: d.Establishment,
		Variant: v, Window: w, Amount: amount, Date: on, Source: source, Interpretations: interps,
	}
}

// Declaration is what an establishment declares in oSIS at the end of a
// window for one domain (§5): its indicator rates for that window
// and, when they miss the targets, whether it asks for a deferral
// (INT-05). A declaration given to Settle is taken as made by the
// window's declaration deadline, whatever the day the ARS settles it on;
// a domain never declared by then is closed instead (Close; INT-23).
type Declaration struct {
	Domain forfait.Domain
	// Window is the window the rates were measured for; it must be the one
	// the domain awaits.
	Window window.Window
	// Rates holds a declared rate for each indicator of the domain's
	// variant (indicator.For); a rate never declared is missing, not zero
	// (INT-11).
	Rates map[indicator.ID]indicator.Rate
	// Defer asks for the deferral to the next window should the targets be
	// missed (INT-05).
	Defer bool
}

// Settle settles the domains st's declarations speak of, on the day on,
// and returns the new state with the notifications this step adds (on a
// dossier whose PS2.2 audit failed, every domain still awaiting: see
// below). Each
// domain's outcome comes from its declared rates and the instruction's
// targets for the window it awaits (Annexe 1; INT-07), so an outcome
// cannot contradict its rates; then (§5, Annexe 2 §3):
//   - targets reached: the balance, the forfait of the window less the
//     advance; CRO asked and DS1.3 missed, the standard forfait less the
//     advance (INT-06);
//   - missed, with a deferral asked: the domain awaits the next window's
//     targets, whose forfait will apply (INT-05); no notification;
//   - missed otherwise, or again after a deferral: the repayment of the
//     whole advance.
//
// A dossier opened on a window-1 purchase order for PS2.2 and settled
// after the audit's deadline must have the audit recorded done by then
// (RecordAudit); otherwise every domain still awaiting its targets is
// repaid, whatever its rates (Annexe 1, PS2.2; Annexe 2 §3; INT-24).
//
// A balance or a repayment follows the measure of the targets: a
// declaration is settled only after the end of the measurement semester
// of the window its domain awaits, the deferral window's after a deferral
// (Annexe 1; Annexe 2 §3; INT-12).
//
// A State that Open never returned (the zero State) is ErrInvalidDossier.
// Every problem is reported at once and then nothing changes: no
// declaration at all (ErrNoDeclaration: an overdue dossier is closed with
// Close instead); a date before the opening or, if not, on or before the
// end of the measurement semester of a declared window (ErrDate, once per
// window); a domain the dossier does not hold or
// rates for another window (ErrMismatch); a domain no longer awaiting or
// declared twice (ErrSettled); a deferral after window 4, a second one, or
// with the targets reached (ErrNoDeferral); a rate missing or invalid
// (indicator errors); the errors of the forfait.
func Settle(in *instruction.Rules, st State, decls []Declaration, on window.Date) (State, []envelope.Notification, error) {
	if !st.Dossier.Establishment.IsValid() {
		return st, nil, &forfait.InputError{Field: "dossier", Value: `""`, Err: ErrInvalidDossier,
			Reason: codec.Text{French: "jamais ouvert : Open ouvre un dossier sur une décision validée", English: "never opened: Open opens a dossier on a validated decision"}}
	}
	next := State{Dossier: st.Dossier, Lines: slices.Clone(st.Lines), Timeline: slices.Clone(st.Timeline)}
	var errs []error
	beforeOpening := on.IsZero() || on.Before(st.Dossier.Opened)
	if beforeOpening {
		errs = append(errs, &forfait.InputError{Field: "on", Value: on.String(), Reason: codec.Text{French: "antérieure à l'ouverture du dossier, le " + st.Dossier.Opened.French(), English: "before the opening on " + st.Dossier.Opened.String()}, Err: ErrDate})
	}
	unmeasured := map[window.Window]bool{} // windows whose measure ends on or after on, each reported once
	if len(decls) == 0 {
		errs = append(errs, &forfait.InputError{Field: "declarations", Value: "[]",
			Reason: codec.Text{French: "rien à solder : les taux se déclarent dans oSIS à la fin de la fenêtre (§5) ; un dossier en retard se clôt", English: "nothing to settle: the rates are declared in oSIS at the end of the window (§5); an overdue dossier is closed"}, Err: ErrNoDeclaration})
	}
	auditFailed := next.auditFailed(on)
	seen := map[forfait.Domain]bool{}
	for i, decl := range decls {
		at := codec.Path{codec.Name("declarations"), codec.Index(i)}
		j := slices.IndexFunc(next.Lines, func(l Line) bool { return l.Asked.Domain == decl.Domain })
		switch {
		case j < 0:
			errs = append(errs, &forfait.InputError{Path: at, Field: "domain", Value: decl.Domain.String(), Reason: codec.Text{French: "pas un domaine du dossier", English: "not a domain of the dossier"}, Err: ErrMismatch})
			continue
		case seen[decl.Domain] || next.Lines[j].Stage != Awaiting:
			errs = append(errs, &forfait.InputError{Path: at, Field: "domain", Value: decl.Domain.String(), Reason: codec.Text{French: "aucune avance n'y attend ses cibles", English: "no advance awaiting its targets"}, Err: ErrSettled})
			continue
		case decl.Window != next.Lines[j].Window:
			errs = append(errs, &forfait.InputError{Path: at, Field: "window", Value: decl.Window.String(),
				Reason: codec.Text{French: "le domaine attend les cibles de la fenêtre " + next.Lines[j].Window.String(), English: "the domain awaits the targets of window " + next.Lines[j].Window.String()}, Err: ErrMismatch})
			continue
		}
		seen[decl.Domain] = true
		end := in.Calendar().Terms(decl.Window).Measurement.End
		measured := on.After(end)
		if !measured && !beforeOpening && !unmeasured[decl.Window] {
			errs = append(errs, &forfait.InputError{Field: "on", Value: on.String(),
				Reason: codec.Text{French: "les cibles de la fenêtre " + decl.Window.String() + " se mesurent jusqu'au " + end.French() + " : rien ne se solde avant (Annexe 1 ; Annexe 2 §3 ; INT-12)", English: "window " + decl.Window.String() + "'s targets are measured until " + end.String() + ": nothing is settled before (Annexe 1; Annexe 2 §3; INT-12)"}, Err: ErrDate})
		}
		unmeasured[decl.Window] = !measured
		o, err := in.Targets.Evaluate(next.Lines[j].Asked, decl.Window, decl.Rates)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !measured {
			continue
		}
		if auditFailed {
			next.Lines[j].Outcome = &o
			continue
		}
		if err := next.settleLine(in, j, o, decl.Defer, on); err != nil {
			errs = append(errs, err)
		}
	}
	if auditFailed {
		next.repayAll(in, on)
	}
	if len(errs) > 0 {
		return st, nil, errors.Join(errs...)
	}
	return next, slices.Clone(next.Timeline[len(st.Timeline):]), nil
}

// settleLine applies outcome o to line i (§5, Annexe 2 §3; INT-05, INT-06).
func (st *State) settleLine(in *instruction.Rules, i int, o indicator.Outcome, deferral bool, on window.Date) error {
	l := &st.Lines[i]
	d := &st.Dossier
	fail := func(err error, reason codec.Text) error {
		return &forfait.InputError{Path: codec.Path{codec.Name("declarations")}, Field: l.Asked.Domain.String(), Value: l.Asked.String(), Reason: reason, Err: err}
	}
	l.Outcome = &o
	if o.Reached {
		if deferral {
			return fail(ErrNoDeferral, codec.Text{French: "cibles atteintes : rien à reporter", English: "targets reached: nothing to defer"})
		}
		b, err := BalanceOf(&in.Forfait, d.request(l.Asked, l.Window), l.Paid, l.Deferred, o.CROReached)
		if err != nil {
			return err
		}
		if b.Amount.Sign() < 0 {
			return fail(ErrMismatch, codec.Text{French: "le forfait dû, " + codec.French.Money(b.Forfait.Amount) + ", est inférieur à l'avance versée, " + codec.French.Money(l.Paid), English: "the forfait due " + forfait.Format(b.Forfait.Amount) + " is below the advance paid " + forfait.Format(l.Paid)})
		}
		l.Paid, l.Stage, l.Granted = l.Paid.Add(b.Amount), Paid, b.Forfait.Variant
		if b.Amount.Sign() > 0 {
			st.Timeline = append(st.Timeline, d.notification(envelope.Balance, b.Forfait.Variant, l.Window, b.Amount, on, "§5; Annexe 2 §3", b.Interpretations...))
		}
		return nil
	}
	if deferral {
		w, ok := l.Window.Deferral()
		if !ok || l.Deferred {
			return fail(ErrNoDeferral, codec.Text{French: "un seul report, vers la fenêtre suivante, aucun après la fenêtre 4 (INT-05)", English: "one deferral to the next window, none after window 4 (INT-05)"})
		}
		l.Window, l.Deferred = w, true
		return nil
	}
	var interps []string
	if l.Deferred {
		interps = append(interps, "INT-05")
	}
	st.repay(i, on, "Annexe 2 §3", interps...)
	return nil
}

// repay settles line i by the repayment of everything it was paid, the
// whole advance (Annexe 2 §3), on the day on.
func (st *State) repay(i int, on window.Date, source string, interps ...string) {
	l := &st.Lines[i]
	advance := l.Paid.Sub(l.Repaid)
	l.Repaid, l.Stage = l.Repaid.Add(advance), Repaid
	st.Timeline = append(st.Timeline, st.Dossier.notification(envelope.Repayment, l.Asked, l.Window, advance, on, source, interps...))
}

// Balance is the second payment of a domain whose targets are reached
// (§5, Annexe 2 §3).
type Balance struct {
	// Forfait is the forfait due: of the variant granted, in the window
	// whose targets were reached.
	Forfait forfait.Forfait
	// Amount is Forfait.Amount less the advance paid; negative when the
	// advance paid exceeds the forfait due.
	Amount decimal.Decimal
	// Interpretations are those the amount relies on: INT-05 after a
	// deferral, INT-06 when the CRO bonus was lost.
	Interpretations []string
}

// BalanceOf returns the balance of a domain whose advance of advance euros
// was paid for req.Variant, once the targets of req.Window are reached (§5,
// Annexe 2 §3): the forfait of that window — the advance's, or the next
// when deferred (INT-05) — for req.Variant or, when the CRO bonus was asked
// and DS1.3 missed (croReached false), for the standard variant (INT-06),
// less the advance. It is the one rule of the balance: Settle pays it and
// the audit checks a paid one against it. Errors are the forfait's.
func BalanceOf(rs *forfait.RuleSet, req forfait.Request, advance decimal.Decimal, deferred, croReached bool) (Balance, error) {
	asked := req.Variant
	if !croReached {
		req.Variant = asked.Standard() // INT-06: the standard forfait when only DS1.3 is missed
	}
	f, err := rs.Compute(req)
	if err != nil {
		return Balance{}, err
	}
	b := Balance{Forfait: f, Amount: f.Amount.Sub(advance)}
	if deferred {
		b.Interpretations = append(b.Interpretations, "INT-05")
	}
	if req.Variant != asked {
		b.Interpretations = append(b.Interpretations, "INT-06")
	}
	return b, nil
}

// MarshalJSON encodes d with its amounts as strings, whatever
// shopspring's settings (codec.MarshalAmounts).
func (d Dossier) MarshalJSON() ([]byte, error) { return codec.MarshalAmounts(d, forfait.Format) }

// MarshalJSON encodes l with its amounts as strings, whatever
// shopspring's settings (codec.MarshalAmounts).
func (l Line) MarshalJSON() ([]byte, error) { return codec.MarshalAmounts(l, forfait.Format) }

// MarshalJSON encodes m with its amounts as strings, whatever
// shopspring's settings (codec.MarshalAmounts).
func (m Money) MarshalJSON() ([]byte, error) { return codec.MarshalAmounts(m, forfait.Format) }
