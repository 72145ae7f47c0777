// Package forfaittest helps other teams test their own payment systems
// against the SUN-ES rules, in the manner of net/http/httptest: rapid
// generators of valid inputs (activities at and around the band edges,
// requests with or without a national maximum, amended rule sets). To check
// what another system paid, audit its ledger with package
// forfait/audit, the one implementation of "what should have been paid";
// for dossiers and declared rates, see forfait/settlement/settlementtest.
//
// # What it encodes
//
// The generators draw only valid inputs (Annexe 3 §1, §3; INT-01, INT-02),
// so that a property of another system can be checked on them: every
// request they draw is computable by forfait.RuleSet.Compute.
//
// # Sources
//
// Those of package forfait; see its documentation.
//
// # Example
//
//	rapid.Check(t, func(t *rapid.T) {
//		rs := forfaittest.RuleSet().Draw(t, "rules")
//		req := forfaittest.Request(&rs).Draw(t, "request")
//		want, _ := rs.Compute(req)
//		// compare with your system's forfait
//	})
package forfaittest

import (
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

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
// activity lies at or around a band edge of rs half the time (INT-01): MCO
// days close to a threshold, the other counts small.
func Activity(rs *forfait.RuleSet) *rapid.Generator[forfait.Activity] {
	var edges []int64
	for _, b := range rs.Bands[1:] {
		edges = append(edges, b.Lower.IntPart())
	}
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

// Request draws a valid request for rs: a combined activity from Combined;
// a national maximum above it and above category D's threshold (INT-02),
// or, below category D, half the time none ("not supplied"); any of the
// four variants (§5); any window.
func Request(rs *forfait.RuleSet) *rapid.Generator[forfait.Request] {
	variants, windows := forfait.Variants(), window.All()
	return rapid.Custom(func(t *rapid.T) forfait.Request {
		c := Combined(rs).Draw(t, "combined")
		last := rs.Bands[forfait.NumCategories-1].Lower
		req := forfait.Request{
			Combined: c, Variant: rapid.SampledFrom(variants[:]).Draw(t, "variant"), Window: rapid.SampledFrom(windows[:]).Draw(t, "window"),
		}
		if !c.LessThan(last) || rapid.Bool().Draw(t, "national_max_supplied") {
			floor := decimal.Max(c, last.Add(decimal.New(1, 0)))
			req.NationalMax = floor.Add(decimal.New(rapid.Int64Range(0, 500_000).Draw(t, "above"), 0))
		}
		return req
	})
}

// RuleSet draws a valid amended rule set: the 2021 instruction with its
// amounts scaled, each domain's by its own factor too (so that domains'
// amounts differ, or match another domain's), its thresholds moved, its
// factors lowered (still non-increasing), its bonus, advance share, base
// unit (INT-03: 1 €, 1 000 € for the annex, a cent, 500 €) and forfait
// unit (1 € or a cent) changed, as a later instruction could. Every draw
// passes RuleSet.Validate.
func RuleSet() *rapid.Generator[forfait.RuleSet] {
	return rapid.Custom(func(t *rapid.T) forfait.RuleSet {
		rs := forfait.Instruction2021()
		rs.Name = "amended (generated)"
		scale := decimal.New(rapid.Int64Range(50, 200).Draw(t, "amount_scale_percent"), -2)
		var perDomain [forfait.NumDomains]decimal.Decimal
		for d := range perDomain {
			perDomain[d] = decimal.New(rapid.SampledFrom([]int64{10, 10, 5, 12, 20}).Draw(t, "domain_scale_tenths"), -1)
		}
		for i := range rs.Bands {
			for d := range rs.Bands[i].Amounts {
				r := &rs.Bands[i].Amounts[d]
				f := scale.Mul(perDomain[d])
				r.Min, r.Max = r.Min.Mul(f), r.Max.Mul(f)
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
		rs.Rounding.BaseUnit = rapid.SampledFrom([]decimal.Decimal{
			decimal.New(1, 0), decimal.New(1, 3), decimal.New(1, -2), decimal.New(5, 2),
		}).Draw(t, "base_unit")
		rs.Rounding.ForfaitUnit = rapid.SampledFrom([]decimal.Decimal{decimal.New(1, 0), decimal.New(1, -2)}).Draw(t, "forfait_unit")
		return rs
	})
}
