package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/window"
)

func TestSamples(t *testing.T) {
	tests := []struct {
		file      string
		status    string
		validated []string
		codes     []string
		text      string
	}{
		{"samples/validated.json", "validated", []string{"DS1+CRO", "DS2", "DS3"}, nil,
			"est validée le 1er décembre 2021 pour tous ses domaines"},
		{"samples/partial.json", "validated", []string{"DS1+CRO"}, []string{"DS2-LAB"},
			"est validée le 1er décembre 2021 pour les domaines suivants : DS1 (Alimenter le DMP en documents de sortie) avec le bonus CRO"},
		{"samples/refused.json", "refused", nil, []string{"PS1.2-RNIV", "PS2.2-ORDER-WINDOW", "DOMAIN-REPAID", "DS2-LAB"},
			"n'est pas validée (décision du 1er juin 2022), pour les motifs suivants"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			on := "2021-12-01"
			if strings.Contains(tt.file, "refused") {
				on = "2022-06-01"
			}
			if code := run([]string{"-in", tt.file, "-on", on}, nil, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			jsonPart, text, _ := strings.Cut(stdout.String(), "\n\n")
			var d struct {
				Status  string `json:"status"`
				Decided string `json:"decided"`
				Domains []struct {
					Variant string `json:"variant"`
					Status  string `json:"status"`
				} `json:"domains"`
				Reasons []struct {
					Code string `json:"code"`
				} `json:"reasons"`
			}
			if err := json.Unmarshal([]byte(jsonPart), &d); err != nil {
				t.Fatalf("decision JSON: %v\n%s", err, jsonPart)
			}
			var codes, validated []string
			for _, r := range d.Reasons {
				codes = append(codes, r.Code)
			}
			for _, x := range d.Domains {
				if x.Status == "validated" {
					validated = append(validated, x.Variant)
				}
			}
			if d.Status != tt.status || d.Decided != on || strings.Join(codes, ",") != strings.Join(tt.codes, ",") ||
				strings.Join(validated, ",") != strings.Join(tt.validated, ",") || !strings.Contains(text, tt.text) {
				t.Errorf("status %s on %s, validated %v, codes %v, letter:\n%s", d.Status, d.Decided, validated, codes, text)
			}
		})
	}
}

// TestLetter: the letter lists what is validated and what is not, and
// why, in French and in English; a purchase order's audit is recalled.
func TestLetter(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"-in", "samples/partial.json", "-on", "2021-12-01", "-lang", "en"}, []string{
			"is validated on 1 December 2021 for these domains: DS1 (discharge documents) with the CRO bonus.",
			"It is not validated for these domains, for the reasons given (§6.1):\n- DS2 (medical biology):\n  - The biology domain requires an internal medical-biology laboratory with the establishment's FINESS juridique. [§5; reason DS2-LAB]"}},
		{[]string{"-in", "samples/partial.json", "-on", "2021-12-01"}, []string{
			"L'avance de 30\u00a0% du forfait de chacun vous sera notifiée (§5 ; Annexe 2 §3).",
			"Elle n'est pas validée pour les domaines suivants, pour les motifs indiqués (§6.1) :\n- DS2 (Alimenter le DMP en comptes rendus de biologie médicale) :\n  - Le domaine biologie requiert"}},
		{[]string{"-in", "samples/validated.json", "-on", "2021-12-01"}, []string{
			"Le prérequis PS2.2 est validé sur un bon de commande : l'audit prévu le 30 novembre 2021 doit être réalisé au plus tard le 31 décembre 2021 (Annexe 1, PS2.2)."}},
		{[]string{"-in", "samples/refused.json"}, []string{
			"[§5 ; Annexe 2 §3 ; motif DOMAIN-REPAID ; domaine DS1]"}},
		{[]string{"-in", "samples/refused.json", "-lang", "en"}, []string{
			"is not validated (decision of 30 June 2022), for these reasons (§6.1):",
			"[§5; Annexe 2 §3; reason DOMAIN-REPAID; domain DS1]"}},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(tt.args, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, code, stderr.String())
		}
		for _, w := range tt.want {
			if !strings.Contains(stdout.String(), w) {
				t.Errorf("%v: the letter lacks %q:\n%s", tt.args, w, stdout.String())
			}
		}
	}
}

// TestDecisionDay: a decision after the review period of its window is
// an error, not a decision; a malformed day or language is a usage error.
func TestDecisionDay(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-lang", "en", "-in", "samples/validated.json", "-on", "2022-05-01"}, nil, &stdout, &stderr); code != 1 || stdout.Len() > 0 ||
		!strings.Contains(stderr.String(), "review period") {
		t.Errorf("decided after the review period: exit %d, %s", code, stderr.String())
	}
	for _, args := range [][]string{{"-on", "1/12/2021"}, {"-lang", "de"}} {
		stderr.Reset()
		if code := run(append([]string{"-in", "samples/validated.json"}, args...), nil, &stdout, &stderr); code != 2 || stdout.Len() > 0 {
			t.Errorf("%v: exit %d, %s", args, code, stderr.String())
		}
	}
}

