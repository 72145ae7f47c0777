// Package audit checks money already paid against the rules: given the
// establishments of a national extract and the payments an ARS notified
// (advances, balances, repayments), [Audit] recomputes what each payment
// should have been and reports every finding with its citation. It is the
// one implementation of "what should have been paid" in the module.
//
// # What it encodes
//
// Each payment is recomputed exactly from the establishment's combined
// activity and the national maximum (Annexe 3 §1-§4; INT-01 to INT-03):
// an advance is 30 % of the forfait of its domain, CRO and window (§5,
// Annexe 2 §3; INT-04); a balance is the forfait of its window less the
// advance paid, the next window's forfait after a deferral (INT-05), the
// standard forfait after a DS1+CRO advance whose DS1.3 was missed
// (INT-06), as settlement.BalanceOf gives it; a repayment is the whole
// advance (Annexe 2 §3). A domain is
// funded once (§5): one advance, then one balance or one repayment. A
// region's advances net of repayments stay within its advance credits, its
// balances within its usage credits (Annexe 2 §3; §6.1). Payments are
// dated within the calendar (§6.1, Annexe 1; INT-12).
//
// # Findings
//
// One finding per problem, with a stable [Code]: ADVANCE-AMOUNT,
// BALANCE-AMOUNT, BALANCE-WINDOW, REPAYMENT-AMOUNT, DUPLICATE, NO-ADVANCE,
// BALANCE-AND-REPAYMENT, UNKNOWN-ESTABLISHMENT, CRO-NOT-DS1,
// REGION-CREDITS, DATE-CALENDAR. A clean history yields none.
//
// # Errors
//
// Findings are not errors: Audit fails only on input it cannot audit (an
// invalid rule set, a malformed establishment or payment, a national
// maximum the activities contradict), reporting every problem at once,
// each a *forfait.InputError (ErrInvalidPayment, ErrInvalidEstablishment,
// or a forfait sentinel).
//
// # Example
//
//	in := instruction.Instruction2021()
//	report, err := audit.Audit(&in, establishments, payments, audit.Options{})
//	for _, f := range report.Findings {
//		fmt.Println(f.Code, f.Payment.FINESS, f.Expected, f.Paid, f.Source)
//	}
package audit

import (
	"cmp"
	"errors"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/window"
)

// Sentinel errors of input Audit cannot audit.
var (
	ErrInvalidPayment       = errors.New("audit: invalid payment")
	ErrInvalidEstablishment = errors.New("audit: invalid establishment")
)

// Establishment is what the extract says of one establishment: its FINESS,
// its region and its 2019 combined activity (Annexe 3 §1).
type Establishment struct {
	FINESS   forfait.FINESS  `json:"finess"`
	Region   envelope.Region `json:"region"`
	Combined decimal.Decimal `json:"combined_activity"`
}

// Equal reports whether e and f hold the same values (the activity
// compared by value, so 1.50 equals 1.5).
func (e Establishment) Equal(f Establishment) bool {
	return e.FINESS == f.FINESS && e.Region == f.Region && e.Combined.Equal(f.Combined)
}

// Payment is one notification an ARS made: to an establishment, for a
// domain with or without the CRO bonus, in a window, of a kind, an amount
// in euros and a date (§6.1, Annexe 2 §3). Variant may be invalid (the CRO
// bonus on DS2 is a finding, CRO-NOT-DS1).
type Payment struct {
	FINESS  forfait.FINESS  `json:"finess"`
	Variant forfait.Variant `json:"variant"`
	Window  window.Window   `json:"window"`
	Kind    envelope.Kind   `json:"kind"`
	Amount  decimal.Decimal `json:"amount"`
	Date    window.Date     `json:"date"`
	// Line is the payment's line in its file, 0 when it comes from no file.
	Line int `json:"line,omitempty"`
}

// Equal reports whether p and q hold the same values (the amount compared
// by value, so 1.50 equals 1.5).
func (p Payment) Equal(q Payment) bool {
	return p.FINESS == q.FINESS && p.Variant == q.Variant && p.Window == q.Window && p.Kind == q.Kind &&
		p.Amount.Equal(q.Amount) && p.Date == q.Date && p.Line == q.Line
}

// Code names one kind of finding; the codes are stable.
type Code string

