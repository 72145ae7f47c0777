package audit_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/audit"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
	"github.com/sunes-spec/sunes/window"
)

// TestVolet2: volet-2 payments are audited as the pilot pays them (§3.3,
// Annexe 2 §2, §4; INT-18): 30 % of the declared amount in advance, the
// 70 % when the objectives are met, the advance repaid otherwise, at most
// 100 k€ per establishment, in the three pilot regions only. Declared
// 50 000 €: 15 000 + 35 000; declared 120 000 €, above the cap, due at
// the cap (INT-27): 30 000 + 70 000.
func TestVolet2(t *testing.T) {
	designated, unset, big := forfait.MustParseFINESS("310000013"), forfait.MustParseFINESS("310000021"), forfait.MustParseFINESS("310000039")
	ests := append([]audit.Establishment{
		{FINESS: designated, Region: envelope.Occitanie, Combined: d("100000"), Volet2: d("50000")},
		{FINESS: unset, Region: envelope.Occitanie, Combined: d("100000")},
		{FINESS: big, Region: envelope.Occitanie, Combined: d("100000"), Volet2: d("120000")},
	}, establishments...)
	v2 := func(f forfait.FINESS, k envelope.Kind, amount, date string) audit.Payment {
		return audit.Payment{FINESS: f, Volet: envelope.Volet2, Kind: k, Amount: d(amount), Date: window.MustParseDate(date)}
	}
	adv := v2(designated, envelope.Advance, "15000", "2022-01-10")
	tests := []struct {
		name     string
		payments []audit.Payment
		want     []found
	}{
		{"advance 30 %", []audit.Payment{adv}, nil},
		{"advance one euro over", []audit.Payment{v2(designated, envelope.Advance, "15001", "2022-01-10")}, []found{{audit.AdvanceAmount, "15000", "15001"}}},
		{"advance then the 70 %", []audit.Payment{adv, v2(designated, envelope.Balance, "35000", "2023-01-10")}, nil},
		{"balance one euro over", []audit.Payment{adv, v2(designated, envelope.Balance, "35001", "2023-01-10")}, []found{{audit.BalanceAmount, "35000", "35001"}}},
		{"advance repaid", []audit.Payment{adv, v2(designated, envelope.Repayment, "15000", "2023-01-10")}, nil},
		{"balance after a repayment", []audit.Payment{adv, v2(designated, envelope.Repayment, "15000", "2023-01-10"), v2(designated, envelope.Balance, "35000", "2023-02-10")},
			[]found{{audit.BalanceAndRepayment, "0", "35000"}}},
		{"second advance", []audit.Payment{adv, v2(designated, envelope.Advance, "15000", "2022-03-10")}, []found{{audit.Duplicate, "0", "15000"}}},
		{"not designated", []audit.Payment{v2(unset, envelope.Advance, "15000", "2022-01-10")}, []found{{audit.NotDesignated, "0", "15000"}}},
		{"not a pilot region", []audit.Payment{v2(mayotte, envelope.Advance, "15000", "2022-01-10")}, []found{{audit.NotPilot, "0", "15000"}}},
		{"declared above the cap", []audit.Payment{v2(big, envelope.Advance, "36000", "2022-01-10"), v2(big, envelope.Balance, "84000", "2023-01-10")},
			[]found{{audit.AdvanceAmount, "30000", "36000"}, {audit.Volet2Cap, "64000", "84000"}, {audit.BalanceAmount, "70000", "84000"}}},
		{"volet 1 and volet 2 apart", []audit.Payment{adv, pay(designated, ds1, window.W1, envelope.Advance, "25829", "2021-12-15")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := audit.Audit(&rules, ests, tt.payments, options)
			if err != nil {
				t.Fatal(err)
			}
			var got []found
			for _, f := range r.Findings {
				got = append(got, found{f.Code, f.Expected.String(), f.Paid.String()})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDelegatedCredits: the credits audited against are the whole
// Annexe 2 envelope by default, the tranches delegated by each payment's
// date when given (§6.1, Annexe 2 §5). Mayotte's DS1 advance of 45 000 €
// fits its 66 067 € of advance credits, not a first tranche of 10 000 €;
// a second tranche dated before it makes it fit, one dated after does not.
func TestDelegatedCredits(t *testing.T) {
	p := pay(mayotte, ds1, window.W1, envelope.Advance, "45000", "2021-12-15")
	tranche := func(date, advance string) envelope.Tranche {
		return envelope.Tranche{Date: window.MustParseDate(date), Credits: envelope.Credits{Advance: d(advance), Usage: d("0")}, Source: "circulaire FMIS"}
	}
	tests := []struct {
		name     string
		tranches []envelope.Tranche
		want     []found
	}{
		{"the whole envelope", nil, nil},
		{"a first tranche", []envelope.Tranche{tranche("2021-12-01", "10000")}, []found{{audit.RegionCredits, "10000", "45000"}}},
		{"a second tranche before", []envelope.Tranche{tranche("2021-12-01", "10000"), tranche("2021-12-15", "40000")}, nil},
		{"a second tranche after", []envelope.Tranche{tranche("2021-12-01", "10000"), tranche("2021-12-16", "40000")}, []found{{audit.RegionCredits, "10000", "45000"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := options
			if tt.tranches != nil {
				opt.Delegations = []audit.Delegation{{Region: envelope.Mayotte, Volet: envelope.Volet1, Tranches: tt.tranches}}
			}
			r, err := audit.Audit(&rules, establishments, []audit.Payment{p}, opt)
			if err != nil {
				t.Fatal(err)
			}
			var got []found
			for _, f := range r.Findings {
				got = append(got, found{f.Code, f.Expected.String(), f.Paid.String()})
				if !f.Overpaid().IsZero() {
					t.Errorf("%s counts %s € paid wrongly: the advance was due", f.Code, f.Overpaid())
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
	bad := []audit.Delegation{
		{Region: envelope.Mayotte, Volet: envelope.Volet2},
		{Region: envelope.Mayotte, Volet: envelope.Volet1, Tranches: []envelope.Tranche{{Credits: envelope.Credits{Advance: d("1"), Usage: d("0")}}}},
		{Region: envelope.Mayotte, Volet: envelope.Volet1},
	}
	_, err := audit.Audit(&rules, establishments, []audit.Payment{p}, audit.Options{NationalMax: options.NationalMax, Delegations: bad})
	fields := codectest.Places(t, err)
	if diff := cmp.Diff([]string{"delegations[0].region", "delegations[1].tranches[0]", "delegations[2].region"}, fields); diff != "" ||
		!errors.Is(err, envelope.ErrNotPilot) || !errors.Is(err, envelope.ErrInvalidDelegation) {
		t.Errorf("problems (-want +got):\n%s; %v", diff, err)
	}
}