func TestStdinAndErrors(t *testing.T) {
	data, err := os.ReadFile("samples/validated.json")
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(nil, bytes.NewReader(data), &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), `"status": "validated"`) {
		t.Errorf("stdin: exit %d, %s", code, stderr.String())
	}
	for _, bad := range []string{`{"window":"9"}`, `{"widow":"1"}`, `not json`} {
		stdout.Reset()
		stderr.Reset()
		if code := run(nil, strings.NewReader(bad), &stdout, &stderr); code != 1 || stdout.Len() > 0 || stderr.Len() == 0 {
			t.Errorf("%s: exit %d, stdout %q", bad, code, stdout.String())
		}
	}
	if code := run([]string{"-in", "samples/none.json"}, nil, &stdout, &stderr); code != 1 {
		t.Errorf("missing file: exit %d", code)
	}
}

// TestProblemsFrench: each problem reads in French, its place by the
// fields' labels, the value and what is wrong, as the letter does: by
// default and with -lang fr; in English with -lang en.
func TestProblemsFrench(t *testing.T) {
	bad := `{"establishment": {"finess_geographique": "12345", "region": "Bretagne", "combined_activity": "1000"}, "filed": "2021-09-15", "window": 1, "domains": ["DS2+CRO"]}`
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-lang", "fr"}, strings.NewReader(bad), &stdout, &stderr); code != 1 || stdout.Len() > 0 {
		t.Fatalf("exit %d, stdout %q", code, stdout.String())
	}
	want := "eligibility: candidature : Établissement › FINESS géographique : « 12345 » n'est pas un numéro FINESS bien formé (doit compter 9 caractères, et non 5)\n" +
		"eligibility: candidature : Domaines n° 1 : « DS2+CRO » ne peut pas recevoir le bonus CRO, réservé au domaine DS1 (DS2+CRO n'est pas une combinaison admise)\n" +
		"eligibility: candidature : Établissement › FINESS juridique : aucune valeur donnée (manquant)\n" +
		"eligibility: candidature : Établissement › Nature : aucune valeur donnée (attendu : « health », « medico-social » ou « other »)\n"
	if diff := cmp.Diff(want, stderr.String()); diff != "" {
		t.Errorf("problems in French (-want +got):\n%s", diff)
	}
	stderr.Reset()
	if code := run([]string{"-lang", "fr", "-in", "samples/validated.json", "-on", "2022-05-01"}, nil, &stdout, &stderr); code != 1 ||
		stderr.String() != "eligibility: Date : « 2022-05-01 » tombe hors de la période d'instruction (fenêtre 1 : 1er septembre 2021 – 31 décembre 2021 (énoncée) ; §6.1)\n" {
		t.Errorf("decided after the review period: exit %d, %q", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"-lang", "en"}, strings.NewReader(bad), &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "eligibility: application: ") {
		t.Errorf("in English: exit %d, %s", code, stderr.String())
	}
	stderr.Reset()
	if code := run(nil, strings.NewReader(bad), &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "eligibility: candidature : ") {
		t.Errorf("French by default: exit %d, %s", code, stderr.String())
	}
	stderr.Reset()
	if code := run([]string{"-in", "samples/validated.json", "-on", "15/11/2021"}, nil, &stdout, &stderr); code != 2 ||
		!strings.HasPrefix(stderr.String(), "eligibility: -on : Date : « 15/11/2021 » n'est pas une date") {
		t.Errorf("-on not a date, in French: exit %d, %q", code, stderr.String())
	}
}

// TestEveryProblem: a faulty file gets every problem on its own line, each
// with its JSON path; the letter dates in French; -h exits 0.
func TestEveryProblem(t *testing.T) {
	bad := `{"establishment": {"finess_geographique": "12345", "region": "Bretgne"}, "window": 1, "domains": ["DS2+CRO"], "widow": "1"}`
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-lang", "en"}, strings.NewReader(bad), &stdout, &stderr); code != 1 || stdout.Len() > 0 {
		t.Fatalf("exit %d, stdout %q", code, stdout.String())
	}
	for _, path := range []string{"establishment.finess_geographique", "establishment.region", "domains[0]", "widow"} {
		if !strings.Contains(stderr.String(), path) {
			t.Errorf("stderr lacks %s:\n%s", path, stderr.String())
		}
	}
	stdout.Reset()
	if code := run([]string{"-in", "samples/validated.json"}, nil, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "déposée le 15 septembre 2021, est validée le 31 décembre 2021") {
		t.Errorf("the letter does not date in French: %s", stdout.String())
	}
	stderr.Reset()
	if code := run([]string{"-h"}, nil, &stdout, &stderr); code != 0 || !strings.Contains(stderr.String(), "-in") {
		t.Errorf("-h: exit %d, %s", code, stderr.String())
	}
}

