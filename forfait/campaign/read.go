package campaign

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/internal/problems"
)

// Sentinel errors of Read, each carried by a *LineError; test with
// errors.Is. Region and FINESS problems unwrap to envelope.ErrUnknownRegion
// and forfait.ErrInvalidFINESS.
var (
	ErrEmpty           = codec.NewSentinel("campaign: no establishment in the input", "ne contient aucun établissement")
	ErrSyntax          = problems.ErrSyntax
	ErrSeparator       = codec.NewSentinel("campaign: a separator is ',' or ';'", "n'est pas un séparateur admis (« , » ou « ; »)")
	ErrMissingColumn   = codec.NewSentinel("campaign: missing column", "manque parmi les colonnes")
	ErrDuplicateColumn = codec.NewSentinel("campaign: column given twice", "figure deux fois parmi les colonnes")
	ErrShortRow        = problems.ErrShortRow
	ErrInvalidCount    = codec.NewSentinel("campaign: not a non-negative whole count", "n'est pas un nombre entier positif ou nul")
	ErrDuplicateFINESS = codec.NewSentinel("campaign: FINESS given twice", "figure deux fois (FINESS en double)")
	// ErrDecimalCount: a count written with a decimal part ("12,5"); it
	// comes with ErrInvalidCount.
	ErrDecimalCount = codec.NewSentinel("campaign: a count has no decimal part", "a une partie décimale, alors qu'un compte est entier")
	// ErrTooManyProblems ends a report cut at MaxProblems: it counts the
	// problems left out, per kind.
	ErrTooManyProblems = problems.ErrTooMany
)

// MaxProblems is how many problems Read reports before it stops: a file
// of junk ends quickly, with a report a person can read.
const MaxProblems = problems.Max

// LineError is one problem of the input, located by line and column, with
// the column's name and the offending value (cut to a readable length).
// Lines count from 1, the header being line 1. Column is the field's
// number in the row, from 1, as a spreadsheet shows it; 0 when the whole
// line is at fault. Every file reader of the module reports its problems
// so.
type LineError = problems.LineError

// Establishment is one row of a national extract: an establishment and its
// 2019 activity (Annexe 3 §1).
type Establishment struct {
	Line     int // the row's line in the input, for error messages
	FINESS   forfait.FINESS
	Region   envelope.Region
	Activity forfait.Activity
}

// Columns lists the required input columns, in the order the README lists
// them: finess, region, then the forfait.ActivityField names.
func Columns() []string {
	cols := []string{"finess", "region"}
	for _, f := range forfait.ActivityFields() {
		cols = append(cols, f.String())
	}
	return cols
}

// Dialect is how an extract of the 2019 activity counts (Annexe 3 §1) is
// written, as Read found it or as a caller imposes it: the separator and
// the encoding.
type Dialect struct {
	// Separator is ',' or ';' (ReadDialect refuses another with
	// ErrSeparator); zero means "detect": the one of the two the header
	// holds most of.
	Separator rune
	// Windows1252 decodes the input as Windows-1252 (what a French
	// spreadsheet saves as "CSV"); when false, input that is not valid
	// UTF-8 is decoded so and the Extract says it.
	Windows1252 bool
}

// Extract is a national extract of the 2019 activity counts (Annexe 3 §1)
// as Read found it.
type Extract struct {
	Establishments []Establishment
	// Dialect is the dialect read; SeparatorDetected and Decoded say what
	// was detected rather than imposed, so a tool can tell its user.
	Dialect           Dialect
	SeparatorDetected bool
	Decoded           bool // read as Windows-1252, not being UTF-8
	BOM               bool // a UTF-8 byte-order mark was skipped
}

// Read parses a national extract of the 2019 activity counts (Annexe 3
// §1) with the dialect detected (see ReadDialect) and returns its
// establishments.
func Read(r io.Reader) ([]Establishment, error) {
	x, err := ReadDialect(r, Dialect{})
	return x.Establishments, err
}

