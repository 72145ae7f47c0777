package forfaittest_test

import (
	"testing"

	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/forfaittest"
)

// The generators draw valid inputs: every rule set passes Validate, every
// request is computable under it, every activity combines; and both sides
// of INT-02 occur (national maximum supplied or not).
func TestGeneratorsDrawValidInputs(t *testing.T) {
	var supplied, notSupplied int
	rapid.Check(t, func(t *rapid.T) {
		rs := forfaittest.RuleSet().Draw(t, "rule_set")
		if err := rs.Validate(); err != nil {
			t.Fatalf("generated rule set invalid: %v", err)
		}
		req := forfaittest.Request(&rs).Draw(t, "request")
		if _, err := rs.Compute(req); err != nil {
			t.Fatalf("Compute(%+v): %v", req, err)
		}
		if req.NationalMax.IsZero() {
			notSupplied++
		} else {
			supplied++
		}
		if _, err := rs.CombinedActivity(forfaittest.Activity(&rs).Draw(t, "activity")); err != nil {
			t.Fatal(err)
		}
	})
	if supplied == 0 || notSupplied == 0 {
		t.Errorf("national maximum supplied %d times, not supplied %d times", supplied, notSupplied)
	}
}

// RuleSet draws domains whose amounts differ and domains whose amounts
// match (as DS2's and DS3's do in 2021), and forfaits to the cent: counted
// on 200 fixed seeds, so the count does not depend on -short.
func TestRuleSetVariety(t *testing.T) {
	var differ, match, cents int
	for seed := range 200 {
		rs := forfaittest.RuleSet().Example(seed)
		if a := rs.Bands[0].Amounts; a[forfait.DS2.Index()].Max.Equal(a[forfait.DS3.Index()].Max) {
			match++
		} else {
			differ++
		}
		if !rs.Rounding.ForfaitUnit.IsInteger() {
			cents++
		}
	}
	if differ == 0 || match == 0 || cents == 0 {
		t.Errorf("DS2 and DS3 amounts differ %d times, match %d times; forfait to the cent %d times", differ, match, cents)
	}
}

// Activity draws at a band edge often: some combined activity lands
// within 8 days of a threshold of the rule set.
func TestActivityNearEdges(t *testing.T) {
	rs := forfait.Instruction2021()
	near := 0
	rapid.Check(t, func(t *rapid.T) {
		c, err := rs.CombinedActivity(forfaittest.Activity(&rs).Draw(t, "activity"))
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range rs.Bands[1:] {
			if c.Sub(b.Lower).Abs().IntPart() <= 8 {
				near++
			}
		}
	})
	if near == 0 {
		t.Error("no activity drawn near a band edge")
	}
}
