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
	if l == codec.English {
		return writeMarkdownEnglish(w, in, r)
	}
	var b strings.Builder
	m := l.Money
	b.WriteString("# Audit des versements SUN-ES\n\n")
	fmt.Fprintf(&b, "Règles : %s. Versements contrôlés : %d, pour un montant net de %s.\n\n", in.Name(), r.Payments, m(r.Paid))
	if r.NationalMaxFrom.IsValid() {
		fmt.Fprintf(&b, "Maximum national de l'activité combinée (INT-02) : %s, le plus grand de l'extraction (FINESS %s).\n\n", l.Number(r.NationalMax), r.NationalMaxFrom)
	} else {
		fmt.Fprintf(&b, "Maximum national de l'activité combinée (INT-02) : %s, tel que fourni.\n\n", l.Number(r.NationalMax))
	}
	if len(r.Findings) == 0 {
		b.WriteString("Aucun constat : chaque versement est celui que donnent les règles.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	constats := "constats"
	if len(r.Findings) == 1 {
		constats = "constat"
	}
	fmt.Fprintf(&b, "%d %s. Les totaux comptent une seule fois l'argent versé à tort : la conséquence d'un constat antérieur, ou une avance erronée qu'une étape ultérieure a régularisée, n'y ajoute rien (INT-26).\n\n", len(r.Findings), constats)
	b.WriteString("## Totaux par région\n\n| région | constats | trop-versé (€) |\n|---|---|---:|\n")
	for _, t := range TotalsBy(r.Findings, func(f Finding) string { return regionOf(f.Region) }) {
		name := t.Key
		if name == "" {
			name = "(absent de l'extraction)"
		}
		fmt.Fprintf(&b, "| %s | %d | %s |\n", name, t.Count, l.Number(t.Overpaid))
	}
	b.WriteString("\n## Totaux par constat\n\n| constat | nombre | trop-versé (€) |\n|---|---|---:|\n")
	for _, t := range TotalsBy(r.Findings, func(f Finding) Code { return f.Code }) {
		fmt.Fprintf(&b, "| `%s` %s | %d | %s |\n", t.Key, t.Key.Text().French, t.Count, l.Number(t.Overpaid))
	}
	b.WriteString("\n## Constats\n")
	for i, f := range r.Findings {
		p := f.Payment
		fmt.Fprintf(&b, "\n### %d. `%s` — %s\n\n", i+1, f.Code, f.Code.Text().French)
		if p.volet() == envelope.Volet2 {
			fmt.Fprintf(&b, "- Versement : FINESS %s, %s du volet 2, le %s\n", p.FINESS, kindFR[p.Kind], p.Date.In(l))
		} else {
			fmt.Fprintf(&b, "- Versement : FINESS %s, %s %s, fenêtre %s, le %s\n", p.FINESS, kindFR[p.Kind], p.Variant, p.Window, p.Date.In(l))
		}
		if p.Line > 0 {
			fmt.Fprintf(&b, "- Ligne du relevé : %d\n", p.Line)
		}
		if f.Region.IsValid() {
			fmt.Fprintf(&b, "- Région : %s\n", f.Region)
		}
		fmt.Fprintf(&b, "- Versé : %s\n", m(f.Paid))
		if f.HasExpected {
			fmt.Fprintf(&b, "- Attendu : %s (écart %s)\n", m(f.Expected), m(f.Difference))
		}
		switch {
		case f.Cause > 0:
			fmt.Fprintf(&b, "- Conséquence du constat %d : non comptée une seconde fois dans les totaux\n", f.Cause)
		case f.Settled:
			b.WriteString("- Régularisé par une étape ultérieure : non compté dans les totaux\n")
		}
		fmt.Fprintf(&b, "- Calcul : %s\n- Références : %s\n", f.Derivation.French, strings.ReplaceAll(f.citation(), "; ", " ; "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeMarkdownEnglish is WriteMarkdownIn in English, with each finding's
// derivation.
func writeMarkdownEnglish(w io.Writer, in *instruction.Rules, r Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Audit of SUN-ES payments\n\n")
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
	fmt.Fprintf(&b, "%d findings. The totals count the money paid wrongly once: a consequence of an earlier finding, or a wrong advance a later step settled, adds nothing (INT-26).\n\n## Totals per region\n\n| region | findings | overpaid (€) |\n|---|---|---|\n", len(r.Findings))
	for _, t := range TotalsBy(r.Findings, func(f Finding) string { return regionOf(f.Region) }) {
		name := t.Key
		if name == "" {
			name = "(not in the extract)"
		}
		fmt.Fprintf(&b, "| %s | %d | %s |\n", name, t.Count, forfait.Format(t.Overpaid))
	}
	b.WriteString("\n## Totals per finding\n\n| finding | findings | overpaid (€) |\n|---|---|---|\n")
	for _, t := range TotalsBy(r.Findings, func(f Finding) Code { return f.Code }) {
		fmt.Fprintf(&b, "| `%s` | %d | %s |\n", t.Key, t.Count, forfait.Format(t.Overpaid))
	}
	b.WriteString("\n## Findings\n")
	for i, f := range r.Findings {
		p := f.Payment
		if p.volet() == envelope.Volet2 {
			fmt.Fprintf(&b, "\n### %d. `%s` — %s %s, volet 2, %s\n\n", i+1, f.Code, p.FINESS, p.Kind, p.Date)
		} else {
			fmt.Fprintf(&b, "\n### %d. `%s` — %s %s %s, window %s, %s\n\n", i+1, f.Code, p.FINESS, p.Kind, p.Variant, p.Window, p.Date)
		}
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
		switch {
		case f.Cause > 0:
			fmt.Fprintf(&b, "- Consequence of finding %d: not counted again in the totals\n", f.Cause)
		case f.Settled:
			b.WriteString("- Settled by a later step: not counted in the totals\n")
		}
		fmt.Fprintf(&b, "- Derivation: %s\n- Citation: %s\n", f.Derivation.English, f.citation())
	}
	_, err := io.WriteString(w, b.String())
	return err
}
