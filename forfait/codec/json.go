package codec

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// ErrSyntax: input that is not JSON.
var ErrSyntax = NewSentinel("not JSON", "n'est pas un document JSON lisible")

// SyntaxError locates the first place an input stops being JSON, by line
// and column (from 1); it unwraps to ErrSyntax.
type SyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: not JSON: %s", e.Line, e.Column, e.Msg)
}

func (e *SyntaxError) Unwrap() error { return ErrSyntax }

// DecodeJSON reads the JSON document data into the struct v (a pointer)
// and reports every problem at once (the first 50, then how many more),
// each an *InputError at its Path (establishment.region,
// requests[2].window) and wrapping invalid for a value of the wrong type,
// an unknown field, a key given twice, a null, a field tagged
// `codec:"required"` that is absent, or a number beyond the
// module's bounds; or the error of the field's own UnmarshalText (FINESS,
// dates, windows, variants…). Text values may also be given as numbers
// ("window": 1). Input that is not one JSON document is one *SyntaxError.
//
// # Bounds
//
// Every number read, decimal or whole, is written in plain notation with
// at most 12 digits before its point and 12 after: below 10^12, far
// beyond any activity count, combined activity or amount in euros the
// rules know, and small enough that no arithmetic on it can exhaust
// memory. "1e5", a 400-digit figure and 1e400 are refused here, where the
// reader learns where they are. Objects and lists nest at most 64 deep.
func DecodeJSON(data []byte, v any, invalid error) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	d := decoder{invalid: invalid, errs: &Report{}}
	tree, err := d.tree(dec, nil, 0)
	if err != nil {
		return syntaxError(data, dec, err)
	}
	end := int(dec.InputOffset())
	if rest := bytes.TrimLeft(data[end:], " \t\r\n"); len(rest) > 0 {
		line, col := position(data, len(data)-len(rest))
		return &SyntaxError{Line: line, Column: col, Msg: "more than one JSON value"}
	}
	d.value(nil, tree, reflect.ValueOf(v).Elem())
	return d.errs.Err()
}

// Bounds of the numbers DecodeJSON reads (see its Bounds section).
const (
	maxWholeDigits    = 12 // below 10^12
	maxFractionDigits = 12
	maxDepth          = 64
)

// errDepth stops a document nested beyond maxDepth.
var errDepth = errors.New("nested more than " + strconv.Itoa(maxDepth) + " deep")

// tree reads one JSON value from dec as encoding/json would into an any
// (numbers as json.Number), reporting a key given twice in an object at
// its path; the first one is kept.
func (d decoder) tree(dec *json.Decoder, path Path, depth int) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	delim, ok := tok.(json.Delim)
	if !ok {
		return tok, nil
	}
	if depth == maxDepth {
		return nil, errDepth
	}
	if delim == '[' {
		list := []any{}
		for i := 0; dec.More(); i++ {
			item, err := d.tree(dec, at(path, Index(i)), depth+1)
			if err != nil {
				return nil, err
			}
			list = append(list, item)
		}
		_, err := dec.Token() // ]
		return list, err
	}
	obj := map[string]any{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k, _ := tok.(string) // the decoder yields only string keys
		item, err := d.tree(dec, memberPath(path, k), depth+1)
		if err != nil {
			return nil, err
		}
		if _, twice := obj[k]; twice {
			d.errs.Add(&InputError{Path: memberPath(path, k), Value: describe(item), Reason: givenTwice, Err: d.invalid})
			continue
		}
		obj[k] = item
	}
	_, err = dec.Token() // }
	return obj, err
}

// decoder decodes a JSON tree into Go values, collecting problems.
type decoder struct {
	invalid error
	errs    *Report
}

// syntaxError locates err, the error met reading data's tokens. A syntax
// error is located as encoding/json's Decode does.
func syntaxError(data []byte, dec *json.Decoder, err error) error {
	offset, msg := len(data), err.Error()
	if err == errDepth {
		offset = int(dec.InputOffset())
	} else {
		var tree any
		err = json.Unmarshal(data, &tree)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			offset, msg = int(se.Offset)-1, err.Error() // Offset counts the bytes read, the faulty one included
		} else {
			msg = "unexpected end of input"
		}
	}
	line, col := position(data, offset)
	return &SyntaxError{Line: line, Column: col, Msg: msg}
}

