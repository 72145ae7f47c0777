package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRun: the sample's reports, with amounts from Annexe 3 §4 (the
// establishment of category C, 127 800: DS1+CRO 109 738 €, DS2 39 194 €,
// DS3 39 194 € in window 1; advances 32 921 + 11 758 + 11 758, and 11 758
// for the GHT member's DS2). The member's decision is partial: its DS2 is
// validated and funded, its DS3 refused with its reason, and only DS2
// commits credits (DS3's usage committed in window 1 is the first
// establishment's 27 436 € alone).
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, "md", ""); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| 750712184 | 750000015 | DS1+CRO | 30 juin 2022 | validée | 109\u202f738\u00a0€ |  | GHT Paris Centre |",
		"| 750000023 | 750000015 | DS2 | 30 juin 2022 | validée | 39\u202f194\u00a0€ |  | GHT Paris Centre |\n" +
			"| 750000023 | 750000015 | DS3 | 30 juin 2022 | non validée |  | Le domaine imagerie requiert un plateau d'imagerie interne, de même FINESS juridique que l'établissement. | GHT Paris Centre |",
		"| 750300006 | 750300014 | DS1 | 30 juin 2022 | non validée |  | Les éditeurs",
		"| 1 | tous | avance | 200\u202f000\u00a0€ | 0\u00a0€ | 68\u202f195\u00a0€ |",
		"| 1 | DS3 | usage |  | 27\u202f436\u00a0€ | 0\u00a0€ |",
		"| Ile-de-France | GHT Paris Centre | 1 | DS1 | 0\u00a0€ | 76\u202f817\u00a0€ |",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("missing %q in\n%s", want, out.String())
		}
	}
	dir := t.TempDir()
	out.Reset()
	if err := run(&out, "csv", dir); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "candidatures-fenetre-1.csv"))
	if err != nil || !bytes.HasPrefix(data, []byte("\ufeffFINESS géographique;FINESS juridique;")) || !bytes.Contains(data, []byte(";DS1+CRO;30 juin 2022;validée;109738;;GHT Paris Centre\r\n")) {
		t.Errorf("CSV %q: %v", data, err)
	}
	if err := run(&out, "xls", ""); err == nil {
		t.Error("an unknown format accepted")
	}
}
