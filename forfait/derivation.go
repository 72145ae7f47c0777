package forfait

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Step is one step of a derivation: what was computed, its result, how, and
// the paragraph and interpretations it rests on.
type Step struct {
	// Name identifies the step, stably across computations: "input.domain",
	// "combined.mco_days", "category", "base.interpolated", "base.rounded",
	// "bonus", "window_factor", "forfait", "advance", "balance".
	Name string `json:"name"`
	// Label is what the step is, as people read it ("Base interpolée",
	// "Catégorie C : 22 500 ≤ x < 230 000"); set by Derivation.In, empty
	// in Explain's result.
	Label           string   `json:"label,omitempty"`
	Value           string   `json:"value"`   // the result, as text (amounts in euros)
	Formula         string   `json:"formula"` // the computation with its numbers
	Source          string   `json:"source,omitempty"`
	Interpretations []string `json:"interpretations,omitempty"` // INT ids

	// terms are the numbers Formula shows, in an order fixed per step
	// name, from which In renders the step in another language.
	terms []decimal.Decimal
}

// Derivation is a forfait with every step that produced it, in order, so
// that an auditor can follow each euro back to its paragraph. It marshals
// to JSON with amounts as strings, and String renders it as text.
type Derivation struct {
	Forfait Forfait `json:"forfait"`
	Steps   []Step  `json:"steps"`
}

// Explain is Compute with its derivation: the inputs, the category, the
// interpolation, each rounding, the bonus, the factor and the split, each
// step citing its paragraph and INT ids (Annexe 3 §3-§4; §5, INT-01 to
// INT-04). Compute does the same work without recording anything.
func (rs *RuleSet) Explain(req Request) (Derivation, error) {
	tr := &tracer{steps: make([]Step, 0, 24)}
	f, err := rs.compute(req, tr)
	if err != nil {
		return Derivation{}, err
	}
	return Derivation{Forfait: f, Steps: tr.steps}, nil
}

// ExplainActivity is Explain starting one step earlier, from the activity
// counts: req.Combined is replaced by the combined activity of a, and the
// derivation begins with its eight terms (Annexe 3 §1).
func (rs *RuleSet) ExplainActivity(a Activity, req Request) (Derivation, error) {
	tr := &tracer{steps: make([]Step, 0, 24)}
	combined, err := rs.combine(a, tr)
	if err != nil {
		return Derivation{}, err
	}
	req.Combined = combined
	f, err := rs.compute(req, tr)
	if err != nil {
		return Derivation{}, err
	}
	return Derivation{Forfait: f, Steps: tr.steps}, nil
}

// String renders d as aligned text, one step a line.
func (d Derivation) String() string {
	var b strings.Builder
	width := 0
	for _, s := range d.Steps {
		width = max(width, len(s.Name))
	}
	for _, s := range d.Steps {
		fmt.Fprintf(&b, "  %-*s  %s", width, s.Name, s.Formula)
		if cite := s.citation(); cite != "" {
			fmt.Fprintf(&b, "  [%s]", cite)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func (s Step) citation() string {
	parts := make([]string, 0, 2)
	if s.Source != "" {
		parts = append(parts, s.Source)
	}
	if len(s.Interpretations) > 0 {
		parts = append(parts, strings.Join(s.Interpretations, ", "))
	}
	return strings.Join(parts, "; ")
}

// tracer records steps. A nil *tracer records nothing; callers guard costly
// arguments with tr != nil so that Compute pays nothing for derivations.
type tracer struct {
	steps []Step
}

func (t *tracer) add(name, value, source string, interps []string, formula string, terms ...decimal.Decimal) {
	if t == nil {
		return
	}
	t.steps = append(t.steps, Step{Name: name, Value: value, Formula: formula, Source: source, Interpretations: interps, terms: terms})
}

func (t *tracer) request(req Request) {
	if t == nil {
		return
	}
	nationalMax := "not supplied"
	if req.NationalMax.Sign() != 0 {
		nationalMax = Format(req.NationalMax)
	}
	combined := Format(req.Combined)
	t.add("input.combined_activity", combined, "Annexe 3 §1", nil, "combined activity 2019 = "+combined, req.Combined)
	t.add("input.national_max", nationalMax, "Annexe 3 §3", []string{"INT-02"}, "national maximum of combined activity = "+nationalMax, req.NationalMax)
	d, cro := req.Variant.Domain, strconv.FormatBool(req.Variant.CRO)
	t.add("input.domain", d.String(), "Annexe 3 §2", nil, d.String()+": "+d.Label())
	t.add("input.cro", cro, "§5", nil, "CRO bonus asked: "+cro)
	t.add("input.window", req.Window.String(), "§6.1", nil, "funding window "+req.Window.String())
}

// approx renders num/den exactly when it has at most 6 decimals, and
// truncated with "…" otherwise.
func approx(num, den decimal.Decimal) string {
	q, r := num.QuoRem(den, 6)
	if r.IsZero() {
		return Format(q)
	}
	return Format(q) + "…"
}
