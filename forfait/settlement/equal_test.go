package settlement_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

// rescaled is d written with one more decimal place: 1.5 as 1.50, equal by
// value, different for ==.
func rescaled(d decimal.Decimal) decimal.Decimal {
	return decimal.New(d.Coefficient().Int64()*10, d.Exponent()-1)
}

func sampleState() settlement.State {
	dec := decimal.RequireFromString
	o := indicator.Outcome{Variant: ds1, Window: window.W1, Reached: true,
		Results: []indicator.Result{{ID: indicator.DS11, Target: dec("50"), Margin: dec("2.5"), Reached: true}}}
	return settlement.State{
		Dossier: settlement.Dossier{Establishment: forfait.MustParseFINESS("750712184"), Region: envelope.IleDeFrance,
			Combined: dec("127800"), NationalMax: dec("400000.5"), Window: window.W1, Variants: []forfait.Variant{ds1},
			Filed: day(2021, 9, 1), Opened: day(2021, 10, 1)},
		Lines: []settlement.Line{{Asked: ds1, Granted: ds1, Window: window.W1, Stage: settlement.Paid,
			Paid: dec("41806.5"), Repaid: dec("0"), Outcome: &o}},
		Timeline: []envelope.Notification{{Kind: envelope.Advance, Volet: envelope.Volet1, Amount: dec("12542.5"), Date: day(2021, 10, 1)}},
	}
}

// TestEqual checks that the values holding amounts compare them by value:
// the same state written with other exponents is Equal (and cmp.Equal,
// which uses the method), and a change in any amount is not.
func TestEqual(t *testing.T) {
	a := sampleState()
	b := sampleState()
	b.Dossier.Combined, b.Dossier.NationalMax = rescaled(b.Dossier.Combined), rescaled(b.Dossier.NationalMax)
	b.Lines[0].Paid, b.Lines[0].Repaid = rescaled(b.Lines[0].Paid), rescaled(b.Lines[0].Repaid)
	o := *b.Lines[0].Outcome
	o.Results = []indicator.Result{o.Results[0]}
	o.Results[0].Margin = rescaled(o.Results[0].Margin)
	b.Lines[0].Outcome = &o
	b.Timeline[0].Amount = rescaled(b.Timeline[0].Amount)
	if !a.Equal(b) || !cmp.Equal(a, b) {
		t.Errorf("a state and the same written with other exponents differ:\n%s", cmp.Diff(a, b))
	}
	if !a.Money().Equal(b.Money()) || !cmp.Equal(a.Money(), b.Money()) {
		t.Errorf("Money of equal states differ: %v, %v", a.Money(), b.Money())
	}
	one := decimal.New(1, -2)
	for name, change := range map[string]func(*settlement.State){
		"combined":     func(s *settlement.State) { s.Dossier.Combined = s.Dossier.Combined.Add(one) },
		"national max": func(s *settlement.State) { s.Dossier.NationalMax = s.Dossier.NationalMax.Add(one) },
		"variants":     func(s *settlement.State) { s.Dossier.Variants = []forfait.Variant{ds1CRO} },
		"paid":         func(s *settlement.State) { s.Lines[0].Paid = s.Lines[0].Paid.Add(one) },
		"repaid":       func(s *settlement.State) { s.Lines[0].Repaid = one },
		"stage":        func(s *settlement.State) { s.Lines[0].Stage = settlement.Repaid },
		"no outcome":   func(s *settlement.State) { s.Lines[0].Outcome = nil },
		"margin": func(s *settlement.State) {
			o := *s.Lines[0].Outcome
			o.Results = []indicator.Result{o.Results[0]}
			o.Results[0].Margin = o.Results[0].Margin.Add(one)
			s.Lines[0].Outcome = &o
		},
		"timeline amount": func(s *settlement.State) { s.Timeline[0].Amount = s.Timeline[0].Amount.Add(one) },
		"one line more":   func(s *settlement.State) { s.Lines = append(s.Lines, s.Lines[0]) },
	} {
		c := sampleState()
		change(&c)
		if a.Equal(c) || c.Equal(a) || cmp.Equal(a, c) {
			t.Errorf("%s: a changed state is Equal to the original", name)
		}
	}
	m := a.Money()
	for name, n := range map[string]settlement.Money{
		"paid": {Paid: m.Paid.Add(one), Repaid: m.Repaid, Net: m.Net}, "repaid": {Paid: m.Paid, Repaid: one, Net: m.Net},
		"net": {Paid: m.Paid, Repaid: m.Repaid, Net: m.Net.Add(one)},
	} {
		if m.Equal(n) || cmp.Equal(m, n) {
			t.Errorf("Money with another %s is Equal", name)
		}
	}
}
