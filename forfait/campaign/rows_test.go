package campaign

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

// csvRows is what encoding/csv reads from data: each record with its line,
// then the error that ends the reading ("EOF" at the end), the reference
// the rowReader is held to.
func csvRows(data []byte, sep byte) []string {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma, cr.FieldsPerRecord = rune(sep), -1
	var out []string
	for {
		rec, err := cr.Read()
		if err != nil {
			return append(out, describe(err))
		}
		line, _ := cr.FieldPos(0)
		out = append(out, fmt.Sprintf("%d %q", line, rec))
	}
}

func rowReaderRows(data []byte, sep byte, size int) []string {
	r := newRowReader(bufio.NewReaderSize(bytes.NewReader(data), size), sep)
	var out []string
	for {
		rec, line, err := r.Read()
		if err != nil {
			return append(out, describe(err))
		}
		out = append(out, fmt.Sprintf("%d %q", line, slices.Clone(rec)))
	}
}

func describe(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("error %d-%d: %v", pe.StartLine, pe.Line, pe.Err)
	}
	if err == io.EOF {
		return "EOF"
	}
	return "error " + err.Error()
}

// FuzzRowReader: the rowReader reads every input as encoding/csv does (the
// same records on the same lines, the same error on the same line), with
// either separator and with lines longer than its buffer.
func FuzzRowReader(f *testing.F) {
	for _, s := range []string{
		"a,b\n1,2\n", "a;b\r\n1;2\r\n\r\n3;4", "a,b\n\n\n1,\"2\n3\"\n4,5\n", "a,b\n1,2\"\n", "x\r", "\r\n\r\n",
		"a,b\n\"unterminated\n1,2\n", "a\rb,c\n", ",\n,,\n", "a,b\n1,2\n\"3\",4\n5,6\n",
	} {
		f.Add([]byte(s), false, false)
		f.Add([]byte(s), true, true)
	}
	f.Fuzz(func(t *testing.T, data []byte, semicolon, small bool) {
		sep, size := byte(','), sniffSize
		if semicolon {
			sep = ';'
		}
		if small {
			size = 16 // bufio's least: lines longer than the buffer
		}
		want, got := csvRows(data, sep), rowReaderRows(data, sep, size)
		if !slices.Equal(got, want) {
			t.Fatalf("input %q, separator %q:\nrowReader  %s\nencoding/csv %s", data, sep, strings.Join(got, " | "), strings.Join(want, " | "))
		}
	})
}
