package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sunes-spec/sunes/forfait/codec/codectest"
)

const (
	extract  = "../campaign/testdata/extract.csv"
	payments = "testdata/payments.csv"
)

// TestSampleLedger: the sample ledger holds one planted problem per code
// (and correct deferred and INT-06 balances, which must not be flagged).
// Expected amounts worked by hand from the extract: 130000012 (18 500,
// category B): DS1 base 24 000 + 11 500 × 24 000/15 500 = 41 806.45 →
// 41 806, advance 12 541.8 → 12 542, balance after the 12 600 paid:
// 41 806 − 12 600 = 29 206; the 29 264 paid is the balance after the
// advance due, so the 58 € paid too much on the advance are carried over:
// a consequence of finding 2, counted there only. 350000014 (30 250,
// category C): DS2 base 26 000 + 7 750 × 26 000/207 500 = 26 971.08 →
// 26 971, advance 8 091.3 → 8 091; the 8 900 paid is the advance with the
// CRO bonus DS2 does not have (26 971 × 1.1 = 29 668.1 → 29 668, × 0.3 =
// 8 900.4 → 8 900): audited as DS2, 809 € paid wrongly (INT-31). Nothing
// is due to 590000015, absent from the extract, nor of 350000022's DS3
// balance for window 3 after a window-1 advance: both counted whole
// (INT-32). Each row names its line in the ledger and its date, so the
// duplicate (line 21) is told from its original (line 19); dated 15
// January 2022, after window 1's review period ended on 31 December
// 2021, it is also outside the calendar (INT-12).
func TestSampleLedger(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-extract", extract, "-payments", payments}, &stdout, &stderr); code != 0 {
		t.Fatalf("status %d: %s", code, stderr.String())
	}
	rows, err := csv.NewReader(&stdout).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var got []string
	for _, r := range rows[1:] {
		var f []string
		for _, c := range []string{"finess", "domain", "kind", "line", "date", "finding", "expected", "paid", "difference", "overpaid", "consequence_of"} {
			f = append(f, r[col[c]])
		}
		got = append(got, strings.Join(f, " "))
	}
	want := []string{
		"590000015 DS2 advance 24 2021-12-01 UNKNOWN-ESTABLISHMENT 0 5000 5000 5000 ",
		"130000012 DS1 advance 15 2021-12-05 ADVANCE-AMOUNT 12542 12600 58 58 ",
		"350000014 DS2 advance 10 2021-12-12 CRO-NOT-DS1 8091 8900 809 809 ",
		"690000019 DS3 advance 21 2022-01-15 DATE-CALENDAR  24000   ",
		"690000019 DS3 advance 21 2022-01-15 DUPLICATE 0 24000 24000 24000 ",
		"976000019 DS1 balance 23 2022-06-15 DATE-CALENDAR  18751   ",
		"130000012 DS1 balance 16 2022-09-10 BALANCE-AMOUNT 29206 29264 58 0 2",
		"130000012 DS2 repayment 18 2022-09-10 REPAYMENT-AMOUNT 6794 6000 -794 794 ",
		"750712184 DS3 balance 6 2022-09-15 NO-ADVANCE 0 28576 28576 28576 ",
		"350000014 DS1 balance 9 2022-11-01 BALANCE-AND-REPAYMENT 0 36267 36267 36267 ",
		"350000022 DS3 balance 14 2023-09-01 BALANCE-WINDOW 0 8000 8000 8000 ",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if !strings.Contains(stderr.String(), "national maximum of combined activity 321000, from FINESS 690000019") {
		t.Errorf("stderr does not say the national maximum assumed: %s", stderr.String())
	}
}

