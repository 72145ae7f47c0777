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
// and reports every problem at once, each an *InputError at its Path
// (establishment.region, requests[2].window) and wrapping invalid
// for a value of the wrong type or an unknown field, or the error of the
// field's own UnmarshalText (FINESS, dates, windows, variants…). Text
// values may also be given as numbers ("window": 1). Input that is not one
// JSON document is one *SyntaxError.
func DecodeJSON(data []byte, v any, invalid error) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return syntaxError(data, err)
	}
	if dec.More() {
		line, col := position(data, int(dec.InputOffset()))
		return &SyntaxError{Line: line, Column: col, Msg: "more than one JSON value"}
	}
	var errs []error
	d := decoder{invalid: invalid, errs: &errs}
	d.value(nil, tree, reflect.ValueOf(v).Elem())
	return errors.Join(errs...)
}

// decoder decodes a JSON tree into Go values, collecting problems.
type decoder struct {
	invalid error
	errs    *[]error
}

func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	offset := len(data)
	if errors.As(err, &se) {
		offset = int(se.Offset) - 1 // Offset counts the bytes read, the faulty one included
	}
	line, col := position(data, offset)
	return &SyntaxError{Line: line, Column: col, Msg: err.Error()}
}

// position turns a byte offset into a line and a column, from 1.
func position(data []byte, offset int) (line, col int) {
	offset = min(offset, len(data))
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
	bad := func(reason string, err error) {
		*d.errs = append(*d.errs, &InputError{Path: pathOr(path), Value: describe(j), Reason: reason, Err: err})
	}
	if j == nil {
		v.Set(reflect.Zero(v.Type()))
		return
	}
	if v.Kind() != reflect.Pointer && reflect.PointerTo(v.Type()).Implements(textUnmarshaler) {
		var text string
		switch x := j.(type) {
		case string:
			text = x
		case json.Number:
			text = x.String()
		default:
			bad(wantString, d.invalid)
			return
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(text)); err != nil {
			var ie *InputError
			if errors.As(err, &ie) { // the value's own problem, at its path
				*d.errs = append(*d.errs, &InputError{Path: pathOr(path), Value: ie.Value, Reason: ie.Reason, Err: ie.Err})
				return
			}
			if v.Type() == reflect.TypeFor[decimal.Decimal]() {
				bad(wantNumber, d.invalid) // shopspring's own text names Go, not the input
				return
			}
			bad("", err)
		}
		return
	}
	if opaque(v.Type()) {
		data, _ := json.Marshal(j)
		if err := v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(data); err != nil {
			var ie *InputError
			if errors.As(err, &ie) {
				*d.errs = append(*d.errs, ie.In(path...))
				return
			}
			bad("", err)
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
				*d.errs = append(*d.errs, &InputError{Path: at(path, Key(k)), Value: strconv.Quote(k), Reason: notKey, Err: d.invalid})
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
		i, err := strconv.ParseInt(string(n), 10, 64)
		if !ok || err != nil {
			bad(wantWhole, d.invalid)
			return
		}
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

// object decodes the fields of obj into the struct v, by their JSON names,
// and reports the keys v has no field for.
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
		if j, ok := obj[name]; ok {
			d.value(at(path, Name(name)), j, v.Field(i))
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
		*d.errs = append(*d.errs, &InputError{Path: unknownPath(path, k), Value: describe(obj[k]), Reason: notField, Err: d.invalid})
	}
}

// at is path and one more step, in a new slice: sibling paths never share
// an array.
func at(path Path, s Step) Path { return append(path[:len(path):len(path)], s) }

// unknownPath is the path of an unknown field k: path.k when k is a plain
// name, path["k"] when a dot, a bracket or a quote would make path.k
// ambiguous.
func unknownPath(path Path, k string) Path {
	if k == "" || strings.ContainsAny(k, `.[]"`) {
		return at(path, Key(k))
	}
	return at(path, Name(k))
}

// pathOr is path, or "application" for the document itself.
func pathOr(path Path) Path {
	if len(path) == 0 {
		return Path{Name("application")}
	}
	return path
}

// describe renders a decoded JSON value for a message, cut short.
func describe(j any) string {
	data, err := json.Marshal(j)
	if err != nil {
		return fmt.Sprint(j)
	}
	return Clip(string(data))
}
