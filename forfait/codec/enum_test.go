package codec_test

import (
	"encoding"
	"errors"
	"fmt"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

// enum is one typed-int enum of the module, seen through its methods.
type enum struct {
	kind     string // the word of "invalid <kind> n"
	n        int    // its valid values are 1 to n
	sentinel error
	// lenient: UnmarshalText accepts more than the text form (a region's
	// INSEE code, its name in any case).
	lenient   bool
	str       func(uint8) string
	marshal   func(uint8) ([]byte, error)
	unmarshal func(start uint8, text []byte) (uint8, error)
	// parse is the package's Parse, nil when it has none or when String
	// prints a label rather than the text form.
	parse func(string) (uint8, error)
}

type textEnum interface {
	~uint8
	fmt.Stringer
	encoding.TextMarshaler
}

func enumOf[T textEnum, P interface {
	*T
	encoding.TextUnmarshaler
}](kind string, n int, sentinel error, parse func(string) (T, error)) enum {
	e := enum{kind: kind, n: n, sentinel: sentinel,
		str:     func(v uint8) string { return T(v).String() },
		marshal: func(v uint8) ([]byte, error) { return T(v).MarshalText() },
		unmarshal: func(start uint8, text []byte) (uint8, error) {
			v := T(start)
			err := P(&v).UnmarshalText(text)
			return uint8(v), err
		},
	}
	if parse != nil {
		e.parse = func(s string) (uint8, error) { v, err := parse(s); return uint8(v), err }
	}
	return e
}

// enums lists every typed-int enum of the module.
func enums() []enum {
	region := enumOf[envelope.Region]("region", envelope.NumRegions, envelope.ErrUnknownRegion, nil)
	region.lenient = true
	return []enum{
		enumOf[forfait.Domain]("domain", forfait.NumDomains, forfait.ErrInvalidDomain, forfait.ParseDomain),
		enumOf[forfait.Category]("category", forfait.NumCategories, forfait.ErrInvalidCategory, forfait.ParseCategory),
		enumOf[window.Window]("window", window.Count, window.ErrInvalid, window.Parse),
		enumOf[window.Provenance]("provenance", 3, window.ErrInvalidSchedule, nil),
		enumOf[indicator.ID]("indicator", indicator.NumIDs, indicator.ErrInvalidID, indicator.ParseID),
		enumOf[eligibility.Status]("status", 2, eligibility.ErrInvalidApplication, nil),
		enumOf[eligibility.Kind]("kind", 3, eligibility.ErrInvalidApplication, nil),
		enumOf[eligibility.Outcome]("outcome", 4, eligibility.ErrInvalidApplication, nil),
		enumOf[settlement.Stage]("stage", 3, settlement.ErrInvalidDossier, nil),
		enumOf[envelope.Kind]("kind", 3, envelope.ErrInvalidNotification, nil),
		enumOf[envelope.Part]("part", 2, envelope.ErrInvalidDelegation, nil),
		enumOf[envelope.Volet]("volet", 2, envelope.ErrInvalidVolet, nil),
		enumOf[instruction.Kind]("kind", 2, instruction.ErrInvalidRegister, nil),
		enumOf[instruction.Status]("status", 3, instruction.ErrInvalidRegister, nil),
		enumOf[codec.Lang]("language", 2, codec.ErrInvalidLang, codec.ParseLang),
		region,
	}
}

// checkEnums: every enum behaves alike. A valid value prints, marshals and
// comes back (Parse(String) and UnmarshalText(MarshalText)); the zero value
// prints "unset", marshals as "" and "" reads back as it; another invalid
// value prints "invalid <kind> n" and does not marshal; any other text
// either reads as a value whose text it is, or fails with the enum's
// sentinel and leaves the value unchanged.
func checkEnums(t *rapid.T) {
	all := enums()
	e := all[rapid.IntRange(0, len(all)-1).Draw(t, "enum")]
	v := rapid.Uint8().Draw(t, "value")
	text, err := e.marshal(v)
	switch {
	case v == 0:
		if e.str(v) != "unset" || err != nil || len(text) != 0 {
			t.Fatalf("%s 0: String %q, MarshalText %q, %v", e.kind, e.str(v), text, err)
		}
		if back, err := e.unmarshal(1, nil); err != nil || back != 0 {
			t.Fatalf("%s: UnmarshalText(\"\") = %d, %v", e.kind, back, err)
		}
	case int(v) > e.n:
		if want := fmt.Sprintf("invalid %s %d", e.kind, v); e.str(v) != want {
			t.Fatalf("%s %d prints %q, want %q", e.kind, v, e.str(v), want)
		}
		if !errors.Is(err, e.sentinel) {
			t.Fatalf("%s %d: MarshalText error %v, want %v", e.kind, v, err, e.sentinel)
		}
	default:
		if s := e.str(v); s == "unset" || strings.HasPrefix(s, "invalid") || err != nil || len(text) == 0 {
			t.Fatalf("%s %d: String %q, MarshalText %q, %v", e.kind, v, s, text, err)
		}
		if back, err := e.unmarshal(0, text); err != nil || back != v {
			t.Fatalf("%s %d: UnmarshalText(%q) = %d, %v", e.kind, v, text, back, err)
		}
		if e.parse != nil {
			if back, err := e.parse(e.str(v)); err != nil || back != v {
				t.Fatalf("%s %d: Parse(%q) = %d, %v", e.kind, v, e.str(v), back, err)
			}
		}
	}
	if e.parse != nil {
		if _, err := e.parse(""); !errors.Is(err, e.sentinel) {
			t.Fatalf("%s: Parse(\"\") error %v", e.kind, err)
		}
	}
	s := rapid.String().Draw(t, "text")
	start := uint8(rapid.IntRange(1, e.n).Draw(t, "start"))
	got, err := e.unmarshal(start, []byte(s))
	switch {
	case err != nil:
		var ie *forfait.InputError
		if !errors.Is(err, e.sentinel) || !errors.As(err, &ie) || got != start {
			t.Fatalf("%s: UnmarshalText(%q) = %d, %v; want %v, the value unchanged", e.kind, s, got, err, e.sentinel)
		}
	case !e.lenient:
		if text, _ := e.marshal(got); string(text) != s {
			t.Fatalf("%s: UnmarshalText(%q) = %d, whose text is %q", e.kind, s, got, text)
		}
	}
}

func TestEnums(t *testing.T) { rapid.Check(t, checkEnums) }

func FuzzEnums(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkEnums)) }