func TestFormats(t *testing.T) {
	for _, tt := range []struct {
		format string
		lang   string
		want   []string
	}{
		{"json", "", []string{`"national_max": "321000"`, `"finding": "ADVANCE-AMOUNT"`, `"expected": "12542"`, `"expected": null`}},
		{"md", "fr", []string{"# Audit des versements SUN-ES", "| Provence-Alpes-Côte d'Azur | 3 | 852 |", "- Conséquence du constat 2",
			"| `DUPLICATE` Versement en double : un domaine n'est financé qu'une fois | 1 | 24\u202f000 |"}},
		{"md", "en", []string{"# Audit of SUN-ES payments", "| Provence-Alpes-Côte d'Azur | 3 | 852 |", "- Consequence of finding 2", "| `DUPLICATE` | 1 | 24000 |",
			"| Bretagne | 3 | 45076 |", "| (not in the extract) | 1 | 5000 |", "| `CRO-NOT-DS1` | 1 | 809 |", "| `BALANCE-WINDOW` | 1 | 8000 |",
			"- Derivation: forfait DS1 window 1 = 41806 € (category B, combined activity 18500, base 41806 €); advance = 30 % rounded to the euro = 12542 €"}},
	} {
		t.Run(tt.format+tt.lang, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := []string{"-extract", extract, "-payments", payments, "-format", tt.format}
			if tt.lang != "" {
				args = append(args, "-lang", tt.lang)
			}
			if code := run(args, &stdout, &stderr); code != 0 {
				t.Fatalf("status %d: %s", code, stderr.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(stdout.String(), w) {
					t.Errorf("output lacks %q", w)
				}
			}
			if strings.Contains(stdout.String(), "%!") {
				t.Error("output holds a formatting error")
			}
		})
	}
}

// TestFrenchReport: the French report of the sample ledger is French
// throughout, each finding with its derivation, numbers and dates
// written the French way (the figures of TestSampleLedger).
func TestFrenchReport(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-extract", extract, "-payments", payments, "-format", "md"}, &stdout, &stderr); code != 0 {
		t.Fatalf("status %d: %s", code, stderr.String())
	}
	md := stdout.String()
	nb := strings.NewReplacer("_", "\u202f", "~", "\u00a0").Replace
	for _, want := range []string{
		nb("- Calcul : forfait DS1 fenêtre 1 = 41_806~€ (catégorie B, activité combinée 18_500, base 41_806~€) ; avance = 30~% arrondie à l'euro = 12_542~€\n"),
		nb("- Calcul : forfait DS1 fenêtre 1 = 41_806~€ (catégorie B, activité combinée 18_500, base 41_806~€) ; moins l'avance versée 12_600~€ = 29_206~€ ; " +
			"versé comme si l'avance avait été de 12_542~€ : l'écart de l'avance reporté, compté une fois, sur l'avance\n"),
		nb("- Calcul : le bonus CRO n'existe que pour DS1 : contrôlé comme DS2 (INT-31) ; forfait DS2 fenêtre 1 = 26_971~€"),
		nb("- Calcul : un second versement (avance pour DS3), quelle que soit la fenêtre ; le premier était de 24_000~€ le 30 novembre 2021 (ligne 19), fenêtre 1\n"),
		"- Calcul : une avance datée d'après la fin de la période d'instruction de la fenêtre 1, le 31 décembre 2021\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the French report lacks %q:\n%s", want, md)
		}
	}
	if n, m := strings.Count(md, "\n- Calcul : "), strings.Count(md, "\n### "); n != m || n == 0 {
		t.Errorf("%d derivations for %d findings", n, m)
	}
	code := regexp.MustCompile("`[^`]*`")
	if w := codectest.EnglishWords(code.ReplaceAllString(md, "")); len(w) > 0 {
		t.Errorf("the French report holds English words %q:\n%s", w, md)
	}
}

