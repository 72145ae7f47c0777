package forfait_test

import (
	"testing"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
)

// TestInterpretationsFrench: every entry of the register has its French
// edition, reading for reading, free of English words; a new entry
// without French fails here.
func TestInterpretationsFrench(t *testing.T) {
	for _, en := range forfait.Interpretations() {
		fr := en.In(codec.French)
		if fr.Question == en.Question {
			t.Errorf("%s: no French edition", en.ID)
			continue
		}
		if len(fr.Options) != len(en.Options) {
			t.Errorf("%s: %d readings in French, %d in English", en.ID, len(fr.Options), len(en.Options))
		}
		check := func(field, fr, en string) { codectest.Check(t, en+" "+field, codec.Text{French: fr, English: en}) }
		check("question", fr.Question, en.Question)
		check("reading", fr.Reading, en.Reading)
		check("why", fr.Why, en.Why)
		check("passage", fr.Passage, en.Passage)
		for i := range min(len(fr.Options), len(en.Options)) {
			check("option", fr.Options[i], en.Options[i])
		}
		if back := en.In(codec.English); back.Question != en.Question || back.Passage != en.Passage {
			t.Errorf("%s: English edition changed", en.ID)
		}
	}
}