// ReadDialect parses a national extract: a header row naming at least the
// Columns, in any order and matched without regard to case, surrounding
// spaces or accents (other columns are ignored), then one establishment
// per row (Annexe 3 §1). It reads files as ARS spreadsheets export them:
// ',' or ';' separators, UTF-8 with or without a byte-order mark or
// Windows-1252, CRLF line ends, cells with spaces around them, counts with
// thousands separators (space, U+00A0, U+202F), regions as people write
// them (envelope.ParseRegion), and empty rows (";;;;") skipped. A count
// is a whole number: a blank is an error, not zero (missing data is not a
// zero activity), and a decimal part is an error that says so. FINESS
// numbers are well formed (INT-09) and unique.
//
// Every problem is reported, up to MaxProblems and then one
// ErrTooManyProblems counting the rest per kind, each a *LineError; no
// establishment is returned when there is any.
func ReadDialect(r io.Reader, d Dialect) (Extract, error) {
	br := bufio.NewReaderSize(r, sniffSize)
	x := Extract{Dialect: d}
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		br.Discard(3)
		x.BOM = true
	}
	sniff, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return x, err
	}
	var in io.Reader = br
	if d.Windows1252 || !utf8.Valid(wholeRunes(sniff)) {
		in, x.Decoded = &windows1252Reader{r: br}, !d.Windows1252
		x.Dialect.Windows1252 = true
	}
	if x.Dialect.Separator == 0 {
		head, _ := cutLine(sniff)
		x.Dialect.Separator, x.SeparatorDetected = ',', true
		if bytes.Count(head, []byte(";")) > bytes.Count(head, []byte(",")) {
			x.Dialect.Separator = ';'
		}
	}
	if sep := x.Dialect.Separator; sep != ',' && sep != ';' {
		return x, &LineError{Field: "separator", Value: string(sep), Err: ErrSeparator}
	}
	rows := csv.NewReader(in)
	rows.Comma, rows.FieldsPerRecord, rows.ReuseRecord = x.Dialect.Separator, -1, true
	header, err := rows.Read()
	if err == io.EOF {
		return x, &LineError{Line: 1, Err: ErrEmpty}
	}
	if err != nil {
		return x, syntaxError(err, x.Dialect.Separator)
	}
	header = slices.Clone(header) // the reader reuses its record
	index, errs := columnIndex(header)
	if len(errs) > 0 {
		return x, errors.Join(errs...)
	}
	p := parser{index: index, header: header}
	ests, errs := p.parseRows(rows, x.Dialect.Separator)
	if len(errs) == 0 {
		errs = duplicates(ests, index[0]+1, header[index[0]])
	}
	if len(errs) > 0 {
		return x, errors.Join(problems.Bound(errs)...)
	}
	if len(ests) == 0 {
		return x, &LineError{Line: 2, Err: ErrEmpty}
	}
	x.Establishments = ests
	return x, nil
}

// sniffSize is how much of the input Read looks at to detect its dialect:
// the encoding (not valid UTF-8 there: Windows-1252) and the separator.
const sniffSize = 64 << 10

// wholeRunes trims an incomplete UTF-8 sequence the sniffing cut off.
func wholeRunes(b []byte) []byte {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return b[:i]
			}
			break
		}
	}
	return b
}

// cutLine splits data after its first line.
func cutLine(data []byte) (line, rest []byte) {
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return data[:i+1], data[i+1:]
	}
	return data, nil
}

// columnIndex finds each required column in the header, names compared
// folded (codec.Fold: case, spaces and accents aside).
func columnIndex(header []string) ([]int, []error) {
	pos := make(map[string]int, len(header))
	var errs []error
	for i, h := range header {
		f := codec.Fold(h)
		if _, dup := pos[f]; dup && f != "" {
			errs = append(errs, &LineError{Line: 1, Column: i + 1, Field: h, Err: ErrDuplicateColumn})
			continue
		}
		pos[f] = i
	}
	cols := Columns()
	index := make([]int, len(cols))
	for i, c := range cols {
		p, ok := pos[codec.Fold(c)]
		if !ok {
			errs = append(errs, &LineError{Line: 1, Field: c, Err: ErrMissingColumn})
		}
		index[i] = p
	}
	return index, errs
}

// parser reads the rows after the header.
type parser struct {
	index  []int
	header []string
}

// parseRows reads the rows after the header, streaming, until the end or
// MaxProblems problems.
func (p *parser) parseRows(rows *csv.Reader, sep rune) ([]Establishment, []error) {
	var ests []Establishment
	regions := map[string]envelope.Region{} // the spellings met, parsed once
	var errs []error
	for len(errs) <= MaxProblems {
		rec, err := rows.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) { // a failing reader, not a bad line: stop
				return nil, append(errs, err)
			}
			errs = append(errs, syntaxError(err, sep))
			if errors.Is(pe.Err, csv.ErrQuote) {
				break // an unterminated quote swallows the rest: nothing after it is a row
			}
			continue
		}
		if blank(rec) {
			continue
		}
		line, _ := rows.FieldPos(0)
		e, rowErrs := p.parseRow(rec, line, regions)
		if len(rowErrs) > 0 {
			errs = append(errs, rowErrs...)
			continue
		}
		ests = append(ests, e)
	}
	return ests, errs
}

