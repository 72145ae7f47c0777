package report_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/eligibility/eligibilitytest"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/envelope/envelopetest"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/forfait/report"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/window"
)

var rules = instruction.Instruction2021()

func decide(t *testing.T, a eligibility.Application) eligibility.Decision {
	t.Helper()
	d, err := eligibility.Decide(&a, &rules, a.Filed)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// sample has three window-1 applications of the Annexe 3 §4
// establishment (category C, 127 800), out of FINESS order: one validated
// for DS1+CRO and DS2 and refused for DS3 (no imaging unit of its own),
// one refused (its vendors not in RELIMS), one of a private
// establishment; and one of window 2.
func sample(t *testing.T) []eligibility.Decision {
	a := eligibilitytest.Valid()
	a.Establishment.Imaging = nil
	b := eligibilitytest.Valid()
	b.Establishment.FINESSGeo = forfait.MustParseFINESS("750000023")
	b.RELIMS = false
	c := eligibilitytest.Valid()
	c.Establishment.FINESSGeo, c.Establishment.FINESSJur = forfait.MustParseFINESS("750000023"), forfait.MustParseFINESS("750000007")
	c.Establishment.GHT = &eligibility.GHTMembership{Name: "GHT privé", Public: false}
	c.Establishment.Lab = &eligibility.Unit{FINESSJur: c.Establishment.FINESSJur}
	c.Domains = []forfait.Variant{{Domain: forfait.DS2}}
	w2 := eligibilitytest.Valid()
	w2.Window, w2.Filed = window.W2, window.DateOf(2022, 3, 15)
	return []eligibility.Decision{decide(t, a), decide(t, b), decide(t, c), decide(t, w2)}
}

// french returns the French text of the reason code c (§6.1), from the
// catalogue of conditions.
func french(t *testing.T, c eligibility.Code) string {
	t.Helper()
	for _, cond := range eligibility.Conditions(&rules) {
		if cond.Code == c {
			return cond.French
		}
	}
	t.Fatalf("no condition %s", c)
	return ""
}

// TestApplications: the §6.1 list of window 1, one row per domain, sorted
// by FINESS géographique then juridique, with exactly its columns; each
// domain with its own status, the funding of a validated one from Annexe
// 3 §4's figures (DS1+CRO 109 738 €, DS2 39 194 €), the reasons of a
// refused one; a partial decision shows both.
func TestApplications(t *testing.T) {
	tab, err := report.Applications(&rules, sample(t), decimal.Zero, window.W1)
	if err != nil {
		t.Fatal(err)
	}
	var headings []string
	for _, c := range tab.Columns {
		headings = append(headings, c.Heading)
	}
	wantHeadings := []string{"FINESS géographique", "FINESS juridique", "Domaine de candidature", "Échéance d'atteinte des cibles d'usage",
		"Statut de la candidature sur le domaine", "Financement (€)", "Motif de non validation", "GHT d'appartenance"}
	if diff := cmp.Diff(wantHeadings, headings); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
	var got [][]string
	for _, row := range tab.Rows {
		var cells []string
		for _, c := range row {
			if c.Money {
				cells = append(cells, forfait.Format(c.Amount))
			} else {
				cells = append(cells, c.Text)
			}
		}
		got = append(got, cells)
	}
	relims, imaging := french(t, eligibility.RELIMS), french(t, eligibility.DS3Imaging)
	want := [][]string{
		{"750000023", "750000007", "DS2", "30 juin 2022", "validée", "39194", "", ""},
		{"750000023", "750000015", "DS1+CRO", "30 juin 2022", "non validée", "", relims, "GHT Paris"},
		{"750000023", "750000015", "DS2", "30 juin 2022", "non validée", "", relims, "GHT Paris"},
		{"750000023", "750000015", "DS3", "30 juin 2022", "non validée", "", relims, "GHT Paris"},
		{"750712184", "750000015", "DS1+CRO", "30 juin 2022", "validée", "109738", "", "GHT Paris"},
		{"750712184", "750000015", "DS2", "30 juin 2022", "validée", "39194", "", "GHT Paris"},
		{"750712184", "750000015", "DS3", "30 juin 2022", "non validée", "", imaging, "GHT Paris"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

// TestWriters: the CSV opens in a French spreadsheet (BOM, ";", decimal
// comma) and reads back cell for cell; JSON gives money as strings;
// Markdown writes amounts the French way.
func TestWriters(t *testing.T) {
	tab := report.Table{Title: "T", Columns: []report.Column{{Key: "a", Heading: "Nom; avec point-virgule"}, {Key: "m", Heading: "Montant (€)"}},
		Rows: [][]report.Cell{{{Text: "x"}, {Amount: decimal.RequireFromString("99761.93"), Money: true}}, {{Text: "y|z"}, {Amount: decimal.RequireFromString("-1234"), Money: true}}}}
	var b bytes.Buffer
	if err := report.WriteCSV(&b, tab); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "\ufeff") || !strings.Contains(out, "x;99761,93\r\n") {
		t.Errorf("CSV %q", out)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff")))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]string{{"Nom; avec point-virgule", "Montant (€)"}, {"x", "99761,93"}, {"y|z", "-1234"}}, recs); diff != "" {
		t.Errorf("CSV read back (-want +got):\n%s", diff)
	}
	b.Reset()
	if err := report.WriteJSON(&b, tab); err != nil {
		t.Fatal(err)
	}
	var j struct {
		Rows []map[string]any `json:"rows"`
	}
	if err := json.Unmarshal(b.Bytes(), &j); err != nil || len(j.Rows) != 2 || j.Rows[0]["m"] != "99761.93" || j.Rows[1]["a"] != "y|z" {
		t.Errorf("JSON %s: %v", b.String(), err)
	}
	b.Reset()
	if err := report.WriteMarkdown(&b, tab); err != nil {
		t.Fatal(err)
	}
	if md := b.String(); !strings.Contains(md, "| x | 99\u202f761,93\u00a0€ |") || !strings.Contains(md, `| y\|z | -1`+"\u202f"+`234`+"\u00a0€ |") || !strings.Contains(md, "|---|---:|") {
		t.Errorf("Markdown %q", md)
	}
}

// TestStatement: the statement's totals are the ledger's state, and its
// rows per window and domain add up to them (§6.1; Annexe 2 §3, §5).
func TestStatement(t *testing.T) {
	ds := sample(t)
	a := rules.Envelopes
	l, err := envelope.OpenLedger(&a, &rules.Forfait, envelope.IleDeFrance, envelope.Volet1)
	if err != nil {
		t.Fatal(err)
	}
	on := window.DateOf(2021, 12, 1)
	if err := l.Delegate(envelope.Tranche{Date: window.DateOf(2021, 10, 1), Credits: envelope.Credits{Advance: decimal.New(200_000, 0), Usage: decimal.New(400_000, 0)}, Source: "circulaire FMIS 2021"}); err != nil {
		t.Fatal(err)
	}
	if err := l.Move(envelope.Transfer{Date: window.DateOf(2021, 10, 1), To: window.W1, Credits: envelope.Credits{Advance: decimal.New(150_000, 0), Usage: decimal.New(300_000, 0)}, Source: "décision ARS"}); err != nil {
		t.Fatal(err)
	}
	for _, d := range []eligibility.Decision{ds[0], ds[2]} {
		cs, err := settlement.Commitments(&rules, d, decimal.Zero, on)
		if err != nil {
			t.Fatal(err)
		}
		if err := l.Commit(cs...); err != nil {
			t.Fatal(err)
		}
	}
	_, opened, err := settlement.Open(&rules, ds[0], decimal.Zero, on)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Book(opened...); err != nil {
		t.Fatal(err)
	}
	tab := report.Statement(l)
	s := l.State()
	col := func(row []report.Cell, i int) decimal.Decimal { return row[i].Amount }
	totals := tab.Rows[len(tab.Rows)-2:]
	for i, p := range []envelope.Part{envelope.AdvanceCredits, envelope.UsageCredits} {
		row := totals[i]
		if row[0].Text != "total" || !col(row, 3).Equal(s.Delegated.Of(p)) || !col(row, 4).Equal(s.Committed.Of(p)) ||
			!col(row, 5).Equal(s.Paid.Of(p)) || !col(row, 6).Equal(s.Repaid.Of(p)) || !col(row, 7).Equal(s.Left.Of(p)) {
			t.Errorf("total %v row %v, state %+v", p, row, s)
		}
	}
	// Rows per window and domain (domain other than "tous") add up to the totals.
	committed, paid := decimal.Zero, decimal.Zero
	for _, row := range tab.Rows[:len(tab.Rows)-2] {
		if row[1].Text != "tous" {
			committed, paid = committed.Add(col(row, 4)), paid.Add(col(row, 5))
		}
	}
	if !committed.Equal(s.Committed.Advance.Add(s.Committed.Usage)) || !paid.Equal(s.Paid.Advance.Add(s.Paid.Usage)) {
		t.Errorf("per domain: committed %s paid %s; state %+v", committed, paid, s)
	}
	if !s.Paid.Advance.Equal(decimal.New(32921+11758, 0)) {
		t.Errorf("advances paid %s, want 32 921 + 11 758 (Annexe 3 §4)", s.Paid.Advance)
	}
	// The first decision commits its validated DS1+CRO and DS2 only, not its
	// refused DS3: 109 738 + 39 194, and 39 194 for the private clinic's DS2.
	held := s.Committed.Add(s.Paid)
	if got := held.Advance.Add(held.Usage); !got.Equal(decimal.New(109738+39194+39194, 0)) {
		t.Errorf("committed and paid %s, want 188 126", got)
	}
	for _, row := range tab.Rows {
		if row[1].Text == "DS3" && (!row[4].Amount.IsZero() || !row[5].Amount.IsZero()) {
			t.Errorf("refused DS3 holds credits: %v", row)
		}
	}
}

// TestPlanned: one row per establishment, window and domain; the
// establishments of a GHT merged into one (Annexe 2 §5).
func TestPlanned(t *testing.T) {
	fc := settlement.Forecast{PerEstablishment: []settlement.Planned{
		{Region: envelope.IleDeFrance, Establishment: forfait.MustParseFINESS("750000023"), Window: window.W1, Domain: forfait.DS2, Advance: decimal.New(10, 0), Usage: decimal.New(20, 0)},
		{Region: envelope.IleDeFrance, Establishment: forfait.MustParseFINESS("750712184"), Window: window.W1, Domain: forfait.DS2, Advance: decimal.New(1, 0), Usage: decimal.New(2, 0)},
		{Region: envelope.IleDeFrance, Establishment: forfait.MustParseFINESS("750800005"), Window: window.W1, Domain: forfait.DS2, Advance: decimal.New(3, 0), Usage: decimal.New(4, 0)},
	}}
	tab := report.Planned(fc, map[forfait.FINESS]string{forfait.MustParseFINESS("750712184"): "Paris", forfait.MustParseFINESS("750800005"): "Paris"})
	if len(tab.Rows) != 2 || tab.Rows[1][1].Text != "Paris" || !tab.Rows[1][4].Amount.Equal(decimal.New(4, 0)) || !tab.Rows[1][5].Amount.Equal(decimal.New(6, 0)) {
		t.Errorf("rows %v", tab.Rows)
	}
}

// checkStatementMachine: whatever tranches, transfers, commitments and
// notifications a ledger takes, the statement's total rows are its state,
// and its rows per window and domain add up to the state's committed,
// paid and repaid (§6.1; Annexe 2 §3, §5).
func checkStatementMachine(t *rapid.T) {
	a := rules.Envelopes
	l, err := envelope.OpenLedger(&a, &rules.Forfait, envelope.Corse, envelope.Volet1)
	if err != nil {
		t.Fatal(err)
	}
	booked := 0
	steps := envelopetest.LedgerSteps(l, []forfait.FINESS{forfait.MustParseFINESS("2A0000011"), forfait.MustParseFINESS("2A0000029"), forfait.MustParseFINESS("2B0000010")}, &booked)
	steps[""] = func(t *rapid.T) {
		tab, s := report.Statement(l), l.State()
		totals := tab.Rows[len(tab.Rows)-2:]
		var committed, paid, repaid [2]decimal.Decimal
		for _, row := range tab.Rows[:len(tab.Rows)-2] {
			if row[1].Text == "tous" {
				continue
			}
			i := 0
			if row[2].Text == "usage" {
				i = 1
			}
			committed[i], paid[i], repaid[i] = committed[i].Add(row[4].Amount), paid[i].Add(row[5].Amount), repaid[i].Add(row[6].Amount)
		}
		for i, p := range []envelope.Part{envelope.AdvanceCredits, envelope.UsageCredits} {
			row := totals[i]
			if !row[3].Amount.Equal(s.Delegated.Of(p)) || !row[4].Amount.Equal(s.Committed.Of(p)) || !row[5].Amount.Equal(s.Paid.Of(p)) ||
				!row[6].Amount.Equal(s.Repaid.Of(p)) || !row[7].Amount.Equal(s.Left.Of(p)) ||
				!committed[i].Equal(s.Committed.Of(p)) || !paid[i].Equal(s.Paid.Of(p)) || !repaid[i].Equal(s.Repaid.Of(p)) {
				t.Fatalf("%v: total row %v, per domain %s/%s/%s; state %+v", p, row, committed[i], paid[i], repaid[i], s)
			}
		}
	}
	t.Repeat(steps)
}

func TestStatementMachine(t *testing.T) { rapid.Check(t, checkStatementMachine) }
func FuzzStatementMachine(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkStatementMachine)) }

// TestStatementConcurrent: a statement taken while other goroutines book
// is one account: its rows per window and its rows per window and domain
// add up to its totals, and a window's rows per domain to its row, the
// balance of a deferred dossier, notified in the next window, under its
// advance's (§6.1; Annexe 2 §3, §5; INT-05). Run with the race detector.
func TestStatementConcurrent(t *testing.T) {
	l, err := envelope.NewLedger(envelope.Corse, envelope.Credits{Advance: decimal.New(1e9, 0), Usage: decimal.New(1e9, 0)})
	if err != nil {
		t.Fatal(err)
	}
	on := window.DateOf(2021, 12, 1)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				n := envelope.Notification{Kind: envelope.Advance, Volet: envelope.Volet1, Region: envelope.Corse,
					Establishment: forfait.MustParseFINESS(fmt.Sprintf("2A%07d", g*1000+i)), Variant: forfait.Variant{Domain: forfait.Domain(1 + i%3)},
					Window: window.Window(1 + i%4), Amount: decimal.New(300, 0), Date: on, Source: "§5"}
				b := n
				b.Kind, b.Amount, b.Date = envelope.Balance, decimal.New(700, 0), on.AddDate(0, 6, 0)
				if next, ok := n.Window.Deferral(); ok && i%2 == 0 {
					b.Window = next
				}
				if err := l.Book(n); err != nil {
					t.Error(err)
				}
				if err := l.Book(b); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	for stop := false; !stop; {
		select {
		case <-done:
			stop = true
		default:
		}
		tab := report.Statement(l)
		totals := tab.Rows[len(tab.Rows)-2:]
		var windows, domains [2]decimal.Decimal
		type part struct{ window, part string }
		perWindow, perDomain := map[part]decimal.Decimal{}, map[part]decimal.Decimal{}
		for _, row := range tab.Rows[:len(tab.Rows)-2] {
			i := 0
			if row[2].Text == "usage" {
				i = 1
			}
			k := part{row[0].Text, row[2].Text}
			if row[1].Text == "tous" {
				windows[i] = windows[i].Add(row[5].Amount)
				perWindow[k] = row[5].Amount
			} else {
				domains[i] = domains[i].Add(row[5].Amount)
				perDomain[k] = perDomain[k].Add(row[5].Amount)
			}
		}
		for k, paid := range perDomain {
			if !paid.Equal(perWindow[k]) {
				t.Fatalf("window %s, %s: paid per domain %s, window row %s", k.window, k.part, paid, perWindow[k])
			}
		}
		for i := range totals {
			if !windows[i].Equal(totals[i][5].Amount) || !domains[i].Equal(totals[i][5].Amount) {
				t.Fatalf("%s: paid per window %s, per domain %s, total %s", totals[i][2].Text, windows[i], domains[i], totals[i][5].Amount)
			}
		}
	}
}
