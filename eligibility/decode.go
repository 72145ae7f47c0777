package eligibility

import (
	"errors"
	"strings"

	"github.com/sunes-spec/sunes/forfait/codec"
)

// DecodeApplication reads an application as filed (§5, §6.1) from
// JSON and checks it (Application.Validate), reporting every problem at
// once, each a *forfait.InputError at its JSON path
// (establishment.finess_geographique, domains[1]; its Where and Pointer
// methods give it): a value of the wrong
// type or form, an unknown field, and the missing or invalid fields
// Validate finds. Text values may also be given as numbers ("window": 1 as
// "window": "1"). A file that is not JSON is one *codec.SyntaxError. The file
// is text as a person's editor saves it (codec.DecodeText): UTF-8 with or
// without a byte-order mark, UTF-16 with one, or Windows-1252, found on
// the whole file; a file mixing encodings is an error wrapping
// codec.ErrEncoding. The problems are bounded: the first
// codec.MaxProblems, then one counting the rest per kind.
func DecodeApplication(data []byte) (Application, error) {
	text, _, err := codec.DecodeText(data, codec.DetectEncoding)
	if err != nil {
		return Application{}, err
	}
	return decode(text)
}

// UnmarshalJSON reads an application as DecodeApplication does from
// UTF-8: every figure and date required, every problem reported at once,
// the application checked (Validate). On error a is left unchanged.
func (a *Application) UnmarshalJSON(data []byte) error {
	got, err := decode(data)
	if err != nil {
		return err
	}
	*a = got
	return nil
}

// decode reads and checks an application from JSON text: the one reader
// behind DecodeApplication and UnmarshalJSON.
//
// A document that is JSON but holds problems is still checked: Validate
// runs on what was read, and its problems join the decoder's, but for
// the places the decoder already reports (a date not read is not also
// "required"), so that one pass says everything; when the decoder's
// problems are already beyond the bound, they are all that is said.
func decode(text []byte) (Application, error) {
	var a Application
	err := codec.DecodeJSON(text, &a, ErrInvalidApplication)
	var syntax *codec.SyntaxError
	if errors.As(err, &syntax) {
		return Application{}, err
	}
	problems := codec.Leaves(err)
	places := map[string]bool{}
	for _, p := range problems {
		if ie := (*codec.InputError)(nil); errors.As(p, &ie) {
			places[ie.Where()] = true
		}
		if tm := (*codec.TooManyError)(nil); errors.As(p, &tm) {
			return Application{}, err // already more than a reader can take
		}
	}
	// reported tells whether the decoder reports place or a place holding it.
	reported := func(place string) bool {
		for {
			if places[place] {
				return true
			}
			i := strings.LastIndexAny(place, ".[")
			if i < 0 {
				return false
			}
			place = place[:i]
		}
	}
	for _, p := range codec.Leaves(a.Validate()) {
		if ie := (*codec.InputError)(nil); !errors.As(p, &ie) || !reported(ie.Where()) {
			problems = append(problems, p)
		}
	}
	if len(problems) > 0 {
		return Application{}, codec.Bound(errors.Join(problems...))
	}
	return a, nil
}
