package eligibility_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/sunes-spec/sunes/eligibility"
)

func TestParseFINESS(t *testing.T) {
	for _, s := range []string{"750712184", "010000024", "2A0000123", "2B0000123", "950000017", "971000012", "976000019", "190000012", "210000012"} {
		f, err := eligibility.ParseFINESS(s)
		if err != nil || f.String() != s {
			t.Errorf("ParseFINESS(%q) = %q, %v", s, f, err)
		}
	}
	for _, s := range []string{
		"", "75071218", "7507121840", "000000000", "200000000", "960000000", "990000000", "970000000",
		"977000000", "2C0000000", "2a0000123", "7507121A4", "75071218 ", "AB0000000", "75-712184", "７50712184",
	} {
		_, err := eligibility.ParseFINESS(s)
		var fe *eligibility.FINESSError
		if !errors.Is(err, eligibility.ErrInvalidFINESS) || !errors.As(err, &fe) || fe.Input != s || fe.Reason == "" {
			t.Errorf("ParseFINESS(%q) error = %v, want a *FINESSError", s, err)
		}
	}
}

func TestFINESSJSON(t *testing.T) {
	var v struct {
		F eligibility.FINESS `json:"finess"`
	}
	if err := json.Unmarshal([]byte(`{"finess":"2A0000123"}`), &v); err != nil || v.F != "2A0000123" {
		t.Fatalf("Unmarshal = %q, %v", v.F, err)
	}
	if err := json.Unmarshal([]byte(`{"finess":"2A000012"}`), &v); !errors.Is(err, eligibility.ErrInvalidFINESS) {
		t.Errorf("Unmarshal of a short FINESS: error = %v", err)
	}
	if _, err := json.Marshal(eligibility.FINESS("bad")); !errors.Is(err, eligibility.ErrInvalidFINESS) {
		t.Errorf("Marshal of a malformed FINESS: error = %v", err)
	}
}

// FuzzParseFINESS: never a panic; an accepted number is nine bytes, starts
// with a department and has digits after it; a rejection is typed.
func FuzzParseFINESS(f *testing.F) {
	for _, s := range []string{"750712184", "2A0000123", "971000000", "", "\x00\x00\x00\x00\x00\x00\x00\x00\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := eligibility.ParseFINESS(s)
		if err != nil {
			if !errors.Is(err, eligibility.ErrInvalidFINESS) {
				t.Fatalf("ParseFINESS(%q): untyped error %v", s, err)
			}
			return
		}
		if string(got) != s || len(s) != 9 {
			t.Fatalf("ParseFINESS(%q) = %q", s, got)
		}
		for i := 2; i < 9; i++ {
			if s[i] < '0' || s[i] > '9' {
				t.Fatalf("ParseFINESS(%q) accepted a non-digit at %d", s, i)
			}
		}
	})
}
