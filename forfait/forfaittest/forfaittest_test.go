package forfaittest_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/forfaittest"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// The library's own payments, on generated rule sets and requests, break
// no rule: the generators draw valid inputs and the checks accept correct
// outputs.
func TestLibraryConforms(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		rs := forfaittest.RuleSet().Draw(t, "rule_set")
		if err := rs.Validate(); err != nil {
			t.Fatalf("generated rule set invalid: %v", err)
		}
		req := forfaittest.Request(&rs).Draw(t, "request")
		f, err := rs.Compute(req)
		if err != nil {
			t.Fatalf("Compute(%+v): %v", req, err)
		}
		reached := rapid.Bool().Draw(t, "reached")
		p := forfaittest.Payment{Combined: req.Combined, NationalMax: req.NationalMax, Domain: req.Domain, CRO: req.CRO, Window: req.Window,
			Forfait: f.Amount, Advance: f.Advance, Balance: f.Balance, BalancePaid: reached, TargetsReached: reached, Repaid: decimal.Zero}
		if !reached {
			p.Repaid = f.Advance
		}
		if vs := forfaittest.CheckPayments(&rs, []forfaittest.Payment{p}); len(vs) > 0 {
			t.Fatalf("violations on the library's own output: %v", vs)
		}
	})
}

func TestActivityAndDossier(t *testing.T) {
	rs := forfait.Instruction2021()
	rapid.Check(t, func(t *rapid.T) {
		if _, err := rs.CombinedActivity(forfaittest.Activity().Draw(t, "activity")); err != nil {
			t.Fatal(err)
		}
		d := forfaittest.Dossier(&rs).Draw(t, "dossier")
		st, err := settlement.Open(&rs, d, window.Instruction2021()[0].Review.End)
		if err != nil {
			t.Fatalf("Open(%+v): %v", d, err)
		}
		o := forfaittest.Outcome(st.Lines[0]).Draw(t, "outcome")
		if _, err := settlement.Settle(&rs, st, []indicator.Outcome{o}, nil, window.Instruction2021()[1].Review.End); err != nil {
			t.Fatalf("Settle: %v", err)
		}
	})
}

// TestEachViolation: every kind of mistake is caught, with its citation.
func TestEachViolation(t *testing.T) {
	rs := forfait.Instruction2021()
	good := forfaittest.Payment{Combined: d("127800"), Domain: forfait.DS1, CRO: true, Window: window.W1,
		Forfait: d("109738"), Advance: d("32921"), Balance: d("76817"), BalancePaid: true, TargetsReached: true, Repaid: decimal.Zero}
	tests := []struct {
		rule    string
		breakIt func(*forfaittest.Payment)
	}{
		{"forfait outside its category bounds", func(p *forfaittest.Payment) { p.Forfait, p.Advance, p.Balance = d("170000"), d("51000"), d("119000") }},
		{"advance not exactly 30 %", func(p *forfaittest.Payment) { p.Advance, p.Balance = d("32922"), d("76816") }},
		{"advance + balance ≠ forfait", func(p *forfaittest.Payment) { p.Balance = d("76818") }},
		{"balance without reached targets", func(p *forfaittest.Payment) { p.TargetsReached = false }},
		{"repayment ≠ advance", func(p *forfaittest.Payment) { p.Repaid = d("30000") }},
		{"CRO bonus off DS1", func(p *forfaittest.Payment) {
			p.Domain = forfait.DS2
			p.Forfait, p.Advance, p.Balance = d("39194"), d("11758"), d("27436")
		}},
		{"forfait not computable", func(p *forfaittest.Payment) { p.Combined = d("300000") }},
	}
	if vs := forfaittest.CheckPayments(&rs, []forfaittest.Payment{good}); len(vs) != 0 {
		t.Fatalf("the annex payment is flagged: %v", vs)
	}
	for _, tt := range tests {
		p := good
		tt.breakIt(&p)
		vs := forfaittest.CheckPayments(&rs, []forfaittest.Payment{p})
		found := false
		for _, v := range vs {
			found = found || v.Rule == tt.rule && v.Source != "" && v.Detail != ""
		}
		if !found {
			t.Errorf("%s not caught: %v", tt.rule, vs)
		}
	}
}

// A third party's payment table, with a mistake seeded in its second row:
// the advance was computed on the forfait before the window factor.
func Example_paymentTable() {
	rs := forfait.Instruction2021()
	table := []forfaittest.Payment{
		{Establishment: "750712184", Combined: d("127800"), Domain: forfait.DS1, CRO: true, Window: window.W1,
			Forfait: d("109738"), Advance: d("32921"), Balance: d("76817"), BalancePaid: true, TargetsReached: true},
		{Establishment: "750712184", Combined: d("127800"), Domain: forfait.DS2, Window: window.W4,
			Forfait: d("31355"), Advance: d("11758"), Balance: d("19597")},
		{Establishment: "750712184", Combined: d("127800"), Domain: forfait.DS3, Window: window.W2,
			Forfait: d("35275"), Advance: d("10583"), Balance: d("24692")},
	}
	for _, v := range forfaittest.CheckPayments(&rs, table) {
		fmt.Println(v)
	}
	// Output: row 1: advance not exactly 30 % [§5; Annexe 2 §3; INT-04]: advance 11758 €, 30 % of 31355 € is 9407 €
}
