package codec_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/window"
)

var errTest = errors.New("test: invalid")

type inner struct {
	Amount decimal.Decimal `json:"amount"`
}

type jsonDoc struct {
	Name    string                    `json:"name"`
	Count   int64                     `json:"count"`
	Small   int                       `json:"small"`
	Ok      bool                      `json:"ok"`
	Window  window.Window             `json:"window"`
	Variant forfait.Variant           `json:"variant"`
	Items   []inner                   `json:"items"`
	Ptr     *inner                    `json:"ptr"`
	Map     map[string]window.Window  `json:"map"`
	Keys    map[forfait.Domain]string `json:"keys"`
	Skip    string                    `json:"-"`
}

func TestDecodeJSON(t *testing.T) {
	var got jsonDoc
	err := codec.DecodeJSON([]byte(`{"name": "x", "count": 12, "small": 3, "ok": true, "window": 2, "variant": "DS1+CRO",
		"items": [{"amount": "1.50"}, {"amount": 2}], "ptr": {"amount": "3"}, "map": {"a.b": "4"}, "keys": {"DS2": "bio"}}`), &got, errTest)
	if err != nil {
		t.Fatal(err)
	}
	want := jsonDoc{Name: "x", Count: 12, Small: 3, Ok: true, Window: window.W2, Variant: forfait.Variant{Domain: forfait.DS1, CRO: true},
		Items: []inner{{decimal.RequireFromString("1.5")}, {decimal.New(2, 0)}}, Ptr: &inner{decimal.New(3, 0)},
		Map: map[string]window.Window{"a.b": window.W4}, Keys: map[forfait.Domain]string{forfait.DS2: "bio"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("decoded (-want +got):\n%s", diff)
	}
}

func TestDecodeJSONProblems(t *testing.T) {
	var got jsonDoc
	err := codec.DecodeJSON([]byte(`{"name": 1, "count": "x", "small": 1.5, "ok": "yes", "window": 9, "variant": true,
		"items": {}, "ptr": [], "map": {"k": "7"}, "keys": {"DS9": "?"}, "extra": null, "a.b[": 1, "": 2}`), &got, errTest)
	var fields, pointers []string
	for _, e := range forfait.Problems(err) {
		var ie *codec.InputError
		if !errors.As(e, &ie) {
			t.Fatalf("untyped %v", e)
		}
		fields, pointers = append(fields, ie.Where()), append(pointers, ie.Pointer())
	}
	// Unknown fields that are not plain names are quoted, as map keys are.
	want := []string{"name", "count", "small", "ok", "window", "variant", "items", "ptr", `map["k"]`, `keys["DS9"]`, `[""]`, `["a.b["]`, "extra"}
	if diff := cmp.Diff(want, fields); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	wantPointers := []string{"/name", "/count", "/small", "/ok", "/window", "/variant", "/items", "/ptr", "/map/k", "/keys/DS9", "/", "/a.b[", "/extra"}
	if diff := cmp.Diff(wantPointers, pointers); diff != "" {
		t.Errorf("pointers (-want +got):\n%s", diff)
	}
	if !errors.Is(err, errTest) || !errors.Is(err, window.ErrInvalid) {
		t.Errorf("sentinels: %v", err)
	}
	for _, tt := range []struct {
		in        string
		line, col int
	}{{"{\n  \"name\": }", 2, 11}, {"{} {}", 1, 4}, {"", 1, 1}} {
		err := codec.DecodeJSON([]byte(tt.in), &got, errTest)
		var se *codec.SyntaxError
		if !errors.As(err, &se) || !errors.Is(err, codec.ErrSyntax) || se.Line != tt.line || se.Column != tt.col {
			t.Errorf("%q: %v (%+v), want line %d column %d", tt.in, err, se, tt.line, tt.col)
		}
	}
}

type withAmounts struct {
	inner
	Many  []decimal.Decimal `json:"many"`
	Fixed [2]decimal.Decimal
	Maybe decimal.Decimal `json:"maybe,omitempty"`
	Other string          `json:"-"`
	Label string
}

// TestMarshalAmounts: amounts as strings whatever shopspring's settings,
// embedded structs flattened, omitempty honoured, and back.
func TestMarshalAmounts(t *testing.T) {
	decimal.MarshalJSONWithoutQuotes = true
	defer func() { decimal.MarshalJSONWithoutQuotes = false }()
	v := withAmounts{inner: inner{decimal.RequireFromString("1.50")}, Many: []decimal.Decimal{decimal.New(2, 0)},
		Fixed: [2]decimal.Decimal{decimal.New(3, 0), decimal.New(-5, -2)}, Label: "x"}
	data, err := codec.MarshalAmounts(v, forfait.Format)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"amount":"1.5","many":["2"],"Fixed":["3","-0.05"],"Label":"x"}`
	if string(data) != want {
		t.Errorf("MarshalAmounts = %s, want %s", data, want)
	}
	var back withAmounts
	if err := json.Unmarshal(data, &back); err != nil || !back.Amount.Equal(v.Amount) || !back.Fixed[1].Equal(v.Fixed[1]) {
		t.Errorf("back %+v, %v", back, err)
	}
}

func TestFoldAndClip(t *testing.T) {
	for in, want := range map[string]string{
		"  Île-de-France ": "ile de france", "Provence-Alpes-Co\u0302te d\u2019Azur": "provence alpes cote d'azur",
		"LA  RÉUNION": "la reunion", "usld_days": "usld days", "Ñ ÿ": "n y",
	} {
		if got := codec.Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	if got := codec.Clip(strings.Repeat("é", 41)); got != strings.Repeat("é", 40)+"…" {
		t.Errorf("Clip = %q", got)
	}
	if got := codec.Clip("court"); got != "court" {
		t.Errorf("Clip(court) = %q", got)
	}
}

// TestPointer: an InputError's location as text and as a JSON pointer,
// from its structured Path and from a Field written as a path.
func TestPointer(t *testing.T) {
	for _, tt := range []struct {
		name        string
		err         codec.InputError
		where, want string
	}{
		{"structured", codec.InputError{Path: codec.Path{codec.Name("requests"), codec.Index(0)}, Field: "window"}, "requests[0].window", "/requests/0/window"},
		{"key", codec.InputError{Path: codec.Path{codec.Name("steps"), codec.Index(1), codec.Name("rates"), codec.Key("DS2.1")}, Field: "percent"},
			`steps[1].rates["DS2.1"].percent`, "/steps/1/rates/DS2.1/percent"},
		{"escaped", codec.InputError{Path: codec.Path{codec.Key("a/b~")}}, `["a/b~"]`, "/a~1b~0"},
		{"field path", codec.InputError{Field: `steps[1].rates["DS2.1"].percent`}, `steps[1].rates["DS2.1"].percent`, "/steps/1/rates/DS2.1/percent"},
		{"field under a path", codec.InputError{Path: codec.Path{codec.Name("rules")}, Field: "bands[C].amounts[DS1].max"}, "rules.bands[C].amounts[DS1].max", "/rules/bands/C/amounts/DS1/max"},
		{"index field", codec.InputError{Path: codec.Path{codec.Name("weights")}, Field: "[2]"}, "weights[2]", "/weights/2"},
		{"quote in a key", codec.InputError{Field: `x["a\"b"]`}, `x["a\"b"]`, `/x/a"b`},
		{"bracket in a key", codec.InputError{Field: `["0000["]`}, `["0000["]`, "/0000["},
		{"unbalanced", codec.InputError{Field: "a["}, "a[", "/a/"},
		{"the document", codec.InputError{}, "the document", ""},
	} {
		if got := tt.err.Where(); got != tt.where {
			t.Errorf("%s: Where = %s, want %s", tt.name, got, tt.where)
		}
		if got := tt.err.Pointer(); got != tt.want {
			t.Errorf("%s: Pointer = %s, want %s", tt.name, got, tt.want)
		}
	}
	inner := &codec.InputError{Path: codec.Path{codec.Name("establishment")}, Field: "region", Err: errTest}
	outer := inner.In(codec.Name("applications"), codec.Index(3))
	if outer.Pointer() != "/applications/3/establishment/region" || inner.Pointer() != "/establishment/region" || !errors.Is(outer, errTest) {
		t.Errorf("In: %s, %s", outer.Pointer(), inner.Pointer())
	}
}

