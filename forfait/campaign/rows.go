package campaign

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
)

// rowReader reads the records of an extract. A line without a quote,
// which is nearly every line a spreadsheet exports, is split at its
// separators by hand, as encoding/csv would split it; from the first
// line holding a quote on, encoding/csv reads the rest, quoting rules and
// errors included.
type rowReader struct {
	br     *bufio.Reader
	sep    byte
	line   int      // lines read by hand
	fields [][]byte // the last record, reused

	cr      *csv.Reader // nil until a quote is met
	base    int         // lines read by hand before cr took over
	scratch []byte      // the cells encoding/csv read, as bytes
}

func newRowReader(r io.Reader, sep byte) *rowReader {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, sniffSize)
	}
	return &rowReader{br: br, sep: sep}
}

// Read returns the next record and the line it starts on, a *csv.ParseError
// located in the whole input, or io.EOF. Empty lines are skipped, as
// encoding/csv skips them. The record's cells point into the reader's
// buffer: they are valid until the next call, and copying only what is
// kept spares memory a string per line would take.
func (r *rowReader) Read() ([][]byte, int, error) {
	if r.cr != nil {
		return r.readCSV()
	}
	for {
		line, err := r.br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			// A line longer than the buffer: encoding/csv takes it whole.
			return r.switchToCSV(line)
		}
		if err != nil && err != io.EOF {
			return nil, 0, err
		}
		if len(line) == 0 { // io.EOF
			return nil, 0, io.EOF
		}
		if bytes.IndexByte(line, '"') >= 0 {
			return r.switchToCSV(line)
		}
		r.line++
		line = trimLineEnd(line, err == io.EOF)
		if len(line) == 0 {
			if err == io.EOF {
				return nil, 0, io.EOF
			}
			continue
		}
		r.fields = splitFields(r.fields[:0], line, r.sep)
		return r.fields, r.line, nil
	}
}

// trimLineEnd drops the line's end as encoding/csv does: "\n" or "\r\n",
// and a final "\r" at the end of the input.
func trimLineEnd(line []byte, atEOF bool) []byte {
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
	} else if atEOF && n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line
}

// splitFields appends the fields of s, separated by sep, to dst.
func splitFields(dst [][]byte, s []byte, sep byte) [][]byte {
	for {
		i := bytes.IndexByte(s, sep)
		if i < 0 {
			return append(dst, s)
		}
		dst = append(dst, s[:i])
		s = s[i+1:]
	}
}

// switchToCSV hands the rest of the input, from line on, to encoding/csv.
func (r *rowReader) switchToCSV(line []byte) ([][]byte, int, error) {
	first := bytes.Clone(line) // ReadSlice's bytes do not outlive the next read
	r.cr = csv.NewReader(io.MultiReader(bytes.NewReader(first), r.br))
	r.cr.Comma, r.cr.FieldsPerRecord, r.cr.ReuseRecord = rune(r.sep), -1, true
	r.base = r.line
	return r.readCSV()
}

func (r *rowReader) readCSV() ([][]byte, int, error) {
	rec, err := r.cr.Read()
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		pe.StartLine += r.base
		pe.Line += r.base
	}
	if err != nil {
		return nil, 0, err
	}
	r.scratch, r.fields = r.scratch[:0], r.fields[:0]
	for _, c := range rec {
		r.scratch = append(r.scratch, c...)
	}
	at := 0
	for _, c := range rec {
		r.fields = append(r.fields, r.scratch[at:at+len(c):at+len(c)])
		at += len(c)
	}
	line, _ := r.cr.FieldPos(0)
	return r.fields, line + r.base, nil
}
