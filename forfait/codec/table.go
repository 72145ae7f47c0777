package codec

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Dialect is how a CSV file a person brings is written, as a reader found
// it or as a caller imposes it.
type Dialect struct {
	// Separator is ',', ';' or TAB ('\t'); zero means "detect": the one
	// of the three the header holds most of, ',' on a tie.
	Separator rune
	// Encoding is the file's encoding; zero means "detect" (TextReader).
	Encoding Encoding
}

// Problems of a CSV file, each carried by a *LineError.
var (
	ErrSeparator       = NewSentinel("a separator is ',', ';' or TAB", "n'est pas un séparateur admis (« , », « ; » ou tabulation)")
	ErrCSVSyntax       = NewSentinel("malformed CSV", "n'est pas un fichier CSV lisible")
	ErrShortRow        = NewSentinel("row shorter than the header", "est plus courte que l'en-tête")
	ErrMissingColumn   = NewSentinel("missing column", "manque parmi les colonnes")
	ErrDuplicateColumn = NewSentinel("column given twice", "figure deux fois parmi les colonnes")
)

// Table reads a CSV file a person brings (a national extract, a payments
// ledger): the one reader of the module's files. It decodes the text
// (TextReader: UTF-8 with or without a byte-order mark, UTF-16 with one,
// Windows-1252; lines bounded by MaxLine), detects the separator, finds
// columns by their folded names (Fold: case, accents, spaces and hyphens
// aside), skips blank rows (";;;;" as spreadsheets export them) and
// collects the problems of the file in a Report, each a *LineError
// naming the file by its noun.
type Table struct {
	file      string
	dialect   Dialect
	detected  bool
	header    []string
	pos       map[string]int // column of each folded header name
	need      int            // the fields a row must hold
	text      *TextReader
	rows      *csv.Reader
	report    Report
	stopped   bool
	emptyFile bool
}

// headerPeek is how much of the decoded input the separator detection
// may look at: the header line, or its start.
const headerPeek = 64 << 10

// OpenTable reads the header of the CSV file r, whose noun (the first
// word of every problem) is file. The header's problems (a separator
// that is not ',', ';' or TAB, a column given twice, a file that is not
// text) are in Err; an input without a header is Empty.
func OpenTable(r io.Reader, file string, d Dialect) *Table {
	t := &Table{file: file, dialect: d, text: NewTextReader(r, d.Encoding, MaxLine)}
	br := bufio.NewReaderSize(t.text, headerPeek)
	if t.dialect.Separator == 0 {
		head, _ := br.Peek(headerPeek)
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			head = head[:i]
		}
		t.dialect.Separator, t.detected = ',', true
		best := bytes.Count(head, []byte(","))
		for _, sep := range []byte{';', '\t'} {
			if n := bytes.Count(head, []byte{sep}); n > best {
				t.dialect.Separator, best = rune(sep), n
			}
		}
	}
	if sep := t.dialect.Separator; sep != ',' && sep != ';' && sep != '\t' {
		t.stop(&LineError{Field: "separator", Value: string(sep), Err: ErrSeparator})
		return t
	}
	t.rows = csv.NewReader(br)
	t.rows.Comma, t.rows.FieldsPerRecord, t.rows.ReuseRecord = t.dialect.Separator, -1, true
	header, err := t.rows.Read()
	if err == io.EOF {
		t.emptyFile, t.stopped = true, true
		return t
	}
	if err != nil {
		t.readError(err)
		return t
	}
	t.header = slices.Clone(header) // the reader reuses its record
	t.pos = make(map[string]int, len(header))
	for i, h := range t.header {
		f := Fold(h)
		if _, dup := t.pos[f]; dup && f != "" {
			t.report.Add(&LineError{File: file, Line: 1, Column: i + 1, Field: h, Err: ErrDuplicateColumn})
			continue
		}
		t.pos[f] = i
	}
	return t
}

// Empty reports whether the input holds no header (nothing but blank
// lines).
func (t *Table) Empty() bool { return t.emptyFile }