type required struct {
	Count  int64           `json:"count" codec:"required"`
	Amount decimal.Decimal `json:"amount" codec:"required"`
	Note   string          `json:"note"`
}

type withRate struct {
	Rate opaqueRate `json:"rate"`
}

// opaqueRate decodes itself, as indicator.Rate does.
type opaqueRate struct{ n int64 }

func (r *opaqueRate) UnmarshalJSON(data []byte) error {
	var j struct {
		N int64 `json:"n"`
	}
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	r.n = j.N
	return nil
}

// TestDecodeJSONRefuses: a key given twice, a null, an absent required
// field, a number beyond the bounds or not in plain notation, a list for
// the document: each a located problem, none a silent zero.
func TestDecodeJSONRefuses(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		v        any
		pointers []string
		reason   string
	}{
		{"key twice", `{"name": "x", "ok": true, "name": "y"}`, &jsonDoc{}, []string{"/name"}, "given twice"},
		{"nested key twice", `{"items": [{"amount": "1", "amount": "2"}]}`, &jsonDoc{}, []string{"/items/0/amount"}, "given twice"},
		{"unknown key twice", `{"x": 1, "x": 2}`, &jsonDoc{}, []string{"/x", "/x"}, ""},
		{"null", `{"count": null, "ptr": null, "items": [null]}`, &jsonDoc{}, []string{"/count", "/items/0", "/ptr"}, "null"},
		{"absent", `{"note": "n"}`, &required{}, []string{"/count", "/amount"}, "absent figure is not zero"},
		{"exponent", `{"count": 1, "amount": "1e5"}`, &required{}, []string{"/amount"}, "plain notation"},
		{"number exponent", `{"count": 1, "amount": 1e400}`, &required{}, []string{"/amount"}, "plain notation"},
		{"400 digits", `{"count": 1, "amount": "` + strings.Repeat("9", 400) + `"}`, &required{}, []string{"/amount"}, "at most 12 digits"},
		{"10^12", `{"count": 1000000000000, "amount": "1"}`, &required{}, []string{"/count"}, "at most 12 digits"},
		{"fraction", `{"count": 1, "amount": "0.0000000000001"}`, &required{}, []string{"/amount"}, "after the point"},
		{"hex", `{"count": 1, "amount": "0x10"}`, &required{}, []string{"/amount"}, "plain notation"},
		{"list for the document", `[{"count": 1}]`, &required{}, []string{""}, "want an object"},
		{"opaque field of the wrong type", `{"rate": {"n": "x"}}`, &withRate{}, []string{"/rate/n"}, "want a whole number"},
		{"text value echoed", `{"variant": "DS2+CRO"}`, &jsonDoc{}, []string{"/variant"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := codec.DecodeJSON([]byte(tt.in), tt.v, errTest)
			var pointers []string
			for _, e := range forfait.Problems(err) {
				var ie *codec.InputError
				if !errors.As(e, &ie) {
					t.Fatalf("untyped %v", e)
				}
				pointers = append(pointers, ie.Pointer())
				if !strings.Contains(ie.Error(), tt.reason) {
					t.Errorf("%v: want %q said", ie, tt.reason)
				}
				for _, leak := range []string{"Go value", "MaxDecodeExponent", "can't convert", "codec_test", "int64"} {
					if strings.Contains(ie.Error(), leak) {
						t.Errorf("%v speaks of the implementation", ie)
					}
				}
			}
			if diff := cmp.Diff(tt.pointers, pointers); diff != "" {
				t.Errorf("pointers (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
	var doc jsonDoc
	err := codec.DecodeJSON([]byte(`{"variant": "DS2+CRO"}`), &doc, errTest)
	if !errors.Is(err, forfait.ErrBonusNotDS1) || !strings.Contains(err.Error(), `variant = "DS2+CRO"`) {
		t.Errorf("variant: %v, want the value given echoed", err)
	}
	err = codec.DecodeJSON([]byte(`[1]`), &doc, errTest)
	if !strings.Contains(err.Error(), "the document") {
		t.Errorf("root: %v", err)
	}
}

// TestDecodeJSONBounded: a document of a million bad values lists 50
// problems and counts the rest; one nested a thousand deep is refused.
func TestDecodeJSONBounded(t *testing.T) {
	var doc jsonDoc
	err := codec.DecodeJSON([]byte(`{"items": [`+strings.Repeat(`1,`, 999_999)+`1]}`), &doc, errTest)
	problems := forfait.Problems(err)
	var tm *codec.TooManyError
	if len(problems) != 51 || !errors.As(problems[50], &tm) || tm.More != 999_950 {
		t.Errorf("%d problems, last %v", len(problems), problems[len(problems)-1])
	}
	err = codec.DecodeJSON([]byte(strings.Repeat(`[`, 1000)+strings.Repeat(`]`, 1000)), &doc, errTest)
	var se *codec.SyntaxError
	if !errors.As(err, &se) || !strings.Contains(se.Msg, "nested") {
		t.Errorf("deep: %v", err)
	}
}

// FuzzDecodeJSON: no input panics; every problem is typed and located;
// a document accepted has no key twice and holds its numbers within the
// bounds.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range []string{`{"name": "x", "count": 12, "items": [{"amount": "1.50"}]}`, `{"name": "x", "name": "y"}`,
		`{"count": 1e5}`, `{"items": [{"amount": "1e400"}]}`, `{"count": null}`, `[[[]]]`, `{"map": {"a": "1", "a": "2"}}`,
		`{"count": 1, "amount": "` + strings.Repeat("9", 40) + `"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var doc jsonDoc
		err := codec.DecodeJSON(data, &doc, errTest)
		var req required
		err2 := codec.DecodeJSON(data, &req, errTest)
		for _, e := range append(forfait.Problems(err), forfait.Problems(err2)...) {
			var ie *codec.InputError
			var se *codec.SyntaxError
			if !errors.As(e, &ie) && !errors.As(e, &se) {
				t.Fatalf("untyped problem %v", e)
			}
		}
		if err != nil {
			return
		}
		var tree any
		if json.Unmarshal(data, &tree) != nil {
			t.Fatalf("accepted %q, which is not JSON", data)
		}
		bound := decimal.New(1, 12)
		for _, it := range doc.Items {
			if it.Amount.Abs().GreaterThanOrEqual(bound) {
				t.Fatalf("accepted %v beyond 10^12", it.Amount)
			}
		}
		if doc.Count >= 1e12 || doc.Count <= -1e12 {
			t.Fatalf("accepted %d beyond 10^12", doc.Count)
		}
	})
}
