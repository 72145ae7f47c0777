package codec

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// MaxProblems is how many problems a reader of the module reports in
// full: a file of junk gives a report a person can read, then a count of
// the rest per kind.
const MaxProblems = 50

// ErrTooManyProblems ends a report cut at MaxProblems: it counts the
// problems left out, per kind.
var ErrTooManyProblems = NewSentinel("too many problems", "contient trop de problèmes ; les suivants ne sont pas listés")

// LineError is one problem of a file a person brings (an extract, a
// payments ledger), located by line and column, with the column's name
// and the offending value (cut to a readable length). File is the file's
// noun ("extract", "payments ledger"), the first word of the message.
// Lines count from 1, the header being line 1. Column is the field's
// number in the row, from 1, as a spreadsheet shows it; 0 when the whole
// line is at fault.
type LineError struct {
	File         string
	Line, Column int
	Field        string
	Value        string
	Err          error
}

func (e *LineError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "line %d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ", column %d", e.Column)
		}
		if e.Field != "" {
			fmt.Fprintf(&b, " (%s)", e.Field)
		}
	} else if e.Field != "" {
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(e.Field)
	}
	if e.Value != "" {
		fmt.Fprintf(&b, ": %q", e.Value)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "%v", e.Err)
	return b.String()
}

func (e *LineError) Unwrap() error { return e.Err }

// Report collects the problems of one input: it keeps the first
// MaxProblems in full and counts the others per kind, whatever their
// number, in constant memory. The zero Report is empty and ready.
type Report struct {
	kept  []error
	rest  map[string]int
	order []string // the kinds of the rest, in the order met
	more  int
	last  error // the first problem left out, which locates the count
}

// Add records one problem. A report already bounded (a *TooManyError
// among the problems added) adds its count per kind to this one's.
func (r *Report) Add(err error) {
	var tm *TooManyError
	if errors.As(err, &tm) {
		if r.last == nil {
			r.last = err
		}
		for _, k := range tm.Kinds {
			r.tally(k.Kind, k.Count)
		}
		return
	}
	if len(r.kept) < MaxProblems {
		r.kept = append(r.kept, err)
		return
	}
	if r.rest == nil {
		r.rest, r.last = map[string]int{}, err
	}
	r.Tally(kindOf(err))
}

// Counting reports whether problems are now only counted: a caller may
// then Tally a problem rather than build it.
func (r *Report) Counting() bool { return r.rest != nil }

// Tally counts one more problem of kind (a column's name, or a
// sentinel's text) past the bound, once Counting.
func (r *Report) Tally(k string) { r.tally(k, 1) }

func (r *Report) tally(k string, n int) {
	if r.rest == nil {
		r.rest = map[string]int{}
	}
	if r.rest[k] == 0 {
		r.order = append(r.order, k)
	}
	r.rest[k] += n
	r.more += n
}

// Len is the number of problems added.
func (r *Report) Len() int { return len(r.kept) + r.more }

// Err joins the problems of List; nil when there is none.
func (r *Report) Err() error {
	if r.Len() == 0 {
		return nil
	}
	return errors.Join(r.List()...)
}

// List is the problems kept and, when some were left out, one last
// problem wrapping ErrTooManyProblems that counts them per kind
// ("12 more (10 × amount, 2 × date)"). A
// *LineError's count is located on the line of the first problem left
// out, in the same file.
func (r *Report) List() []error {
	errs := r.kept
	if r.more > 0 {
		kinds := make([]KindCount, len(r.order))
		for i, k := range r.order {
			kinds[i] = KindCount{k, r.rest[k]}
		}
		var count error = &TooManyError{More: r.more, Kinds: kinds}
		var le *LineError
		if errors.As(r.last, &le) {
			count = &LineError{File: le.File, Line: le.Line, Err: count}
		}
		errs = append(errs[:len(errs):len(errs)], count)
	}
	return errs
}

// TooManyError counts the problems a Report left out, per kind; it
// unwraps to ErrTooManyProblems.
type TooManyError struct {
	More  int
	Kinds []KindCount // in the order first met
}

// KindCount is how many problems of one kind (a column, or a sentinel's
// text) a report left out.
type KindCount struct {
	Kind  string
	Count int
}

func (e *TooManyError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%v: %s more (", ErrTooManyProblems, Thousands(e.More))
	for i, k := range e.Kinds {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s × %s", Thousands(k.Count), k.Kind)
	}
	b.WriteString(")")
	return b.String()
}

func (e *TooManyError) Unwrap() error { return ErrTooManyProblems }

// Bound is err's problems (the leaves errors.Join built) bounded as
// Report bounds them; err itself when they are few enough.
func Bound(err error) error {
	all := Leaves(err)
	if len(all) <= MaxProblems {
		return err // as it was: a single error keeps its type
	}
	var r Report
	for _, e := range all {
		r.Add(e)
	}
	return r.Err()
}

// kindOf names the kind of a problem for the count per kind: the column
// of a *LineError; otherwise the sentinel it wraps, by its text.
func kindOf(err error) string {
	var le *LineError
	if errors.As(err, &le) && le.Field != "" {
		return le.Field
	}
	var ie *InputError
	if errors.As(err, &ie) && ie.Err != nil {
		err = ie.Err
	} else if le != nil && le.Err != nil {
		err = le.Err
	}
	for { // down to the innermost sentinel
		u, ok := err.(interface{ Unwrap() error })
		if !ok || u.Unwrap() == nil {
			break
		}
		err = u.Unwrap()
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok && len(j.Unwrap()) > 0 {
		return kindOf(j.Unwrap()[0])
	}
	return err.Error()
}

// Thousands writes n as a French reader reads a count: groups of three
// digits set apart by a space, "1 000 000".
func Thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}
