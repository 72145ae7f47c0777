package codec_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/forfait/codec"
)

func TestParseNumber(t *testing.T) {
	for _, tt := range []struct {
		in, want string // want "" for an error
	}{
		{"35 030,00 €", "35030"},
		{"35\u202f030,00\u00a0€", "35030"},
		{"127 800", "127800"},
		{"127\u00a0800", "127800"},
		{"12,5", "12.5"},
		{"12.5", "12.5"},
		{"€1234", "1234"},
		{"1 234 567,89 EUR", "1234567.89"},
		{"0", "0"},
		{"", ""},
		{"1.234,5", ""},  // thousands point and decimal comma: refused
		{"1,234.5", ""},  // the English form: refused
		{"1 23", ""},     // a group of two
		{"1234 567", ""}, // a first group of four
		{"1e5", ""},
		{"-5", ""},
		{"12,", ""},
		{",5", ""},
		{"abc", ""},
		{strings.Repeat("9", 31), ""},
	} {
		got, err := codec.ParseNumber(tt.in)
		switch {
		case tt.want == "" && !errors.Is(err, codec.ErrNumber):
			t.Errorf("ParseNumber(%q) = %v, %v; want ErrNumber", tt.in, got, err)
		case tt.want != "" && (err != nil || !got.Equal(decimal.RequireFromString(tt.want))):
			t.Errorf("ParseNumber(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}

// checkFrenchNumber: a number written the French way, grouped or not,
// with a comma or a point, with or without a euro sign, reads as the
// exact decimal it writes.
func checkFrenchNumber(t *rapid.T) {
	whole := rapid.Uint64Range(0, 1e15).Draw(t, "whole")
	frac := rapid.StringMatching(`[0-9]{0,4}`).Draw(t, "frac")
	space := rapid.SampledFrom([]string{"", " ", "\u00a0", "\u202f"}).Draw(t, "space")
	comma := rapid.SampledFrom([]string{",", "."}).Draw(t, "comma")
	euro := rapid.SampledFrom([]string{"", " €", "€", "\u00a0€", " EUR"}).Draw(t, "euro")
	digits := fmt.Sprint(whole)
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(space)
		}
		b.WriteRune(c)
	}
	exact := digits
	if frac != "" {
		b.WriteString(comma + frac)
		exact += "." + frac
	}
	b.WriteString(euro)
	got, err := codec.ParseNumber(b.String())
	if err != nil || !got.Equal(decimal.RequireFromString(exact)) {
		t.Fatalf("ParseNumber(%q) = %v, %v; want %s", b.String(), got, err, exact)
	}
}

func TestFrenchNumber(t *testing.T) { rapid.Check(t, checkFrenchNumber) }

func FuzzFrenchNumber(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkFrenchNumber)) }

// FuzzParseNumber: never a panic; an accepted number is non-negative and
// bounded.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"35 030,00 €", "127 800", "1,5", "€", "1 2", "\u202f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := codec.ParseNumber(s)
		if err == nil && (d.Sign() < 0 || !codec.SaneExponent(d)) {
			t.Fatalf("%q read as %v", s, d)
		}
	})
}

