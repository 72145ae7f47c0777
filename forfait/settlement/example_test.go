package settlement_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

// A DS2 dossier misses window 1, defers, and reaches window 2 (INT-05).
func Example() {
	rs := forfait.Instruction2021()
	d := settlement.Dossier{
		Establishment: "750712184", Region: envelope.IleDeFrance, Combined: decimal.New(127800, 0), Window: window.W1,
		Domains: []eligibility.DomainRequest{{Domain: forfait.DS2}},
	}
	st, err := settlement.Open(&rs, d, day(2021, 12, 15))
	if err != nil {
		fmt.Println(err)
		return
	}
	st, err = settlement.Settle(&rs, st, []indicator.Outcome{{Domain: forfait.DS2, Window: window.W1}}, []forfait.Domain{forfait.DS2}, day(2022, 9, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	st, err = settlement.Settle(&rs, st, []indicator.Outcome{{Domain: forfait.DS2, Window: window.W2, Reached: true}}, nil, day(2023, 3, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range st.Timeline {
		fmt.Println(n.Date.Format("2006-01-02"), n.Kind, n.Domain, "window", n.Window, forfait.Format(n.Amount), n.Source, n.Interpretations)
	}
	fmt.Println("earned", forfait.Format(st.Lines[0].Entitlement()))
	// Output:
	// 2021-12-15 advance DS2 window 1 11758 §5; Annexe 2 §3 [INT-04]
	// 2023-03-01 balance DS2 window 2 23517 §5; Annexe 2 §3 [INT-05]
	// earned 35275
}

// 30 000 days: base 48 000 + 7 500 × 102 000/207 500 = 51 686.75 → 51 687;
// × 1.1 × 0.9 = 51 170.13 → 51 170 = 15 351 + 35 819.
func ExampleNewForecast() {
	rs := forfait.Instruction2021()
	pending := settlement.Dossier{
		Establishment: "350000014", Region: envelope.Bretagne, Combined: decimal.New(30000, 0), Window: window.W2,
		Domains: []eligibility.DomainRequest{{Domain: forfait.DS1, CRO: true}},
	}
	fc, err := settlement.NewForecast(&rs, nil, []settlement.Dossier{pending}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range fc.Planned {
		fmt.Println(p.Region, "window", p.Window, p.Domain, "advance", forfait.Format(p.Advance), "usage", forfait.Format(p.Usage))
	}
	// Output: Bretagne window 2 DS1 advance 15351 usage 35819
}