// The findings (see the package documentation for their rules).
const (
	AdvanceAmount        Code = "ADVANCE-AMOUNT"        // §5, Annexe 2 §3; INT-04
	BalanceAmount        Code = "BALANCE-AMOUNT"        // §5, Annexe 2 §3; INT-05, INT-06
	BalanceWindow        Code = "BALANCE-WINDOW"        // Annexe 2 §3; INT-05
	RepaymentAmount      Code = "REPAYMENT-AMOUNT"      // Annexe 2 §3
	Duplicate            Code = "DUPLICATE"             // §5
	NoAdvance            Code = "NO-ADVANCE"            // §5, Annexe 2 §3
	BalanceAndRepayment  Code = "BALANCE-AND-REPAYMENT" // Annexe 2 §3
	UnknownEstablishment Code = "UNKNOWN-ESTABLISHMENT" // §5
	CRONotDS1            Code = "CRO-NOT-DS1"           // §5
	RegionCredits        Code = "REGION-CREDITS"        // Annexe 2 §3; §6.1
	DateCalendar         Code = "DATE-CALENDAR"         // §6.1, Annexe 1; INT-12
)

// Codes lists every code, in the order of the package documentation (§5,
// Annexe 2 §3; §6.1).
func Codes() []Code {
	return []Code{AdvanceAmount, BalanceAmount, BalanceWindow, RepaymentAmount, Duplicate, NoAdvance,
		BalanceAndRepayment, UnknownEstablishment, CRONotDS1, RegionCredits, DateCalendar}
}

// Finding is one problem of one payment: what was paid, what the rules
// give, and the paragraph and interpretations that make it a finding
// (§5, Annexe 2 §3 and the others of Codes).
type Finding struct {
	Code    Code
	Payment Payment
	Region  envelope.Region // the establishment's, when the extract holds it
	// Expected is what the rules give for this payment; HasExpected is
	// false when no amount is due for what the payment claims to be (an
	// unknown establishment, a CRO bonus off DS1, a balance in a wrong
	// window, a date outside the calendar).
	Expected    decimal.Decimal
	HasExpected bool
	// Difference is Paid − Expected when HasExpected.
	Paid, Difference decimal.Decimal
	Source           string
	Interpretations  []string
	// Derivation says how the expected amount, or the finding, follows
	// from the rules.
	Derivation string
}

// Options tune Audit.
type Options struct {
	// NationalMax is the upper end of category D (INT-02); zero means the
	// largest combined activity of the establishments, the extract being
	// national.
	NationalMax decimal.Decimal
}

// Report is the result of an audit.
type Report struct {
	Findings []Finding
	// NationalMax is the national maximum used (INT-02); NationalMaxFrom
	// the establishment it was read from, the zero FINESS when given.
	NationalMax     decimal.Decimal
	NationalMaxFrom forfait.FINESS
	// Payments is how many payments were audited; Paid their net sum
	// (repayments subtracted).
	Payments int
	Paid     decimal.Decimal
}

// Audit checks payments against the rules in (§5, Annexe 3, Annexe 2 §3;
// §6.1; INT-01 to INT-06, INT-12) for the establishments of an extract, in
// date order (a tie keeps the input order), and returns every finding.
func Audit(in *instruction.Rules, ests []Establishment, payments []Payment, opt Options) (Report, error) {
	if err := in.Validate(); err != nil {
		return Report{}, err
	}
	byFINESS, report, errs := index(ests, opt)
	errs = append(errs, checkPayments(payments)...)
	if len(errs) > 0 {
		return Report{}, errors.Join(errs...)
	}
	compiled, err := in.Forfait.Compile()
	if err != nil {
		return Report{}, err
	}
	a := auditor{in: in, compiled: compiled, ests: byFINESS, nationalMax: report.NationalMax, groups: map[groupKey]*group{}, used: map[envelope.Region]*envelope.Credits{}}
	for i, e := range in.Envelopes.Regions {
		c, err := envelope.SplitCredits(&in.Forfait, e.Amount)
		if err != nil {
			return Report{}, err
		}
		a.credits[i] = c
	}
	order := make([]int, len(payments))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return payments[i].Date.Compare(payments[j].Date) })
	report.Paid = decimal.Zero
	for _, i := range order {
		p := payments[i]
		if p.Kind == envelope.Repayment {
			report.Paid = report.Paid.Sub(p.Amount)
		} else {
			report.Paid = report.Paid.Add(p.Amount)
		}
		if err := a.audit(p); err != nil {
			return Report{}, err
		}
	}
	report.Findings, report.Payments = a.findings, len(payments)
	return report, nil
}

