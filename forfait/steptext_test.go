package forfait_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
	"github.com/sunes-spec/sunes/forfait/forfaittest"
	"github.com/sunes-spec/sunes/window"
)

func TestStepLabels(t *testing.T) {
	for _, name := range forfait.StepNames() {
		l, ok := forfait.StepLabel(name)
		if !ok {
			t.Errorf("step %s: no label", name)
		}
		codectest.Check(t, name, l)
	}
	// Every step a derivation gives is in the catalogue.
	rs := forfait.Instruction2021()
	d, err := rs.ExplainActivity(forfait.Activity{MCODays: 300000}, forfait.Request{NationalMax: decimal.New(400000, 0), Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W2})
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, n := range forfait.StepNames() {
		known[n] = true
	}
	for _, s := range d.Steps {
		if !known[s.Name] {
			t.Errorf("step %s is not in StepNames", s.Name)
		}
	}
}

// TestDerivationFrench is the Annexe 3 §4 worked example, DS1 with the
// CRO bonus in window 1 and the annex's base unit of 1 000 €, as a French
// reader reads it.
func TestDerivationFrench(t *testing.T) {
	rs := forfait.Instruction2021()
	rs.Rounding.BaseUnit = decimal.New(1000, 0)
	d, err := rs.Explain(forfait.Request{Combined: decimal.New(127800, 0), Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W1})
	if err != nil {
		t.Fatal(err)
	}
	type line struct{ Name, Label, Value, Formula string }
	var got []line
	for _, s := range d.In(codec.French).Steps {
		got = append(got, line{s.Name, s.Label, s.Value, s.Formula})
	}
	nb := func(s string) string { return strings.ReplaceAll(s, "_", "\u202f") }
	want := []line{
		{"input.combined_activity", "Activité combinée 2019", nb("127_800"), nb("activité combinée 2019 = 127_800")},
		{"input.national_max", "Maximum national de l'activité combinée", "non fourni", "maximum national de l'activité combinée : non fourni"},
		{"input.domain", "Domaine", "DS1", "DS1 : Alimenter le DMP en documents de sortie"},
		{"input.cro", "Bonus CRO demandé", "oui", "bonus CRO demandé : oui"},
		{"input.window", "Fenêtre de financement", "1", "fenêtre de financement 1"},
		{"category", nb("Catégorie C : 22_500 ≤ x < 230_000"), "C", nb("22_500 ≤ 127_800 < 230_000 : catégorie C")},
		{"base.interpolated", "Base interpolée", nb("99_761,927_71…"), nb("48_000 + (127_800 − 22_500) × (150_000 − 48_000) / (230_000 − 22_500) = 99_761,927_71…")},
		{"base.rounded", "Arrondi au millier d'euros (INT-03)", nb("100_000"), nb("99_761,927_71… arrondi au millier d'euros le plus proche = 100_000")},
		{"bonus", "Bonus CRO +10\u00a0% (§5)", nb("110_000"), nb("100_000 × (1 + 0,1) = 110_000")},
		{"window_factor", "Fenêtre 1 : 100\u00a0%", nb("110_000"), nb("110_000 × 1 (fenêtre 1) = 110_000")},
		{"forfait", "Forfait arrondi à l'euro (INT-03)", nb("110_000"), nb("110_000 arrondi à l'euro le plus proche = 110_000")},
		{"advance", "Avance 30\u00a0% / solde 70\u00a0%", nb("33_000"), nb("110_000 × 0,3 arrondi à l'euro le plus proche = 33_000")},
		{"balance", "Solde", nb("77_000"), nb("110_000 − 33_000 = 77_000")},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("French derivation (-want +got):\n%s", diff)
	}
	if en := d.Text(codec.English); en != d.String() {
		t.Errorf("English text differs from String:\n%s", en)
	}
	if en := d.In(codec.English); en.Steps[7].Formula != d.Steps[7].Formula || en.Steps[7].Label != "Rounded to the nearest 1000 € (INT-03)" {
		t.Errorf("English step: %+v", en.Steps[7])
	}
}

var (
	wordUnits     = regexp.MustCompile(`nearest (1|1000) €`)
	englishNumber = regexp.MustCompile(`-?\d+(?:\.\d+)?`)
	frenchNumber  = regexp.MustCompile(`-?\d+(?:\x{202f}\d{3})*(?:,\d{1,3}(?:\x{202f}\d{1,3})*)?`)
)