// Dialect is the dialect read: the separator imposed or detected, and the
// encoding imposed or found so far (final once the rows are read).
func (t *Table) Dialect() Dialect {
	d := t.dialect
	d.Encoding = t.text.Encoding()
	return d
}

// SeparatorDetected reports whether the separator was detected rather
// than imposed.
func (t *Table) SeparatorDetected() bool { return t.detected }

// Decoded reports whether the input was found to be Windows-1252 or
// UTF-16 rather than UTF-8, as opposed to imposed.
func (t *Table) Decoded() bool {
	e := t.text.Encoding()
	return t.text.Detected() && e != UTF8 && e != DetectEncoding
}

// BOM reports whether a byte-order mark was skipped.
func (t *Table) BOM() bool { return t.text.BOM() }

// Header is the header row, as written.
func (t *Table) Header() []string { return t.header }

// Column returns the index of the column whose folded name is name's, or
// -1.
func (t *Table) Column(name string) int {
	if i, ok := t.pos[Fold(name)]; ok {
		return i
	}
	return -1
}

// Require returns the index of each of the columns names, reporting each
// one missing; a row shorter than the last of them is reported by Next.
func (t *Table) Require(names ...string) []int {
	index := make([]int, len(names))
	for i, c := range names {
		index[i] = t.Column(c)
		if index[i] < 0 && t.header != nil {
			t.report.Add(&LineError{File: t.file, Line: 1, Field: c, Err: ErrMissingColumn})
		}
		t.need = max(t.need, index[i]+1)
	}
	return index
}

// Next reads the next row that is not blank and returns its cells, which
// the next call reuses, and its line. It returns false at the end of the
// input, or when the reading cannot go on (an unterminated quote, a
// failing reader, bytes that are not text, a line beyond MaxLine), the
// problem added to the report. A malformed row or one shorter than the
// columns required is reported and skipped.
func (t *Table) Next() ([]string, int, bool) {
	for !t.stopped {
		rec, err := t.rows.Read()
		if err == io.EOF {
			t.stopped = true
			break
		}
		if err != nil {
			t.readError(err)
			continue
		}
		if blank(rec) {
			continue
		}
		line, _ := t.rows.FieldPos(0)
		if len(rec) < t.need {
			t.report.Add(&LineError{File: t.file, Line: line, Column: len(rec) + 1,
				Err: &ParseError{Err: ErrShortRow, Reason: Text{
					French:  fmt.Sprintf("%s, l'en-tête en demande %d, avec le séparateur %s", fields(len(rec)), t.need, separatorFrench(t.dialect.Separator)),
					English: fmt.Sprintf("%d fields, the header needs %d (separator %q)", len(rec), t.need, t.dialect.Separator)}}})
			continue
		}
		return rec, line, true
	}
	return nil, 0, false
}

// readError reports an error of the CSV reader: a malformed line is
// skipped, an unterminated quote (which swallows the rest), a failing
// reader or undecodable text stops the reading.
func (t *Table) readError(err error) {
	var pe *csv.ParseError
	var le *LineError
	switch {
	case errors.As(err, &le): // the text reader's
		c := *le
		c.File = t.file
		t.stop(&c)
	case errors.As(err, &pe):
		line := pe.Line
		if errors.Is(pe.Err, csv.ErrQuote) {
			line = pe.StartLine // where the quote opens
		}
		t.report.Add(&LineError{File: t.file, Line: line,
			Err: &ParseError{Err: ErrCSVSyntax, Reason: Text{
				French:  fmt.Sprintf("%s, à l'octet %d de la ligne, avec le séparateur %s", csvFrench(pe.Err), pe.Column, separatorFrench(t.dialect.Separator)),
				English: fmt.Sprintf("%v (byte %d of the line; separator %q)", pe.Err, pe.Column, t.dialect.Separator)}}})
		if errors.Is(pe.Err, csv.ErrQuote) {
			t.stopped = true
		}
	default:
		t.stop(&LineError{File: t.file, Err: err})
	}
}

