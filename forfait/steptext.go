package forfait

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait/codec"
)

// stepLabels is the catalogue of the derivation's steps as people read
// them, by step name, in French and English: the label of a step whose
// label shows no number of the computation. Steps whose label carries
// their numbers (category, rounding, bonus, window, advance) build it in
// Step.label from the same words.
var stepLabels = map[string]codec.Text{
	"input.combined_activity": {French: "Activité combinée 2019", English: "Combined activity 2019"},
	"input.national_max":      {French: "Maximum national de l'activité combinée", English: "National maximum of combined activity"},
	"input.domain":            {French: "Domaine", English: "Domain"},
	"input.cro":               {French: "Bonus CRO demandé", English: "CRO bonus asked"},
	"input.window":            {French: "Fenêtre de financement", English: "Funding window"},
	"combined_activity":       {French: "Activité combinée, somme des termes", English: "Combined activity, sum of the terms"},
	"category":                {French: "Catégorie", English: "Category"},
	"base.interpolated":       {French: "Base interpolée", English: "Interpolated base"},
	"base.rounded":            {French: "Base arrondie", English: "Rounded base"},
	"bonus":                   {French: "Bonus CRO", English: "CRO bonus"},
	"window_factor":           {French: "Fenêtre", English: "Window"},
	"forfait":                 {French: "Forfait arrondi", English: "Rounded forfait"},
	"advance":                 {French: "Avance", English: "Advance"},
	"balance":                 {French: "Solde", English: "Balance"},
}

// StepLabel returns the catalogue's label of the step called name (a
// Step.Name, "base.interpolated", "combined.mco_days"), in French and
// English, and false for a name no derivation gives.
func StepLabel(name string) (codec.Text, bool) {
	if f, ok := strings.CutPrefix(name, "combined."); ok {
		return codec.FieldLabel(f)
	}
	t, ok := stepLabels[name]
	return t, ok
}

// StepNames returns the names of every step a derivation may hold, in
// the order of ExplainActivity.
func StepNames() []string {
	names := make([]string, 0, NumActivityFields+len(stepLabels))
	for _, f := range ActivityFields() {
		names = append(names, "combined."+f.String())
	}
	return append(names, "combined_activity", "input.combined_activity", "input.national_max", "input.domain",
		"input.cro", "input.window", "category", "base.interpolated", "base.rounded", "bonus", "window_factor",
		"forfait", "advance", "balance")
}

// In returns d as a reader of l reads it: every step with its Label, and
// in French its Value and Formula in French words and numbers ("99 761,93",
// "15 septembre 2021"); in English Value and Formula stay as Explain wrote
// them. Names, sources and INT ids never change. d must come from Explain
// or ExplainActivity: a step decoded from JSON has no numbers to render,
// and keeps its Formula.
func (d Derivation) In(l codec.Lang) Derivation {
	out := Derivation{Forfait: d.Forfait, Steps: make([]Step, len(d.Steps))}
	for i, s := range d.Steps {
		s.Label = s.label(l)
		if l != codec.English {
			s.Value = frenchValue(s.Value)
			if f, ok := s.frenchFormula(); ok {
				s.Formula = f
			}
		}
		out.Steps[i] = s
	}
	return out
}

