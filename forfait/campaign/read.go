package campaign

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
)

// Sentinel errors of Read, each carried by a *LineError; test with
// errors.Is. Region and FINESS problems unwrap to envelope.ErrUnknownRegion
// and eligibility.ErrInvalidFINESS.
var (
	ErrEmpty           = errors.New("no establishment in the input")
	ErrSyntax          = errors.New("malformed CSV")
	ErrMissingColumn   = errors.New("missing column")
	ErrDuplicateColumn = errors.New("column given twice")
	ErrShortRow        = errors.New("row shorter than the header")
	ErrInvalidCount    = errors.New("not a non-negative whole count")
	ErrDuplicateFINESS = errors.New("FINESS given twice")
)

// LineError is one problem of the input, located by line and column, with
// the column's name and the offending value. Lines count from 1, the header
// being line 1. Column is the field's position in the row, from 1, as a
// spreadsheet shows it (for malformed CSV, the byte position encoding/csv
// reports); 0 when the whole line is at fault.
type LineError struct {
	Line, Column int
	Field        string
	Value        string
	Err          error
}

func (e *LineError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ", column %d", e.Column)
		}
		if e.Field != "" {
			fmt.Fprintf(&b, " (%s)", e.Field)
		}
	} else {
		b.WriteString(e.Field)
	}
	if e.Value != "" {
		fmt.Fprintf(&b, ": %q", e.Value)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

func (e *LineError) Unwrap() error { return e.Err }

// Establishment is one row of a national extract: an establishment and its
// 2019 activity (Annexe 3 §1).
type Establishment struct {
	Line     int // the row's line in the input, for error messages
	FINESS   forfait.FINESS
	Region   envelope.Region
	Activity forfait.Activity
}

// Column names of the input, in the order the README lists them; the
// activity columns are forfait.ActivityField names.
const (
	ColumnFINESS = "finess"
	ColumnRegion = "region"
)

// Columns lists the required input columns.
func Columns() []string {
	cols := []string{ColumnFINESS, ColumnRegion}
	for _, f := range forfait.ActivityFields() {
		cols = append(cols, f.String())
	}
	return cols
}

// Read parses a national extract: CSV with a header row naming at least the
// Columns, in any order; other columns are ignored. A UTF-8 byte-order mark
// before the header is skipped. Every cell is strict: a count is digits
// only (an empty cell is an error, not zero: a missing figure is not a
// zero activity), a region is spelt as in Annexe 2, a FINESS is well formed
// (INT-09) and unique. Read reports every problem at once, each a
// *LineError, and returns no establishment when there is any.
func Read(r io.Reader) ([]Establishment, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &LineError{Line: 1, Err: ErrEmpty}
	}
	if err != nil {
		return nil, syntaxError(err)
	}
	index, errs := columnIndex(header)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	// Rows gather in fixed chunks, copied once at the end: a growing slice
	// would copy (and fault in) every row several times.
	var chunks [][]Establishment
	cur := make([]Establishment, 0, 1024)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) { // a failing reader, not a bad line: stop
				return nil, errors.Join(append(errs, err)...)
			}
			errs = append(errs, syntaxError(err))
			continue
		}
		line, _ := cr.FieldPos(0)
		e, rowErrs := parseRow(rec, index, line)
		if len(rowErrs) > 0 {
			errs = append(errs, rowErrs...)
			continue
		}
		if len(cur) == cap(cur) {
			chunks, cur = append(chunks, cur), make([]Establishment, 0, 2*cap(cur))
		}
		cur = append(cur, e)
	}
	out := slices.Concat(append(chunks, cur)...)
	if dups := duplicates(out, index[0]+1); len(dups) > 0 {
		errs = append(errs, dups...)
		slices.SortStableFunc(errs, func(a, b error) int { return cmp.Compare(lineOf(a), lineOf(b)) })
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(out) == 0 {
		line, _ := cr.FieldPos(0)
		return nil, &LineError{Line: line + 1, Err: ErrEmpty}
	}
	return out, nil
}

