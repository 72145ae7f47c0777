// Package problems is how the module's file readers (package campaign
// and package audit) report the problems of a file: each a *LineError
// located by line and column, sorted by line and bounded by Bound.
package problems

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/sunes-spec/sunes/forfait/codec"
)

// Sentinels the readers share, re-exported by package campaign.
var (
	ErrSyntax   = codec.NewSentinel("campaign: malformed CSV", "n'est pas un fichier CSV lisible")
	ErrShortRow = codec.NewSentinel("campaign: row shorter than the header", "est une ligne plus courte que l'en-tête")
	// ErrTooMany ends a report cut at Max: it counts the problems left
	// out, per kind.
	ErrTooMany = codec.NewSentinel("campaign: too many problems", "contient trop de problèmes ; les suivants ne sont pas listés")
)

// Max is how many problems a reader reports before it stops: a file of
// junk ends quickly, with a report a person can read.
const Max = 50

// LineError is one problem of the input, located by line and column, with
// the column's name and the offending value (cut to a readable length).
// Lines count from 1, the header being line 1. Column is the field's
// number in the row, from 1, as a spreadsheet shows it; 0 when the whole
// line is at fault.
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

// Bound sorts the problems of a file by line and keeps the first Max,
// counting the others per kind in one last ErrTooMany: the report every
// reader of the module gives.
func Bound(errs []error) []error {
	slices.SortStableFunc(errs, func(a, b error) int { return cmp.Compare(lineOf(a), lineOf(b)) })
	if len(errs) <= Max {
		return errs
	}
	kinds := map[string]int{}
	var order []string
	for _, e := range errs[Max:] {
		k := kindOf(e)
		if kinds[k] == 0 {
			order = append(order, k)
		}
		kinds[k]++
	}
	var b strings.Builder
	for i, k := range order {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%d × %s", kinds[k], k)
	}
	rest := &LineError{Line: lineOf(errs[Max]),
		Err: fmt.Errorf("%w: %d more at least, stopped reading (%s)", ErrTooMany, len(errs)-Max, b.String())}
	return append(errs[:Max:Max], rest)
}

// kindOf names the kind of a problem for the count per kind: its column,
// or its sentinel for a problem of the whole line.
func kindOf(err error) string {
	var le *LineError
	if errors.As(err, &le) && le.Field != "" {
		return le.Field
	}
	for _, s := range []error{ErrSyntax, ErrShortRow} {
		if errors.Is(err, s) {
			return strings.TrimPrefix(s.Error(), "campaign: ")
		}
	}
	return "other"
}

// lineOf is the line of a *LineError, 0 for another error.
func lineOf(err error) int {
	var le *LineError
	if errors.As(err, &le) {
		return le.Line
	}
	return 0
}
