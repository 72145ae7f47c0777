package forfait_test

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

// The worked example of Annexe 3 §4: a category-C establishment with a
// combined activity of 127 800, funded for DS1 with the CRO bonus in
// window 1, biology (DS2) in window 4 and imaging (DS3) in window 2. With
// the annex's base unit of 1 000 € (INT-03) the forfaits come to 176 300 €.
func Example_annex3() {
	rs := forfait.Instruction2021()
	rs.Rounding.BaseUnit = decimal.New(1000, 0) // the annex rounds bases to the k€
	total := decimal.Zero
	for _, req := range []forfait.Request{
		{Combined: decimal.New(127800, 0), Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W1},
		{Combined: decimal.New(127800, 0), Variant: forfait.Variant{Domain: forfait.DS2}, Window: window.W4},
		{Combined: decimal.New(127800, 0), Variant: forfait.Variant{Domain: forfait.DS3}, Window: window.W2},
	} {
		f, err := rs.Compute(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s category %s window %s: base %s, forfait %s = advance %s + balance %s\n", f.Variant, f.Category, f.Window,
			forfait.Format(f.Base), forfait.Format(f.Amount), forfait.Format(f.Advance), forfait.Format(f.Balance))
		total = total.Add(f.Amount)
	}
	fmt.Println("total", forfait.Format(total))
	// Output:
	// DS1+CRO category C window 1: base 100000, forfait 110000 = advance 33000 + balance 77000
	// DS2 category C window 4: base 39000, forfait 31200 = advance 9360 + balance 21840
	// DS3 category C window 2: base 39000, forfait 35100 = advance 10530 + balance 24570
	// total 176300
}