func TestParseDay(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want time.Time // zero for an error
	}{
		{"2021-12-15", time.Date(2021, 12, 15, 0, 0, 0, 0, time.UTC)},
		{"15/12/2021", time.Date(2021, 12, 15, 0, 0, 0, 0, time.UTC)},
		{"29/02/2024", time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)},
		{"2021-02-30", time.Time{}}, // no such day
		{"30/02/2021", time.Time{}},
		{"29/02/2021", time.Time{}},
		{"12/31/2021", time.Time{}}, // the American order
		{"1/2/2021", time.Time{}},   // unpadded: whose order?
		{"01/02/21", time.Time{}},   // two-digit year
		{"01-02-2021", time.Time{}},
		{"01.02.2021", time.Time{}},
		{"2021-13-01", time.Time{}},
		{"0001-01-01", time.Time{}},
		{"", time.Time{}},
	} {
		y, m, d, err := codec.ParseDay(tt.in)
		if tt.want.IsZero() {
			if !errors.Is(err, codec.ErrDate) {
				t.Errorf("ParseDay(%q) = %d-%d-%d, %v; want ErrDate", tt.in, y, m, d, err)
			}
			continue
		}
		if err != nil || time.Date(y, m, d, 0, 0, 0, 0, time.UTC) != tt.want {
			t.Errorf("ParseDay(%q) = %d-%d-%d, %v", tt.in, y, m, d, err)
		}
	}
	// The message names the impossible day and never echoes the input
	// rewritten.
	_, _, _, err := codec.ParseDay("2021-02-30")
	if !strings.Contains(err.Error(), "no 30 February 2021") {
		t.Errorf("2021-02-30: %v", err)
	}
	if _, _, _, err = codec.ParseDay("12/31/2021"); strings.Contains(err.Error(), "2021-31-12") {
		t.Errorf("12/31/2021 echoed rewritten: %v", err)
	}
}

// FuzzParseDay: never a panic; an accepted day exists and reads back.
func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2021-12-15", "15/12/2021", "2021-02-30", "12/31/2021", "99/99/9999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		y, m, d, err := codec.ParseDay(s)
		if err != nil {
			return
		}
		day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if day.Format("2006-01-02") != s && day.Format("02/01/2006") != s {
			t.Fatalf("%q read as %v", s, day)
		}
	})
}

func utf16Bytes(s string, bigEndian bool) []byte {
	out := []byte{0xff, 0xfe}
	if bigEndian {
		out = []byte{0xfe, 0xff}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestTextReader(t *testing.T) {
	text := "finess;région\n750712184;Île-de-France 🏥\n"
	long := strings.Repeat("x", 100<<10) + "\n" // beyond a 64 KiB sniff
	for _, tt := range []struct {
		name string
		in   []byte
		want string
		enc  codec.Encoding
	}{
		{"UTF-8", []byte(text), text, codec.UTF8},
		{"UTF-8 with a BOM", append([]byte("\xef\xbb\xbf"), text...), text, codec.UTF8},
		{"UTF-16LE", utf16Bytes(text, false), text, codec.UTF16LE},
		{"UTF-16BE", utf16Bytes(text, true), text, codec.UTF16BE},
		{"Windows-1252", []byte("H\xf4pital;\x80\n"), "Hôpital;€\n", codec.Windows1252},
		// The first character beyond ASCII comes after 100 KiB: the
		// whole input decides, not its start.
		{"Windows-1252 late", []byte(long + "H\xf4pital\n"), long + "Hôpital\n", codec.Windows1252},
		{"ASCII", []byte("a,b\n"), "a,b\n", codec.DetectEncoding},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := codec.NewTextReader(iotestHalf(tt.in), codec.DetectEncoding, codec.MaxLine)
			got, err := io.ReadAll(r)
			if err != nil || string(got) != tt.want || r.Encoding() != tt.enc {
				t.Errorf("got %.40q, %v, %v", got, r.Encoding(), err)
			}
		})
	}
	for _, tt := range []struct {
		name string
		in   []byte
		enc  codec.Encoding
		line int
		want error
	}{
		{"Windows-1252 after UTF-8", []byte("é\n" + long + "H\xf4pital\n"), codec.DetectEncoding, 3, codec.ErrEncoding},
		{"UTF-8 after Windows-1252", []byte("H\xf4pital\n" + long + "\xc3\xa9\n"), codec.DetectEncoding, 3, codec.ErrEncoding},
		{"Windows-1252 read as UTF-8", []byte("a\nH\xf4pital\n"), codec.UTF8, 2, codec.ErrEncoding},
		{"UTF-16 without a BOM", utf16Bytes("ab\ncd", false)[2:], codec.DetectEncoding, 1, codec.ErrEncoding},
		{"a line too long", []byte("a\n" + strings.Repeat("x", codec.MaxLine+1)), codec.DetectEncoding, 2, codec.ErrLineTooLong},
		{"a quoted field too long", []byte("a\n\"" + strings.Repeat("x\n", codec.MaxLine/2+1)), codec.DetectEncoding, codec.MaxLine/2 + 2, codec.ErrLineTooLong},
		{"quoted line ends", []byte("a\n\"x\ny\"\n" + strings.Repeat(strings.Repeat("x", 1000)+"\n", 2000)), codec.DetectEncoding, 0, io.EOF},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := io.ReadAll(codec.NewTextReader(bytes.NewReader(tt.in), tt.enc, codec.MaxLine))
			if tt.want == io.EOF { // read whole
				if err != nil {
					t.Errorf("got %v", err)
				}
				return
			}
			var le *codec.LineError
			if !errors.Is(err, tt.want) || !errors.As(err, &le) || le.Line != tt.line {
				t.Errorf("got %v, want %v on line %d", err, tt.want, tt.line)
			}
		})
	}
}

