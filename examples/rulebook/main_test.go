package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/forfait/rulebook"
	"github.com/sunes-spec/sunes/indicator"
)

var update = flag.Bool("update", false, "rewrite RULEBOOK.md and RULEBOOK.fr.md")

// rules are the instruction's rules as the library gives them.
var rules = instruction.Instruction2021()

// TestRulebookFresh fails when the committed RULEBOOK.md is not what the
// rule sets generate today; -update rewrites it.
func TestRulebookFresh(t *testing.T) {
	var b bytes.Buffer
	if err := rulebook.Render(&b, &rules); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("RULEBOOK.md", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	committed, err := os.ReadFile("RULEBOOK.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, b.Bytes()) {
		t.Fatal("RULEBOOK.md is stale: run `go run ./examples/rulebook -update` (or `go test ./examples/rulebook -update`)")
	}
}

// TestRulebookFrenchFresh fails when the committed RULEBOOK.fr.md is not
// what the rule sets generate today; -update rewrites it.
func TestRulebookFrenchFresh(t *testing.T) {
	var b bytes.Buffer
	if err := rulebook.RenderIn(&b, &rules, codec.French); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("RULEBOOK.fr.md", b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	committed, err := os.ReadFile("RULEBOOK.fr.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, b.Bytes()) {
		t.Fatal("RULEBOOK.fr.md is stale: run `go run ./examples/rulebook -update` (or `go test ./examples/rulebook -update`)")
	}
}

// TestRulebookFrench: the French edition speaks French, code aside, and
// writes the figures the French way.
func TestRulebookFrench(t *testing.T) {
	var b bytes.Buffer
	if err := rulebook.RenderIn(&b, &rules, codec.French); err != nil {
		t.Fatal(err)
	}
	book := b.String()
	nb := func(s string) string { return strings.ReplaceAll(s, "_", "\u202f") }
	for _, want := range []string{
		"# SUN-ES volet 1 — le livre des règles",
		nb("| C | 22_500 | 230_000 (exclu) | 48_000 – 150_000 | 26_000 – 52_000 | 26_000 – 52_000 | Annexe 3 §3 |"),
		"Bonus CRO (DS1 seulement) : +10\u00a0%",
		"| 4 | 80\u00a0% | Annexe 3 §4 | 1er mars 2023 – 30 avril 2023 *publiée* |",
		nb("| Ile-de-France | 31_749_053 | 9_524_716 | 22_224_337 |"),
		nb("| DS1 | 1 | 100_000 | 110_000 | 33_000 | 77_000 |"),
		nb("| **total** |  |  | 176_300 |  |  |"),
		"### INT-03 — Où et comment les montants sont-ils arrondis ?",
		"## 11. Couverture du texte",
		"| R-5-02 | Les six prérequis de l'Annexe 1 doivent tous être atteints. | oui | *encodée* |",
	} {
		if !strings.Contains(book, want) {
			t.Errorf("the French book lacks %q", want)
		}
	}
	code := regexp.MustCompile("`[^`]*`")
	for i, line := range strings.Split(code.ReplaceAllString(book, ""), "\n") {
		if w := codectest.EnglishWords(line); len(w) > 0 {
			t.Errorf("line %d holds English words %q: %.120s", i+1, w, line)
		}
	}
}

// TestRulebookFigures: the book prints every figure of Annexes 1–3, the
// calendar, the prerequisites and the register (spot checks, transcribed
// from the annexes).
func TestRulebookFigures(t *testing.T) {
	var b bytes.Buffer
	if err := rulebook.Render(&b, &rules); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| `ambulatory_surgery_stays` | 1.5 | Annexe 3 §1",
		"| C | 22500 | 230000 (excluded) | 48000 – 150000 | 26000 – 52000 | 26000 – 52000 | Annexe 3 §3 |",
		"| D | 230000 | national maximum (INT-02) | 150000 – 320000 | 52000 – 80000 | 52000 – 80000 |",
		"CRO bonus (DS1 only): +10 %",
		"| 4 | 80 % | Annexe 3 §4 | 2023-03-01 – 2023-04-30 *published* | 2023-03-01 – 2023-06-30 *inferred* | 2023-07-01 – 2023-12-31 *stated* |",
		"| DS1.2 | DS1 |", "| 40 % | 48 % | 59 % | 63 % |",
		"`PS2.2-ORDER-LATE`", "`ONE-PER-WINDOW` | §6.1; INT-10",
		"| Ile-de-France | 31749053 | 9524716 | 22224337 |",
		"| **total** | 158000000 |",
		"| Pays de la Loire | 500000 |",
		"### INT-09", "### INT-10",
		"| DS1 | 1 | 100000 | 110000 | 33000 | 77000 |",
		"| **total** |  |  | 176300 |  |  |",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the book lacks %q", want)
		}
	}
}