// TestEncodings: an application saved with a byte-order mark, or in
// Windows-1252, is read; the letter never shows "H\uFFFDpital"; the
// decoding is said. A file mixing encodings is refused with the hint.
func TestEncodings(t *testing.T) {
	sample, err := os.ReadFile("samples/validated.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	name := `"Centre hospitalier de l'exemple"`
	latin := strings.Replace(string(sample), name, `"H`+"\xf4"+`pital de l'exemple"`, 1)
	mixed := strings.Replace(latin, `"GHT Paris Centre"`, `"GHT Île"`, 1)
	for _, tt := range []struct {
		name, data string
		code       int
		stdout     string // in the letter
		stderr     string
	}{
		{"BOM", "\xef\xbb\xbf" + string(sample), 0, "Centre hospitalier de l'exemple", ""},
		{"Windows-1252", latin, 0, "Hôpital de l'exemple", "read as Windows-1252"},
		{"mixed", mixed, 1, "", "-encoding windows-1252"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(dir, tt.name+".json")
			if err := os.WriteFile(file, []byte(tt.data), 0o600); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			code := run([]string{"-lang", "en", "-in", file}, nil, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) || strings.Contains(stdout.String(), "\uFFFD") {
				t.Errorf("status %d\nstdout %.300s\nstderr %s", code, stdout.String(), stderr.String())
			}
		})
	}
}

// TestBoundedReport: a million bad entries print a bounded report.
func TestBoundedReport(t *testing.T) {
	sample, err := os.ReadFile("samples/validated.json")
	if err != nil {
		t.Fatal(err)
	}
	in := strings.Replace(string(sample), `"domains": [`, `"domains": [`+strings.Repeat(`"DS9",`, 1_000_000), 1)
	if in == string(sample) {
		t.Fatal("no domains list in the sample")
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-lang", "en"}, strings.NewReader(in), &stdout, &stderr); code != 1 || strings.Count(stderr.String(), "\n") > 60 || !strings.Contains(stderr.String(), "999 950 more") {
		t.Errorf("status %d, %d lines:\n%.2000s", code, strings.Count(stderr.String(), "\n"), stderr.String())
	}
}

// TestAbsentFigure: an application without its combined activity or its
// RSSI/management meetings is refused as malformed, naming the field; no
// letter tells the establishment that the figure is zero.
func TestAbsentFigure(t *testing.T) {
	data, err := os.ReadFile("samples/validated.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ key, where string }{
		{"combined_activity", "establishment.combined_activity"},
		{"management_meetings_per_year", "prerequisites.ps2_1_security.management_meetings_per_year"},
	} {
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		drop(m, tt.key)
		in, _ := json.Marshal(m)
		var stdout, stderr bytes.Buffer
		if code := run([]string{"-lang", "en"}, bytes.NewReader(in), &stdout, &stderr); code != 1 || stdout.Len() > 0 || !strings.Contains(stderr.String(), tt.where) {
			t.Errorf("%s absent: exit %d, stdout %q, stderr %q", tt.key, code, stdout.String(), stderr.String())
		}
	}
}

// drop deletes key wherever it is in the JSON object m.
func drop(m map[string]any, key string) {
	delete(m, key)
	for _, v := range m {
		if o, ok := v.(map[string]any); ok {
			drop(o, key)
		}
	}
}

// TestLetterAdvance: the advance the letter announces is the rule set's
// share, with its citation (§5, Annexe 2 §3), not a figure of the letter.
func TestLetterAdvance(t *testing.T) {
	data, err := os.ReadFile("samples/validated.json")
	if err != nil {
		t.Fatal(err)
	}
	app, err := eligibility.DecodeApplication(data)
	if err != nil {
		t.Fatal(err)
	}
	rules := instruction.Instruction2021()
	d, err := eligibility.Decide(&app, &rules, window.DateOf(2021, 12, 1))
	if err != nil {
		t.Fatal(err)
	}
	share := forfait.Share{Value: decimal.RequireFromString("0.25"), Source: "§5; amended"}
	for lang, want := range map[codec.Lang]string{
		codec.French:  "L'avance de 25\u00a0% du forfait de chaque domaine vous sera notifiée (§5 ; amended).",
		codec.English: "The advance of 25 % of each domain's forfait will be notified to you (§5; amended).",
	} {
		if got := letter(d, texts[lang], share); !strings.Contains(got, want) {
			t.Errorf("%s: the letter lacks %q:\n%s", lang, want, got)
		}
	}
}

// TestAbsentFigureFrench: a French reader of a missing figure reads the
// place in the instruction's terms, each step by its label, never a JSON
// key.
func TestAbsentFigureFrench(t *testing.T) {
	data, err := os.ReadFile("samples/validated.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	drop(m, "management_meetings_per_year")
	in, _ := json.Marshal(m)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-lang", "fr"}, bytes.NewReader(in), &stdout, &stderr); code != 1 || stdout.Len() > 0 {
		t.Fatalf("exit %d, stdout %q", code, stdout.String())
	}
	want := "eligibility: candidature : Prérequis › PS2.1 Sécurité du SI › Réunions RSSI et direction par an : obligatoire (un chiffre absent n'est pas zéro)\n"
	if diff := cmp.Diff(want, stderr.String()); diff != "" {
		t.Errorf("absent figure in French (-want +got):\n%s", diff)
	}
}