// index checks the establishments and finds the national maximum (INT-02).
func index(ests []Establishment, opt Options) (map[forfait.FINESS]Establishment, Report, []error) {
	var errs []error
	by := make(map[forfait.FINESS]Establishment, len(ests))
	r := Report{NationalMax: opt.NationalMax}
	for i, e := range ests {
		at := codec.Path{codec.Name("establishments"), codec.Index(i)}
		switch {
		case !e.FINESS.IsValid():
			errs = append(errs, &forfait.InputError{Path: at, Field: "finess", Value: `""`, Reason: "missing", Err: ErrInvalidEstablishment})
		case !e.Region.IsValid():
			errs = append(errs, &forfait.InputError{Path: at, Field: "region", Value: e.Region.String(), Err: envelope.ErrUnknownRegion})
		case e.Combined.Sign() < 0 || !codec.SaneExponent(e.Combined):
			errs = append(errs, &forfait.InputError{Path: at, Field: "combined_activity", Value: forfait.Format(e.Combined), Err: forfait.ErrInvalidActivity})
		case by[e.FINESS].FINESS.IsValid():
			errs = append(errs, &forfait.InputError{Path: at, Field: "finess", Value: e.FINESS.String(), Reason: "given twice", Err: ErrInvalidEstablishment})
		default:
			by[e.FINESS] = e
		}
	}
	if opt.NationalMax.IsZero() && len(errs) == 0 {
		if i := forfait.LargestActivity(len(ests), func(i int) forfait.Combined { return forfait.CombinedOf(ests[i].Combined) }); i >= 0 {
			r.NationalMax, r.NationalMaxFrom = ests[i].Combined, ests[i].FINESS
		}
	}
	return by, r, errs
}

// checkPayments reports the payments Audit cannot read: every field but
// the variant, whose CRO off DS1 is a finding, must be valid.
func checkPayments(payments []Payment) []error {
	var errs []error
	for i, p := range payments {
		at := codec.Path{codec.Name("payments"), codec.Index(i)}
		bad := func(name, value, reason string, err error) {
			errs = append(errs, &forfait.InputError{Path: at, Field: name, Value: value, Reason: reason, Err: err})
		}
		if !p.FINESS.IsValid() {
			bad("finess", `""`, "missing", ErrInvalidPayment)
		}
		if !p.Variant.Domain.IsValid() {
			bad("domain", p.Variant.Domain.String(), "", forfait.ErrInvalidDomain)
		}
		if !p.Window.IsValid() {
			bad("window", p.Window.String(), "", window.ErrInvalid)
		}
		if !p.Kind.IsValid() {
			bad("kind", p.Kind.String(), "want advance, balance or repayment", ErrInvalidPayment)
		}
		if p.Amount.Sign() <= 0 || !codec.SaneExponent(p.Amount) {
			bad("amount", forfait.Format(p.Amount), "a positive sum in euros", ErrInvalidPayment)
		}
		if p.Date.IsZero() {
			bad("date", "unset", "every payment is dated", ErrInvalidPayment)
		}
	}
	return errs
}

// groupKey is one establishment's domain: funded once (§5).
type groupKey struct {
	finess forfait.FINESS
	domain forfait.Domain
}

// group is what was paid so far for one establishment's domain.
type group struct {
	advance, balance, repayment *Payment
}

type auditor struct {
	in          *instruction.Rules
	compiled    *forfait.Compiled // in.Forfait, for the forfaits
	ests        map[forfait.FINESS]Establishment
	nationalMax decimal.Decimal
	groups      map[groupKey]*group
	used        map[envelope.Region]*envelope.Credits
	credits     [envelope.NumRegions]envelope.Credits // each region's, split once
	findings    []Finding
}

// finding records one finding; expected is nil when no amount is due.
func (a *auditor) finding(code Code, p Payment, expected *decimal.Decimal, source, derivation string, interps ...string) {
	f := Finding{Code: code, Payment: p, Region: a.ests[p.FINESS].Region, Paid: p.Amount, Source: source,
		Interpretations: interps, Derivation: derivation}
	if expected != nil {
		f.Expected, f.HasExpected, f.Difference = *expected, true, p.Amount.Sub(*expected)
	}
	a.findings = append(a.findings, f)
}

// request is the forfait request of p's establishment for variant v in
// window w (Annexe 3 §3-§4).
func (a *auditor) request(p Payment, v forfait.Variant, w window.Window) forfait.Request {
	return forfait.Request{Combined: a.ests[p.FINESS].Combined, NationalMax: a.nationalMax, Variant: v, Window: w}
}

