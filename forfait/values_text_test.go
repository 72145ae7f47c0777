package forfait_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
)

// TestCategoryIsValid pins the range of the categories of Annexe 3 §3:
// A (1) to D (4), and nothing on either side.
func TestCategoryIsValid(t *testing.T) {
	for c, want := range map[forfait.Category]bool{0: false, forfait.A: true, forfait.B: true, forfait.C: true, forfait.D: true, 5: false} {
		if got := c.IsValid(); got != want {
			t.Errorf("Category(%d).IsValid() = %v, want %v", uint8(c), got, want)
		}
	}
}

// TestCompiledCategory: the compiled rules put an activity on each side of
// each band's lower bound in the category Annexe 3 §3 gives it (INT-01).
func TestCompiledCategory(t *testing.T) {
	rs := forfait.Instruction2021()
	c, err := rs.Compile()
	if err != nil {
		t.Fatal(err)
	}
	max := forfait.NationalMaxOf(decimal.RequireFromString("1000000"))
	for _, tt := range []struct {
		combined string
		want     forfait.Category
	}{
		{"0", forfait.A}, {"6999.99", forfait.A}, {"7000", forfait.B}, {"22499.99", forfait.B},
		{"22500", forfait.C}, {"229999.99", forfait.C}, {"230000", forfait.D}, {"1000000", forfait.D},
	} {
		got, err := c.Category(forfait.CombinedOf(decimal.RequireFromString(tt.combined)), max)
		if err != nil || got != tt.want {
			t.Errorf("Compiled.Category(%s) = %v, %v; want %v", tt.combined, got, err, tt.want)
		}
	}
}

// TestLargestActivity: the index of the largest combined activity, the
// first of equal ones; -1 when there is none or every one is zero (INT-02).
func TestLargestActivity(t *testing.T) {
	for _, tt := range []struct {
		name       string
		activities []string
		want       int
	}{
		{"none", nil, -1},
		{"all zero", []string{"0", "0"}, -1},
		{"first of equal", []string{"1", "3", "3.00", "2"}, 1},
		{"last", []string{"1", "2", "0.5", "2.01"}, 3},
		{"first", []string{"7", "2"}, 0},
	} {
		got := forfait.LargestActivity(len(tt.activities), func(i int) forfait.Combined {
			return forfait.CombinedOf(decimal.RequireFromString(tt.activities[i]))
		})
		if got != tt.want {
			t.Errorf("%s: LargestActivity = %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestVariantText: the zero Variant is "" both ways; an invalid one does
// not marshal; a valid one round-trips.
func TestVariantText(t *testing.T) {
	if text, err := (forfait.Variant{}).MarshalText(); err != nil || len(text) != 0 {
		t.Errorf("zero Variant: %q, %v", text, err)
	}
	if _, err := (forfait.Variant{Domain: forfait.DS2, CRO: true}).MarshalText(); err == nil {
		t.Error("DS2 with the CRO bonus marshalled")
	}
	v := forfait.Variant{Domain: forfait.DS1, CRO: true}
	text, err := v.MarshalText()
	var back forfait.Variant
	if err != nil || back.UnmarshalText(text) != nil || back != v {
		t.Errorf("round trip of %v via %q: %v, %v", v, text, back, err)
	}
	if err := back.UnmarshalText(nil); err != nil || back != (forfait.Variant{}) {
		t.Errorf(`UnmarshalText("") = %v, %v`, back, err)
	}
	if err := back.UnmarshalText([]byte("DS9")); err == nil {
		t.Error(`UnmarshalText("DS9") accepted`)
	}
}

// TestFINESSEqual: two FINESS numbers are Equal when they are the same.
func TestFINESSEqual(t *testing.T) {
	a := forfait.MustParseFINESS("2A0000012")
	if !a.Equal(forfait.MustParseFINESS("2A0000012")) || a.Equal(forfait.MustParseFINESS("2A0000020")) {
		t.Error("FINESS.Equal")
	}
}
