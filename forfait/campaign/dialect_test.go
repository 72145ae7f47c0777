package campaign_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/campaign"
)

// plain is one extract as the README writes it.
const plain = `finess,region,mco_days,mco_sessions,ambulatory_surgery_stays,day_hospital_stays,ssr_days,psy_days,had_days,usld_days
750712184,Ile-de-France,100000,20000,12000,4000,10000,6000,1600,0
350000014,Bretagne,25000,2000,1500,500,3000,0,0,0
130000012,Provence-Alpes-Côte d'Azur,15000,1000,800,300,2000,1000,0,0
976000019,La Réunion,8000,500,300,100,0,0,0,0
`

// spreadsheet is the same extract as a French spreadsheet exports it:
// semicolons, headers in other cases with accents and spaces, cells with
// spaces around them, thousands separators, regions spelt otherwise or by
// INSEE code, blank rows, CRLF.
const spreadsheet = " FINESS ; Région;MCO_days;mco_sessions;Ambulatory_Surgery_Stays;day_hospital_stays;ssr_days;psy_days;had_days;usld_days\r\n" +
	"750712184;Île-de-France;100 000;20\u00a0000;12\u202f000;4 000;10 000;6000;1600;0\r\n" +
	";;;;;;;;;\r\n" +
	"350000014; 53 ;25000;2000;1500;500;3000;0;0;0\r\n" +
	"130000012;Provence-Alpes-Côte d’Azur;15000;1000;800;300;2000;1000;0;0\r\n" +
	"976000019;LA REUNION;8000;500;300;100;0;0;0;0\r\n" +
	";;;;;;;;;\r\n"

func windows1252(t *testing.T, s string) []byte {
	t.Helper()
	var out []byte
	for _, r := range s {
		switch {
		case r < 0x80 || r >= 0xa0 && r <= 0xff:
			out = append(out, byte(r))
		case r == '’':
			out = append(out, 0x92)
		case r == '\u202f': // no such byte: a Windows-1252 export has a no-break space
			out = append(out, 0xa0)
		default:
			t.Fatalf("%q has no Windows-1252 byte in this test", r)
		}
	}
	if utf8.Valid(out) {
		t.Fatal("the Windows-1252 text is valid UTF-8: the test would not test decoding")
	}
	return out
}

type row struct {
	FINESS   string
	Region   envelope.Region
	Activity forfait.Activity
}

func rows(t *testing.T, data []byte) ([]row, campaign.Extract) {
	t.Helper()
	x, err := campaign.ReadDialect(bytes.NewReader(data), campaign.Dialect{})
	if err != nil {
		t.Fatalf("ReadDialect: %v", err)
	}
	var out []row
	for _, e := range x.Establishments {
		out = append(out, row{e.FINESS.String(), e.Region, e.Activity})
	}
	return out, x
}

// TestDialects: every way of writing one extract gives the same
// establishments, hence the same forfaits; the detection is reported.
func TestDialects(t *testing.T) {
	want, _ := rows(t, []byte(plain))
	for _, tt := range []struct {
		name             string
		data             []byte
		semicolon, w1252 bool
	}{
		{"UTF-8 with a byte-order mark", append([]byte("\xef\xbb\xbf"), plain...), false, false},
		{"CRLF", []byte(strings.ReplaceAll(plain, "\n", "\r\n")), false, false},
		{"spreadsheet export, UTF-8", []byte(spreadsheet), true, false},
		{"spreadsheet export, Windows-1252", windows1252(t, spreadsheet), true, true},
		{"decomposed accents (NFD)", []byte(strings.ReplaceAll(plain, "é", "e\u0301")), false, false},
		{"every cell quoted", []byte(quoteAll(plain)), false, false},
		{"quoted cells from the third row on", []byte(strings.Join(strings.SplitAfterN(plain, "\n", 3)[:2], "") + quoteAll(strings.SplitAfterN(plain, "\n", 3)[2])), false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, x := rows(t, tt.data)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("establishments (-plain +variant):\n%s", diff)
			}
			if x.SeparatorDetected != true || (x.Dialect.Separator == ';') != tt.semicolon || x.Decoded != tt.w1252 {
				t.Errorf("dialect %+v", x)
			}
		})
	}
}

