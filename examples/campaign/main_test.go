package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const extract = "finess,region,mco_days,mco_sessions,ambulatory_surgery_stays,day_hospital_stays,ssr_days,psy_days,had_days,usld_days\n" +
	"750712184,Ile-de-France,100000,20000,5000,0,20600,0,0,0\n" +
	"130000012,Corse,300000,0,0,0,0,0,0,0\n"

func TestRunCSV(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(nil, strings.NewReader(extract), &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 1+2*16 {
		t.Fatalf("%d lines, want a header and 32 rows", len(lines))
	}
	// DS1 with CRO, window 1, of the annex establishment (Annexe 3 §4, 1 € unit);
	// the largest activity is the national maximum, so the second pays D's maxima.
	for _, want := range []string{
		"750712184,Ile-de-France,127800,C,DS1,true,1,99762,109738,32921,76817",
		"130000012,Corse,300000,D,DS1,false,1,320000,320000,96000,224000",
		"130000012,Corse,300000,D,DS3,false,4,80000,64000,19200,44800",
	} {
		if !strings.Contains(stdout.String(), want+"\n") {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestRunFlags(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "extract.csv")
	if err := os.WriteFile(in, []byte(extract), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"-in", in, "-base-unit", "1000", "-national-max", "400000", "-format", "json", "-explain"}, nil, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	// With the annex's 1 000 € unit, DS1 with CRO in window 1 is 110 000 (Annexe 3 §4).
	if !strings.Contains(stdout.String(), `"domain":"DS1","cro":true,"window":"1","base":"100000","forfait":"110000","advance":"33000","balance":"77000","derivation":[`) {
		t.Errorf("JSON lacks the annex's DS1 record:\n%.600s", stdout.String())
	}
}

// TestRunFrench: -lang fr gives each step of the derivations its French
// label, value and computation.
func TestRunFrench(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "extract.csv")
	if err := os.WriteFile(in, []byte(extract), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"-in", in, "-base-unit", "1000", "-national-max", "400000", "-format", "json", "-explain", "-lang", "fr"}, nil, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{"\"name\":\"base.rounded\",\"label\":\"Arrondi au millier d'euros (INT-03)\",\"value\":\"100\u202f000\"",
		"\"name\":\"window_factor\",\"label\":\"Fenêtre 1 : 100\u00a0%\""} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("JSON lacks %s:\n%.1200s", want, stdout.String())
		}
	}
	if code := run([]string{"-in", in, "-lang", "de"}, nil, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "-lang") {
		t.Errorf("-lang de: exit %d, %s", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"-in", in, "-sep", "|", "-encoding", "ebcdic"}, nil, &stdout, &stderr); code != 2 ||
		!strings.Contains(stderr.String(), `-sep "|"`) || !strings.Contains(stderr.String(), `-encoding "ebcdic"`) {
		t.Errorf("-sep | -encoding ebcdic: exit %d, %s", code, stderr.String())
	}
}

// TestRunBadInput: every problem on stderr with its line, nothing on stdout,
// a non-zero status.
func TestRunBadInput(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		input string
		want  []string
	}{
		{"bad rows", nil, extract + "75071218,Nowhere,-1,0,0,0,0,0,0,0\n",
			[]string{"line 4, column 1 (finess)", "line 4, column 2 (region)", "line 4, column 3 (mco_days)"}},
		{"empty", nil, "", []string{"no establishment"}},
		{"above explicit maximum", []string{"-national-max", "250000"}, extract, []string{"line 3 (combined_activity)"}},
		{"bad flags", []string{"-format", "xml", "-base-unit", "0", "-explain"}, extract,
			[]string{"-format", "-base-unit", "-explain"}},
		{"missing file", []string{"-in", "/nonexistent/extract.csv"}, "", []string{"/nonexistent/extract.csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, strings.NewReader(tt.input), &stdout, &stderr)
			if code == 0 || stdout.Len() > 0 {
				t.Errorf("exit %d with %d bytes on stdout", code, stdout.Len())
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr.String())
				}
			}
		})
	}
}

