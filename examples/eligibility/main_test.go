package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestSamples(t *testing.T) {
	tests := []struct {
		file   string
		status string
		codes  []string
		text   string
	}{
		{"samples/validated.json", "validated", nil, "est validée"},
		{"samples/refused.json", "refused", []string{"PS1.2-RNIV", "PS2.2-ORDER-WINDOW", "DS2-LAB"}, "n'est pas validée, pour les motifs suivants"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run([]string{"-in", tt.file}, nil, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			jsonPart, text, _ := strings.Cut(stdout.String(), "\n\n")
			var d struct {
				Status  string `json:"status"`
				Reasons []struct {
					Code string `json:"code"`
				} `json:"reasons"`
			}
			if err := json.Unmarshal([]byte(jsonPart), &d); err != nil {
				t.Fatalf("decision JSON: %v\n%s", err, jsonPart)
			}
			var codes []string
			for _, r := range d.Reasons {
				codes = append(codes, r.Code)
			}
			if d.Status != tt.status || strings.Join(codes, ",") != strings.Join(tt.codes, ",") || !strings.Contains(text, tt.text) {
				t.Errorf("status %s, codes %v, letter:\n%s", d.Status, codes, text)
			}
		})
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

// TestEveryProblem: a faulty file gets every problem on its own line, each
// with its JSON path; the letter dates in French; -h exits 0.
func TestEveryProblem(t *testing.T) {
	bad := `{"establishment": {"finess_geographique": "12345", "region": "Bretgne"}, "window": 1, "domains": ["DS2+CRO"], "widow": "1"}`
	var stdout, stderr bytes.Buffer
	if code := run(nil, strings.NewReader(bad), &stdout, &stderr); code != 1 || stdout.Len() > 0 {
		t.Fatalf("exit %d, stdout %q", code, stdout.String())
	}
	for _, path := range []string{"establishment.finess_geographique", "establishment.region", "domains[0]", "widow"} {
		if !strings.Contains(stderr.String(), path) {
			t.Errorf("stderr lacks %s:\n%s", path, stderr.String())
		}
	}
	stdout.Reset()
	if code := run([]string{"-in", "samples/validated.json"}, nil, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "déposée le 15 septembre 2021") {
		t.Errorf("the letter does not date in French: %s", stdout.String())
	}
	stderr.Reset()
	if code := run([]string{"-h"}, nil, &stdout, &stderr); code != 0 || !strings.Contains(stderr.String(), "-in") {
		t.Errorf("-h: exit %d, %s", code, stderr.String())
	}
}