// numbers returns the numbers of a formula read with re, parsed exactly.
func numbers(t *rapid.T, re *regexp.Regexp, s string, french bool) []string {
	var out []string
	for _, m := range re.FindAllString(s, -1) {
		if french {
			m = strings.ReplaceAll(strings.ReplaceAll(m, "\u202f", ""), ",", ".")
		}
		d, err := decimal.NewFromString(m)
		if err != nil {
			t.Fatalf("%q in %q: %v", m, s, err)
		}
		out = append(out, d.String())
	}
	return out
}

// checkFrenchDerivation: the French derivation of any request shows the
// very numbers of the English one, in the same order and exactly, with
// no English word, a label for every step, and the same names, sources
// and INT ids.
func checkFrenchDerivation(t *rapid.T) {
	rs := forfait.Instruction2021()
	a := forfaittest.Activity(&rs).Draw(t, "activity")
	req := forfaittest.Request(&rs).Draw(t, "request")
	d, err := rs.ExplainActivity(a, req)
	if err != nil {
		t.Skip(err)
	}
	fr := d.In(codec.French)
	for i, s := range fr.Steps {
		e := d.Steps[i]
		if s.Name != e.Name || s.Source != e.Source || !cmp.Equal(s.Interpretations, e.Interpretations) || s.Label == "" {
			t.Fatalf("step %d: %+v, English %+v", i, s, e)
		}
		if w := codectest.EnglishWords(s.Label + " " + s.Formula + " " + s.Value); len(w) > 0 {
			t.Fatalf("step %s: English words %q in %q / %q", s.Name, w, s.Label, s.Formula)
		}
		if s.Name == "input.domain" {
			continue // "DS1" is a name, not a number
		}
		// French names the units of 1 € and 1 000 € in words.
		en := numbers(t, englishNumber, wordUnits.ReplaceAllString(e.Formula, "nearest"), false)
		got := numbers(t, frenchNumber, s.Formula, true)
		if !cmp.Equal(en, got) {
			t.Fatalf("step %s: French %q shows %v, English %q shows %v", s.Name, s.Formula, got, e.Formula, en)
		}
	}
}

func TestFrenchDerivation(t *testing.T) { rapid.Check(t, checkFrenchDerivation) }

func FuzzFrenchDerivation(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkFrenchDerivation)) }

// TestDerivationTextFrench: a category-D derivation in French labels its
// band closed at the national maximum (INT-01, INT-02), aligns the labels
// and writes each citation with the French " ; ".
func TestDerivationTextFrench(t *testing.T) {
	rs := forfait.Instruction2021()
	d, err := rs.Explain(forfait.Request{Combined: decimal.New(300000, 0), NationalMax: decimal.New(400000, 0), Variant: forfait.Variant{Domain: forfait.DS2}, Window: window.W1})
	if err != nil {
		t.Fatal(err)
	}
	text := d.Text(codec.French)
	nb := func(s string) string { return strings.NewReplacer("_", "\u202f").Replace(s) }
	for _, want := range []string{nb("Catégorie D : 230_000 ≤ x ≤ 400_000"), nb("230_000 ≤ 300_000 ≤ 400_000 : catégorie D"), "[Annexe 3 §3 ; INT-01, INT-02]"} {
		if !strings.Contains(text, want) {
			t.Errorf("French text lacks %q:\n%s", want, text)
		}
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) != len(d.Steps) {
		t.Fatalf("%d lines for %d steps:\n%s", len(lines), len(d.Steps), text)
	}
	// Every formula starts in the same column: the labels are padded to the
	// longest, counted in characters, not bytes.
	column := -1
	for i, s := range d.In(codec.French).Steps {
		at := len([]rune(lines[i])) - len([]rune(strings.TrimPrefix(lines[i], "  "+s.Label)))
		rest := []rune(lines[i])[at:]
		pad := len(rest) - len([]rune(strings.TrimLeft(string(rest), " ")))
		if c := at + pad; column >= 0 && c != column {
			t.Errorf("line %d's formula starts at %d, the others at %d:\n%s", i, c, column, text)
		} else {
			column = c
		}
	}
	if d.Text(codec.English) != d.String() {
		t.Error("the English text is not String's")
	}
}
