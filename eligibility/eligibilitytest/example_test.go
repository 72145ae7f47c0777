package eligibilitytest_test

import (
	"fmt"
	"testing"

	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/eligibility/eligibilitytest"
	"github.com/sunes-spec/sunes/forfait/instruction"
)

func ExampleValid() {
	app := eligibilitytest.Valid()
	in := instruction.Instruction2021()
	d, err := eligibility.Decide(&app, &in, eligibilitytest.DecisionDay())
	fmt.Println(d.Status(), err)
	// Output: validated <nil>
}

// Generated applications are well formed: Validate accepts every one, and
// Decide decides each on a drawn day.
func TestApplication(t *testing.T) {
	in := instruction.Instruction2021()
	rapid.Check(t, func(t *rapid.T) {
		app := eligibilitytest.Application(&in).Draw(t, "application")
		if err := app.Validate(); err != nil {
			t.Fatalf("generated application malformed: %v", err)
		}
		on := eligibilitytest.Day(&in, &app).Draw(t, "on")
		if _, err := eligibility.Decide(&app, &in, on); err != nil {
			t.Fatalf("generated application not decided on %s: %v", on, err)
		}
	})
}
