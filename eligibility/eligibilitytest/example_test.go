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
	d, err := eligibility.Decide(&app, &in)
	fmt.Println(d.Status, err)
	// Output: validated <nil>
}

// Generated applications are well formed: Validate accepts every one.
func TestApplication(t *testing.T) {
	in := instruction.Instruction2021()
	rapid.Check(t, func(t *rapid.T) {
		app := eligibilitytest.Application(&in).Draw(t, "application")
		if err := app.Validate(); err != nil {
			t.Fatalf("generated application malformed: %v", err)
		}
	})
}
