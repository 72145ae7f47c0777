package forfait_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/sunes-spec/sunes/forfait"
)

func TestParseFINESS(t *testing.T) {
	for _, s := range []string{"750712184", "010000024", "2A0000123", "2B0000123", "950000017", "971000012", "976000019", "190000012", "210000012", "986000012", "987000012", "988000012"} {
		t.Run(s, func(t *testing.T) {
			f, err := forfait.ParseFINESS(s)
			if err != nil || f.String() != s || !f.IsValid() {
				t.Errorf("ParseFINESS(%q) = %v, %v", s, f, err)
			}
		})
	}
	for _, s := range []string{
		"", "75071218", "7507121840", "000000000", "200000000", "960000000", "990000000", "970000000",
		"977000000", "980000000", "985000000", "989000000", "2C0000000", "2a0000123", "7507121A4", "75071218 ", "AB0000000", "75-712184", "７50712184",
	} {
		t.Run("bad "+s, func(t *testing.T) {
			_, err := forfait.ParseFINESS(s)
			var ie *forfait.InputError
			if !errors.Is(err, forfait.ErrInvalidFINESS) || !errors.As(err, &ie) || ie.Field != "finess" || ie.Reason.English == "" {
				t.Errorf("ParseFINESS(%q) error = %v, want an *InputError wrapping ErrInvalidFINESS", s, err)
			}
		})
	}
}

func TestFINESSJSON(t *testing.T) {
	type row struct {
		F forfait.FINESS `json:"finess"`
	}
	for _, tt := range []struct {
		name, json string
		want       forfait.FINESS
	}{
		{"number", `{"finess":"2A0000123"}`, forfait.MustParseFINESS("2A0000123")},
		{"zero", `{"finess":""}`, forfait.FINESS{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var v row
			if err := json.Unmarshal([]byte(tt.json), &v); err != nil || v.F != tt.want {
				t.Fatalf("Unmarshal = %v, %v", v.F, err)
			}
			data, err := json.Marshal(v)
			if err != nil || string(data) != tt.json {
				t.Errorf("Marshal = %s, %v; want %s", data, err, tt.json)
			}
		})
	}
	var v row
	if err := json.Unmarshal([]byte(`{"finess":"2A000012"}`), &v); !errors.Is(err, forfait.ErrInvalidFINESS) {
		t.Errorf("Unmarshal of a short FINESS: error = %v", err)
	}
	if s := (forfait.FINESS{}).String(); s != "unset" {
		t.Errorf("zero FINESS prints %q, want unset", s)
	}
}

// FuzzParseFINESS: never a panic; an accepted number is nine bytes, starts
// with a department and has digits after it, and round-trips as text; a
// rejection is typed.
func FuzzParseFINESS(f *testing.F) {
	for _, s := range []string{"750712184", "2A0000123", "971000000", "", "\x00\x00\x00\x00\x00\x00\x00\x00\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := forfait.ParseFINESS(s)
		if err != nil {
			if !errors.Is(err, forfait.ErrInvalidFINESS) {
				t.Fatalf("ParseFINESS(%q): untyped error %v", s, err)
			}
			return
		}
		if got.String() != s || len(s) != 9 {
			t.Fatalf("ParseFINESS(%q) = %q", s, got)
		}
		for i := 2; i < 9; i++ {
			if s[i] < '0' || s[i] > '9' {
				t.Fatalf("ParseFINESS(%q) accepted a non-digit at %d", s, i)
			}
		}
		var back forfait.FINESS
		if text, _ := got.MarshalText(); back.UnmarshalText(text) != nil || back != got {
			t.Fatalf("text round trip of %q gave %v", s, back)
		}
	})
}