// iotestHalf reads data a few bytes at a time, cutting every sequence.
func iotestHalf(data []byte) io.Reader { return &trickle{data} }

type trickle struct{ b []byte }

func (r *trickle) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), 3)], r.b)
	r.b = r.b[n:]
	return n, nil
}

// endless is a line that never ends.
type endless struct{ n int }

func (r *endless) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	n := min(len(p), r.n)
	for i := range p[:n] {
		p[i] = 'x'
	}
	r.n -= n
	return n, nil
}

// TestLineMemory: a 200 MB line costs a bounded amount of memory: the
// table reader stops at MaxLine with the line named.
func TestLineMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	tb := codec.OpenTable(io.MultiReader(strings.NewReader("a,b\n1,2\n"), &endless{200 << 20}), "extract", codec.Dialect{})
	tb.Require("a", "b")
	for _, _, ok := tb.Next(); ok; _, _, ok = tb.Next() {
	}
	runtime.ReadMemStats(&after)
	var le *codec.LineError
	if err := tb.Err(); !errors.Is(err, codec.ErrLineTooLong) || !errors.As(err, &le) || le.Line != 3 || le.File != "extract" {
		t.Errorf("a 200 MB line: %v", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
		t.Errorf("a 200 MB line allocated %d MB", alloc>>20)
	}
}

// TestReportCount: past MaxProblems, the rest is counted truly, per kind.
func TestReportCount(t *testing.T) {
	var r codec.Report
	for i := range 10_000 {
		field := "amount"
		if i%4 == 0 {
			field = "date"
		}
		r.Add(&codec.LineError{File: "payments ledger", Line: i + 2, Field: field, Err: errors.New("bad")})
	}
	list := r.List()
	var tm *codec.TooManyError
	if len(list) != codec.MaxProblems+1 || !errors.As(list[codec.MaxProblems], &tm) || !errors.Is(list[codec.MaxProblems], codec.ErrTooManyProblems) {
		t.Fatalf("%d problems, the last %v", len(list), list[len(list)-1])
	}
	want := []codec.KindCount{{Kind: "amount", Count: 7_463}, {Kind: "date", Count: 2_487}}
	if tm.More != 9_950 || fmt.Sprint(tm.Kinds) != fmt.Sprint(want) {
		t.Errorf("counted %d: %v, want 9950: %v", tm.More, tm.Kinds, want)
	}
}

// FuzzTable: never a panic, never an unlocated or untyped problem.
func FuzzTable(f *testing.F) {
	f.Add([]byte("a;b\n1;2\n"))
	f.Add(utf16Bytes("a\tb\n1\t2\n", false))
	f.Add([]byte("a,b\n\"1,2\n"))
	f.Add([]byte("\xef\xbb\xbfa,b\nH\xf4pital,\xe9\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb := codec.OpenTable(bytes.NewReader(data), "extract", codec.Dialect{})
		index := tb.Require("a", "b")
		for rec, _, ok := tb.Next(); ok; rec, _, ok = tb.Next() {
			if len(rec) <= max(index[0], index[1]) {
				t.Fatalf("a short row passed: %q", rec)
			}
		}
		for _, e := range errorsOf(tb.Err()) {
			var le *codec.LineError
			if !errors.As(e, &le) || le.File != "extract" {
				t.Fatalf("untyped problem %v", e)
			}
		}
	})
}