// With the default base unit of 1 €, the same DS1 forfait is computed from
// the exact base 99 761.93 €.
func ExampleRuleSet_Compute() {
	rs := forfait.Instruction2021()
	f, err := rs.Compute(forfait.Request{Combined: decimal.New(127800, 0), Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.Category, forfait.Format(f.Base), forfait.Format(f.Amount), forfait.Format(f.Advance), forfait.Format(f.Balance))
	// Output: C 99762 109738 32921 76817
}

func ExampleRuleSet_Compute_errors() {
	rs := forfait.Instruction2021()
	_, err := rs.Compute(forfait.Request{Combined: decimal.New(250000, 0), Variant: forfait.Variant{Domain: forfait.DS2, CRO: true}, Window: window.W1})
	fmt.Println(errors.Is(err, forfait.ErrBonusNotDS1), errors.Is(err, forfait.ErrNationalMax))
	fmt.Println(err)
	// Output:
	// true true
	// forfait: the CRO bonus applies to DS1 only: cro = true (DS2+CRO is not a variant)
	// forfait: national maximum of combined activity inconsistent: national_max = 0 (required for category D (activity 250000))
}

func ExampleRuleSet_Explain() {
	rs := forfait.Instruction2021()
	d, err := rs.Explain(forfait.Request{Combined: decimal.New(127800, 0), Variant: forfait.Variant{Domain: forfait.DS2}, Window: window.W4})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(d)
	// Output:
	// input.combined_activity  combined activity 2019 = 127800  [Annexe 3 §1]
	//   input.national_max       national maximum of combined activity = not supplied  [Annexe 3 §3; INT-02]
	//   input.domain             DS2: Alimenter le DMP en comptes rendus de biologie médicale  [Annexe 3 §2]
	//   input.cro                CRO bonus asked: false  [§5]
	//   input.window             funding window 4  [§6.1]
	//   category                 22500 ≤ 127800 < 230000: category C  [Annexe 3 §3; INT-01, INT-02]
	//   base.interpolated        26000 + (127800 − 22500) × (52000 − 26000) / (230000 − 22500) = 39194.216867…  [Annexe 3 §3; INT-01]
	//   base.rounded             39194.216867… rounded to the nearest 1 € = 39194  [Annexe 3 §4; INT-03]
	//   window_factor            39194 × 0.8 (window 4) = 31355.2  [Annexe 3 §4]
	//   forfait                  31355.2 rounded to the nearest 1 € = 31355  [Annexe 3 §4; INT-03]
	//   advance                  31355 × 0.3 rounded to the nearest 1 € = 9407  [§5; Annexe 2 §3; INT-04]
	//   balance                  31355 − 9407 = 21948  [§5; Annexe 2 §3; INT-04]
}

func ExampleRuleSet_ExplainActivity() {
	rs := forfait.Instruction2021()
	a := forfait.Activity{MCODays: 100_000, MCOSessions: 20_000, AmbulatorySurgeryStays: 5_000, SSRDays: 20_600}
	d, err := rs.ExplainActivity(a, forfait.Request{Variant: forfait.Variant{Domain: forfait.DS3}, Window: window.W2})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range d.Steps[:9] {
		fmt.Println(s.Name, s.Value)
	}
	fmt.Println("forfait", forfait.Format(d.Forfait.Amount))
	// Output:
	// combined.mco_days 100000
	// combined.mco_sessions 10000
	// combined.ambulatory_surgery_stays 7500
	// combined.day_hospital_stays 0
	// combined.ssr_days 10300
	// combined.psy_days 0
	// combined.had_days 0
	// combined.usld_days 0
	// combined_activity 127800
	// forfait 35275
}

func ExampleRuleSet_CombinedActivity() {
	rs := forfait.Instruction2021()
	// 100 000 MCO days + 20 000 sessions × 0.5 + 5 000 ambulatory stays × 1.5 + 20 600 SSR days × 0.5
	c, err := rs.CombinedActivity(forfait.Activity{MCODays: 100_000, MCOSessions: 20_000, AmbulatorySurgeryStays: 5_000, SSRDays: 20_600})
	fmt.Println(forfait.Format(c), err)
	// Output: 127800 <nil>
}

func ExampleRuleSet_Split() {
	rs := forfait.Instruction2021()
	advance, balance, err := rs.Split(decimal.New(31355, 0))
	fmt.Println(forfait.Format(advance), forfait.Format(balance), err)
	// Output: 9407 21948 <nil>
}

// An amended rule set is a copy with different parameters; Validate proves
// it coherent before use.
func ExampleRuleSet_Validate() {
	rs := forfait.Instruction2021()
	rs.Name = "hypothetical amendment"
	rs.Bands[2].Amounts[forfait.DS1.Index()].Max = decimal.New(160_000, 0) // no longer category D's minimum
	rs.Advance.Value = decimal.New(40, -2)                                 // a 40 % advance is a valid choice
	fmt.Println(rs.Validate())
	// Output:
	// forfait: invalid rule set: bands[D].amounts[DS1].min = 150000 (differs from the previous band's maximum 160000)
}

// Problems lists every problem a function reported at once.
func ExampleProblems() {
	rs := forfait.Instruction2021()
	_, err := rs.CombinedActivity(forfait.Activity{MCODays: -1, HADDays: -3})
	for _, p := range forfait.Problems(err) {
		fmt.Println(p)
	}
	// Output:
	// forfait: invalid activity: mco_days = -1 (a count cannot be negative)
	// forfait: invalid activity: had_days = -3 (a count cannot be negative)
}

// Which steps make DS1 with CRO in window 1 differ from window 2?
func ExampleDiff() {
	rs := forfait.Instruction2021()
	req := forfait.Request{Combined: decimal.New(127800, 0), Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W1}
	a, _ := rs.Explain(req)
	req.Window = window.W2
	b, _ := rs.Explain(req)
	fmt.Print(forfait.FormatDiff(forfait.Diff(a, b)))
	// Output:
	//   input.window   1 → 2  (+1)
	//   window_factor  109738.2 → 98764.38  (-10973.82)
	//   forfait        109738 → 98764  (-10974)
	//   advance        32921 → 29629  (-3292)
	//   balance        76817 → 69135  (-7682)
}

func ExampleRuleSet_Category() {
	rs := forfait.Instruction2021()
	for _, c := range []string{"6999.5", "7000", "230000"} {
		cat, err := rs.Category(decimal.RequireFromString(c), forfait.NationalMaxOf(decimal.New(400000, 0)))
		fmt.Println(c, cat, err)
	}
	// Output:
	// 6999.5 A <nil>
	// 7000 B <nil>
	// 230000 D <nil>
}

func ExampleInterpretations() {
	for _, e := range forfait.Interpretations()[:3] {
		fmt.Println(e.ID, e.Passage, "policy:", e.Policy != "")
	}
	// Output:
	// INT-01 Annexe 3 §3 policy: false
	// INT-02 Annexe 3 §1 and §3 policy: true
	// INT-03 Annexe 3 §4 policy: true
}

func ExampleFormat() {
	fmt.Println(forfait.Format(decimal.RequireFromString("176300.00")), forfait.Format(decimal.New(15, -1)))
	// Output: 176300 1.5
}

func ExampleParseFINESS() {
	for _, s := range []string{"2A0000123", "200000000"} {
		f, err := forfait.ParseFINESS(s)
		fmt.Println(f, err)
	}
	// Output:
	// 2A0000123 <nil>
	// unset forfait: malformed FINESS: finess = "200000000" (department 20 does not exist)
}

// A batch caller compiles the rules once, then computes each
// establishment's 16 forfaits as whole cents without allocating. The
// establishment is the sample extract's first; its figures are those of
// the independent exact computation (examples/campaign/testdata).
func ExampleCompiled_ComputeTable() {
	rs := forfait.Instruction2021()
	c, err := rs.Compile()
	if err != nil {
		fmt.Println(err)
		return
	}
	x, err := c.Combine(forfait.Activity{MCODays: 100_000, MCOSessions: 20_000, AmbulatorySurgeryStays: 12_000,
		DayHospitalStays: 4_000, SSRDays: 10_000, PSYDays: 6_000, HADDays: 1_600})
	if err != nil {
		fmt.Println(err)
		return
	}
	var t forfait.Table
	if err := c.ComputeTable(x, forfait.NationalMax{}, &t); err != nil { // no national maximum: category C does not need it (INT-02)
		fmt.Println(err)
		return
	}
	fmt.Println("combined activity", x)
	for k, v := range forfait.Variants() {
		a := t[k][window.W2.Index()]
		fmt.Printf("%-7s category %s, window 2: forfait %d, advance %d, balance %d cents\n", v, a.Category, a.Amount, a.Advance, a.Balance)
	}
	// Output:
	// combined activity 140800
	// DS1     category C, window 2: forfait 9553700, advance 2866100, balance 6687600 cents
	// DS1+CRO category C, window 2: forfait 10509000, advance 3152700, balance 7356300 cents
	// DS2     category C, window 2: forfait 3674100, advance 1102200, balance 2571900 cents
	// DS3     category C, window 2: forfait 3674100, advance 1102200, balance 2571900 cents
}