// blank reports whether every cell of rec is empty or spaces: an empty row
// as spreadsheets export them.
func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func (p *parser) parseRow(rec []string, line int, regions map[string]envelope.Region) (Establishment, []error) {
	e := Establishment{Line: line}
	var errs []error
	fail := func(col int, value string, err error) {
		errs = append(errs, &LineError{Line: line, Column: col + 1, Field: p.header[col], Value: codec.Clip(value), Err: err})
	}
	if need := slices.Max(p.index) + 1; len(rec) < need {
		return e, []error{&LineError{Line: line, Column: len(rec) + 1,
			Err: fmt.Errorf("%w: %d fields, the header needs %d", ErrShortRow, len(rec), need)}}
	}
	cell := func(i int) string { return strings.TrimSpace(rec[p.index[i]]) }
	if f, err := forfait.ParseFINESS(cell(0)); err != nil {
		fail(p.index[0], cell(0), err)
	} else {
		e.FINESS = f
	}
	if r, ok := regions[cell(1)]; ok {
		e.Region = r
	} else if r, err := envelope.ParseRegion(cell(1)); err != nil {
		fail(p.index[1], cell(1), err)
	} else {
		e.Region, regions[cell(1)] = r, r
	}
	var counts [forfait.NumActivityFields]int64
	for i := range forfait.ActivityFields() {
		n, err := parseCount(cell(2 + i))
		if err != nil {
			fail(p.index[2+i], cell(2+i), err)
		}
		counts[i] = n
	}
	e.Activity = forfait.ActivityFromCounts(counts)
	return e, errs
}

// parseCount reads a whole, non-negative count, with or without thousands
// separators (a space, U+00A0 or U+202F): "12 345".
func parseCount(s string) (int64, error) {
	if len(s) == 0 {
		return 0, fmt.Errorf("%w: empty (a missing figure is not zero)", ErrInvalidCount)
	}
	var n int64
	digits := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			if digits >= 18 && n > (math.MaxInt64-int64(c-'0'))/10 { // 18 digits always fit
				return 0, fmt.Errorf("%w: beyond %d", ErrInvalidCount, int64(math.MaxInt64))
			}
			n, digits = n*10+int64(c-'0'), digits+1
		case c == ' ' && digits > 0:
		case strings.HasPrefix(s[i:], noBreakSpace) && digits > 0:
			i++
		case strings.HasPrefix(s[i:], narrowNoBreakSpace) && digits > 0:
			i += 2
		case (c == ',' || c == '.') && digits > 0:
			return 0, fmt.Errorf("%w: %w", ErrInvalidCount, ErrDecimalCount)
		default:
			return 0, ErrInvalidCount
		}
	}
	return n, nil
}

// The thousands separators French spreadsheets write, besides a space.
const noBreakSpace, narrowNoBreakSpace = "\u00a0", "\u202f"

// syntaxError locates a CSV error: an unterminated quote on the line where
// it opens; other errors on their line, the whole line at fault (the byte
// position encoding/csv gives is not a field number).
func syntaxError(err error, sep rune) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return &LineError{Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
	}
	line := pe.Line
	if errors.Is(pe.Err, csv.ErrQuote) {
		line = pe.StartLine // where the quote opens
	}
	return &LineError{Line: line, Err: fmt.Errorf("%w: %v (byte %d of the line; separator %q)", ErrSyntax, pe.Err, pe.Column, sep)}
}

// duplicates reports every establishment whose FINESS an earlier row of ests
// holds, naming that row's line, in the order of the rows; col is the FINESS
// column, name its header.
func duplicates(ests []Establishment, col int, name string) []error {
	first := make(map[forfait.FINESS]int, len(ests)) // the line of each FINESS's first row
	var errs []error
	for _, e := range ests {
		if line, dup := first[e.FINESS]; dup {
			errs = append(errs, &LineError{Line: e.Line, Column: col, Field: name, Value: e.FINESS.String(),
				Err: fmt.Errorf("%w (first on line %d)", ErrDuplicateFINESS, line)})
			continue
		}
		first[e.FINESS] = e.Line
	}
	return errs
}

// windows1252 maps the bytes 0x80–0x9F of Windows-1252 to their runes; the
// bytes 0xA0–0xFF are Latin-1, the rune of the same value. The five
// unassigned bytes map to U+FFFD.
var windows1252 = [32]rune{
	'€', '\ufffd', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\ufffd', 'Ž', '\ufffd',
	'\ufffd', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\ufffd', 'ž', 'Ÿ',
}

// windows1252Reader decodes a Windows-1252 stream into UTF-8.
type windows1252Reader struct {
	r   io.Reader
	in  [4096]byte
	out []byte // decoded, not yet read
}

func (w *windows1252Reader) Read(p []byte) (int, error) {
	for len(w.out) == 0 {
		w.out = w.out[:0:cap(w.out)] // reuse the buffer once read
		if cap(w.out) == 0 {
			w.out = make([]byte, 0, 3*len(w.in))
		}
		n, err := w.r.Read(w.in[:])
		for _, c := range w.in[:n] {
			switch {
			case c < 0x80:
				w.out = append(w.out, c)
			case c < 0xa0:
				w.out = utf8.AppendRune(w.out, windows1252[c-0x80])
			default:
				w.out = utf8.AppendRune(w.out, rune(c))
			}
		}
		if n == 0 && err != nil {
			return 0, err
		}
	}
	n := copy(p, w.out)
	w.out = w.out[n:]
	return n, nil
}