func (t *Table) stop(err error) {
	t.report.Add(err)
	t.stopped = true
}

// Problem reports a problem of the cell of column col (from 0) on line,
// whose value is echoed cut (Clip).
func (t *Table) Problem(line, col int, value string, err error) {
	t.report.Add(&LineError{File: t.file, Line: line, Column: col + 1, Field: t.header[col], Value: Clip(value), Err: err})
}

// Add reports a problem of the file; a *LineError is given the file's
// noun.
func (t *Table) Add(err error) {
	var le *LineError
	if errors.As(err, &le) && le.File == "" {
		c := *le
		c.File = t.file
		err = &c
	}
	t.report.Add(err)
}

// Failed reports whether a problem was found.
func (t *Table) Failed() bool { return t.report.Len() > 0 }

// Err is the report of the file's problems (Report.Err), nil when none.
func (t *Table) Err() error { return t.report.Err() }

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

// ParseDialect reads a dialect as a person names it: the separator ",",
// ";" or "tab" (empty: detect) and the encoding "utf-8" or "windows-1252"
// (also "cp1252", "latin1"; empty: detect), in any case. A bad name is an
// *InputError on field "separator" (wrapping ErrSeparator) or "encoding"
// (wrapping ErrEncodingName), both reported at once; a tool names its own
// flags.
func ParseDialect(sep, encoding string) (Dialect, error) {
	var d Dialect
	var errs []error
	switch strings.ToLower(sep) {
	case "":
	case ",", ";":
		d.Separator = rune(sep[0])
	case "tab", "\t", `\t`:
		d.Separator = '\t'
	default:
		errs = append(errs, &InputError{Field: "separator", Value: strconv.Quote(sep), Reason: Text{"attendu : « , », « ; » ou une tabulation", "want , ; or tab"}, Err: ErrSeparator})
	}
	switch strings.ToLower(encoding) {
	case "":
	case "utf-8", "utf8":
		d.Encoding = UTF8
	case "windows-1252", "cp1252", "latin1", "latin-1":
		d.Encoding = Windows1252
	default:
		errs = append(errs, &InputError{Field: "encoding", Value: strconv.Quote(encoding), Err: ErrEncodingName})
	}
	return d, errors.Join(errs...)
}

// Hints are what a tool tells its user, in l, to do about the problems of
// err: how to impose an encoding or a separator (the tools' -encoding and
// -sep flags, which the texts name).
func Hints(err error, l Lang) []string {
	var h []string
	if errors.Is(err, ErrEncoding) {
		h = append(h, Text{
			French:  "« -encoding windows-1252 » lit le fichier en « Windows-1252 », « -encoding utf-8 » en UTF-8 ; ou enregistrez-le en UTF-8",
			English: "-encoding windows-1252 reads the file as Windows-1252, -encoding utf-8 as UTF-8; or save it as UTF-8",
		}.In(l))
	}
	if errors.Is(err, ErrMissingColumn) || errors.Is(err, ErrShortRow) {
		h = append(h, Text{French: "-sep , ; ou tab impose le séparateur", English: "-sep , ; or tab imposes the separator"}.In(l))
	}
	return h
}

// separatorFrench names a separator in a French message: « ; », or
// « tabulation ».
func separatorFrench(sep rune) string {
	if sep == '\t' {
		return "tabulation"
	}
	return "« " + string(sep) + " »"
}

// fields counts the fields of a row in French: "1 champ", "2 champs".
func fields(n int) string {
	if n < 2 {
		return strconv.Itoa(n) + " champ"
	}
	return strconv.Itoa(n) + " champs"
}

// csvFrench says in French what encoding/csv found wrong in a line.
func csvFrench(err error) string {
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return "un guillemet « \" » dans un champ qui n'est pas entre guillemets"
	case errors.Is(err, csv.ErrQuote):
		return "un guillemet « \" » en trop ou manquant dans un champ entre guillemets"
	}
	return "ligne illisible"
}
