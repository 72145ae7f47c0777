package forfait

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait/codec"
)

// StepDiff is one step that differs between two derivations.
type StepDiff struct {
	Name string `json:"name"`
	// A and B are the step in each derivation; nil when it has no such step
	// (a bonus step on one side only, say).
	A *Step `json:"a,omitempty"`
	B *Step `json:"b,omitempty"`
	// Delta is B − A when both values are amounts or numbers; HasDelta says
	// whether it is set. An interpolated value shown truncated ("…") gives
	// no delta.
	Delta    decimal.Decimal `json:"-"`
	HasDelta bool            `json:"-"`
}

// Diff reports the steps of a and b that differ, in a's order then the
// steps b alone has: which inputs, which parameters and which roundings
// make two forfaits differ, and by how much. The two derivations may come
// from two rule sets, two windows or two inputs; steps are matched by Name.
func Diff(a, b Derivation) []StepDiff {
	index := make(map[string]int, len(b.Steps))
	for i, s := range b.Steps {
		index[s.Name] = i
	}
	var out []StepDiff
	seen := make(map[string]bool, len(a.Steps))
	for i := range a.Steps {
		sa := &a.Steps[i]
		seen[sa.Name] = true
		j, ok := index[sa.Name]
		if !ok {
			out = append(out, StepDiff{Name: sa.Name, A: sa})
			continue
		}
		sb := &b.Steps[j]
		if sa.Value == sb.Value && sa.Source == sb.Source && strings.Join(sa.Interpretations, ",") == strings.Join(sb.Interpretations, ",") {
			continue
		}
		d := StepDiff{Name: sa.Name, A: sa, B: sb}
		x, errA := decimal.NewFromString(sa.Value)
		y, errB := decimal.NewFromString(sb.Value)
		if errA == nil && errB == nil {
			d.Delta, d.HasDelta = y.Sub(x), true
		}
		out = append(out, d)
	}
	for i := range b.Steps {
		if sb := &b.Steps[i]; !seen[sb.Name] {
			out = append(out, StepDiff{Name: sb.Name, B: sb})
		}
	}
	return out
}

// FormatDiff renders Diff's result as text, one step a line, each step
// by its name: "forfait  109738 → 98764  (-10974)". It is FormatDiffIn in
// English.
func FormatDiff(diffs []StepDiff) string { return FormatDiffIn(diffs, codec.English) }

// FormatDiffIn renders Diff's result for a reader of l, one step a line.
// In English each step is named as FormatDiff names it, with its values
// as Explain writes them; in French each step reads as its label in the
// catalogue (StepLabel), its values and the difference written the French
// way: "Forfait arrondi  109 738 → 98 764  (-10 974)".
func FormatDiffIn(diffs []StepDiff, l codec.Lang) string {
	if len(diffs) == 0 {
		return codec.Text{French: "  aucune différence\n", English: "  no difference\n"}.In(l)
	}
	name := func(d StepDiff) string {
		if l == codec.English {
			return d.Name
		}
		if t, ok := StepLabel(d.Name); ok {
			return t.French
		}
		return d.Name
	}
	value := func(s *Step) string {
		switch {
		case s == nil:
			return codec.Text{French: "(absente)", English: "(none)"}.In(l)
		case l == codec.English:
			return s.Value
		}
		return frenchValue(s.Value)
	}
	width := 0
	for _, d := range diffs {
		width = max(width, utf8.RuneCountInString(name(d)))
	}
	var b strings.Builder
	for _, d := range diffs {
		fmt.Fprintf(&b, "  %-*s  %s → %s", width, name(d), value(d.A), value(d.B))
		if d.HasDelta {
			sign := "+"
			if d.Delta.Sign() < 0 {
				sign = ""
			}
			fmt.Fprintf(&b, "  (%s%s)", sign, l.Number(d.Delta))
		}
		if d.A != nil && d.B != nil && d.A.Source != d.B.Source {
			src := d.A.Source + " → " + d.B.Source
			if l != codec.English {
				src = strings.ReplaceAll(src, "; ", " ; ")
			}
			fmt.Fprintf(&b, "  [%s]", src)
		}
		b.WriteByte('\n')
	}
	return b.String()
}