// TestAllocate: -allocate prints all 18 regions in Annexe 2 order; the
// expected envelopes are computed independently (exact shares of 158 M€ in
// proportion to 178 150 and 480 000, largest remainder, 30 % rounded).
func TestAllocate(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-allocate", "158000000"}, strings.NewReader(extract), &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 19 || lines[0] != "region,weight,envelope,advance_credits,usage_credits" {
		t.Fatalf("got %d lines, header %q", len(lines), lines[0])
	}
	// 158e6 × 480000/658150 = 115 232 089.95…, 158e6 × 178150/658150 = 42 767 910.05…
	for _, want := range []string{
		"Auvergne-Rhône-Alpes,0,0,0,0",
		"Corse,480000,115232090,34569627,80662463",
		"Ile-de-France,178150,42767910,12830373,29937537",
	} {
		if !strings.Contains(stdout.String(), want+"\n") {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
	if !strings.HasPrefix(lines[18], "Provence-Alpes-Côte d'Azur,0,") {
		t.Errorf("last region: %q", lines[18])
	}
	for _, bad := range [][]string{{"-allocate", "1.5"}, {"-allocate", "100", "-format", "json"}} {
		stdout.Reset()
		if code := run(bad, strings.NewReader(extract), &stdout, &stderr); code == 0 || stdout.Len() > 0 {
			t.Errorf("%v: exit %d", bad, code)
		}
	}
}

// TestDiff: -diff prints the steps that differ between two records, with
// their deltas (DS1 with CRO in window 1 against window 2: 109 738 →
// 98 764).
func TestDiff(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"-diff", "750712184:DS1+CRO:1,750712184:DS1+CRO:2"}, strings.NewReader(extract), &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{"A 750712184:DS1+CRO:1: forfait 109738", "forfait        109738 → 98764  (-10974)"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
	for _, bad := range [][]string{{"-diff", "750712184:DS2+CRO:1,750712184:DS1:1"}, {"-diff", "130000020:DS1:1,750712184:DS1:1"}, {"-diff", "750712184:DS1:1"}} {
		stdout.Reset()
		if code := run(bad, strings.NewReader(extract), &stdout, &stderr); code == 0 || stdout.Len() > 0 {
			t.Errorf("%v: exit %d", bad, code)
		}
	}
}

// TestDiffFrench: with -lang fr, -diff names each step by its French
// label and writes the numbers the French way (109 738,2 × 90 % =
// 98 764,38).
func TestDiffFrench(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"-diff", "750712184:DS1+CRO:1,750712184:DS1+CRO:2", "-lang", "fr"}, strings.NewReader(extract), &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	want := strings.NewReplacer("_", "\u202f", "~", "\u00a0").Replace("" +
		"A 750712184:DS1+CRO:1 : forfait 109_738~€\n" +
		"B 750712184:DS1+CRO:2 : forfait 98_764~€\n" +
		"  Fenêtre de financement  1 → 2  (+1)\n" +
		"  Fenêtre                 109_738,2 → 98_764,38  (-10_973,82)\n" +
		"  Forfait arrondi         109_738 → 98_764  (-10_974)\n" +
		"  Avance                  32_921 → 29_629  (-3_292)\n" +
		"  Solde                   76_817 → 69_135  (-7_682)\n")
	if diff := cmp.Diff(want, stdout.String()); diff != "" {
		t.Errorf("-diff -lang fr (-want +got):\n%s", diff)
	}
}

// TestProblemsFrench: with -lang fr, each problem of the extract reads in
// French, its line, column and field's label, the value and what is
// wrong; English stays the default.
func TestProblemsFrench(t *testing.T) {
	bad := strings.Replace(extract, "100000,20000", "100 000 x,20000", 1)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-lang", "fr"}, strings.NewReader(bad), &stdout, &stderr); code != 1 || stdout.Len() > 0 {
		t.Fatalf("exit %d, stdout %q", code, stdout.String())
	}
	if want := "campaign: Ligne 2, colonne 3 › Journées MCO : « 100 000 x » n'est pas un nombre bien écrit (attendu : des chiffres, groupés par trois avec des espaces, et une virgule décimale, comme 35 030,00)\n"; stderr.String() != want {
		t.Errorf("stderr = %q, want %q", stderr.String(), want)
	}
	stderr.Reset()
	if code := run(nil, strings.NewReader(bad), &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "line 2, column 3 (mco_days)") {
		t.Errorf("English by default: exit %d, %s", code, stderr.String())
	}
}

// TestSampleMatchesReference: the tool's CSV for the sample extract is
// byte for byte testdata/reference.csv, the output of reference.py, an
// exact-rational computation written independently of the Go code
// (python3 testdata/reference.py testdata/extract.csv).
func TestSampleMatchesReference(t *testing.T) {
	want, err := os.ReadFile("testdata/reference.csv")
	if err != nil {
		t.Fatal(err)
	}
	var got, stderr bytes.Buffer
	if code := run([]string{"-in", "testdata/extract.csv"}, nil, &got, &stderr); code != 0 {
		t.Fatalf("status %d: %s", code, stderr.String())
	}
	if diff := cmp.Diff(string(want), got.String()); diff != "" {
		t.Errorf("output differs from reference.py's (-reference +campaign):\n%s", diff)
	}
}