// quoteAll quotes every cell of s, as a spreadsheet set to quote text
// cells writes them.
func quoteAll(s string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		if line = strings.TrimSuffix(line, "\n"); line != "" {
			b.WriteString(`"` + strings.ReplaceAll(line, ",", `","`) + "\"\n")
		}
	}
	return b.String()
}

// TestImposedSeparator: an imposed separator is used even where the
// header holds more of the other; one that is neither ',', ';' nor TAB is
// refused; TAB is a separator too.
func TestImposedSeparator(t *testing.T) {
	data := "finess;region;mco_days;mco_sessions;ambulatory_surgery_stays;day_hospital_stays;ssr_days;psy_days;had_days;usld_days;notes: a,b,c,d,e,f,g,h,i,j,k,l\n" +
		"750712184;Bretagne;1;1;1;1;1;1;1;1;1,2\n"
	x, err := campaign.ReadDialect(strings.NewReader(data), campaign.Dialect{Separator: ';'})
	if err != nil || len(x.Establishments) != 1 || x.SeparatorDetected {
		t.Fatalf("imposed ';': %+v, %v", x, err)
	}
	if _, err := campaign.ReadDialect(strings.NewReader(data), campaign.Dialect{}); !errors.Is(err, campaign.ErrMissingColumn) {
		t.Errorf("detected ',' should not find the columns: %v", err)
	}
	for _, sep := range []rune{'"', 'é'} {
		_, err := campaign.ReadDialect(strings.NewReader(data), campaign.Dialect{Separator: sep})
		var le *campaign.LineError
		if !errors.Is(err, campaign.ErrSeparator) || !errors.As(err, &le) || le.Value != string(sep) {
			t.Errorf("separator %q: %v", sep, err)
		}
	}
}

// TestCountsAndBounds: a decimal part is an error that says so; a file of
// junk stops after MaxProblems with a count per kind.
func TestCountsAndBounds(t *testing.T) {
	_, err := campaign.Read(strings.NewReader(header + "750712184,Bretagne,12.5,0,0,0,0,0,0,0\n"))
	if !errors.Is(err, campaign.ErrInvalidCount) || !errors.Is(err, campaign.ErrDecimalCount) {
		t.Errorf("a count with a decimal part: %v", err)
	}
	junk := header + strings.Repeat("x,y,z,1,2,3,4,5,6,7\n", 100_000)
	_, err = campaign.Read(strings.NewReader(junk))
	problems := forfait.Problems(err)
	if len(problems) != campaign.MaxProblems+1 || !errors.Is(problems[campaign.MaxProblems], campaign.ErrTooManyProblems) {
		t.Fatalf("%d problems, the last %v", len(problems), problems[len(problems)-1])
	}
	long := strings.Repeat("é", 500)
	_, err = campaign.Read(strings.NewReader(header + "750712184," + long + ",1,1,1,1,1,1,1,1\n"))
	var le *campaign.LineError
	if !errors.As(err, &le) || utf8.RuneCountInString(le.Value) > 41 || le.Column != 2 || le.Field != "region" {
		t.Errorf("a long cell is echoed as %q (column %d, %s)", le.Value, le.Column, le.Field)
	}
}

// TestUnterminatedQuote: reported on the line where the quote opens.
func TestUnterminatedQuote(t *testing.T) {
	_, err := campaign.Read(strings.NewReader(header + annexRow + "750712185,\"Bretagne,1,1,1,1,1,1,1,1\n350000014,Bretagne,1,1,1,1,1,1,1,1\n"))
	var le *campaign.LineError
	if !errors.As(err, &le) || !errors.Is(err, campaign.ErrSyntax) || le.Line != 3 {
		t.Errorf("unterminated quote: %v", err)
	}
}