// TestProblemsFrench: the problems of a ledger read in French with the
// French report (md, French by default) or -lang fr, each with its file,
// line, column and field's label; in English with csv and json.
func TestProblemsFrench(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "payments.csv")
	os.WriteFile(bad, []byte("finess,domain,cro,window,kind,amount,date\n750712184,DS4,oui,1,avance,100,2021-12-15\n"), 0o644)
	want := "audit: " + bad + ": Ligne 2, colonne 2 › Domaine : « DS4 » n'est pas un domaine (DS1, DS2 ou DS3) (attendu : « DS1 », « DS2 » ou « DS3 »)\n"
	for _, args := range [][]string{{"-format", "md"}, {"-lang", "fr"}} {
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"-extract", extract, "-payments", bad}, args...), &stdout, &stderr); code != 1 || stdout.Len() > 0 {
			t.Fatalf("%v: status %d, stdout %q", args, code, stdout.String())
		}
		if stderr.String() != want {
			t.Errorf("%v: stderr = %q, want %q", args, stderr.String(), want)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-extract", extract, "-payments", bad, "-format", "json"}, &stdout, &stderr); code != 1 ||
		!strings.Contains(stderr.String(), `payments ledger, line 2, column 2 (domain): "DS4"`) {
		t.Errorf("json: status %d, stderr %s", code, stderr.String())
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "payments.csv")
	os.WriteFile(bad, []byte("finess,domain,cro,window,kind,amount,date\n12345,DS4,maybe,5,refund,-3,31/02/2022\n"), 0o644)
	for _, tt := range []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"every problem located", []string{"-extract", extract, "-payments", bad}, 1,
			[]string{"line 2, column 1 (finess)", "line 2, column 2 (domain)", "line 2, column 3 (cro)", "line 2, column 4 (window)",
				"line 2, column 5 (kind)", "line 2, column 6 (amount)", "line 2, column 7 (date)"}},
		{"missing file", []string{"-extract", extract, "-payments", filepath.Join(dir, "none.csv")}, 1, []string{"no such file"}},
		{"a directory", []string{"-extract", extract, "-payments", dir}, 1, []string{"is a directory"}},
		{"flags", []string{"-format", "xml"}, 2, []string{"-extract and -payments are required", `-format "xml"`}},
		{"help", []string{"-h"}, 0, []string{"audit contrôle les versements", "-payments fichier", "finess, domain, cro, window, kind, amount, date", "(défaut : csv)"}},
		{"help in English", []string{"-h", "-lang", "en"}, 0, []string{"audit checks SUN-ES payments", "-payments file", "(default csv)"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, &stdout, &stderr); code != tt.code || stdout.Len() > 0 {
				t.Fatalf("status %d, stdout %q; want %d and nothing", code, stdout.String(), tt.code)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr.String())
				}
			}
		})
	}
}

// TestSampleLedgerAgainstReference checks the audit against
// ../campaign/testdata/reference.csv, the forfaits of the extract computed
// independently by reference.py: every payment the audit leaves unflagged
// is what the reference gives (an advance, a balance = forfait − the
// advance paid, a repayment = the advance paid), and every amount finding
// expects that same figure.
func TestSampleLedgerAgainstReference(t *testing.T) {
	records := func(data []byte) []map[string]string {
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var out []map[string]string
		for _, r := range rows[1:] {
			m := map[string]string{}
			for i, h := range rows[0] {
				m[h] = r[i]
			}
			out = append(out, m)
		}
		return out
	}
	key := func(r map[string]string, fields ...string) string {
		var k []string
		for _, f := range fields {
			k = append(k, r[f])
		}
		return strings.Join(k, " ")
	}
	file := func(name string) []map[string]string {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return records(data)
	}
	reference := map[string]map[string]string{}
	for _, r := range file("../campaign/testdata/reference.csv") {
		reference[key(r, "finess", "domain", "cro", "window")] = r
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-extract", extract, "-payments", payments}, &stdout, &stderr); code != 0 {
		t.Fatalf("status %d: %s", code, stderr.String())
	}
	flagged, expected := map[string]bool{}, map[string]string{}
	for _, f := range records(stdout.Bytes()) {
		k := key(f, "finess", "domain", "cro", "window", "kind", "paid")
		flagged[k] = true
		if strings.HasSuffix(f["finding"], "-AMOUNT") {
			expected[k] = f["expected"]
		}
	}
	advance := map[string]int{} // the first advance paid, per establishment and domain
	checked := 0
	for _, p := range file(payments) {
		ref, ok := reference[key(p, "finess", "domain", "cro", "window")]
		amount, _ := strconv.Atoi(p["amount"])
		var want int
		switch p["kind"] {
		case "advance":
			want, _ = strconv.Atoi(ref["advance"])
			if _, seen := advance[key(p, "finess", "domain")]; !seen {
				advance[key(p, "finess", "domain")] = amount
			}
		case "balance":
			forfait, _ := strconv.Atoi(ref["forfait"])
			want = forfait - advance[key(p, "finess", "domain")]
		case "repayment":
			want = advance[key(p, "finess", "domain")]
		}
		k := key(p, "finess", "domain", "cro", "window", "kind", "amount")
		switch {
		case expected[k] != "":
			if expected[k] != strconv.Itoa(want) {
				t.Errorf("%s: the audit expects %s, the reference %d", k, expected[k], want)
			}
			checked++
		case !flagged[k]:
			if !ok || amount != want {
				t.Errorf("%s: unflagged, but the reference gives %d", k, want)
			}
			checked++
		}
	}
	if checked < 15 {
		t.Errorf("%d payments checked against the reference; the sample holds more", checked)
	}
}

