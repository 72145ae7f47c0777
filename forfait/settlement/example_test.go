package settlement_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/eligibility/eligibilitytest"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

// A DS2 dossier misses window 1 (40 % < 45 %), defers, and reaches window 2
// (54 %) (INT-05): it earns window 2's forfait, 35 275 €.
func Example() {
	in := instruction.Instruction2021()
	app := eligibilitytest.Valid() // category C, 127 800, filed in window 1
	app.Domains = []forfait.Variant{{Domain: forfait.DS2}}
	decision, err := eligibility.Decide(&app, &in, window.DateOf(2021, 12, 15))
	if err != nil {
		fmt.Println(err)
		return
	}
	declared := func(p string) map[indicator.ID]indicator.Rate {
		r, _ := indicator.ParsePercent(p)
		return map[indicator.ID]indicator.Rate{indicator.DS21: r}
	}
	st, _, err := settlement.Open(&in, decision, decimal.Zero, window.DateOf(2021, 12, 15))
	if err != nil {
		fmt.Println(err)
		return
	}
	st, _, err = settlement.Settle(&in, st, []settlement.Declaration{
		{Domain: forfait.DS2, Window: window.W1, Rates: declared("40 %"), Defer: true},
	}, window.DateOf(2022, 9, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	st, added, err := settlement.Settle(&in, st, []settlement.Declaration{
		{Domain: forfait.DS2, Window: window.W2, Rates: declared("54 %")},
	}, window.DateOf(2023, 3, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range st.Timeline {
		fmt.Println(n.Date, n.Kind, n.Variant, "window", n.Window, forfait.Format(n.Amount), n.Source, n.Interpretations)
	}
	m := st.Money()
	fmt.Println("this step added", len(added), "- paid", forfait.Format(m.Paid), "repaid", forfait.Format(m.Repaid), "net", forfait.Format(m.Net))
	// Output:
	// 2021-12-15 advance DS2 window 1 11758 §5; Annexe 2 §3 [INT-04]
	// 2023-03-01 balance DS2 window 2 23517 §5; Annexe 2 §3 [INT-05]
	// this step added 1 - paid 35275 repaid 0 net 35275
}

// 30 000 days: base 48 000 + 7 500 × 102 000/207 500 = 51 686.75 → 51 687;
// × 1.1 × 0.9 = 51 170.13 → 51 170 = 15 351 + 35 819.
func ExampleNewForecast() {
	in := instruction.Instruction2021()
	pending := settlement.Dossier{
		Establishment: forfait.MustParseFINESS("350000014"), Region: envelope.Bretagne, Combined: decimal.New(30000, 0), Window: window.W2,
		Variants: []forfait.Variant{{Domain: forfait.DS1, CRO: true}},
	}
	fc, err := settlement.NewForecast(&in, window.DateOf(2022, 6, 30), nil, []settlement.Dossier{pending}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range fc.Planned {
		fmt.Println(p.Region, "window", p.Window, p.Domain, "advance", forfait.Format(p.Advance), "usage", forfait.Format(p.Usage))
	}
	// Output: Bretagne window 2 DS1 advance 15351 usage 35819
}
