package codec_test

import (
	"errors"
	"testing"

	"github.com/sunes-spec/sunes/forfait/codec"
)

// TestParseCount: a count is whole and not negative, written as people
// write it; a negative one, or one with a decimal part, says so in both
// languages.
func TestParseCount(t *testing.T) {
	for _, tt := range []struct {
		in     string
		want   int64
		err    error
		french string
	}{
		{in: "127800", want: 127800},
		{in: "127 800", want: 127800},
		{in: " 0 ", want: 0},
		{in: "-5", err: codec.ErrNumber, french: "Journées MCO : « -5 » n'est pas un nombre bien écrit (un compte n'est pas négatif)"},
		{in: "\u22125", err: codec.ErrNumber, french: "Journées MCO : « \u22125 » n'est pas un nombre bien écrit (un compte n'est pas négatif)"},
		{in: "1,5", err: codec.ErrDecimalPart, french: "Journées MCO : « 1,5 » n'est pas un nombre bien écrit (a une partie décimale, alors qu'un compte est entier)"},
	} {
		n, err := codec.ParseCount(tt.in)
		if tt.err == nil {
			if err != nil || n != tt.want {
				t.Errorf("ParseCount(%q) = %d, %v; want %d", tt.in, n, err, tt.want)
			}
			continue
		}
		if !errors.Is(err, tt.err) || !errors.Is(err, codec.ErrNumber) {
			t.Errorf("ParseCount(%q) = %v; want %v", tt.in, err, tt.err)
			continue
		}
		le := &codec.LineError{File: "extract", Line: 2, Field: "mco_days", Value: tt.in, Err: err}
		if got := codec.Messages(le, codec.French); len(got) != 1 || got[0] != "Ligne 2 › "+tt.french {
			t.Errorf("ParseCount(%q) in French: %q; want %q", tt.in, got, "Ligne 2 › "+tt.french)
		}
	}
}