// Text renders d for a reader of l: in English as String does, in French
// one step a line, its label, its computation and its citation.
func (d Derivation) Text(l codec.Lang) string {
	if l == codec.English {
		return d.String()
	}
	fr := d.In(l)
	var b strings.Builder
	width := 0
	for _, s := range fr.Steps {
		width = max(width, len([]rune(s.Label)))
	}
	for _, s := range fr.Steps {
		fmt.Fprintf(&b, "  %s%s  %s", s.Label, strings.Repeat(" ", width-len([]rune(s.Label))), s.Formula)
		if cite := s.citation(); cite != "" {
			fmt.Fprintf(&b, "  [%s]", strings.ReplaceAll(cite, "; ", " ; "))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// label is the step's label in l, with its numbers where it shows them.
func (s Step) label(l codec.Lang) string {
	t, _ := StepLabel(s.Name)
	n := l.Number
	tm := s.terms
	switch {
	case s.Name == "category" && len(tm) == 3:
		rel := " < "
		if c, err := ParseCategory(s.Value); err == nil && c.Index() == NumCategories-1 {
			rel = " ≤ "
		}
		return codec.Text{French: "Catégorie ", English: "Category "}.In(l) + s.Value + codec.Text{French: " : ", English: ": "}.In(l) +
			n(tm[0]) + " ≤ x" + rel + n(tm[2])
	case s.Name == "base.rounded" && len(tm) == 4:
		return codec.Text{French: "Arrondi ", English: "Rounded to "}.In(l) + unitPhrase(l, tm[2]) + " (INT-03)"
	case s.Name == "forfait" && len(tm) == 3:
		return codec.Text{French: "Forfait arrondi ", English: "Forfait rounded to "}.In(l) + unitPhrase(l, tm[1]) + " (INT-03)"
	case s.Name == "bonus" && len(tm) == 3:
		first, _, _ := strings.Cut(s.Source, ";") // the paragraph that grants it
		return codec.Text{French: "Bonus CRO +", English: "CRO bonus +"}.In(l) + l.Percent(tm[1]) + " (" + first + ")"
	case s.Name == "window_factor" && len(tm) == 4:
		return codec.Text{French: "Fenêtre ", English: "Window "}.In(l) + n(tm[2]) + codec.Text{French: " : ", English: ": "}.In(l) + l.Percent(tm[1])
	case s.Name == "advance" && len(tm) == 4:
		return codec.Text{French: "Avance ", English: "Advance "}.In(l) + l.Percent(tm[1]) +
			codec.Text{French: " / solde ", English: " / balance "}.In(l) + l.Percent(decimal.NewFromInt(1).Sub(tm[1]))
	}
	if t.French == "" {
		return s.Name
	}
	return t.In(l)
}

// unitPhrase names a rounding unit: "à l'euro", "au millier d'euros",
// "à 100 €"; "the nearest 1000 €" in English.
func unitPhrase(l codec.Lang, unit decimal.Decimal) string {
	if l == codec.English {
		return "the nearest " + l.Money(unit)
	}
	switch {
	case unit.Equal(decimal.NewFromInt(1)):
		return "à l'euro"
	case unit.Equal(decimal.NewFromInt(1000)):
		return "au millier d'euros"
	}
	return "au multiple de " + l.Money(unit)
}

// frenchValue writes a step's value in French: a number the French way,
// a yes or no for a bonus asked, "non fourni" for a national maximum
// not supplied; a category, a domain or a window as it is.
func frenchValue(v string) string {
	switch v {
	case "true":
		return "oui"
	case "false":
		return "non"
	case "not supplied":
		return "non fourni"
	}
	exact, approx := strings.CutSuffix(v, "…")
	if d, err := decimal.NewFromString(exact); err == nil && strings.ContainsAny(exact, "0123456789") && !strings.ContainsAny(exact, "eE") {
		if approx {
			return codec.French.Number(d) + "…"
		}
		return codec.French.Number(d)
	}
	return v
}

// frenchFormula is the step's computation in French, from its terms.
func (s Step) frenchFormula() (string, bool) {
	n := codec.French.Number
	tm := s.terms
	switch {
	case strings.HasPrefix(s.Name, "combined.") && len(tm) == 3:
		return n(tm[0]) + " × " + n(tm[1]) + " = " + n(tm[2]), true
	case s.Name == "combined_activity" && len(tm) == 1:
		return "somme des huit termes = " + n(tm[0]), true
	case s.Name == "input.combined_activity" && len(tm) == 1:
		return "activité combinée 2019 = " + n(tm[0]), true
	case s.Name == "input.national_max" && len(tm) == 1:
		if tm[0].Sign() == 0 {
			return "maximum national de l'activité combinée : non fourni", true
		}
		return "maximum national de l'activité combinée = " + n(tm[0]), true
	case s.Name == "input.domain":
		if d, err := ParseDomain(s.Value); err == nil {
			return d.String() + " : " + d.Label(), true
		}
	case s.Name == "input.cro":
		return "bonus CRO demandé : " + frenchValue(s.Value), true
	case s.Name == "input.window":
		return "fenêtre de financement " + s.Value, true
	case s.Name == "category" && len(tm) == 3:
		rel := " < "
		if c, err := ParseCategory(s.Value); err == nil && c.Index() == NumCategories-1 {
			rel = " ≤ "
		}
		return n(tm[0]) + " ≤ " + n(tm[1]) + rel + n(tm[2]) + " : catégorie " + s.Value, true
	case s.Name == "base.interpolated" && len(tm) == 7:
		min, combined, lo, max, up := n(tm[0]), n(tm[1]), n(tm[2]), n(tm[3]), n(tm[4])
		return min + " + (" + combined + " − " + lo + ") × (" + max + " − " + min + ") / (" + up + " − " + lo + ") = " + frenchApprox(tm[5], tm[6]), true
	case s.Name == "base.rounded" && len(tm) == 4:
		return frenchApprox(tm[0], tm[1]) + " arrondi " + unitPhrase(codec.French, tm[2]) + " le plus proche = " + n(tm[3]), true
	case s.Name == "bonus" && len(tm) == 3:
		return n(tm[0]) + " × (1 + " + n(tm[1]) + ") = " + n(tm[2]), true
	case s.Name == "window_factor" && len(tm) == 4:
		return n(tm[0]) + " × " + n(tm[1]) + " (fenêtre " + n(tm[2]) + ") = " + n(tm[3]), true
	case s.Name == "forfait" && len(tm) == 3:
		return n(tm[0]) + " arrondi " + unitPhrase(codec.French, tm[1]) + " le plus proche = " + n(tm[2]), true
	case s.Name == "advance" && len(tm) == 4:
		return n(tm[0]) + " × " + n(tm[1]) + " arrondi " + unitPhrase(codec.French, tm[2]) + " le plus proche = " + n(tm[3]), true
	case s.Name == "balance" && len(tm) == 3:
		return n(tm[0]) + " − " + n(tm[1]) + " = " + n(tm[2]), true
	}
	return "", false
}

// frenchApprox is approx written the French way: num/den exactly when it
// has at most 6 decimals, truncated with "…" otherwise.
func frenchApprox(num, den decimal.Decimal) string {
	return frenchValue(approx(num, den))
}
