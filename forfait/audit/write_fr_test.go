package audit_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait/audit"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
	"github.com/sunes-spec/sunes/window"
)

func TestCodeTexts(t *testing.T) {
	for _, c := range audit.Codes() {
		codectest.Check(t, string(c), c.Text())
	}
}

// TestMarkdownFrench: the Markdown report is French by default, with the
// hand-computed totals of TestReports written the French way (1 € over
// on the advance, 794 € short on the repayment: 795 € paid wrongly).
func TestMarkdownFrench(t *testing.T) {
	r := sampleReport(t)
	var md bytes.Buffer
	if err := audit.WriteMarkdown(&md, &rules, r); err != nil {
		t.Fatal(err)
	}
	nb := func(s string) string { return strings.NewReplacer("_", "\u202f", "~", "\u00a0").Replace(s) }
	for _, want := range []string{
		"# Audit des versements SUN-ES",
		"| Ile-de-France | 2 | 795 |", "| (absent de l'extraction) | 1 | 5 |",
		"| `REPAYMENT-AMOUNT` Remboursement d'un autre montant que l'avance versée | 1 | 794 |",
		"### 3. `REPAYMENT-AMOUNT` — Remboursement d'un autre montant que l'avance versée",
		"- Versement : FINESS 750712184, remboursement DS3, fenêtre 1, le 1er septembre 2022",
		nb("- Attendu : 11_758~€ (écart -794~€)"),
		nb("- Versé : 10_964~€"),
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md.String())
		}
	}
	code := regexp.MustCompile("`[^`]*`")
	if w := codectest.EnglishWords(code.ReplaceAllString(md.String(), "")); len(w) > 0 {
		t.Errorf("the French report holds English words %q:\n%s", w, md.String())
	}
	if !strings.Contains(md.String(), "3 constats.") {
		t.Errorf("Markdown lacks the count of 3 findings:\n%s", md.String())
	}
	// Payments not read from a file, findings that are no consequence: no
	// line, no consequence is said.
	for _, absent := range []string{"Ligne du relevé", "(ligne", "Conséquence du constat 0"} {
		if strings.Contains(md.String(), absent) {
			t.Errorf("Markdown says %q:\n%s", absent, md.String())
		}
	}
	// One finding, from line 7 of a ledger: the count in the singular, the
	// line in the finding.
	md.Reset()
	late := pay(annex, ds2, window.W1, envelope.Advance, "11759", "2021-12-15")
	late.Line = 7
	one, err := audit.Audit(&rules, establishments, []audit.Payment{late}, options)
	if err != nil || audit.WriteMarkdown(&md, &rules, one) != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1 constat.", "- Ligne du relevé : 7\n"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown of one finding lacks %q:\n%s", want, md.String())
		}
	}
	// A duplicate names the line of the first payment.
	first, again := pay(annex, ds3, window.W1, envelope.Advance, "11758", "2021-12-15"), pay(annex, ds3, window.W1, envelope.Advance, "11758", "2021-12-16")
	first.Line, again.Line = 3, 4
	twice, err := audit.Audit(&rules, establishments, []audit.Payment{first, again}, options)
	if err != nil || len(twice.Findings) != 1 || !strings.Contains(twice.Findings[0].Derivation.French, "le 15 décembre 2021 (ligne 3)") {
		t.Errorf("a duplicate's derivation: %v, %+v", err, twice.Findings)
	}
	md.Reset()
	clean, _ := audit.Audit(&rules, establishments, nil, options)
	if err := audit.WriteMarkdown(&md, &rules, clean); err != nil || !strings.Contains(md.String(), "Aucun constat") {
		t.Errorf("clean report: %v\n%s", err, md.String())
	}
}
