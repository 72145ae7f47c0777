// Package forfaittest helps other teams test their own payment systems
// against the SUN-ES rules, in the manner of net/http/httptest: rapid
// generators of valid inputs (activities at and around the band edges,
// requests, amended rule sets, dossiers and outcomes), and checks that take
// another system's outputs and report every violation with its citation.
//
// # What it encodes
//
// CheckPayments verifies a payment table: each forfait within its
// category's bounds (Annexe 3 §3-§4; INT-01), each advance exactly 30 % of
// its forfait (§5, Annexe 2 §3; INT-04), advance + balance = forfait (§5),
// no balance without reached targets (Annexe 2 §3), any repayment equal to
// the advance (Annexe 2 §3; INT-05). The generators draw only valid
// inputs, so that a property of another system can be checked on them.
//
// # Sources
//
// Those of package forfait; see its documentation.
//
// # Interpretations
//
// INT-01 to INT-05, as in package forfait and the interpretation register.
//
// # Errors
//
// Checks return []Violation, empty when the outputs conform; they never
// fail on malformed rows, which are violations too.
//
// # Example
//
//	violations := forfaittest.CheckPayments(&rs, table)
//	for _, v := range violations {
//		t.Errorf("%v", v)
//	}
package forfaittest

import (
	"fmt"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

// Violation is one broken rule in another system's output.
type Violation struct {
	Row    int    // the row (from 0) or item concerned
	Rule   string // what is broken
	Source string // the paragraph and INT ids that say so
	Detail string // the values involved
}

func (v Violation) String() string {
	return fmt.Sprintf("row %d: %s [%s]: %s", v.Row, v.Rule, v.Source, v.Detail)
}

// Combined draws a combined activity in half days: half the time within 8
// days of a category threshold of rs (INT-01), otherwise anywhere up to 1.2
// million.
func Combined(rs *forfait.RuleSet) *rapid.Generator[decimal.Decimal] {
	half := decimal.New(5, -1)
	return rapid.Custom(func(t *rapid.T) decimal.Decimal {
		if rapid.Bool().Draw(t, "near_edge") {
			edge := rs.Bands[rapid.IntRange(1, forfait.NumCategories-1).Draw(t, "edge")].Lower
			c := edge.Add(decimal.New(rapid.Int64Range(-16, 16).Draw(t, "offset_halves"), 0).Mul(half))
			return decimal.Max(c, decimal.Zero)
		}
		return decimal.New(rapid.Int64Range(0, 2_400_000).Draw(t, "halves"), 0).Mul(half)
	})
}

// Activity draws 2019 activity counts (Annexe 3 §1) whose combined
// activity, under the 2021 weights, lies at or around a band edge half the
// time: MCO days close to a threshold, the other counts small.
func Activity() *rapid.Generator[forfait.Activity] {
	edges := []int64{7_000, 22_500, 230_000}
	return rapid.Custom(func(t *rapid.T) forfait.Activity {
		var c [forfait.NumActivityFields]int64
		if rapid.Bool().Draw(t, "near_edge") {
			c[forfait.MCODays] = max(0, rapid.SampledFrom(edges).Draw(t, "edge")+rapid.Int64Range(-6, 6).Draw(t, "offset"))
			c[forfait.MCOSessions] = rapid.Int64Range(0, 3).Draw(t, "sessions")
			return forfait.ActivityFromCounts(c)
		}
		for i := range c {
			c[i] = rapid.Int64Range(0, 200_000).Draw(t, forfait.ActivityField(i).String())
		}
		return forfait.ActivityFromCounts(c)
	})
}

// Request draws a valid request for rs: a combined activity from Combined,
// a national maximum above it and above category D's threshold (INT-02),
// any domain, the CRO bonus on DS1 only, any window.
func Request(rs *forfait.RuleSet) *rapid.Generator[forfait.Request] {
	domains, windows := forfait.Domains(), window.All()
	return rapid.Custom(func(t *rapid.T) forfait.Request {
		c := Combined(rs).Draw(t, "combined")
		floor := decimal.Max(c, rs.Bands[forfait.NumCategories-1].Lower.Add(decimal.New(1, 0)))
		d := rapid.SampledFrom(domains[:]).Draw(t, "domain")
		return forfait.Request{
			Combined: c, NationalMax: floor.Add(decimal.New(rapid.Int64Range(0, 500_000).Draw(t, "above"), 0)),
			Domain: d, CRO: d == forfait.DS1 && rapid.Bool().Draw(t, "cro"), Window: rapid.SampledFrom(windows[:]).Draw(t, "window"),
		}
	})
}

// RuleSet draws a valid amended rule set: the 2021 instruction with its
// amounts scaled, its thresholds moved, its factors lowered (still
// non-increasing), its bonus, advance share and base unit changed, as a
// later instruction could. Every draw passes RuleSet.Validate.
func RuleSet() *rapid.Generator[forfait.RuleSet] {
	return rapid.Custom(func(t *rapid.T) forfait.RuleSet {
		rs := forfait.Instruction2021()
		rs.Name = "amended (generated)"
		scale := decimal.New(rapid.Int64Range(50, 200).Draw(t, "amount_scale_percent"), -2)
		for i := range rs.Bands {
			for d := range rs.Bands[i].Amounts {
				r := &rs.Bands[i].Amounts[d]
				r.Min, r.Max = r.Min.Mul(scale), r.Max.Mul(scale)
			}
			if i > 0 {
				shift := decimal.New(rapid.Int64Range(-500, 500).Draw(t, "threshold_shift"), 0)
				rs.Bands[i].Lower = decimal.Max(rs.Bands[i].Lower.Add(shift), rs.Bands[i-1].Lower.Add(decimal.New(1, 0)))
			}
		}
		prev := decimal.New(1, 0)
		for i := range rs.Windows {
			drop := decimal.New(rapid.Int64Range(0, 15).Draw(t, "factor_drop_percent"), -2)
			f := decimal.Max(prev.Sub(drop), decimal.New(5, -1))
			rs.Windows[i].Factor, prev = f, f
		}
		rs.CROBonus.Value = decimal.New(rapid.Int64Range(0, 25).Draw(t, "bonus_percent"), -2)
		rs.Advance.Value = decimal.New(rapid.Int64Range(10, 50).Draw(t, "advance_percent"), -2)
		rs.Rounding.BaseUnit = rapid.SampledFrom([]decimal.Decimal{decimal.New(1, 0), decimal.New(1, 3), decimal.New(1, -2)}).Draw(t, "base_unit")
		return rs
	})
}

// Payment is one row of another system's payment table: what it computed
// and paid for one establishment, domain and window.
type Payment struct {
	Establishment         string
	Combined, NationalMax decimal.Decimal
	Domain                forfait.Domain
	CRO                   bool
	Window                window.Window
	Forfait               decimal.Decimal
	Advance, Balance      decimal.Decimal
	// BalancePaid and TargetsReached: whether the balance was notified, and
	// whether the domain's targets were reached.
	BalancePaid, TargetsReached bool
	// Repaid is what the establishment paid back (zero if nothing).
	Repaid decimal.Decimal
}

// CheckPayments checks a payment table against rs and returns every
// violation, each with its citation (see the package documentation).
func CheckPayments(rs *forfait.RuleSet, rows []Payment) []Violation {
	var out []Violation
	add := func(row int, rule, source, format string, args ...any) {
		out = append(out, Violation{Row: row, Rule: rule, Source: source, Detail: fmt.Sprintf(format, args...)})
	}
	for i, p := range rows {
		if p.CRO && p.Domain != forfait.DS1 {
			add(i, "CRO bonus off DS1", "§5; Annexe 3 §3", "%s with CRO", p.Domain)
		}
		if lo, hi, cat, err := Bounds(rs, p.Combined, p.NationalMax, p.Domain, p.CRO, p.Window); err != nil {
			add(i, "forfait not computable", "Annexe 3 §3; INT-01, INT-02", "%v", err)
		} else if p.Forfait.LessThan(lo) || p.Forfait.GreaterThan(hi) {
			add(i, "forfait outside its category bounds", "Annexe 3 §3-§4; INT-01, INT-03",
				"%s € for category %s, window %s: bounds %s – %s €", forfait.Format(p.Forfait), cat, p.Window, forfait.Format(lo), forfait.Format(hi))
		}
		if adv, _, err := rs.Split(p.Forfait); err == nil && !adv.Equal(p.Advance) {
			add(i, "advance not exactly 30 %", "§5; Annexe 2 §3; INT-04", "advance %s €, 30 %% of %s € is %s €",
				forfait.Format(p.Advance), forfait.Format(p.Forfait), forfait.Format(adv))
		}
		if !p.Advance.Add(p.Balance).Equal(p.Forfait) {
			add(i, "advance + balance ≠ forfait", "§5; Annexe 2 §3; INT-04", "%s + %s ≠ %s",
				forfait.Format(p.Advance), forfait.Format(p.Balance), forfait.Format(p.Forfait))
		}
		if p.BalancePaid && !p.TargetsReached {
			add(i, "balance without reached targets", "§5; Annexe 2 §3", "balance %s € paid, targets missed", forfait.Format(p.Balance))
		}
		if !p.Repaid.IsZero() && !p.Repaid.Equal(p.Advance) {
			add(i, "repayment ≠ advance", "Annexe 2 §3; INT-05", "repaid %s €, advance %s €", forfait.Format(p.Repaid), forfait.Format(p.Advance))
		}
	}
	return out
}

// Bounds returns the least and greatest forfait of the category of
// combined, for a domain, a CRO choice and a window: the category's minimum
// and maximum base amounts, rounded to the base unit, times the bonus and
// the factor, rounded to the forfait unit (Annexe 3 §3-§4; INT-01,
// INT-03). The interpolated forfait always lies within them.
func Bounds(rs *forfait.RuleSet, combined, nationalMax decimal.Decimal, d forfait.Domain, cro bool, w window.Window) (lo, hi decimal.Decimal, cat forfait.Category, err error) {
	cat, err = rs.Category(combined, nationalMax)
	if err != nil {
		return decimal.Zero, decimal.Zero, 0, err
	}
	if !d.IsValid() || !w.IsValid() {
		return decimal.Zero, decimal.Zero, 0, fmt.Errorf("forfaittest: domain %s, window %s", d, w)
	}
	r := rs.Bands[cat.Index()].Amounts[d.Index()]
	mult := rs.Windows.Factor(w)
	if cro {
		mult = mult.Mul(decimal.New(1, 0).Add(rs.CROBonus.Value))
	}
	return roundTo(roundTo(r.Min, rs.Rounding.BaseUnit).Mul(mult), rs.Rounding.ForfaitUnit),
		roundTo(roundTo(r.Max, rs.Rounding.BaseUnit).Mul(mult), rs.Rounding.ForfaitUnit), cat, nil
}

// roundTo rounds x to the nearest multiple of unit, halves away from zero,
// exactly (QuoRem, no division rounding).
func roundTo(x, unit decimal.Decimal) decimal.Decimal {
	q, r := x.QuoRem(unit, 0)
	if r.Abs().Mul(decimal.New(2, 0)).Cmp(unit.Abs()) >= 0 {
		if x.Sign()*unit.Sign() < 0 {
			q = q.Sub(decimal.New(1, 0))
		} else {
			q = q.Add(decimal.New(1, 0))
		}
	}
	return q.Mul(unit)
}

// Dossier draws a validated dossier for rs: an establishment in a region,
// a combined activity from Combined with a national maximum above it, a
// window, and one to three distinct domains, DS1 with or without the CRO
// bonus (§5).
func Dossier(rs *forfait.RuleSet) *rapid.Generator[settlement.Dossier] {
	regions := envelope.Regions()
	return rapid.Custom(func(t *rapid.T) settlement.Dossier {
		req := Request(rs).Draw(t, "request")
		d := settlement.Dossier{
			Establishment: eligibility.FINESS(fmt.Sprintf("%02d%07d", rapid.IntRange(1, 19).Draw(t, "department"), rapid.IntRange(0, 9_999_999).Draw(t, "number"))),
			Region:        rapid.SampledFrom(regions[:]).Draw(t, "region"),
			Combined:      req.Combined, NationalMax: req.NationalMax, Window: req.Window,
		}
		for _, dom := range forfait.Domains() {
			if rapid.Bool().Draw(t, "applies_"+dom.String()) {
				d.Domains = append(d.Domains, eligibility.DomainRequest{Domain: dom, CRO: dom == forfait.DS1 && rapid.Bool().Draw(t, "cro")})
			}
		}
		if len(d.Domains) == 0 {
			d.Domains = []eligibility.DomainRequest{{Domain: forfait.DS1}}
		}
		return d
	})
}

// Outcome draws the outcome of one line of a dossier at the end of its
// awaited window: reached or not, the CRO bonus reached only with the
// domain (Annex 1).
func Outcome(l settlement.Line) *rapid.Generator[indicator.Outcome] {
	return rapid.Custom(func(t *rapid.T) indicator.Outcome {
		o := indicator.Outcome{Domain: l.Domain, CRO: l.CRO, Window: l.Window, Reached: rapid.Bool().Draw(t, "reached")}
		o.CROReached = l.CRO && o.Reached && rapid.Bool().Draw(t, "cro_reached")
		return o
	})
}
