package instruction_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/window"
)

// TestValidateCalendar: a calendar problem is an invalid rule set and an
// invalid schedule alike (errors.Is), and its message says each once.
func TestValidateCalendar(t *testing.T) {
	in := instruction.Instruction2021()
	in.Forfait.Windows[3].Application.End = window.DateOf(2023, 5, 15) // more than 2 months (§6.1)
	err := in.Validate()
	if !errors.Is(err, forfait.ErrInvalidRuleSet) || !errors.Is(err, window.ErrInvalidSchedule) {
		t.Fatalf("%v: want both forfait.ErrInvalidRuleSet and window.ErrInvalidSchedule", err)
	}
	if msg := err.Error(); strings.Count(msg, "forfait:") != 1 || !strings.Contains(msg, "window 4 application") {
		t.Errorf("message %q", msg)
	}
}
