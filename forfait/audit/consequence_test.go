package audit_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait/audit"
	"github.com/sunes-spec/sunes/window"
)

// TestCountedOnce: a wrong advance is counted once in the totals, whether
// the balance or the repayment that follows carries its wrong amount over
// (then a consequence, pointing to it) or recovers it (the text's rule:
// the balance deducts the advance paid, the repayment returns it; Annexe 2
// §3). DS2 window 1 (hand-computed): advance 11 758, balance 27 436.
func TestCountedOnce(t *testing.T) {
	over := pay(annex, ds2, window.W1, envelope.Advance, "11759", "2021-12-15")
	type row struct {
		Code     audit.Code
		Expected string
		Paid     string
		Cause    int
		Settled  bool
	}
	tests := []struct {
		name    string
		then    audit.Payment
		want    []row
		overpay string // paid − due, worked by hand
	}{
		{"balance as if the advance were right", pay(annex, ds2, window.W1, envelope.Balance, "27436", "2022-09-01"),
			[]row{{audit.AdvanceAmount, "11758", "11759", 0, false}, {audit.BalanceAmount, "27435", "27436", 1, false}}, "1"},
		{"balance that deducts the advance paid", pay(annex, ds2, window.W1, envelope.Balance, "27435", "2022-09-01"),
			[]row{{audit.AdvanceAmount, "11758", "11759", 0, true}}, "0"},
		{"balance one euro over on top", pay(annex, ds2, window.W1, envelope.Balance, "27437", "2022-09-01"),
			[]row{{audit.AdvanceAmount, "11758", "11759", 0, true}, {audit.BalanceAmount, "27435", "27437", 0, false}}, "2"},
		{"repayment of the advance due only", pay(annex, ds2, window.W1, envelope.Repayment, "11758", "2022-09-01"),
			[]row{{audit.AdvanceAmount, "11758", "11759", 0, false}, {audit.RepaymentAmount, "11759", "11758", 1, false}}, "1"},
		{"repayment of the advance paid", pay(annex, ds2, window.W1, envelope.Repayment, "11759", "2022-09-01"),
			[]row{{audit.AdvanceAmount, "11758", "11759", 0, true}}, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := audit.Audit(&rules, establishments, []audit.Payment{over, tt.then}, options)
			if err != nil {
				t.Fatal(err)
			}
			var got []row
			for _, f := range r.Findings {
				got = append(got, row{f.Code, f.Expected.String(), f.Paid.String(), f.Cause, f.Settled})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			sum := decimal.Zero
			for _, tot := range audit.TotalsBy(r.Findings, func(f audit.Finding) audit.Code { return f.Code }) {
				sum = sum.Add(tot.Overpaid)
			}
			if !sum.Equal(d(tt.overpay)) {
				t.Errorf("totals count %s € paid wrongly, want %s €", sum, tt.overpay)
			}
		})
	}
}

// TestAdvanceKept: an advance neither balanced nor repaid after the
// declaration deadline of its deferral window (window 2 for a window-1
// advance: 31 December 2022) is kept past its repayment date (§5; Annexe
// 2 §3; INT-05, INT-28); a wrong advance is then counted once, whole.
func TestAdvanceKept(t *testing.T) {
	repaid := pay(annex, ds2, window.W1, envelope.Repayment, "11758", "2022-09-01")
	over := pay(annex, ds2, window.W1, envelope.Advance, "11759", "2021-12-15")
	tests := []struct {
		name     string
		payments []audit.Payment
		asOf     string
		want     []found
		overpaid string
	}{
		{"on the deadline", []audit.Payment{advDS2}, "2022-12-31", nil, "0"},
		{"the day after", []audit.Payment{advDS2}, "2023-01-01", []found{{audit.AdvanceKept, "0", "11758"}}, "11758"},
		{"repaid", []audit.Payment{advDS2, repaid}, "2023-01-01", nil, "0"},
		{"a wrong advance kept", []audit.Payment{over}, "2023-01-01", []found{{audit.AdvanceAmount, "11758", "11759"}, {audit.AdvanceKept, "0", "11759"}}, "11759"},
	}
	for _, tt := range tests {
		// The calendar's declaration deadlines (Deadline nil) are the ends
		// of the measurement semesters, as deadline gives them (INT-22).
		for _, dl := range []struct {
			name string
			f    func(window.Window) window.Date
		}{{"given deadlines", deadline}, {"calendar deadlines", nil}} {
			t.Run(tt.name+"/"+dl.name, func(t *testing.T) {
				opt := options
				opt.AsOf, opt.Deadline = window.MustParseDate(tt.asOf), dl.f
				r, err := audit.Audit(&rules, establishments, tt.payments, opt)
				if err != nil {
					t.Fatal(err)
				}
				var got []found
				sum := decimal.Zero
				for _, f := range r.Findings {
					got = append(got, found{f.Code, f.Expected.String(), f.Paid.String()})
					sum = sum.Add(f.Overpaid())
				}
				if diff := cmp.Diff(tt.want, got); diff != "" || !sum.Equal(d(tt.overpaid)) {
					t.Errorf("findings (-want +got):\n%s; overpaid %s, want %s", diff, sum, tt.overpaid)
				}
			})
		}
	}
}
