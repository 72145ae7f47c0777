package forfait_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

// TestRegister: ids are INT-01, INT-02 … in order, and every entry is
// complete.
func TestRegister(t *testing.T) {
	for i, e := range forfait.Interpretations() {
		if want := fmt.Sprintf("INT-%02d", i+1); e.ID != want {
			t.Errorf("entry %d has id %s, want %s", i, e.ID, want)
		}
		if e.Question == "" || e.Passage == "" || len(e.Options) < 2 || e.Reading == "" || e.Why == "" || len(e.DependsOn) == 0 || e.Origin == "" {
			t.Errorf("%s is incomplete: %+v", e.ID, e)
		}
	}
}

// TestDerivationsCiteRegister: every INT id a derivation cites is in the
// register.
func TestDerivationsCiteRegister(t *testing.T) {
	known := map[string]bool{}
	for _, e := range forfait.Interpretations() {
		known[e.ID] = true
	}
	rs := forfait.Instruction2021()
	d, err := rs.ExplainActivity(forfait.Activity{MCODays: 300000}, forfait.Request{NationalMax: decimal.New(400000, 0), Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W2})
	if err != nil {
		t.Fatal(err)
	}
	id := regexp.MustCompile(`^INT-\d\d$`)
	for _, s := range d.Steps {
		for _, i := range s.Interpretations {
			if !id.MatchString(i) || !known[i] {
				t.Errorf("step %s cites %q, not in the register", s.Name, i)
			}
		}
	}
}