// fail reports that the forfait of p's establishment cannot be computed.
func (a *auditor) fail(p Payment, err error) error {
	e := a.ests[p.FINESS]
	return &forfait.InputError{Field: "establishment " + e.FINESS.String(), Value: forfait.Format(e.Combined), Reason: err.Error(), Err: ErrInvalidEstablishment}
}

// advanceRule says how the advance follows from the forfait, from the rule
// set: "30 % rounded to the euro" under the instruction (§5, Annexe 2 §3;
// INT-04).
func (a *auditor) advanceRule() string {
	rs := &a.in.Forfait
	unit := "the euro"
	if u := rs.Rounding.AdvanceUnit; !u.Equal(decimal.New(1, 0)) {
		unit = forfait.Format(u) + " €"
	}
	return forfait.Format(rs.Advance.Value.Shift(2)) + " % rounded to " + unit
}

func describe(f forfait.Forfait) string {
	return "forfait " + f.Variant.String() + " window " + f.Window.String() + " = " + forfait.Format(f.Amount) +
		" € (category " + f.Category.String() + ", combined activity " + forfait.Format(f.Combined) + ", base " + forfait.Format(f.Base) + " €)"
}

// audit checks one payment, in date order.
func (a *auditor) audit(p Payment) error {
	if _, ok := a.ests[p.FINESS]; !ok {
		a.finding(UnknownEstablishment, p, nil, "§5", "FINESS "+p.FINESS.String()+" is not in the extract")
		return nil
	}
	if !p.Variant.IsValid() {
		a.finding(CRONotDS1, p, nil, "§5; Annexe 3 §3", "the CRO bonus exists for DS1 only, not "+p.Variant.Domain.String())
		return nil
	}
	a.checkDate(p)
	a.checkCredits(p)
	k := groupKey{p.FINESS, p.Variant.Domain}
	g := a.groups[k]
	if g == nil {
		g = &group{}
		a.groups[k] = g
	}
	zero := decimal.Zero
	switch p.Kind {
	case envelope.Advance:
		if g.advance != nil {
			a.finding(Duplicate, p, &zero, "§5", "a second advance for "+p.Variant.Domain.String()+"; the first was "+forfait.Format(g.advance.Amount)+" € on "+g.advance.Date.String())
			return nil
		}
		g.advance = &p
		f, err := a.compiled.Compute(a.request(p, p.Variant, p.Window))
		if err != nil {
			return a.fail(p, err)
		}
		if !f.Advance.Equal(p.Amount) {
			a.finding(AdvanceAmount, p, &f.Advance, "§5; Annexe 2 §3", describe(f)+"; advance = "+a.advanceRule()+" = "+forfait.Format(f.Advance)+" €", "INT-04")
		}
	case envelope.Balance:
		switch {
		case g.balance != nil:
			a.finding(Duplicate, p, &zero, "§5", "a second balance; the first was "+forfait.Format(g.balance.Amount)+" € on "+g.balance.Date.String())
			return nil
		case g.advance == nil:
			a.finding(NoAdvance, p, &zero, "§5; Annexe 2 §3", "a balance follows an advance; none was paid for "+p.Variant.Domain.String())
			return nil
		case g.repayment != nil:
			a.finding(BalanceAndRepayment, p, &zero, "Annexe 2 §3", "the advance was repaid on "+g.repayment.Date.String()+": no balance is due")
			return nil
		}
		g.balance = &p
		adv := g.advance
		next, _ := adv.Window.Deferral()
		if p.Window != adv.Window && p.Window != next || p.Variant.CRO && !adv.Variant.CRO {
			a.finding(BalanceWindow, p, nil, "Annexe 2 §3", "advance "+adv.Variant.String()+" window "+adv.Window.String()+
				": a balance is for the same window or, after a deferral, the next (INT-05), without a bonus the advance did not have", "INT-05")
			return nil
		}
		// The variant and window paid are the ones granted: the bonus kept
		// or lost (INT-06), the advance's window or the next (INT-05).
		b, err := settlement.BalanceOf(&a.in.Forfait, a.request(p, adv.Variant, p.Window), adv.Amount, p.Window != adv.Window, p.Variant.CRO == adv.Variant.CRO)
		if err != nil {
			return a.fail(p, err)
		}
		if !b.Amount.Equal(p.Amount) {
			a.finding(BalanceAmount, p, &b.Amount, "§5; Annexe 2 §3", describe(b.Forfait)+"; less the advance paid "+forfait.Format(adv.Amount)+" € = "+forfait.Format(b.Amount)+" €", b.Interpretations...)
		}
	case envelope.Repayment:
		switch {
		case g.repayment != nil:
			a.finding(Duplicate, p, &zero, "§5", "a second repayment; the first was "+forfait.Format(g.repayment.Amount)+" € on "+g.repayment.Date.String())
			return nil
		case g.advance == nil:
			a.finding(NoAdvance, p, &zero, "§5; Annexe 2 §3", "a repayment returns an advance; none was paid for "+p.Variant.Domain.String())
			return nil
		case g.balance != nil:
			a.finding(BalanceAndRepayment, p, &zero, "Annexe 2 §3", "a balance was paid on "+g.balance.Date.String()+": the advance is not repaid")
			return nil
		}
		g.repayment = &p
		if !g.advance.Amount.Equal(p.Amount) {
			a.finding(RepaymentAmount, p, &g.advance.Amount, "Annexe 2 §3", "the whole advance of "+forfait.Format(g.advance.Amount)+" € paid on "+g.advance.Date.String()+" is repaid", "INT-05")
		}
	}
	return nil
}

