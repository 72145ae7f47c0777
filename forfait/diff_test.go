package forfait_test

import (
	"strings"
	"testing"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
	"github.com/sunes-spec/sunes/window"
)

// TestFormatDiffFrench: the steps that make DS1 with CRO differ between
// windows 1 and 2 (ExampleDiff), each by its French label, the values and
// differences written the French way: 109 738,2 × 90 % = 98 764,38.
func TestFormatDiffFrench(t *testing.T) {
	rs := forfait.Instruction2021()
	req := forfait.Request{Combined: d("127800"), Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W1}
	a, _ := rs.Explain(req)
	req.Window = window.W2
	b, _ := rs.Explain(req)
	got := forfait.FormatDiffIn(forfait.Diff(a, b), codec.French)
	want := strings.ReplaceAll(""+
		"  Fenêtre de financement  1 → 2  (+1)\n"+
		"  Fenêtre                 109_738,2 → 98_764,38  (-10_973,82)\n"+
		"  Forfait arrondi         109_738 → 98_764  (-10_974)\n"+
		"  Avance                  32_921 → 29_629  (-3_292)\n"+
		"  Solde                   76_817 → 69_135  (-7_682)\n", "_", "\u202f")
	if got != want {
		t.Errorf("FormatDiffIn French =\n%s\nwant\n%s", got, want)
	}
	if w := codectest.EnglishWords(got); len(w) > 0 {
		t.Errorf("English words %q in\n%s", w, got)
	}
	if got, want := forfait.FormatDiffIn(forfait.Diff(a, b), codec.English), forfait.FormatDiff(forfait.Diff(a, b)); got != want {
		t.Errorf("FormatDiffIn English = %q, want FormatDiff's %q", got, want)
	}
	if got := forfait.FormatDiffIn(nil, codec.French); got != "  aucune différence\n" {
		t.Errorf("no difference in French: %q", got)
	}
}

// TestFormatDiffFrenchSources: a step one derivation lacks, and a step
// whose citation alone differs, in French.
func TestFormatDiffFrenchSources(t *testing.T) {
	a := forfait.Instruction2021()
	b := forfait.Instruction2021()
	b.CROBonus.Source = "§5 modifié; Annexe 3 §3"
	req := forfait.Request{Combined: d("127800"), Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W1}
	x, _ := a.Explain(req)
	y, _ := b.Explain(req)
	if got, want := forfait.FormatDiffIn(forfait.Diff(x, y), codec.French),
		"  Bonus CRO  109\u202f738,2 → 109\u202f738,2  (+0)  [§5 ; Annexe 3 §3 → §5 modifié ; Annexe 3 §3]\n"; got != want {
		t.Errorf("FormatDiffIn = %q, want %q", got, want)
	}
	req.Variant.CRO = false
	z, _ := a.Explain(req)
	if got := forfait.FormatDiffIn(forfait.Diff(z, x), codec.French); !strings.Contains(got, "  Bonus CRO          (absente) → 109\u202f738,2\n") {
		t.Errorf("a step on one side only:\n%s", got)
	}
}
