package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestRun: the four endings with amounts computed by hand (1 € unit):
// A (30 000, category C): DS2 base 26 000 + 7 500 × 26 000/207 500 =
// 26 939.76 → 26 940, advance 8 082, window 2 forfait 24 246, balance
// 16 164; B (127 800): DS1 + CRO 109 738, advance 32 921, standard 99 762,
// balance 66 841; C (15 000, category B): DS3 13 000 + 8 000 × 13 000/15 500
// = 19 709.68 → 19 710, advance 5 913 repaid; D (60 000, category C, no
// laboratory): DS2 refused alone (§5), DS3 26 000 + 37 500 × 26 000 /
// 207 500 = 30 698.80 → 30 699, advance 9 210; D declares nothing: closed
// on 1 July 2022, after window 1's deadline of 30 June, DS3 is deferred as
// asked; closed on 2 January 2023, after window 2's deadline, its advance
// is repaid (INT-22, INT-23). Bretagne: 7 336 017 € → 2 200 805 +
// 5 135 212; with D's advance, 46 916 + 9 210 = 56 126 used, 2 144 679
// left. Net: 24 246 + 99 762 + 0 + 0 = 124 008 = 41 003 + 83 005 used on
// the ledger.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"advance credits 2200805 €, usage credits 5135212 €",
		"advance   DS2 window 1        8082 €",
		"Dossiers' net 124008 € = ledger's advance and usage credits used 124008 €",
		"advance   DS1+CRO window 1       32921 €",
		"balance   DS1 window 1       66841 €  [§5; Annexe 2 §3; INT-06]",
		"repayment DS3 window 1        5913 €  [Annexe 2 §3]",
		"balance   DS2 window 2       16164 €  [§5; Annexe 2 §3; INT-05]",
		"ledger Bretagne: advance credits 41003 used / 2159802 left; usage credits 83005 used / 5052207 left",
		"  DS2: refused\n    DS2-LAB [§5]: ",
		"  DS3: validated\n\nd — dossier opened",
		"advance   DS3 window 1        9210 €  [§5; Annexe 2 §3; INT-04]",
		"ledger Bretagne: advance credits 56126 used / 2144679 left",
		"  no notification\n  DS3: awaiting targets, window 2, paid 9210 €, repaid 0 €",
		"2023-01-02  repayment DS3 window 2        9210 €  [§5; Annexe 2 §3; INT-05; INT-22; INT-23]",
		"DS3: repaid, window 2, paid 9210 €, repaid 9210 €",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

// TestUsage: -h names as many applications as the command embeds.
func TestUsage(t *testing.T) {
	files, err := applications.ReadDir("applications")
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}
	if len(files) >= len(words) {
		t.Fatalf("%d application files: add their number in words", len(files))
	}
	var out bytes.Buffer
	usage(&out)
	if want := "the whole flow of " + words[len(files)] + " SUN-ES applications"; !strings.Contains(out.String(), want) {
		t.Errorf("usage %q lacks %q", out.String(), want)
	}
}
