package eligibility_test

import (
	"encoding"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
)

// TestInputLabels: every key a caller types in an application, its
// history included, has a label in French and English, so that a French
// reader of a problem reads the instruction's terms, never a JSON key.
func TestInputLabels(t *testing.T) {
	keys := inputKeys(reflect.TypeFor[eligibility.Application](), "", map[reflect.Type]bool{})
	for _, deep := range []string{ // the walk reaches the bottom of each branch
		"establishment.biology_lab.finess_juridique",
		"prerequisites.ps2_1_security.management_meetings_per_year",
		"ght_conditions.prerequisites.attested.ps3_2",
		"history.applications.domains.outcome",
	} {
		if !slices.Contains(keys, deep) {
			t.Errorf("the walk misses %s: %q", deep, keys)
		}
	}
	for _, path := range keys {
		key := path[strings.LastIndexByte(path, '.')+1:]
		l, ok := codec.FieldLabel(key)
		if !ok {
			t.Errorf("%s: no label for %q", path, key)
			continue
		}
		codectest.Check(t, path, l)
	}
}

// inputKeys returns the JSON paths of the keys of t's fields, depth
// first: through pointers, slices and nested structs, not into a value
// read from one text (a date, a window, a decimal, an enum).
func inputKeys(t reflect.Type, prefix string, seen map[reflect.Type]bool) []string {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t == reflect.TypeFor[decimal.Decimal]() ||
		reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) || seen[t] {
		return nil
	}
	seen[t] = true
	defer delete(seen, t)
	var keys []string
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if !f.IsExported() && !f.Anonymous || tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" { // an embedded struct's keys are its parent's
			keys = append(keys, inputKeys(f.Type, prefix, seen)...)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		keys = append(keys, prefix+name)
		keys = append(keys, inputKeys(f.Type, prefix+name+".", seen)...)
	}
	return keys
}