// columnIndex maps each required column to its position in header.
func columnIndex(header []string) ([]int, []error) {
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\uFEFF")
	}
	pos := make(map[string]int, len(header))
	var errs []error
	for i, h := range header {
		if _, dup := pos[h]; dup {
			errs = append(errs, &LineError{Line: 1, Column: i + 1, Field: h, Err: ErrDuplicateColumn})
			continue
		}
		pos[h] = i
	}
	cols := Columns()
	index := make([]int, len(cols))
	for i, c := range cols {
		p, ok := pos[c]
		if !ok {
			errs = append(errs, &LineError{Line: 1, Field: c, Err: ErrMissingColumn})
		}
		index[i] = p
	}
	return index, errs
}

// parseRow reads one row; index gives the position of each of Columns().
func parseRow(rec []string, index []int, line int) (Establishment, []error) {
	e := Establishment{Line: line}
	var errs []error
	fail := func(col int, field, value string, err error) {
		errs = append(errs, &LineError{Line: line, Column: col + 1, Field: field, Value: value, Err: err})
	}
	if need := slices.Max(index) + 1; len(rec) < need {
		return e, []error{&LineError{Line: line, Column: len(rec) + 1,
			Err: fmt.Errorf("%w: %d fields, the header needs %d", ErrShortRow, len(rec), need)}}
	}
	if f, err := forfait.ParseFINESS(rec[index[0]]); err != nil {
		fail(index[0], ColumnFINESS, rec[index[0]], err)
	} else {
		e.FINESS = f
	}
	if r, err := envelope.ParseRegion(rec[index[1]]); err != nil {
		fail(index[1], ColumnRegion, rec[index[1]], err)
	} else {
		e.Region = r
	}
	var counts [forfait.NumActivityFields]int64
	for i, f := range forfait.ActivityFields() {
		col := index[2+i]
		n, err := parseCount(rec[col])
		if err != nil {
			fail(col, f.String(), rec[col], err)
		}
		counts[i] = n
	}
	e.Activity = forfait.ActivityFromCounts(counts)
	return e, errs
}

// parseCount reads a count of days, sessions or stays: digits only, at most
// what an int64 holds.
func parseCount(s string) (int64, error) {
	if s == "" {
		return 0, fmt.Errorf("%w: empty", ErrInvalidCount)
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, ErrInvalidCount
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: beyond %d", ErrInvalidCount, int64(math.MaxInt64))
	}
	return n, nil
}

func syntaxError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &LineError{Line: pe.Line, Column: pe.Column, Err: fmt.Errorf("%w: %v", ErrSyntax, pe.Err)}
	}
	return &LineError{Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
}

// duplicates reports every establishment whose FINESS an earlier row of ests
// holds, naming that row's line; col is the FINESS column. Sorting finds
// them without a map as large as the extract.
func duplicates(ests []Establishment, col int) []error {
	idx := make([]int, len(ests))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		return cmp.Or(strings.Compare(ests[a].FINESS.String(), ests[b].FINESS.String()), cmp.Compare(a, b))
	})
	var errs []error
	first := 0 // where the current run of one FINESS starts, in idx
	for k := 1; k < len(idx); k++ {
		e := &ests[idx[k]]
		if e.FINESS != ests[idx[first]].FINESS {
			first = k
			continue
		}
		errs = append(errs, &LineError{Line: e.Line, Column: col, Field: ColumnFINESS, Value: e.FINESS.String(),
			Err: fmt.Errorf("%w (first on line %d)", ErrDuplicateFINESS, ests[idx[first]].Line)})
	}
	return errs
}

// lineOf is the line of a *LineError, 0 for another error.
func lineOf(err error) int {
	var le *LineError
	if errors.As(err, &le) {
		return le.Line
	}
	return 0
}
