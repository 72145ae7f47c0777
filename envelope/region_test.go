package envelope_test

import (
	"errors"
	"strings"
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

// TestParseRegionSpellings: regions as people write them.
func TestParseRegionSpellings(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     envelope.Region
	}{
		{"Annexe 2 spelling", "Ile-de-France", envelope.IleDeFrance},
		{"official spelling", "Île-de-France", envelope.IleDeFrance},
		{"upper case", "ILE DE FRANCE", envelope.IleDeFrance},
		{"spaces around", "  Corse ", envelope.Corse},
		{"decomposed accents (NFD)", "Provence-Alpes-Co\u0302te d\u2019Azur", envelope.ProvenceAlpesCoteDAzur},
		{"typographic apostrophe", "Provence-Alpes-Côte d’Azur", envelope.ProvenceAlpesCoteDAzur},
		{"without accents", "La Reunion", envelope.LaReunion},
		{"hyphens for spaces", "Pays-de-la-Loire", envelope.PaysDeLaLoire},
		{"INSEE code", "84", envelope.AuvergneRhoneAlpes},
		{"INSEE code with its zero", "01", envelope.Guadeloupe},
		{"INSEE code without its zero", "6", envelope.Mayotte},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := envelope.ParseRegion(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("ParseRegion(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
	codes := map[string]envelope.Region{}
	for _, r := range envelope.Regions() {
		if other, dup := codes[r.INSEE()]; dup || len(r.INSEE()) != 2 {
			t.Errorf("%v: INSEE code %q (also %v)", r, r.INSEE(), other)
		}
		codes[r.INSEE()] = r
	}
}

func TestParseRegionErrors(t *testing.T) {
	for _, tt := range []struct {
		in, suggests string
	}{
		{"", "want one of"},
		{"Bretgne", "did you mean Bretagne"},
		{"Hauts de Frnace", "did you mean Hauts-de-France"},
		{"Paris", "want one of"},
		{"99", "want one of"},
	} {
		t.Run(tt.in, func(t *testing.T) {
			_, err := envelope.ParseRegion(tt.in)
			var ie *forfait.InputError
			if !errors.Is(err, envelope.ErrUnknownRegion) || !errors.As(err, &ie) || !strings.Contains(ie.Reason.English, tt.suggests) {
				t.Errorf("ParseRegion(%q) error = %v, want a suggestion %q", tt.in, err, tt.suggests)
			}
		})
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
		if back, err := envelope.ParseRegion(r.String()); err != nil || back != r {
			t.Fatalf("ParseRegion(%q) = %v, whose name reads back as %v, %v", s, r, back, err)
		}
	})
}
