package instruction

import (
	"testing"

	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
)

// TestRegisterFrench: every unit's heading, and every rule's statement and
// reason, has its French edition, free of English words; a unit or a rule
// added without French fails here, and so does a French text left for a
// unit or rule the register no longer has.
func TestRegisterFrench(t *testing.T) {
	seenUnits, seenRules := map[string]bool{}, map[string]bool{}
	for _, en := range Register() {
		seenUnits[en.ID] = true
		if _, ok := unitHeadingsFR[en.ID]; !ok {
			t.Errorf("unit %s: no French heading", en.ID)
		}
		fr := en.In(codec.French)
		codectest.Check(t, en.ID, codec.Text{French: fr.Heading, English: en.Heading})
		for i, r := range en.Rules {
			seenRules[r.ID] = true
			f, ok := rulesFR[r.ID]
			if !ok {
				t.Errorf("rule %s: no French statement", r.ID)
				continue
			}
			if (r.Reason == "") != (f.Reason == "") {
				t.Errorf("rule %s: reason %q in English, %q in French", r.ID, r.Reason, f.Reason)
			}
			codectest.Check(t, r.ID, codec.Text{French: fr.Rules[i].Statement, English: r.Statement})
			if r.Reason != "" {
				codectest.Check(t, r.ID+" reason", codec.Text{French: fr.Rules[i].Reason, English: r.Reason})
			}
		}
		if back := en.In(codec.English); back.Heading != en.Heading {
			t.Errorf("unit %s: English edition changed", en.ID)
		}
	}
	for id := range unitHeadingsFR {
		if !seenUnits[id] {
			t.Errorf("French heading for unit %s, which the register does not have", id)
		}
	}
	for id := range rulesFR {
		if !seenRules[id] {
			t.Errorf("French text for rule %s, which the register does not have", id)
		}
	}
}
