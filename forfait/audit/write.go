package audit

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
)

// WritePayments writes a payment ledger that ReadPayments reads back: a
// header of the PaymentColumns and volet, then
// one row per payment, amounts with a decimal point, dates as
// YYYY-MM-DD, domain, cro and window empty in volet 2; Line is not
// written (ReadPayments sets it to the row's line). A payment Audit could
// not read is refused first, every problem reported as a
// *forfait.InputError and nothing written.
func WritePayments(w io.Writer, ps []Payment) error {
	if errs := checkPayments(ps); len(errs) > 0 {
		return errors.Join(errs...)
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(ledgerColumns()); err != nil {
		return err
	}
	for _, p := range ps {
		domain, cro, win := "", "", ""
		if p.volet() == envelope.Volet1 {
			domain, cro, win = p.Variant.Domain.String(), strconv.FormatBool(p.Variant.CRO), p.Window.String()
		}
		volet, _ := p.volet().MarshalText()
		if err := cw.Write([]string{p.FINESS.String(), domain, cro, win, p.Kind.String(), forfait.Format(p.Amount), p.Date.String(), string(volet)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// CSVHeader returns the header of WriteCSV's output, a new slice each
// call: the payment (with its line in the ledger file and its date, so
// that a DUPLICATE is told from its original), the finding, what was
// expected and paid, the difference, the money it counts as paid wrongly
// (overpaid, INT-26), the finding it is a consequence of (its number, from
// 1, in the report), whether a later step settled it (INT-26), and the
// citation.
func CSVHeader() []string {
	return []string{"finess", "region", "volet", "domain", "cro", "window", "kind", "line", "date", "finding",
		"expected", "paid", "difference", "overpaid", "consequence_of", "settled", "citation"}
}

// citation is a finding's paragraph and interpretations, as one text.
func (f Finding) citation() string {
	if len(f.Interpretations) == 0 {
		return f.Source
	}
	return f.Source + "; " + strings.Join(f.Interpretations, ", ")
}

func (f Finding) row() []string {
	exp, diff, over := "", "", ""
	if f.HasExpected {
		exp, diff, over = forfait.Format(f.Expected), forfait.Format(f.Difference), forfait.Format(f.Overpaid())
	}
	p := f.Payment
	domain, cro, win := "", "", ""
	if p.volet() == envelope.Volet1 {
		domain, cro, win = p.Variant.Domain.String(), strconv.FormatBool(p.Variant.CRO), p.Window.String()
	}
	line, cause := "", ""
	if p.Line > 0 {
		line = strconv.Itoa(p.Line)
	}
	if f.Cause > 0 {
		cause = strconv.Itoa(f.Cause)
	}
	volet, _ := p.volet().MarshalText()
	return []string{p.FINESS.String(), regionOf(f.Region), string(volet), domain, cro, win, p.Kind.String(), line, p.Date.String(),
		string(f.Code), exp, forfait.Format(f.Paid), diff, over, cause, strconv.FormatBool(f.Settled), f.citation()}
}

// WriteCSV writes one row per finding under CSVHeader, the findings as an
// auditor tabulates them; expected, difference and overpaid are empty for
// a finding without an expected amount (DATE-CALENDAR, which judges the
// date alone), domain, cro and window for a volet-2 payment, line for a
// payment from no file.
func WriteCSV(w io.Writer, r Report) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader()); err != nil {
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
	Volet           string   `json:"volet"`
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
	Overpaid        *string  `json:"overpaid"`
	ConsequenceOf   int      `json:"consequence_of,omitempty"`
	Settled         bool     `json:"settled,omitempty"`
	Source          string   `json:"source"`
	Interpretations []string `json:"interpretations,omitempty"`
	Derivation      string   `json:"derivation"`
}

// MarshalJSON encodes f with the CSV's field names, amounts as strings,
// expected, difference and overpaid null for a finding without an
// expected amount (DATE-CALENDAR), and its derivation in English.
func (f Finding) MarshalJSON() ([]byte, error) {
	p := f.Payment
	volet, _ := p.volet().MarshalText()
	j := findingJSON{FINESS: p.FINESS.String(), Region: regionOf(f.Region), Volet: string(volet), Domain: p.Variant.Domain.String(), CRO: p.Variant.CRO,
		Window: p.Window.String(), Kind: p.Kind.String(), Date: p.Date.String(), Line: p.Line, Finding: f.Code, Paid: forfait.Format(f.Paid),
		ConsequenceOf: f.Cause, Settled: f.Settled, Source: f.Source, Interpretations: f.Interpretations, Derivation: f.Derivation.English}
	if p.volet() == envelope.Volet2 {
		j.Domain, j.Window = "", ""
	}
	if f.HasExpected {
		exp, diff, over := forfait.Format(f.Expected), forfait.Format(f.Difference), forfait.Format(f.Overpaid())
		j.Expected, j.Difference, j.Overpaid = &exp, &diff, &over
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

// WriteMarkdown writes the report of an audit of payments in French, for
// the auditors it is made for: WriteMarkdownIn with codec.French. The
// totals count each wrong euro once (INT-26).
func WriteMarkdown(w io.Writer, in *instruction.Rules, r Report) error {
	return WriteMarkdownIn(w, in, r, codec.French)
}

// WriteMarkdownIn writes a report an auditor can hand on, in the
// language l: what was audited and under which rules, the totals per
// region and per finding code, then every finding with its derivation
// and its citation. The French report names each finding by its code's
// text and writes amounts and dates the French way, in the derivation as
// elsewhere.
func WriteMarkdownIn(w io.Writer, in *instruction.Rules, r Report, l codec.Lang) error {
	t := markdownFrench
	if l == codec.English {
		t = markdownEnglish
	}
	var b strings.Builder
	b.WriteString(t.title)
	fmt.Fprintf(&b, t.rules, in.Name(), r.Payments, l.Money(r.Paid))
	if r.NationalMaxFrom.IsValid() {
		fmt.Fprintf(&b, t.maxFrom, l.Number(r.NationalMax), r.NationalMaxFrom)
	} else {
		fmt.Fprintf(&b, t.maxGiven, l.Number(r.NationalMax))
	}
	if len(r.Findings) == 0 {
		b.WriteString(t.none)
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString(t.count(len(r.Findings)))
	b.WriteString(t.byRegion)
	for _, x := range TotalsBy(r.Findings, func(f Finding) string { return regionOf(f.Region) }) {
		name := x.Key
		if name == "" {
			name = t.notInExtract
		}
		fmt.Fprintf(&b, "| %s | %d | %s |\n", name, x.Count, l.Number(x.Overpaid))
	}
	b.WriteString(t.byCode)
	for _, x := range TotalsBy(r.Findings, func(f Finding) Code { return f.Code }) {
		fmt.Fprintf(&b, "| `%s`%s | %d | %s |\n", x.Key, t.codeText(x.Key), x.Count, l.Number(x.Overpaid))
	}
	b.WriteString(t.findings)
	for i, f := range r.Findings {
		b.WriteString(t.heading(i+1, f, l))
		if f.Payment.Line > 0 {
			fmt.Fprintf(&b, t.line, f.Payment.Line)
		}
		if f.Region.IsValid() {
			fmt.Fprintf(&b, t.region, f.Region)
		}
		fmt.Fprintf(&b, t.paid, l.Money(f.Paid))
		if f.HasExpected {
			fmt.Fprintf(&b, t.expected, l.Money(f.Expected), l.Money(f.Difference))
		}
		switch {
		case f.Cause > 0:
			fmt.Fprintf(&b, t.consequence, f.Cause)
		case f.Settled:
			b.WriteString(t.settled)
		}
		fmt.Fprintf(&b, t.derivation, f.Derivation.In(l), t.citation(f.citation()))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// markdownText is the wording of the Markdown report in one language;
// the amounts, numbers and dates are the language's (codec.Lang).
type markdownText struct {
	title, rules, maxFrom, maxGiven, none string
	count                                 func(n int) string
	byRegion, notInExtract, byCode        string
	findings                              string
	heading                               func(n int, f Finding, l codec.Lang) string
	codeText                              func(Code) string // after a code in the totals
	line, region, paid, expected          string
	consequence, settled, derivation      string
	citation                              func(string) string
}

var markdownEnglish = markdownText{
	title:    "# Audit of SUN-ES payments\n\n",
	rules:    "Rules: %s. Payments audited: %d, net %s.\n\n",
	maxFrom:  "National maximum of combined activity (INT-02): %s, the largest in the extract (FINESS %s).\n\n",
	maxGiven: "National maximum of combined activity (INT-02): %s, as given.\n\n",
	none:     "No finding: every payment is what the rules give.\n",
	count: func(n int) string {
		return fmt.Sprintf("%d findings. The totals count the money paid wrongly once: a consequence of an earlier finding, or a wrong advance a later step settled, adds nothing (INT-26).\n\n", n)
	},
	byRegion:     "## Totals per region\n\n| region | findings | overpaid (€) |\n|---|---|---|\n",
	notInExtract: "(not in the extract)",
	byCode:       "\n## Totals per finding\n\n| finding | findings | overpaid (€) |\n|---|---|---|\n",
	findings:     "\n## Findings\n",
	heading: func(n int, f Finding, _ codec.Lang) string {
		p := f.Payment
		if p.volet() == envelope.Volet2 {
			return fmt.Sprintf("\n### %d. `%s` — %s %s, volet 2, %s\n\n", n, f.Code, p.FINESS, p.Kind, p.Date)
		}
		return fmt.Sprintf("\n### %d. `%s` — %s %s %s, window %s, %s\n\n", n, f.Code, p.FINESS, p.Kind, p.Variant, p.Window, p.Date)
	},
	codeText:    func(Code) string { return "" },
	line:        "- Ledger line: %d\n",
	region:      "- Region: %s\n",
	paid:        "- Paid: %s\n",
	expected:    "- Expected: %s (difference %s)\n",
	consequence: "- Consequence of finding %d: not counted again in the totals\n",
	settled:     "- Settled by a later step: not counted in the totals\n",
	derivation:  "- Derivation: %s\n- Citation: %s\n",
	citation:    func(c string) string { return c },
}

var markdownFrench = markdownText{
	title:    "# Audit des versements SUN-ES\n\n",
	rules:    "Règles : %s. Versements contrôlés : %d, pour un montant net de %s.\n\n",
	maxFrom:  "Maximum national de l'activité combinée (INT-02) : %s, le plus grand de l'extraction (FINESS %s).\n\n",
	maxGiven: "Maximum national de l'activité combinée (INT-02) : %s, tel que fourni.\n\n",
	none:     "Aucun constat : chaque versement est celui que donnent les règles.\n",
	count: func(n int) string {
		constats := "constats"
		if n == 1 {
			constats = "constat"
		}
		return fmt.Sprintf("%d %s. Les totaux comptent une seule fois l'argent versé à tort : la conséquence d'un constat antérieur, ou une avance erronée qu'une étape ultérieure a régularisée, n'y ajoute rien (INT-26).\n\n", n, constats)
	},
	byRegion:     "## Totaux par région\n\n| région | constats | trop-versé (€) |\n|---|---|---:|\n",
	notInExtract: "(absent de l'extraction)",
	byCode:       "\n## Totaux par constat\n\n| constat | nombre | trop-versé (€) |\n|---|---|---:|\n",
	findings:     "\n## Constats\n",
	heading: func(n int, f Finding, l codec.Lang) string {
		p := f.Payment
		h := fmt.Sprintf("\n### %d. `%s` — %s\n\n", n, f.Code, f.Code.Text().French)
		if p.volet() == envelope.Volet2 {
			return h + fmt.Sprintf("- Versement : FINESS %s, %s du volet 2, le %s\n", p.FINESS, kindFR[p.Kind], p.Date.In(l))
		}
		return h + fmt.Sprintf("- Versement : FINESS %s, %s %s, fenêtre %s, le %s\n", p.FINESS, kindFR[p.Kind], p.Variant, p.Window, p.Date.In(l))
	},
	codeText:    func(c Code) string { return " " + c.Text().French },
	line:        "- Ligne du relevé : %d\n",
	region:      "- Région : %s\n",
	paid:        "- Versé : %s\n",
	expected:    "- Attendu : %s (écart %s)\n",
	consequence: "- Conséquence du constat %d : non comptée une seconde fois dans les totaux\n",
	settled:     "- Régularisé par une étape ultérieure : non compté dans les totaux\n",
	derivation:  "- Calcul : %s\n- Références : %s\n",
	citation:    func(c string) string { return strings.ReplaceAll(c, "; ", " ; ") },
}