// TestSpreadsheetExport: the sample extract saved by a French spreadsheet
// (semicolons, Windows-1252, CRLF) gives the same forfaits, and the tool
// says what it detected.
func TestSpreadsheetExport(t *testing.T) {
	plain, err := os.ReadFile("testdata/extract.csv")
	if err != nil {
		t.Fatal(err)
	}
	var export []byte
	for _, r := range strings.ReplaceAll(strings.ReplaceAll(string(plain), ",", ";"), "\n", "\r\n") {
		if r > 0xff {
			t.Fatalf("%q has no Windows-1252 byte", r)
		}
		export = append(export, byte(r))
	}
	var want, got, stderr bytes.Buffer
	if code := run([]string{"-in", "testdata/extract.csv"}, nil, &want, &stderr); code != 0 {
		t.Fatalf("plain: %d %s", code, stderr.String())
	}
	stderr.Reset()
	if code := run(nil, bytes.NewReader(export), &got, &stderr); code != 0 {
		t.Fatalf("export: %d %s", code, stderr.String())
	}
	if diff := cmp.Diff(want.String(), got.String()); diff != "" {
		t.Errorf("forfaits differ (-plain +export):\n%s", diff)
	}
	for _, said := range []string{"separator ';' detected", "read as Windows-1252", "national maximum of combined activity 321000, from FINESS 690000019 on line 6"} {
		if !strings.Contains(stderr.String(), said) {
			t.Errorf("stderr does not say %q:\n%s", said, stderr.String())
		}
	}
}

// TestOutlierRefused: a typo row that would set the national maximum is
// refused, its line named, unless -national-max is given.
func TestOutlierRefused(t *testing.T) {
	typo := "finess,region,mco_days,mco_sessions,ambulatory_surgery_stays,day_hospital_stays,ssr_days,psy_days,had_days,usld_days\n" +
		"750712184,Ile-de-France,32100000,0,0,0,0,0,0,0\n350000014,Bretagne,230000,0,0,0,0,0,0,0\n"
	var stdout, stderr bytes.Buffer
	if code := run(nil, strings.NewReader(typo), &stdout, &stderr); code != 1 || stdout.Len() > 0 || !strings.Contains(stderr.String(), "line 2") || !strings.Contains(stderr.String(), "-national-max") {
		t.Errorf("typo: %d %s", code, stderr.String())
	}
}

// TestWarningFrench: a FINESS whose department is not in its row's region
// is a warning (INT-30), in French with -lang fr, English by default; the
// forfaits are still written.
func TestWarningFrench(t *testing.T) {
	moved := strings.Replace(extract, "750712184,Ile-de-France", "750712184,Normandie", 1)
	if moved == extract {
		t.Fatal("no Ile-de-France row in the extract")
	}
	for _, tt := range []struct{ lang, want string }{
		{"fr", "campaign: avertissement : "},
		{"", "campaign: warning: "},
	} {
		var args []string
		if tt.lang != "" {
			args = []string{"-lang", tt.lang}
		}
		var stdout, stderr bytes.Buffer
		if code := run(args, strings.NewReader(moved), &stdout, &stderr); code != 0 || stdout.Len() == 0 {
			t.Fatalf("-lang %q: exit %d, %d bytes out: %s", tt.lang, code, stdout.Len(), stderr.String())
		}
		if !strings.Contains(stderr.String(), tt.want) || !strings.Contains(stderr.String(), "750712184") {
			t.Errorf("-lang %q: stderr lacks %q naming the row:\n%s", tt.lang, tt.want, stderr.String())
		}
	}
}

// TestFlagProblemsFrench: with -lang fr, the problems of the flags read in
// French, each naming its flag and value; without it, in English.
func TestFlagProblemsFrench(t *testing.T) {
	args := []string{"-allocate", "-5", "-national-max", "-3", "-sep", "|", "-base-unit", "0"}
	var stdout, stderr bytes.Buffer
	if code := run(append([]string{"-lang", "fr"}, args...), nil, &stdout, &stderr); code != 2 {
		t.Fatalf("exit %d", code)
	}
	want := "campaign: -allocate \"-5\" : attendu un nombre entier d'euros\n" +
		"campaign: -base-unit \"0\" : attendu un nombre d'euros positif\n" +
		"campaign: -national-max \"-3\" : attendu une activité combinée positive\n" +
		"campaign: -sep \"|\" : n'est pas un séparateur admis (« , », « ; » ou tabulation)\n"
	if diff := cmp.Diff(want, stderr.String()); diff != "" {
		t.Errorf("French (-want +got):\n%s", diff)
	}
	stderr.Reset()
	if code := run(args, nil, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "campaign: -allocate \"-5\": want a whole number of euros\n") {
		t.Errorf("English by default: exit %d, %s", code, stderr.String())
	}
}
