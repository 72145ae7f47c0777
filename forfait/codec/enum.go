package codec

import (
	"strconv"
	"strings"
)

// Enum is the text form of a typed-int enum whose valid values are 1 to
// len(Names)-1, with one behaviour for every enum of the module, after
// time.Month and netip.Addr:
//
//   - String prints a valid value's name, "unset" for the zero value and
//     "invalid <kind> n" for another invalid one, so that a bad value
//     still prints;
//   - Parse reads a name and nothing else ("" is an error);
//   - Marshal writes the name, the zero value as "" (no value), and
//     refuses another invalid value;
//   - Unmarshal reads what Marshal writes: a name, or "" for the zero
//     value.
//
// Errors are *InputError naming Kind as the field and wrapping Err.
type Enum[T ~uint8] struct {
	// Kind says what a value is, "domain", "window": the field of the
	// errors and the word of "invalid domain 7".
	Kind string
	// Names[v] is the text form of v; Names[0] is not used.
	Names []string
	// Labels, when set, are what String prints instead of Names
	// ("awaiting targets" for the name "awaiting").
	Labels []string
	// Err is the sentinel of a value or a text that is not one.
	Err error
}

// Valid reports whether v is one of the enum's values.
func (e *Enum[T]) Valid(v T) bool { return v >= 1 && int(v) < len(e.Names) }

// String returns v's name (or label), "unset" for the zero value and
// "invalid <kind> n" for another invalid value.
func (e *Enum[T]) String(v T) string {
	switch {
	case v == 0:
		return "unset"
	case !e.Valid(v):
		return "invalid " + e.Kind + " " + strconv.Itoa(int(v))
	case e.Labels != nil:
		return e.Labels[v]
	}
	return e.Names[v]
}

// enumValue is the value a French problem shows for s when s is an enum's
// String of a value that is none of its names: nothing for "unset", the
// number of "invalid window 7"; s itself otherwise. The English words
// stay out of a French message.
func enumValue(s string) string {
	if s == "unset" {
		return ""
	}
	if rest, ok := strings.CutPrefix(s, "invalid "); ok {
		if _, n, ok := strings.Cut(rest, " "); ok {
			if _, err := strconv.Atoi(n); err == nil {
				return n
			}
		}
	}
	return s
}

// Parse reads a name.
func (e *Enum[T]) Parse(s string) (T, error) {
	for v := 1; v < len(e.Names); v++ {
		if e.Names[v] == s {
			return T(v), nil
		}
	}
	return 0, &InputError{Field: e.Kind, Value: strconv.Quote(s), Reason: e.want(), Err: e.Err}
}

// want says which names are wanted: "want DS1, DS2 or DS3", "attendu :
// « DS1 », « DS2 » ou « DS3 »" (the names are codes, quoted in French).
func (e *Enum[T]) want() Text {
	names := e.Names[1:]
	if len(names) == 1 {
		return Text{"attendu : « " + names[0] + " »", "want " + names[0]}
	}
	last := len(names) - 1
	return Text{
		French:  "attendu : « " + strings.Join(names[:last], " », « ") + " » ou « " + names[last] + " »",
		English: "want " + strings.Join(names[:last], ", ") + " or " + names[last],
	}
}

// Marshal returns v's name, "" for the zero value; another invalid value
// is an error.
func (e *Enum[T]) Marshal(v T) ([]byte, error) {
	switch {
	case v == 0:
		return []byte{}, nil
	case !e.Valid(v):
		return nil, &InputError{Field: e.Kind, Value: e.String(v), Err: e.Err}
	}
	return []byte(e.Names[v]), nil
}

// Unmarshal stores in v the value whose name is text, the zero value for
// ""; v is unchanged on error.
func (e *Enum[T]) Unmarshal(text []byte, v *T) error {
	if len(text) == 0 {
		*v = 0
		return nil
	}
	x, err := e.Parse(string(text))
	if err != nil {
		return err
	}
	*v = x
	return nil
}
