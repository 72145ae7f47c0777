package campaign

import (
	"io"
	"strconv"
	"strings"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
)

// Sentinel errors of Read, each carried by a *LineError; test with
// errors.Is. Region and FINESS problems unwrap to envelope.ErrUnknownRegion
// and forfait.ErrInvalidFINESS. The errors of the file's form are those of
// every file reader of the module (codec.Table).
var (
	ErrEmpty           = codec.NewSentinel("campaign: no establishment in the input", "ne contient aucun établissement")
	ErrSyntax          = codec.ErrCSVSyntax
	ErrSeparator       = codec.ErrSeparator
	ErrMissingColumn   = codec.ErrMissingColumn
	ErrDuplicateColumn = codec.ErrDuplicateColumn
	ErrShortRow        = codec.ErrShortRow
	ErrInvalidCount    = codec.ErrNumber
	ErrDuplicateFINESS = codec.NewSentinel("campaign: FINESS given twice", "figure deux fois (FINESS en double)")
	// ErrDecimalCount: a count written with a decimal part ("12,5"); it
	// comes with ErrInvalidCount.
	ErrDecimalCount = codec.ErrDecimalPart
	// ErrTooManyProblems ends a report cut at MaxProblems: it counts the
	// problems left out, per kind.
	ErrTooManyProblems = codec.ErrTooManyProblems
	// ErrEncoding: bytes that are not text in the input's encoding (a
	// file mixing UTF-8 and Windows-1252), located on their line.
	ErrEncoding = codec.ErrEncoding
	// ErrLineTooLong: a line beyond codec.MaxLine bytes; the reading
	// stops there.
	ErrLineTooLong = codec.ErrLineTooLong
	// ErrRegionMismatch: a warning, not an error: the department of a
	// FINESS number is not in the region of its row.
	ErrRegionMismatch = codec.NewSentinel("campaign: the FINESS's department is not in the row's region", "a un département qui n'est pas dans la région de sa ligne")
)

// MaxProblems is how many problems Read reports before it counts the
// rest: a file of junk gives a report a person can read.
const MaxProblems = codec.MaxProblems

// LineError is one problem of the input, located by line and column, with
// the column's name and the offending value (cut to a readable length).
// Lines count from 1, the header being line 1. Column is the field's
// number in the row, from 1, as a spreadsheet shows it; 0 when the whole
// line is at fault. Every file reader of the module reports its problems
// so.
type LineError = codec.LineError

// fileNoun is the extract's name in messages.
const fileNoun = "extract"

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
// written, as Read found it or as a caller imposes it: the separator
// (',', ';' or TAB; zero to detect it) and the encoding (zero to detect
// it).
type Dialect = codec.Dialect

// Extract is a national extract of the 2019 activity counts (Annexe 3 §1)
// as Read found it.
type Extract struct {
	Establishments []Establishment
	// Dialect is the dialect read; SeparatorDetected and Decoded say what
	// was detected rather than imposed, so a tool can tell its user.
	Dialect           Dialect
	SeparatorDetected bool
	Decoded           bool // read as Windows-1252 or UTF-16, not being UTF-8
	BOM               bool // a byte-order mark was skipped
	// Warnings are what the rows say that is plausible but worth a
	// look, each a *LineError: a FINESS whose department lies outside
	// the row's region (ErrRegionMismatch). Bounded as problems are.
	Warnings []error
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
// per row (Annexe 3 §1). It reads files as ARS spreadsheets export them
// (codec.Table): ',', ';' or TAB separators, UTF-8 with or without a
// byte-order mark, UTF-16 with one, or Windows-1252, CRLF line ends,
// cells with spaces around them, counts with thousands separators
// (codec.ParseCount: "127 800"), regions as people write them
// (envelope.ParseRegion), and empty rows (";;;;") skipped. A count is a
// whole number: a blank is an error, not zero (missing data is not a
// zero activity), and a decimal part is an error that says so. FINESS
// numbers are well formed (INT-09; eight digits are said to have lost
// their leading zero) and unique. A FINESS whose department is not in
// the row's region is a warning (Extract.Warnings).
//
// Every problem is reported, up to MaxProblems and then one
// ErrTooManyProblems counting the rest per kind, each a *LineError; no
// establishment is returned when there is any.
func ReadDialect(r io.Reader, d Dialect) (x Extract, err error) {
	t := codec.OpenTable(r, fileNoun, d)
	defer func() { // what was found, even with problems: it may explain them
		x.Dialect, x.SeparatorDetected, x.Decoded, x.BOM = t.Dialect(), t.SeparatorDetected(), t.Decoded(), t.BOM()
	}()
	index := t.Require(Columns()...)
	if t.Empty() {
		return x, &LineError{File: fileNoun, Line: 1, Err: ErrEmpty}
	}
	if t.Failed() {
		return x, t.Err()
	}
	p := parser{t: t, index: index, regions: map[string]envelope.Region{}}
	for rec, line, ok := t.Next(); ok; rec, line, ok = t.Next() {
		if e, ok := p.parseRow(rec, line); ok && !t.Failed() {
			x.Establishments = append(x.Establishments, e)
		}
	}
	if !t.Failed() {
		duplicates(t, x.Establishments, index[0])
	}
	if t.Failed() {
		x.Establishments = nil
		return x, t.Err()
	}
	if len(x.Establishments) == 0 {
		return x, &LineError{File: fileNoun, Line: 2, Err: ErrEmpty}
	}
	x.Warnings = regionWarnings(x.Establishments, index)
	return x, nil
}

// parser reads the rows after the header.
type parser struct {
	t       *codec.Table
	index   []int
	regions map[string]envelope.Region // the spellings met, parsed once
}

// parseRow reads one row, reporting its problems to the table.
func (p *parser) parseRow(rec []string, line int) (Establishment, bool) {
	e := Establishment{Line: line}
	ok := true
	fail := func(i int, value string, err error) {
		p.t.Problem(line, p.index[i], value, err)
		ok = false
	}
	cell := func(i int) string { return strings.TrimSpace(rec[p.index[i]]) }
	if f, err := forfait.ParseFINESS(cell(0)); err != nil {
		fail(0, cell(0), codec.LeadingZero(cell(0), 9, err))
	} else {
		e.FINESS = f
	}
	if r, found := p.regions[cell(1)]; found {
		e.Region = r
	} else if r, err := envelope.ParseRegion(cell(1)); err != nil {
		fail(1, cell(1), err)
	} else {
		e.Region, p.regions[cell(1)] = r, r
	}
	var counts [forfait.NumActivityFields]int64
	for i := range forfait.ActivityFields() {
		n, err := codec.ParseCount(cell(2 + i))
		if err != nil {
			fail(2+i, cell(2+i), err)
		}
		counts[i] = n
	}
	e.Activity = forfait.ActivityFromCounts(counts)
	return e, ok
}

// duplicates reports every establishment whose FINESS an earlier row of
// ests holds, naming that row's line, in the order of the rows; col is
// the FINESS column.
func duplicates(t *codec.Table, ests []Establishment, col int) {
	first := make(map[forfait.FINESS]int, len(ests)) // the line of each FINESS's first row
	for _, e := range ests {
		if line, dup := first[e.FINESS]; dup {
			t.Problem(e.Line, col, e.FINESS.String(), codec.Note(ErrDuplicateFINESS, codec.Text{
				French:  "déjà sur la ligne " + strconv.Itoa(line),
				English: "first on line " + strconv.Itoa(line)}))
			continue
		}
		first[e.FINESS] = e.Line
	}
}
