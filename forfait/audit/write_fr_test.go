package audit_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
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
	r, err := audit.Audit(&rules, establishments, []audit.Payment{
		pay(annex, ds2, window.W1, envelope.Advance, "11759", "2021-12-15"),
		pay(annex, ds3, window.W1, envelope.Advance, "11758", "2021-12-15"),
		pay(annex, ds3, window.W1, envelope.Repayment, "10964", "2022-09-01"),
		pay(forfait.MustParseFINESS("130000012"), ds2, window.W1, envelope.Advance, "5", "2021-12-15"),
	}, options)
	if err != nil {
		t.Fatal(err)
	}
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
	md.Reset()
	clean, _ := audit.Audit(&rules, establishments, nil, options)
	if err := audit.WriteMarkdown(&md, &rules, clean); err != nil || !strings.Contains(md.String(), "Aucun constat") {
		t.Errorf("clean report: %v\n%s", err, md.String())
	}
}