// position turns a byte offset into a line and a column, from 1.
func position(data []byte, offset int) (line, col int) {
	offset = max(0, min(offset, len(data)))
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	return line, offset - bytes.LastIndexByte(before, '\n')
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
)

// opaque reports whether t is a struct whose fields are hidden: it decodes
// itself (json.Unmarshaler), as indicator.Rate does.
func opaque(t reflect.Type) bool {
	if t.Kind() != reflect.Struct || !reflect.PointerTo(t).Implements(jsonUnmarshaler) {
		return false
	}
	for i := range t.NumField() {
		if t.Field(i).IsExported() {
			return false
		}
	}
	return true
}

// value stores the decoded JSON value j at path into v, adding one error
// per problem to errs.
func (d decoder) value(path Path, j any, v reflect.Value) {
	bad := func(reason Text, err error) {
		d.errs.Add(&InputError{Path: path, Value: describe(j), Reason: reason, Err: err})
	}
	if j == nil {
		bad(notNull, d.invalid)
		return
	}
	if v.Type() == decimalType {
		text, ok := numberText(j)
		if !ok {
			bad(wantNumber, d.invalid)
			return
		}
		if reason := numberProblem(text); reason != (Text{}) {
			bad(reason, d.invalid)
			return
		}
		v.Set(reflect.ValueOf(decimal.RequireFromString(text)))
		return
	}
	if v.Kind() != reflect.Pointer && reflect.PointerTo(v.Type()).Implements(textUnmarshaler) {
		text, ok := numberText(j)
		if s, isString := j.(string); isString {
			text, ok = s, true
		}
		if !ok {
			bad(wantString, d.invalid)
			return
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(text)); err != nil {
			var ie *InputError
			if errors.As(err, &ie) { // the value's own problem, at its path, with the value given
				d.errs.Add(&InputError{Path: path, Value: describe(j), Reason: ie.Reason, Err: ie.Err})
				return
			}
			if v.Type() == reflect.TypeFor[decimal.Decimal]() {
				bad(wantNumber, d.invalid) // shopspring's own text names Go, not the input
				return
			}
			bad(Text{}, err)
		}
		return
	}
	if opaque(v.Type()) {
		data, _ := json.Marshal(j)
		if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(data); err != nil {
			var ie *InputError
			var te *json.UnmarshalTypeError
			switch {
			case errors.As(err, &ie):
				d.errs.Add(ie.In(path...))
			case errors.As(err, &te): // a field of the wrong type, said in the request's terms
				d.errs.Add(&InputError{Path: append(path[:len(path):len(path)], fieldPath(te.Field)...), Value: te.Value, Reason: want(te.Type), Err: d.invalid})
			default:
				bad(wantUnknown, d.invalid)
			}
		}
		return
	}
	switch v.Kind() {
	case reflect.Map:
		obj, ok := j.(map[string]any)
		kt := v.Type().Key()
		if !ok || kt.Kind() != reflect.String && !reflect.PointerTo(kt).Implements(textUnmarshaler) {
			bad(wantObject, d.invalid)
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), len(obj))
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			key := reflect.New(kt).Elem()
			if kt.Kind() == reflect.String && !reflect.PointerTo(kt).Implements(textUnmarshaler) {
				key.SetString(k)
			} else if err := key.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(k)); err != nil {
				d.errs.Add(&InputError{Path: at(path, Key(k)), Value: strconv.Quote(k), Reason: notKey, Err: d.invalid})
				continue
			}
			val := reflect.New(v.Type().Elem()).Elem()
			d.value(at(path, Key(k)), obj[k], val)
			m.SetMapIndex(key, val)
		}
		v.Set(m)
	case reflect.Bool:
		b, ok := j.(bool)
		if !ok {
			bad(wantBool, d.invalid)
			return
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int64:
		n, ok := j.(json.Number)
		if !ok || !wholeNumber(string(n)) {
			bad(wantWhole, d.invalid)
			return
		}
		if reason := numberProblem(string(n)); reason != (Text{}) {
			bad(reason, d.invalid)
			return
		}
		i, _ := strconv.ParseInt(string(n), 10, 64) // 12 digits at most: it fits
		v.SetInt(i)
	case reflect.String:
		s, ok := j.(string)
		if !ok {
			bad(wantString, d.invalid)
			return
		}
		v.SetString(s)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		d.value(path, j, p.Elem())
		v.Set(p)
	case reflect.Slice:
		items, ok := j.([]any)
		if !ok {
			bad(wantList, d.invalid)
			return
		}
		s := reflect.MakeSlice(v.Type(), len(items), len(items))
		for i, item := range items {
			d.value(at(path, Index(i)), item, s.Index(i))
		}
		v.Set(s)
	case reflect.Struct:
		obj, ok := j.(map[string]any)
		if !ok {
			bad(wantObject, d.invalid)
			return
		}
		d.object(path, obj, v)
	default:
		bad(wantUnknown, d.invalid)
	}
}

