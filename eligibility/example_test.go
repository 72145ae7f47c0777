package eligibility_test

import (
	"fmt"
	"time"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/window"
)

// An application refused for three reasons, each with its code and
// paragraph: one binds the whole application, one the imaging domain
// alone, one the whole application again; every domain is refused.
func ExampleDecide() {
	a := valid()
	a.Prerequisites.Security.RSSI = false
	a.Establishment.Imaging = nil
	a.SoftwareOutsideConvergence = true
	rules := instruction.Instruction2021()
	d, err := eligibility.Decide(&a, &rules, window.DateOf(2021, time.December, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Status())
	for _, r := range d.Reasons() {
		fmt.Printf("%s [%s] %s\n", r.Code, r.Source, r.English)
	}
	// Output:
	// refused
	// PS2.1-RSSI [Annexe 1, PS2.1] No information-security officer (RSSI) is appointed.
	// CONVERGENCE-PLAN [§4.2] The targets would be reached with newly bought software outside the GHT's convergence plan.
	// DS3-IMAGING [§5] The imaging domain requires an internal imaging unit with the establishment's FINESS juridique.
}

// A DS1+CRO and DS2 applicant without a laboratory of its own: DS1 with
// the CRO bonus is validated, DS2 alone is refused, with its reason (§5).
func ExampleDecision_Domains() {
	a := valid()
	a.Domains = []forfait.Variant{{Domain: forfait.DS1, CRO: true}, {Domain: forfait.DS2}}
	a.Establishment.Lab = nil
	rules := instruction.Instruction2021()
	d, err := eligibility.Decide(&a, &rules, window.DateOf(2021, time.December, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Status(), "on", d.Date(), "- opens", d.Validated())
	for _, x := range d.Domains() {
		fmt.Println(x.Variant, x.Status)
		for _, r := range x.Reasons {
			fmt.Printf("  %s [%s] %s\n", r.Code, r.Source, r.French)
		}
	}
	// Output:
	// validated on 2021-12-01 - opens [DS1+CRO]
	// DS1+CRO validated
	// DS2 refused
	//   DS2-LAB [§5] Le domaine biologie requiert un laboratoire de biologie médicale interne, de même FINESS juridique que l'établissement.
}

func ExampleApplication_Validate() {
	a := valid()
	a.Domains = append(a.Domains, forfait.Variant{Domain: forfait.DS2})
	fmt.Println(a.Validate())
	// Output:
	// eligibility: invalid application: domains[3] = DS2 (domain DS2 given twice)
}
