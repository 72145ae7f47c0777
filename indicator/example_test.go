package indicator_test

import (
	"fmt"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

// A DS1 dossier with the CRO bonus, at the end of window 1 (targets 49, 40
// and 49 %): the domain is reached, the bonus is not.
func ExampleTargets_Evaluate() {
	t := indicator.Instruction2021()
	letters, _ := indicator.FromCounts(412, 800)       // 51.5 %
	prescriptions, _ := indicator.ParsePercent("47,5") // declared in oSIS
	reports, _ := indicator.FromCounts(180, 400)       // 45 %
	o, err := t.Evaluate(forfait.Variant{Domain: forfait.DS1, CRO: true}, window.W1, map[indicator.ID]indicator.Rate{
		indicator.DS11: letters, indicator.DS12: prescriptions, indicator.DS13: reports,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range o.Results {
		fmt.Printf("%s %s target %s %%: reached %v, margin %s points", r.ID, r.Rate, forfait.Format(r.Target), r.Reached, forfait.Format(r.Margin))
		if r.HasShortfall && r.Shortfall > 0 {
			fmt.Printf(", %d more stays needed", r.Shortfall)
		}
		fmt.Println()
	}
	fmt.Println("DS1 reached:", o.Reached, "- CRO bonus reached:", o.CROReached)
	// Output:
	// DS1.1 412/800 (51.5 %) target 49 %: reached true, margin 2.5 points
	// DS1.2 47.5 % target 40 %: reached true, margin 7.5 points
	// DS1.3 180/400 (45 %) target 49 %: reached false, margin -4 points, 16 more stays needed
	// DS1 reached: true - CRO bonus reached: false
}

func ExampleFromCounts() {
	_, err := indicator.FromCounts(-1, 0)
	fmt.Println(err)
	// Output:
	// indicator: invalid rate: denominator = 0 (must be positive)
	// indicator: invalid rate: numerator = -1 (must be between 0 and the denominator)
}

func ExampleRate_Reaches() {
	t := indicator.Instruction2021()
	r, _ := indicator.FromCounts(163, 333) // 48.948… %
	fmt.Println(r, r.Reaches(t.Target(indicator.DS11, window.W1)))
	// Output: 163/333 (48.95 %) false
}
