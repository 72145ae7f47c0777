package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
)

// TestRun: the printed example carries the annex's figures (Annexe 3 §4)
// and those of the 1 € unit, computed by hand: DS1 99 762 × 1.1 = 109 738.2
// → 109 738; DS2 39 194 × 0.8 = 31 355.2 → 31 355; DS3 39 194 × 0.9 =
// 35 274.6 → 35 275; total 176 368.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, codec.English); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"DS1+CRO (Alimenter le DMP en documents de sortie), window 1: forfait 110000 €, advance 33000 €, balance 77000 €",
		"window 4: forfait 31200 €, advance 9360 €, balance 21840 €",
		"window 2: forfait 35100 €, advance 10530 €, balance 24570 €",
		"Total: forfait 176300 €, advances 52890 €, balances 123410 €",
		"window 1: forfait 109738 €, advance 32921 €, balance 76817 €",
		"window 4: forfait 31355 €, advance 9407 €, balance 21948 €",
		"window 2: forfait 35275 €, advance 10583 €, balance 24692 €",
		"Total: forfait 176368 €",
		"Fenêtre 3",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

// TestRunFrench: the French example carries the same figures, the French
// way, and no English word.
func TestRunFrench(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, codec.French); err != nil {
		t.Fatal(err)
	}
	nb := func(s string) string { return strings.NewReplacer("_", "\u202f", "~", "\u00a0").Replace(s) }
	for _, want := range []string{
		nb("DS1+CRO (Alimenter le DMP en documents de sortie), fenêtre 1 : forfait 110_000~€, avance 33_000~€, solde 77_000~€"),
		nb("Total : forfait 176_300~€, avances 52_890~€, soldes 123_410~€"),
		nb("Total : forfait 176_368~€"),
		"Arrondi au millier d'euros (INT-03)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if w := codectest.EnglishWords(out.String()); len(w) > 0 {
		t.Errorf("the French example holds English words %q", w)
	}
}
