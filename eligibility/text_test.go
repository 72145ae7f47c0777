package eligibility_test

import (
	"testing"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
)

// TestReasonTexts: every refusal code has its message in both languages,
// the French free of English words.
func TestReasonTexts(t *testing.T) {
	for _, c := range eligibility.Conditions(&rules) {
		text, ok := eligibility.ReasonText(&rules, c.Code)
		if !ok || text != c.Text() {
			t.Errorf("%s: ReasonText = %+v, %v", c.Code, text, ok)
		}
		codectest.Check(t, string(c.Code), text)
	}
	if _, ok := eligibility.ReasonText(&rules, "NO-SUCH-CODE"); ok {
		t.Error("ReasonText finds a code no condition has")
	}
}
