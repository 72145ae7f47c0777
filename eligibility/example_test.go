package eligibility_test

import (
	"fmt"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/instruction"
)

// An application refused for three reasons, each with its code and
// paragraph.
func ExampleDecide() {
	a := valid()
	a.Prerequisites.Security.RSSI = false
	a.Establishment.Imaging = nil
	a.SoftwareOutsideConvergence = true
	rules := instruction.Instruction2021()
	d, err := eligibility.Decide(&a, &rules)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Status)
	for _, r := range d.Reasons {
		fmt.Printf("%s [%s] %s\n", r.Code, r.Source, r.English)
	}
	// Output:
	// refused
	// PS2.1-RSSI [Annexe 1, PS2.1] No information-security officer (RSSI) is appointed.
	// DS3-IMAGING [§5] The imaging domain requires an internal imaging unit with the establishment's FINESS juridique.
	// CONVERGENCE-PLAN [§4.2] The targets would be reached with newly bought software outside the GHT's convergence plan.
}

func ExampleApplication_Validate() {
	a := valid()
	a.Domains = append(a.Domains, forfait.Variant{Domain: forfait.DS2})
	fmt.Println(a.Validate())
	// Output:
	// eligibility: invalid application: domains[3] = DS2 (domain DS2 given twice)
}
