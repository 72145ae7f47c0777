package audit

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/instruction"
)

// CSVHeader is the header of WriteCSV's output.
var CSVHeader = []string{"finess", "region", "domain", "cro", "window", "kind", "finding", "expected", "paid", "difference", "citation"}

// citation is a finding's paragraph and interpretations, as one text.
func (f Finding) citation() string {
	if len(f.Interpretations) == 0 {
		return f.Source
	}
	return f.Source + "; " + strings.Join(f.Interpretations, ", ")
}

func (f Finding) row() []string {
	exp, diff := "", ""
	if f.HasExpected {
		exp, diff = forfait.Format(f.Expected), forfait.Format(f.Difference)
	}
	p := f.Payment
	return []string{p.FINESS.String(), regionOf(f.Region), p.Variant.Domain.String(), strconv.FormatBool(p.Variant.CRO), p.Window.String(),
		p.Kind.String(), string(f.Code), exp, forfait.Format(f.Paid), diff, f.citation()}
}

// WriteCSV writes one row per finding under CSVHeader (§5, Annexe 2 §3:
// the findings as an auditor tabulates them); expected and difference are
// empty when no amount is due for what the payment claims to be.
func WriteCSV(w io.Writer, r Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, f := range r.Findings {
		if err := cw.Write(f.row()); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

type findingJSON struct {
	FINESS          string   `json:"finess"`
	Region          string   `json:"region"`
	Domain          string   `json:"domain"`
	CRO             bool     `json:"cro"`
	Window          string   `json:"window"`
	Kind            string   `json:"kind"`
	Date            string   `json:"date"`
	Line            int      `json:"line,omitempty"`
	Finding         Code     `json:"finding"`
	Expected        *string  `json:"expected"`
	Paid            string   `json:"paid"`
	Difference      *string  `json:"difference"`
	Source          string   `json:"source"`
	Interpretations []string `json:"interpretations,omitempty"`
	Derivation      string   `json:"derivation"`
}

// MarshalJSON encodes f with the CSV's field names, amounts as strings,
// expected and difference null when no amount is due.
func (f Finding) MarshalJSON() ([]byte, error) {
	p := f.Payment
	j := findingJSON{FINESS: p.FINESS.String(), Region: regionOf(f.Region), Domain: p.Variant.Domain.String(), CRO: p.Variant.CRO,
		Window: p.Window.String(), Kind: p.Kind.String(), Date: p.Date.String(), Line: p.Line, Finding: f.Code, Paid: forfait.Format(f.Paid),
		Source: f.Source, Interpretations: f.Interpretations, Derivation: f.Derivation}
	if f.HasExpected {
		exp, diff := forfait.Format(f.Expected), forfait.Format(f.Difference)
		j.Expected, j.Difference = &exp, &diff
	}
	return json.Marshal(j)
}

// WriteJSON writes the report as one JSON object: the national maximum
// used and where it comes from (INT-02), the count and net sum of the
// payments, and the findings.
func WriteJSON(w io.Writer, r Report) error {
	findings := r.Findings
	if findings == nil {
		findings = []Finding{}
	}
	from := ""
	if r.NationalMaxFrom.IsValid() {
		from = r.NationalMaxFrom.String()
	}
	data, err := json.MarshalIndent(struct {
		NationalMax     string    `json:"national_max"`
		NationalMaxFrom string    `json:"national_max_from,omitempty"`
		Payments        int       `json:"payments"`
		Paid            string    `json:"paid"`
		Findings        []Finding `json:"findings"`
	}{forfait.Format(r.NationalMax), from, r.Payments, forfait.Format(r.Paid), findings}, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// WriteMarkdown writes a report an auditor can hand on: what was audited
// and under which rules, the totals per region and per finding code, then
// every finding with its derivation and citation (§5, Annexe 2 §3).
func WriteMarkdown(w io.Writer, in *instruction.Rules, r Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Audit of SUN-ES volet 1 payments\n\n")
	fmt.Fprintf(&b, "Rules: %s. Payments audited: %d, net %s €.\n\n", in.Name(), r.Payments, forfait.Format(r.Paid))
	if r.NationalMaxFrom.IsValid() {
		fmt.Fprintf(&b, "National maximum of combined activity (INT-02): %s, the largest in the extract (FINESS %s).\n\n", forfait.Format(r.NationalMax), r.NationalMaxFrom)
	} else {
		fmt.Fprintf(&b, "National maximum of combined activity (INT-02): %s, as given.\n\n", forfait.Format(r.NationalMax))
	}
	if len(r.Findings) == 0 {
		b.WriteString("No finding: every payment is what the rules give.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "%d findings.\n\n## Totals per region\n\n| region | findings | paid − expected (€) |\n|---|---|---|\n", len(r.Findings))
	for _, t := range TotalsBy(r.Findings, func(f Finding) string { return regionOf(f.Region) }) {
		name := t.Key
		if name == "" {
			name = "(not in the extract)"
		}
		fmt.Fprintf(&b, "| %s | %d | %s |\n", name, t.Count, forfait.Format(t.Difference))
	}
	b.WriteString("\n## Totals per finding\n\n| finding | findings | paid − expected (€) |\n|---|---|---|\n")
	for _, t := range TotalsBy(r.Findings, func(f Finding) Code { return f.Code }) {
		fmt.Fprintf(&b, "| `%s` | %d | %s |\n", t.Key, t.Count, forfait.Format(t.Difference))
	}
	b.WriteString("\n## Findings\n")
	for i, f := range r.Findings {
		p := f.Payment
		fmt.Fprintf(&b, "\n### %d. `%s` — %s %s %s, window %s, %s\n\n", i+1, f.Code, p.FINESS, p.Kind, p.Variant, p.Window, p.Date)
		if p.Line > 0 {
			fmt.Fprintf(&b, "- Ledger line: %d\n", p.Line)
		}
		if f.Region.IsValid() {
			fmt.Fprintf(&b, "- Region: %s\n", f.Region)
		}
		fmt.Fprintf(&b, "- Paid: %s €\n", forfait.Format(f.Paid))
		if f.HasExpected {
			fmt.Fprintf(&b, "- Expected: %s € (difference %s €)\n", forfait.Format(f.Expected), forfait.Format(f.Difference))
		}
		fmt.Fprintf(&b, "- Derivation: %s\n- Citation: %s\n", f.Derivation, f.citation())
	}
	_, err := io.WriteString(w, b.String())
	return err
}
