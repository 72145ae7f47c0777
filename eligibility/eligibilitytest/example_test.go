package eligibilitytest_test

import (
	"fmt"
	"testing"

	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/eligibility/eligibilitytest"
)

func ExampleValid() {
	app := eligibilitytest.Valid()
	d, err := eligibility.Decide(&app, nil)
	fmt.Println(d.Status, err)
	// Output: validated <nil>
}

// Generated applications are well formed, and decided consistently.
func TestApplication(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		app := eligibilitytest.Application().Draw(t, "application")
		d, err := eligibility.Decide(&app, nil)
		if err != nil {
			t.Fatalf("generated application malformed: %v", err)
		}
		if (d.Status == eligibility.Validated) != (len(d.Reasons) == 0) {
			t.Fatalf("%s with %d reasons", d.Status, len(d.Reasons))
		}
	})
}
