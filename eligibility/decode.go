package eligibility

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

	"github.com/sunes-spec/sunes/forfait"
)

// ErrSyntax: an application file that is not JSON.
var ErrSyntax = errors.New("eligibility: not JSON")

// SyntaxError locates the first place an application file stops being
// JSON, by line and column (from 1); it unwraps to ErrSyntax.
type SyntaxError struct {
	Line, Column int
	Msg          string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: not JSON: %s", e.Line, e.Column, e.Msg)
}

func (e *SyntaxError) Unwrap() error { return ErrSyntax }

// DecodeApplication reads an application as filed in oSIS (§5, §6.1) from
// JSON and checks it (Application.Validate), reporting every problem at
// once, each a *forfait.InputError naming its JSON path
// ("establishment.finess_geographique", "domains[1]"): a value of the wrong
// type or form, an unknown field, and the missing or invalid fields
// Validate finds. Text values may also be given as numbers ("window": 1 as
// "window": "1"). A file that is not JSON is one *SyntaxError.
func DecodeApplication(data []byte) (Application, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return Application{}, syntaxError(data, err)
	}
	if dec.More() {
		line, col := position(data, int(dec.InputOffset()))
		return Application{}, &SyntaxError{Line: line, Column: col, Msg: "more than one JSON value"}
	}
	var a Application
	var errs []error
	decodeValue("", tree, reflect.ValueOf(&a).Elem(), &errs)
	if len(errs) > 0 {
		return Application{}, errors.Join(errs...)
	}
	if err := a.Validate(); err != nil {
		return Application{}, err
	}
	return a, nil
}

func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	offset := len(data)
	if errors.As(err, &se) {
		offset = int(se.Offset)
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

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// decodeValue stores the decoded JSON value j at path into v, adding one
// error per problem to errs.
func decodeValue(path string, j any, v reflect.Value, errs *[]error) {
	bad := func(reason string, err error) {
		*errs = append(*errs, &forfait.InputError{Field: pathOr(path), Value: describe(j), Reason: reason, Err: err})
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
			bad("want a string", ErrInvalidApplication)
			return
		}
		if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(text)); err != nil {
			var ie *forfait.InputError
			if errors.As(err, &ie) { // the value's own problem, at its path
				*errs = append(*errs, &forfait.InputError{Field: pathOr(path), Value: ie.Value, Reason: ie.Reason, Err: ie.Err})
				return
			}
			bad("", err)
		}
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		b, ok := j.(bool)
		if !ok {
			bad("want true or false", ErrInvalidApplication)
			return
		}
		v.SetBool(b)
	case reflect.Int:
		n, ok := j.(json.Number)
		i, err := strconv.ParseInt(string(n), 10, 0)
		if !ok || err != nil {
			bad("want a whole number", ErrInvalidApplication)
			return
		}
		v.SetInt(i)
	case reflect.String:
		s, ok := j.(string)
		if !ok {
			bad("want a string", ErrInvalidApplication)
			return
		}
		v.SetString(s)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		decodeValue(path, j, p.Elem(), errs)
		v.Set(p)
	case reflect.Slice:
		items, ok := j.([]any)
		if !ok {
			bad("want a list", ErrInvalidApplication)
			return
		}
		s := reflect.MakeSlice(v.Type(), len(items), len(items))
		for i, item := range items {
			decodeValue(path+"["+strconv.Itoa(i)+"]", item, s.Index(i), errs)
		}
		v.Set(s)
	case reflect.Struct:
		obj, ok := j.(map[string]any)
		if !ok {
			bad("want an object", ErrInvalidApplication)
			return
		}
		decodeObject(path, obj, v, errs)
	default:
		bad("cannot be read", ErrInvalidApplication)
	}
}

// decodeObject decodes the fields of obj into the struct v, by their JSON
// names, and reports the keys v has no field for.
func decodeObject(path string, obj map[string]any, v reflect.Value, errs *[]error) {
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
			decodeValue(join(path, name), j, v.Field(i), errs)
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
		*errs = append(*errs, &forfait.InputError{Field: join(path, k), Value: describe(obj[k]), Reason: "unknown field", Err: ErrInvalidApplication})
	}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func pathOr(path string) string {
	if path == "" {
		return "application"
	}
	return path
}

// describe renders a decoded JSON value for a message, cut short.
func describe(j any) string {
	data, err := json.Marshal(j)
	if err != nil {
		return fmt.Sprint(j)
	}
	const most = 40
	if s := []rune(string(data)); len(s) > most {
		return string(s[:most]) + "…"
	}
	return string(data)
}
