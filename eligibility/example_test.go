package eligibility_test

import (
	"fmt"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

// An application refused for three reasons, each with its code and
// paragraph.
func ExampleDecide() {
	a := valid()
	a.Prerequisites.Security.RSSI = false
	a.Establishment.Imaging = nil
	a.SoftwareOutsideConvergence = true
	cal := window.Instruction2021()
	d, err := eligibility.Decide(&a, &cal)
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

func ExampleParseFINESS() {
	for _, s := range []string{"2A0000123", "200000000"} {
		f, err := eligibility.ParseFINESS(s)
		fmt.Printf("%q %v\n", f, err)
	}
	// Output:
	// "2A0000123" <nil>
	// "" eligibility: FINESS "200000000": department 20 does not exist
}

func ExampleApplication_Validate() {
	a := valid()
	a.Domains = append(a.Domains, eligibility.DomainRequest{Domain: forfait.DS2, CRO: true})
	fmt.Println(a.Validate())
	// Output: eligibility: domains[3].domain = DS2: eligibility: invalid application (given twice)
}