// checkDate reports a payment dated outside the calendar (§6.1, Annexe 1;
// INT-12): an advance before its window's application period opens (it
// follows a validated application); a balance or a repayment dated on or
// before the end of its window's measurement period (they follow the targets'
// measurement).
func (a *auditor) checkDate(p Payment) {
	t := a.in.Calendar().Terms(p.Window)
	switch {
	case p.Kind == envelope.Advance && p.Date.Before(t.Application.Start):
		a.finding(DateCalendar, p, nil, "§6.1", "an advance dated before window "+p.Window.String()+"'s application period opens on "+t.Application.Start.String(), "INT-12")
	case p.Kind != envelope.Advance && !p.Date.After(t.Measurement.End):
		a.finding(DateCalendar, p, nil, "Annexe 1; Annexe 2 §3", "a "+p.Kind.String()+" dated on or before the end of window "+p.Window.String()+"'s measurement period, "+t.Measurement.End.String(), "INT-12")
	}
}

// checkCredits reports a payment that takes its region beyond its advance
// or usage credits (Annexe 2 §3; §6.1): advances net of repayments within
// 30 % of the regional envelope, balances within the rest.
func (a *auditor) checkCredits(p Payment) {
	r := a.ests[p.FINESS].Region
	used := a.used[r]
	if used == nil {
		used = &envelope.Credits{Advance: decimal.Zero, Usage: decimal.Zero}
		a.used[r] = used
	}
	credits := a.credits[r.Index()]
	next, left, ok := credits.Charge(*used, p.Kind, p.Amount)
	if !ok {
		part := p.Kind.Part()
		a.finding(RegionCredits, p, &left, "Annexe 2 §3; §6.1", r.String()+": "+part.String()+" credits "+forfait.Format(credits.Of(part))+" €, "+forfait.Format(left)+" € left")
	}
	*used = next
}

// Totals is the count and the net difference of the findings of one key
// (a region, a code; Annexe 2 §3).
type Totals[K comparable] struct {
	Key        K
	Count      int
	Difference decimal.Decimal
}

// TotalsBy groups findings by key(f), sorted by key (§5, Annexe 2 §3: the
// sums an auditor reports per region and per finding code).
func TotalsBy[K cmp.Ordered](findings []Finding, key func(Finding) K) []Totals[K] {
	at := map[K]int{}
	var out []Totals[K]
	for _, f := range findings {
		k := key(f)
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, Totals[K]{Key: k, Difference: decimal.Zero})
		}
		out[i].Count++
		out[i].Difference = out[i].Difference.Add(f.Difference)
	}
	slices.SortFunc(out, func(a, b Totals[K]) int { return cmp.Compare(a.Key, b.Key) })
	return out
}

// MarshalJSON encodes e with its amounts as strings, whatever
// shopspring's settings (codec.MarshalAmounts).
func (e Establishment) MarshalJSON() ([]byte, error) { return codec.MarshalAmounts(e, forfait.Format) }

// MarshalJSON encodes p with its amounts as strings, whatever
// shopspring's settings (codec.MarshalAmounts).
func (p Payment) MarshalJSON() ([]byte, error) { return codec.MarshalAmounts(p, forfait.Format) }
