// Package settlementtest helps other teams test what they build on package
// settlement: rapid generators of validated decisions ready to open a
// dossier, and of the rates an establishment declares at the end of a
// window, reaching or missing its targets on purpose.
//
// # Sources
//
// The rates are read against the targets of the rules given (Annexe 1;
// INT-07); the decisions are taken by eligibility.Decide under the same
// rules (§5, §6.1).
//
// # Example
//
//	in := instruction.Instruction2021()
//	rapid.Check(t, func(t *rapid.T) {
//		d := settlementtest.Decision(&in).Draw(t, "decision")
//		st, _, err := settlement.Open(&in, d.Decision, d.NationalMax, d.On)
//		// …
//	})
package settlementtest

import (
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/eligibility/eligibilitytest"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

// Opening is a validated decision with what opening its dossier needs: the
// national maximum of combined activity (zero, "not supplied", when the
// establishment is below category D; INT-02) and the day of the decision,
// on or after the filing, the dossier opening that day.
type Opening struct {
	Decision    eligibility.Decision
	NationalMax decimal.Decimal
	On          window.Date
}

// Decision draws a validated decision under in (§5, §6.1): one
// establishment of a drawn region and FINESS, a combined activity in half
// days across the four categories (INT-01), a window, and one to three
// domains, DS1 with or without the CRO bonus. The national maximum is
// supplied for category D (INT-02) and, for the others, half the time.
func Decision(in *instruction.Rules) *rapid.Generator[Opening] {
	return rapid.Custom(func(t *rapid.T) Opening {
		a := eligibilitytest.Valid()
		rs := &in.Forfait
		last := rs.Bands[forfait.NumCategories-1].Lower
		halves := rapid.Int64Range(1, 2*last.IntPart()+200_000).Draw(t, "combined_halves")
		a.Establishment.CombinedActivity = decimal.New(halves, 0).Mul(decimal.New(5, -1))
		a.Establishment.Region = envelope.Region(rapid.IntRange(1, envelope.NumRegions).Draw(t, "region"))
		a.Establishment.FINESSGeo = FINESS().Draw(t, "finess")
		a.Window = window.Window(rapid.IntRange(1, window.Count).Draw(t, "window"))
		period := in.Calendar().Terms(a.Window).Application
		a.Filed = drawDay(t, period, "filed")
		a.Domains = nil
		for _, v := range []forfait.Variant{{Domain: forfait.DS1, CRO: rapid.Bool().Draw(t, "cro")}, {Domain: forfait.DS2}, {Domain: forfait.DS3}} {
			if rapid.Bool().Draw(t, "apply_"+v.Domain.String()) {
				a.Domains = append(a.Domains, v)
			}
		}
		if len(a.Domains) == 0 {
			a.Domains = []forfait.Variant{{Domain: forfait.DS2}}
		}
		on := a.Filed.AddDate(0, 0, rapid.IntRange(0, 60).Draw(t, "days_to_decision"))
		d, err := eligibility.Decide(&a, in, on)
		if err != nil || d.Status() != eligibility.Validated || len(d.Reasons()) > 0 {
			t.Fatalf("settlementtest: the drawn application is not validated: %v %v", err, d.Reasons())
		}
		o := Opening{Decision: d, NationalMax: decimal.Zero, On: on}
		combined := a.Establishment.CombinedActivity
		if !combined.LessThan(last) || rapid.Bool().Draw(t, "national_max_supplied") {
			o.NationalMax = decimal.Max(combined, last).Add(decimal.New(rapid.Int64Range(1, 300_000).Draw(t, "above"), 0))
		}
		return o
	})
}

// FINESS draws a well-formed FINESS number (INT-09) of a metropolitan
// department.
func FINESS() *rapid.Generator[forfait.FINESS] {
	return rapid.Custom(func(t *rapid.T) forfait.FINESS {
		dept := rapid.IntRange(1, 95).Filter(func(d int) bool { return d != 20 }).Draw(t, "department")
		n := rapid.IntRange(0, 9_999_999).Draw(t, "number")
		return forfait.MustParseFINESS(twoDigits(dept) + sevenDigits(n))
	})
}

func twoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }
func sevenDigits(n int) string {
	b := []byte("0000000")
	for i := 6; i >= 0; i, n = i-1, n/10 {
		b[i] = byte('0' + n%10)
	}
	return string(b)
}

func drawDay(t *rapid.T, p window.Period, label string) window.Date {
	days := int(p.End.Time().Sub(p.Start.Time()) / (24 * time.Hour))
	return p.Start.AddDate(0, 0, rapid.IntRange(0, days).Draw(t, label))
}

// Rates returns declared rates for variant v in window w that reach the
// targets of in (Annexe 1; INT-07) when reached is true and miss them
// otherwise; for DS1+CRO, croReached says whether DS1.3 reaches its target
// too. A rate reaching its target is the target itself, exactly; a miss is
// one hundredth of a point below. ok is false when a target of 0 % cannot
// be missed.
func Rates(in *instruction.Rules, v forfait.Variant, w window.Window, reached, croReached bool) (rates map[indicator.ID]indicator.Rate, ok bool) {
	rates = map[indicator.ID]indicator.Rate{}
	for _, id := range indicator.For(v) {
		target := in.Targets.Target(id, w)
		reach := reached
		if indicator.Describe(id).Bonus {
			reach = croReached
		}
		p := target
		if !reach {
			if target.Sign() == 0 {
				return nil, false
			}
			p = target.Sub(decimal.New(1, -2))
		}
		r, err := indicator.FromPercent(decimal.Max(p, decimal.Zero))
		if err != nil {
			return nil, false
		}
		rates[id] = r
	}
	return rates, true
}
