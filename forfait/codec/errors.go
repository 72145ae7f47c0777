package codec

import (
	"strconv"
	"strings"
)

// InputError is one problem with an input or a parameter: where it is,
// which value, and why. It unwraps to its sentinel Err. It is the one
// error shape of the module (window.InputError and forfait.InputError are
// this type): window, forfait, indicator, eligibility, envelope,
// settlement and audit report a bad input with it, each with its own
// sentinels, so a caller handles them alike with errors.As.
type InputError struct {
	// Path is where Field sits in a nested input (the third request:
	// requests[2]); empty for a field at the top.
	Path Path
	// Field is the field, e.g. "window", "domain"; a rule-set parameter
	// may name a nested one in the text form of a path,
	// "bands[C].amounts[DS1].max".
	Field string
	Value string // the offending value, as text
	// Reason is an optional detail beyond Err, in both languages: Error
	// gives the English one, Messages the French one.
	Reason Text
	Err    error // the sentinel
}

func (e *InputError) Error() string {
	msg := e.Err.Error() + ": " + e.Where() + " = " + e.Value
	if e.Reason.English != "" {
		msg += " (" + e.Reason.English + ")"
	}
	return msg
}

func (e *InputError) Unwrap() error { return e.Err }

// Where is the location of the problem as text: Path then Field,
// "requests[2].window"; "the document" when it names neither, for a
// problem with a whole input (a list where an object is wanted).
func (e *InputError) Where() string {
	p := e.Path.String()
	switch {
	case p == "" && e.Field == "":
		return "the document"
	case p == "":
		return e.Field
	case e.Field == "" || e.Field[0] == '[':
		return p + e.Field
	}
	return p + "." + e.Field
}

// Pointer is the location of the problem as a JSON pointer (RFC 6901):
// "/requests/2/window"; "" when the error names no location.
func (e *InputError) Pointer() string {
	return e.Path.Pointer() + fieldPath(e.Field).Pointer()
}

// In returns a copy of e located under the path p: what a function
// reports about the part of an input it was given, its caller reports
// under that part's path.
func (e *InputError) In(p ...Step) *InputError {
	c := *e
	c.Path = append(append(Path{}, p...), e.Path...)
	return &c
}

// Path locates a value in a nested input: the names of fields, the
// indexes of lists and the keys of maps, outermost first.
type Path []Step

// Step is one step of a Path: a field's name, a list's index or a map's
// key. Build it with Name, Index or Key.
type Step struct {
	text  string
	index int
	kind  stepKind
}

type stepKind uint8

const (
	nameStep stepKind = iota
	indexStep
	keyStep
)

// Name is the step into the field name.
func Name(name string) Step { return Step{text: name} }

// Index is the step to the list item i, from 0.
func Index(i int) Step { return Step{index: i, kind: indexStep} }

// Key is the step to the map value of key k.
func Key(k string) Step { return Step{text: k, kind: keyStep} }

// String renders p as the module's messages write a path: names joined
// by dots, indexes in brackets, keys quoted in brackets, for they may hold
// dots: `requests[2].window`, `files["payments.csv"]`.
func (p Path) String() string {
	var b strings.Builder
	for _, s := range p {
		switch s.kind {
		case indexStep:
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
		case keyStep:
			b.WriteString("[" + strconv.Quote(s.text) + "]")
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.text)
		}
	}
	return b.String()
}

// pointerEscaper escapes a step of a JSON pointer (RFC 6901).
var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

// Pointer renders p as a JSON pointer (RFC 6901): "/requests/2/window",
// "/files/payments.csv"; "" for the empty path.
func (p Path) Pointer() string {
	var b strings.Builder
	for _, s := range p {
		b.WriteByte('/')
		if s.kind == indexStep {
			b.WriteString(strconv.Itoa(s.index))
			continue
		}
		b.WriteString(pointerEscaper.Replace(s.text))
	}
	return b.String()
}

// fieldPath reads a Field written as the text form of a path
// ("bands[C].amounts[DS1].max", `files["payments.csv"]`) into its steps; a plain
// name is one step. Bracketed parts become keys, numeric ones indexes.
func fieldPath(f string) Path {
	var p Path
	for f != "" {
		switch {
		case f[0] == '.':
			f = f[1:]
		case strings.HasPrefix(f, `["`):
			q, err := strconv.QuotedPrefix(f[1:])
			if err != nil {
				return append(p, Key(f[1:]))
			}
			k, _ := strconv.Unquote(q)
			p = append(p, Key(k))
			f = strings.TrimPrefix(f[1+len(q):], "]")
		case f[0] == '[':
			end := strings.IndexByte(f, ']')
			if end < 0 { // no closing bracket: the rest is one step
				return append(p, Key(f[1:]))
			}
			if i, err := strconv.Atoi(f[1:end]); err == nil && i >= 0 {
				p = append(p, Index(i))
			} else {
				p = append(p, Key(f[1:end]))
			}
			f = f[end+1:]
		default:
			end := strings.IndexAny(f, ".[")
			if end < 0 {
				end = len(f)
			}
			p = append(p, Name(f[:end]))
			f = f[end:]
		}
	}
	return p
}
