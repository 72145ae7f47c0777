package envelope_test

import (
	"errors"
	"strconv"
	"testing"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
)

// TestRegionNames: the 18 names of the Annexe 2 §1 table, in its order,
// transcribed from the annex.
func TestRegionNames(t *testing.T) {
	annex := []string{
		"Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire", "Corse", "Grand Est",
		"Guadeloupe", "Guyane", "Hauts-de-France", "Ile-de-France", "La Réunion", "Martinique", "Mayotte",
		"Normandie", "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur",
	}
	regions := envelope.Regions()
	if len(regions) != len(annex) {
		t.Fatalf("%d regions, want %d", len(regions), len(annex))
	}
	for i, r := range regions {
		if r.String() != annex[i] || r.Index() != i {
			t.Errorf("region %d = %q (index %d), want %q", i, r, r.Index(), annex[i])
		}
		got, err := envelope.ParseRegion(annex[i])
		if err != nil || got != r {
			t.Errorf("ParseRegion(%q) = %v, %v", annex[i], got, err)
		}
		text, err := r.MarshalText()
		var back envelope.Region
		if err != nil || back.UnmarshalText(text) != nil || back != r {
			t.Errorf("%v: text round trip gave %v (%v)", r, back, err)
		}
	}
}

func TestParseRegionErrors(t *testing.T) {
	for _, s := range []string{"", "Île-de-France", "ile-de-france", "Hauts de France", "Pays de Loire", " Corse", "Corse "} {
		_, err := envelope.ParseRegion(s)
		var ie *forfait.InputError
		if !errors.Is(err, envelope.ErrUnknownRegion) || !errors.As(err, &ie) || ie.Value != strconv.Quote(s) {
			t.Errorf("ParseRegion(%q) error = %v", s, err)
		}
	}
	if r := envelope.Region(envelope.NumRegions + 1); r.IsValid() {
		t.Errorf("Region(%d) valid", r)
	} else if _, err := r.MarshalText(); !errors.Is(err, envelope.ErrUnknownRegion) {
		t.Errorf("Region(%d) marshalled: %v", r, err)
	}
	var zero envelope.Region
	if text, err := zero.MarshalText(); err != nil || len(text) != 0 || zero.UnmarshalText(nil) != nil || zero != 0 {
		t.Errorf("zero region: text %q, %v", text, err)
	}
}

func FuzzParseRegion(f *testing.F) {
	f.Add("Corse")
	f.Add("Provence-Alpes-Côte d'Azur")
	f.Add("\xff")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := envelope.ParseRegion(s)
		if err != nil {
			if !errors.Is(err, envelope.ErrUnknownRegion) {
				t.Fatalf("ParseRegion(%q): untyped error %v", s, err)
			}
			return
		}
		if r.String() != s {
			t.Fatalf("ParseRegion(%q) = %v", s, r)
		}
	})
}