// TestSpreadsheetLedger: the ledger an ARS spreadsheet exports (';',
// French amounts and words) is audited as the plain one; an empty ledger
// says so, not "no establishment".
func TestSpreadsheetLedger(t *testing.T) {
	dir := t.TempDir()
	plain, err := os.ReadFile("testdata/payments.csv")
	if err != nil {
		t.Fatal(err)
	}
	french := strings.NewReplacer(",", ";", "advance", "avance", "balance", "solde", "true", "oui", "false", "non").Replace(string(plain))
	ledger := filepath.Join(dir, "ledger.csv")
	empty := filepath.Join(dir, "empty.csv")
	os.WriteFile(ledger, []byte(french), 0o600)
	os.WriteFile(empty, []byte("finess;domain;cro;window;kind;amount;date\n"), 0o600)
	extract := "../campaign/testdata/extract.csv"
	sample, err := os.ReadFile(extract)
	if err != nil {
		t.Fatal(err)
	}
	semicolons := filepath.Join(dir, "extract.csv")
	os.WriteFile(semicolons, []byte(strings.ReplaceAll(string(sample), ",", ";")), 0o600)
	var want, got, stderr bytes.Buffer
	if code := run([]string{"-extract", extract, "-payments", "testdata/payments.csv"}, &want, &stderr); code != 0 {
		t.Fatalf("plain ledger: %d %s", code, stderr.String())
	}
	for _, args := range [][]string{{"-extract", extract, "-payments", ledger}, {"-extract", semicolons, "-payments", ledger, "-sep", ";"}} {
		got.Reset()
		stderr.Reset()
		if code := run(args, &got, &stderr); code != 0 || got.String() != want.String() {
			t.Errorf("%v: %d %s", args, code, stderr.String())
		}
	}
	stderr.Reset()
	if code := run([]string{"-extract", extract, "-payments", empty}, &got, &stderr); code != 1 || strings.Contains(stderr.String(), "establishment") || !strings.Contains(stderr.String(), "payments ledger") {
		t.Errorf("empty ledger: %s", stderr.String())
	}
}

// TestFlagProblemsFrench: the problems of the flags read in the language
// of the problems: French with -lang fr (or an md report), English with
// -lang en.
func TestFlagProblemsFrench(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-lang", "fr", "-format", "xml"}, &stdout, &stderr); code != 2 ||
		stderr.String() != "audit: -extract et -payments sont obligatoires\naudit: -format \"xml\" : attendu csv, json ou md\n" {
		t.Errorf("French: exit %d, %q", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"-lang", "en", "-format", "xml"}, &stdout, &stderr); code != 2 ||
		stderr.String() != "audit: -extract and -payments are required\naudit: -format \"xml\": want csv, json or md\n" {
		t.Errorf("English: exit %d, %q", code, stderr.String())
	}
}
