package campaign_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/campaign"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
)

func utf16LE(s string) []byte {
	out := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

// TestMoreDialects: TAB exports, UTF-16 exports and Windows-1252 whose
// first accent comes late read as the plain extract.
func TestMoreDialects(t *testing.T) {
	want, _ := rows(t, []byte(plain))
	late := strings.Replace(plain, "\n", "\n"+strings.Repeat(",,,,,,,,,\n", 8000), 1) // the accents after 64 KiB
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"TAB", []byte(strings.ReplaceAll(plain, ",", "\t"))},
		{"UTF-16LE with a BOM, semicolons", utf16LE(strings.ReplaceAll(plain, ",", ";"))},
		{"Windows-1252 accents after 64 KiB", windows1252(t, late)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := rows(t, tt.data)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("establishments (-plain +variant):\n%s", diff)
			}
		})
	}
}

// TestTrueCount: past MaxProblems the report counts every other problem.
func TestTrueCount(t *testing.T) {
	junk := header + strings.Repeat("750712184,Bretagne,x,1,1,1,1,1,1,1\n", 1000)
	_, err := campaign.Read(strings.NewReader(junk))
	var tm *codec.TooManyError
	if !errors.As(err, &tm) || tm.More != 1000-campaign.MaxProblems {
		t.Fatalf("%v", err)
	}
}

// TestFileNoun: every problem names the extract.
func TestFileNoun(t *testing.T) {
	_, err := campaign.Read(strings.NewReader(header + "750712184,Bretagne,x,1,1,1,1,1,1,1\n"))
	var le *campaign.LineError
	if !errors.As(err, &le) || le.File != "extract" || le.Line != 2 || le.Column != 3 {
		t.Errorf("%v", err)
	}
}

// TestEightDigitFINESS: the dropped leading zero is suggested.
func TestEightDigitFINESS(t *testing.T) {
	_, err := campaign.Read(strings.NewReader(header + "10000012,Auvergne-Rhône-Alpes,1,1,1,1,1,1,1,1\n"))
	if !errors.Is(err, forfait.ErrInvalidFINESS) || !strings.Contains(err.Error(), "010000012") {
		t.Errorf("%v", err)
	}
}

// TestRegionWarning: a FINESS whose department is not in the row's
// region is a warning naming both; Corsica and the overseas departments
// are read by their codes.
func TestRegionWarning(t *testing.T) {
	data := header +
		"290000017,Île-de-France,1,1,1,1,1,1,1,1\n" + // Finistère, in Bretagne
		"2A0000012,Corse,1,1,1,1,1,1,1,1\n" +
		"976000019,La Réunion,1,1,1,1,1,1,1,1\n" + // Mayotte
		"974000019,La Réunion,1,1,1,1,1,1,1,1\n"
	x, err := campaign.ReadDialect(strings.NewReader(data), campaign.Dialect{})
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, w := range x.Warnings {
		var le *campaign.LineError
		if !errors.Is(w, campaign.ErrRegionMismatch) || !errors.As(w, &le) {
			t.Fatalf("warning %v", w)
		}
		lines = append(lines, le.Line)
	}
	if diff := cmp.Diff([]int{2, 4}, lines); diff != "" || !strings.Contains(x.Warnings[0].Error(), "Bretagne") {
		t.Errorf("warnings %v (-want +got):\n%s", x.Warnings, diff)
	}
}

// TestOutlierMax: one typo row far above the rest is refused as the
// national maximum, that row named.
func TestOutlierMax(t *testing.T) {
	in := instruction.Instruction2021()
	typo := header + "750712184,Ile-de-France,32100000,0,0,0,0,0,0,0\n" +
		"350000014,Bretagne,230000,0,0,0,0,0,0,0\n" + "690000019,Auvergne-Rhône-Alpes,100000,0,0,0,0,0,0,0\n"
	ests, err := campaign.Read(strings.NewReader(typo))
	if err != nil {
		t.Fatal(err)
	}
	var le *campaign.LineError
	if err := campaign.CheckNationalMax(&in.Forfait, ests); !errors.Is(err, campaign.ErrOutlierMax) || !errors.As(err, &le) || le.Line != 2 {
		t.Errorf("a typo row: %v", err)
	}
	sample, err := os.ReadFile("../../examples/campaign/testdata/extract.csv")
	if err != nil {
		t.Fatal(err)
	}
	ests, err = campaign.Read(bytes.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if err := campaign.CheckNationalMax(&in.Forfait, ests); err != nil {
		t.Errorf("a plausible extract: %v", err)
	}
}