// TestNoFormattingErrors: a literal passed as a format prints "%!verb(…)";
// the generated book must hold none.
func TestNoFormattingErrors(t *testing.T) {
	var b bytes.Buffer
	if err := rulebook.Render(&b, &rules); err != nil {
		t.Fatal(err)
	}
	if i := strings.Index(b.String(), "%!"); i >= 0 {
		t.Errorf("the book holds a formatting error: %q", b.String()[max(0, i-40):min(b.Len(), i+40)])
	}
}

// TestRulebookFollowsTheRules: the book prints the rules it is given, so
// an amended instruction is printed as amended.
func TestRulebookFollowsTheRules(t *testing.T) {
	in := instruction.Instruction2021()
	in.Forfait.Windows[1].Factor = decimal.New(88, -2)
	in.Targets.Percent[indicator.DS21.Index()][0] = decimal.New(30, 0)
	var b bytes.Buffer
	if err := rulebook.Render(&b, &in); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| 2 | 88 % |", "| DS2.1 | DS2 |", "| 30 % | 54 % |"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the amended book lacks %q", want)
		}
	}
}

// TestCoverageChapter: the book's last chapter prints every unit of the
// register, every rule with its status, and the totals the register counts.
func TestCoverageChapter(t *testing.T) {
	var b bytes.Buffer
	if err := rulebook.Render(&b, &rules); err != nil {
		t.Fatal(err)
	}
	book := b.String()
	i := strings.Index(book, "## 11. Coverage of the text")
	if i < 0 {
		t.Fatal("the book has no coverage chapter")
	}
	chapter := book[i:]
	units := instruction.Register()
	for _, u := range units {
		if !strings.Contains(chapter, "### "+u.ID+" — "+u.Heading+"\n") {
			t.Errorf("the chapter lacks unit %s", u.ID)
		}
		for _, r := range u.Rules {
			if !strings.Contains(chapter, "| "+r.ID+" | "+r.Statement+" | ") || !strings.Contains(chapter, "*"+r.Status.String()+"*") {
				t.Errorf("the chapter lacks rule %s with its status", r.ID)
			}
		}
	}
	c := instruction.Count(units)
	all := fmt.Sprintf("| **all** | %d | %d | %d | %d |", c.All.Encoded, c.All.Interpreted, c.All.NotEncoded, c.All.Total())
	if !strings.Contains(chapter, all) {
		t.Errorf("the chapter lacks the totals %q", all)
	}
	if c.Money.Total()+c.Other.Total() != c.All.Total() || c.All.NotEncoded == 0 || c.All.Encoded == 0 {
		t.Errorf("implausible totals %+v", c)
	}
}

// failingWriter fails after n bytes.
type failingWriter struct{ n int }

var errWrite = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errWrite
	}
	w.n -= len(p)
	return len(p), nil
}

// TestRenderReportsWriteErrors: a writer that fails, early or late, makes
// Render fail with its error.
func TestRenderReportsWriteErrors(t *testing.T) {
	var b bytes.Buffer
	if err := rulebook.Render(&b, &rules); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 100, b.Len() / 2, b.Len() - 1} {
		if err := rulebook.Render(&failingWriter{n: n}, &rules); !errors.Is(err, errWrite) {
			t.Errorf("failing after %d bytes: got %v, want the writer's error", n, err)
		}
	}
}

// TestReadmeTotals: the README quotes the register's totals as the command
// prints them.
func TestReadmeTotals(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want := summary(instruction.Count(instruction.Register()))
	if got := strings.Join(strings.Fields(string(readme)), " "); !strings.Contains(got, "today: "+want+".") {
		t.Errorf("README.md does not quote today's totals %q", want)
	}
}
