package codec

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"

	"github.com/shopspring/decimal"
)

var decimalType = reflect.TypeFor[decimal.Decimal]()

// MarshalAmounts encodes the struct v as encoding/json would (field names
// from json tags or the Go names, omitempty honoured, embedded structs
// flattened) but with every decimal.Decimal field, and every array or
// slice of them, as strings written by format (forfait.Format: plain
// notation, whatever shopspring's package-level settings): the MarshalJSON
// of the module's types holding amounts. encoding/json decodes the result
// back, decimals accepting strings.
func MarshalAmounts(v any, format func(decimal.Decimal) string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	if err := appendFields(&b, reflect.ValueOf(v), format); err != nil {
		return nil, err
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func appendFields(b *bytes.Buffer, v reflect.Value, format func(decimal.Decimal) string) error {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		fv := v.Field(i)
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			// An embedded struct's exported fields are promoted, as
			// encoding/json does, even when its type is unexported.
			if err := appendFields(b, fv, format); err != nil {
				return err
			}
			continue
		}
		if !f.IsExported() || name == "-" {
			continue
		}
		if strings.Contains(opts, "omitempty") && fv.IsZero() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		key, _ := json.Marshal(name)
		b.Write(key)
		b.WriteByte(':')
		if f.Type == decimalType {
			val, _ := json.Marshal(format(fv.Interface().(decimal.Decimal)))
			b.Write(val)
			continue
		}
		if k := f.Type.Kind(); (k == reflect.Array || k == reflect.Slice) && f.Type.Elem() == decimalType {
			texts := make([]string, fv.Len())
			for j := range texts {
				texts[j] = format(fv.Index(j).Interface().(decimal.Decimal))
			}
			val, _ := json.Marshal(texts)
			b.Write(val)
			continue
		}
		val, err := json.Marshal(fv.Interface())
		if err != nil {
			return err
		}
		b.Write(val)
	}
	return nil
}
