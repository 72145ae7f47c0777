package envelope_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
)

// TestSuggestionDistance pins the reach of the suggestion for a mistyped
// region: up to three edits away, counting an edit at the very end of the
// text, a region is suggested; four edits away, the names are listed.
func TestSuggestionDistance(t *testing.T) {
	for _, tt := range []struct {
		in, suggests string
	}{
		{"Corsexyz", "did you mean Corse"}, // three letters added at the end
		{"Corsewxyz", "want one of"},       // four
		{"Cors", "did you mean Corse"},     // the last letter dropped
		{"Normandiexyz", "did you mean Normandie"},
	} {
		_, err := envelope.ParseRegion(tt.in)
		var ie *forfait.InputError
		if !errors.Is(err, envelope.ErrUnknownRegion) || !errors.As(err, &ie) || !strings.Contains(ie.Reason.English, tt.suggests) {
			t.Errorf("ParseRegion(%q) error = %v, want %q", tt.in, err, tt.suggests)
		}
	}
}