func errorsOf(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// FuzzDecodeText: never a panic; the text returned is UTF-8; valid UTF-8
// is returned unchanged.
func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("H\xf4pital"))
	f.Add(utf16Bytes("Hôpital", true))
	f.Add([]byte("é\xf4"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, err := codec.DecodeText(data, codec.DetectEncoding)
		if err != nil {
			return
		}
		if !utf8Valid(text) {
			t.Fatalf("%q decoded to invalid UTF-8 %q", data, text)
		}
	})
}

func utf8Valid(b []byte) bool { return strings.ToValidUTF8(string(b), "\x00") == string(b) }

// TestParseDialect: a separator and an encoding are read as people name
// them; a bad one is an *InputError naming the field and the value, never
// a tool's flag, and both are reported at once.
func TestParseDialect(t *testing.T) {
	for _, tt := range []struct {
		sep, enc string
		want     codec.Dialect
	}{
		{"", "", codec.Dialect{}},
		{";", "UTF-8", codec.Dialect{Separator: ';', Encoding: codec.UTF8}},
		{"tab", "latin1", codec.Dialect{Separator: '\t', Encoding: codec.Windows1252}},
	} {
		if got, err := codec.ParseDialect(tt.sep, tt.enc); err != nil || got != tt.want {
			t.Errorf("ParseDialect(%q, %q) = %v, %v; want %v", tt.sep, tt.enc, got, err, tt.want)
		}
	}
	_, err := codec.ParseDialect("|", "ebcdic")
	type problem struct{ Field, Value string }
	var got []problem
	for _, e := range codec.Leaves(err) {
		var ie *codec.InputError
		if !errors.As(e, &ie) {
			t.Fatalf("untyped %v", e)
		}
		if strings.Contains(e.Error(), "-sep") || strings.Contains(e.Error(), "-encoding") {
			t.Errorf("%q names a flag", e)
		}
		got = append(got, problem{ie.Field, ie.Value})
	}
	want := []problem{{"separator", `"|"`}, {"encoding", `"ebcdic"`}}
	if !slices.Equal(got, want) || !errors.Is(err, codec.ErrSeparator) || !errors.Is(err, codec.ErrEncodingName) {
		t.Errorf("problems %v (%v), want %v", got, err, want)
	}
}

// TestYesNo: the words of a yes-or-no column are a new list at each call:
// a caller changing one cannot change another's column.
func TestYesNo(t *testing.T) {
	w := codec.YesNo()
	w[0].Value = false
	if v, err := codec.ParseWord("true", codec.YesNo()); err != nil || !v {
		t.Errorf(`"true" = %v, %v`, v, err)
	}
}

// TestHints: what a tool tells its user about an encoding or a separator,
// in either language; nothing for another problem.
func TestHints(t *testing.T) {
	enc := &codec.LineError{File: "extract", Line: 3, Err: codec.ErrEncoding}
	sep := &codec.LineError{File: "extract", Line: 1, Err: codec.ErrMissingColumn}
	for _, tt := range []struct {
		name string
		err  error
		l    codec.Lang
		want []string
	}{
		{"encoding, English", enc, codec.English, []string{"-encoding windows-1252 reads the file as Windows-1252, -encoding utf-8 as UTF-8; or save it as UTF-8"}},
		{"encoding, French", enc, codec.French, []string{"« -encoding windows-1252 » lit le fichier en « Windows-1252 », « -encoding utf-8 » en UTF-8 ; ou enregistrez-le en UTF-8"}},
		{"both, French", errors.Join(enc, sep), codec.French, []string{
			"« -encoding windows-1252 » lit le fichier en « Windows-1252 », « -encoding utf-8 » en UTF-8 ; ou enregistrez-le en UTF-8",
			"-sep , ; ou tab impose le séparateur"}},
		{"another problem", codec.ErrNumber, codec.French, nil},
	} {
		if got := codec.Hints(tt.err, tt.l); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
