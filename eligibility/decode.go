package eligibility

import "github.com/sunes-spec/sunes/forfait/codec"

// ErrSyntax: an application file that is not JSON.
var ErrSyntax = codec.ErrSyntax

// SyntaxError locates the first place an application file stops being
// JSON, by line and column (from 1); it unwraps to ErrSyntax.
type SyntaxError = codec.SyntaxError

// DecodeApplication reads an application as filed (§5, §6.1) from
// JSON and checks it (Application.Validate), reporting every problem at
// once, each a *forfait.InputError at its JSON path
// (establishment.finess_geographique, domains[1]; its Where and Pointer
// methods give it): a value of the wrong
// type or form, an unknown field, and the missing or invalid fields
// Validate finds. Text values may also be given as numbers ("window": 1 as
// "window": "1"). A file that is not JSON is one *SyntaxError. The file
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
	var a Application
	if err := codec.DecodeJSON(text, &a, ErrInvalidApplication); err != nil {
		return Application{}, codec.Bound(err)
	}
	if err := a.Validate(); err != nil {
		return Application{}, codec.Bound(err)
	}
	return a, nil
}