// numberText is the text of a JSON number, or of a string that may hold
// one.
func numberText(j any) (string, bool) {
	switch x := j.(type) {
	case json.Number:
		return x.String(), true
	case string:
		return x, true
	}
	return "", false
}

// wholeNumber reports whether s is an optional minus sign and digits.
func wholeNumber(s string) bool {
	s = strings.TrimPrefix(s, "-")
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// numberProblem says why s is not a number DecodeJSON accepts (plain
// notation within its bounds), or nothing.
func numberProblem(s string) Text {
	whole, frac, point := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	switch {
	case !wholeNumber(whole) || point && !wholeNumber(frac) || strings.HasPrefix(frac, "-"):
		return wantPlain
	case len(strings.TrimLeft(whole, "0")) > maxWholeDigits:
		return beyondWhole
	case len(frac) > maxFractionDigits:
		return beyondFraction
	}
	return Text{}
}

// want says what a JSON value of type t is.
func want(t reflect.Type) Text {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return wantWhole
	case reflect.String:
		return wantString
	case reflect.Bool:
		return wantBool
	case reflect.Slice, reflect.Array:
		return wantList
	}
	return wantObject
}

// object decodes the fields of obj into the struct v, by their JSON names,
// and reports the keys v has no field for and the required fields it
// lacks.
func (d decoder) object(path Path, obj map[string]any, v reflect.Value) {
	known := map[string]bool{}
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" || name == "" {
			continue
		}
		known[name] = true
		j, ok := obj[name]
		switch {
		case ok:
			d.value(at(path, Name(name)), j, v.Field(i))
		case f.Tag.Get("codec") == "required":
			reason := required
			if k := f.Type.Kind(); f.Type == decimalType || k == reflect.Int || k == reflect.Int64 {
				reason = requiredFigure
			}
			d.errs.Add(&InputError{Path: at(path, Name(name)), Value: "absent", Reason: reason, Err: d.invalid})
		}
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		if !known[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		d.errs.Add(&InputError{Path: memberPath(path, k), Value: describe(obj[k]), Reason: notField, Err: d.invalid})
	}
}

// at is path and one more step, in a new slice: sibling paths never share
// an array.
func at(path Path, s Step) Path { return append(path[:len(path):len(path)], s) }

// memberPath is the path of member k of an object read before its type is
// known (a key given twice, an unknown field): path.k when k is a plain
// name, path["k"] when a dot, a bracket or a quote would make path.k
// ambiguous.
func memberPath(path Path, k string) Path {
	if k == "" || strings.ContainsAny(k, `.[]"`) {
		return at(path, Key(k))
	}
	return at(path, Name(k))
}

// describe renders a decoded JSON value for a message, cut short.
func describe(j any) string {
	data, err := json.Marshal(j)
	if err != nil {
		return fmt.Sprint(j)
	}
	return Clip(string(data))
}
