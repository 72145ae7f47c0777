package eligibility_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/window"
)

// TestDecodeApplication: a valid file reads as the application it
// encodes, a window given as a number included.
func TestDecodeApplication(t *testing.T) {
	want := valid()
	data, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"as marshalled", data},
		{"window as a number", []byte(`{` + string(data[1:len(data)-1]) + `}`)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(tt.data, &m); err != nil {
				t.Fatal(err)
			}
			if tt.name == "window as a number" {
				m["window"] = 1
			}
			in, _ := json.Marshal(m)
			got, err := eligibility.DecodeApplication(in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("application (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDecodeApplicationProblems: every problem at once, each at its JSON
// path, with the sentinel of its kind.
func TestDecodeApplicationProblems(t *testing.T) {
	in := []byte(`{
  "establishment": {"finess_geographique": "12345", "region": "Bretgne", "combined_activity": "lots", "nmae": "x"},
  "filed": "10/03/2022",
  "window": 7,
  "domains": ["DS1+CRO", "DS2+CRO"],
  "relims_referenced": "yes",
  "extra": {}
}`)
	_, err := eligibility.DecodeApplication(in)
	type problem struct {
		Field string
		Err   error
	}
	var got []problem
	for _, e := range forfait.Problems(err) {
		var ie *forfait.InputError
		if !errors.As(e, &ie) {
			t.Fatalf("untyped problem %v", e)
		}
		got = append(got, problem{ie.Where(), ie.Err})
	}
	want := []problem{
		{"establishment.finess_geographique", forfait.ErrInvalidFINESS},
		{"establishment.region", envelope.ErrUnknownRegion},
		{"establishment.combined_activity", nil},
		{"establishment.nmae", eligibility.ErrInvalidApplication},
		{"filed", window.ErrInvalidDate},
		{"window", window.ErrInvalid},
		{"domains[1]", forfait.ErrBonusNotDS1},
		{"relims_referenced", eligibility.ErrInvalidApplication},
		{"extra", eligibility.ErrInvalidApplication},
		// What the decoder could read is checked in the same pass: the
		// legal FINESS and the kind are missing too (Validate).
		{"establishment.finess_juridique", forfait.ErrInvalidFINESS},
		{"establishment.kind", eligibility.ErrInvalidApplication},
	}
	if len(got) != len(want) {
		t.Fatalf("%d problems, want %d: %v", len(got), len(want), err)
	}
	for i := range want {
		if got[i].Field != want[i].Field || want[i].Err != nil && !errors.Is(got[i].Err, want[i].Err) {
			t.Errorf("problem %d = %s %v; want %s %v", i, got[i].Field, got[i].Err, want[i].Field, want[i].Err)
		}
	}
}

// TestDecodeApplicationRefuses: a key given twice, a combined activity
// of 400 digits or 1e400, and a null are each a problem at their place,
// never the last key winning nor a figure read as zero.
func TestDecodeApplicationRefuses(t *testing.T) {
	data, err := json.Marshal(valid())
	if err != nil {
		t.Fatal(err)
	}
	body := string(data[1 : len(data)-1])
	for _, tt := range []struct{ name, in, where string }{
		{"window twice", `{` + body + `, "window": "2"}`, "window"},
		{"400 digits", `{"establishment": {"combined_activity": "` + strings.Repeat("9", 400) + `"}}`, "establishment.combined_activity"},
		{"1e400", `{"establishment": {"combined_activity": 1e400}}`, "establishment.combined_activity"},
		{"null", `{"establishment": {"combined_activity": null}}`, "establishment.combined_activity"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := eligibility.DecodeApplication([]byte(tt.in))
			var ie *forfait.InputError
			if !errors.Is(err, eligibility.ErrInvalidApplication) || !errors.As(err, &ie) || ie.Where() != tt.where {
				t.Errorf("%v, want a problem at %s", err, tt.where)
			}
		})
	}
}

func TestDecodeApplicationSyntax(t *testing.T) {
	_, err := eligibility.DecodeApplication([]byte("{\"window\": 1,\n \"domains\": [}"))
	var se *codec.SyntaxError
	if !errors.Is(err, codec.ErrSyntax) || !errors.As(err, &se) || se.Line != 2 || se.Column != 14 {
		t.Errorf("syntax error: %v", err)
	}
	_, err = eligibility.DecodeApplication([]byte("{} {}"))
	if !errors.Is(err, codec.ErrSyntax) {
		t.Errorf("two values: %v", err)
	}
}

// FuzzDecodeApplication: never a panic; every problem typed; an accepted
// application is valid.
func FuzzDecodeApplication(f *testing.F) {
	data, _ := json.Marshal(valid())
	f.Add(data)
	f.Add([]byte(`{"window": 1, "domains": ["DS1+CRO"], "establishment": {"ght": {"public": "yes"}}}`))
	f.Add([]byte(`{"history": {"applications": [{"window": 9}], "funded_domains": [4]}}`))
	f.Add(append([]byte("\xef\xbb\xbf"), data...))
	f.Add([]byte("{\"establishment\": {\"name\": \"H\xf4pital \xc3\xa9\"}}"))
	f.Add([]byte("\xff\xfe{\x00}\x00"))
	f.Add([]byte(`{"domains": [` + strings.Repeat(`"DS9",`, 60) + `"DS1"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := eligibility.DecodeApplication(data)
		if err != nil {
			problems := forfait.Problems(err)
			if len(problems) > codec.MaxProblems+1 {
				t.Fatalf("%d problems: the report is not bounded", len(problems))
			}
			for _, e := range problems {
				var ie *forfait.InputError
				var se *codec.SyntaxError
				var le *codec.LineError // not text in its encoding
				var tm *codec.TooManyError
				if !errors.As(e, &ie) && !errors.As(e, &se) && !errors.As(e, &le) && !errors.As(e, &tm) {
					t.Fatalf("untyped problem %v", e)
				}
			}
			return
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("accepted an invalid application: %v", err)
		}
	})
}

// TestDecodeApplicationText: a byte-order mark is skipped; Windows-1252
// is decoded, never read as "H\uFFFDpital"; UTF-16 with its mark is read.
func TestDecodeApplicationText(t *testing.T) {
	data, err := json.Marshal(valid())
	if err != nil {
		t.Fatal(err)
	}
	utf16 := []byte{0xff, 0xfe}
	for _, c := range string(data) {
		utf16 = append(utf16, byte(c), byte(c>>8)) // the test application is BMP text
	}
	name, _ := json.Marshal(valid().Establishment.Name)
	latin := []byte(strings.Replace(string(data), string(name), `"H`+"\xf4"+`pital"`, 1))
	for _, tt := range []struct {
		name string
		data []byte
		want string // the establishment's name
	}{
		{"BOM", append([]byte("\xef\xbb\xbf"), data...), valid().Establishment.Name},
		{"UTF-16LE", utf16, valid().Establishment.Name},
		{"Windows-1252", latin, "Hôpital"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := eligibility.DecodeApplication(tt.data)
			if err != nil || a.Establishment.Name != tt.want {
				t.Errorf("name %q, %v", a.Establishment.Name, err)
			}
		})
	}
}

// TestDecodeApplicationBounded: a million bad entries give a bounded
// report that counts them all.
func TestDecodeApplicationBounded(t *testing.T) {
	data, err := json.Marshal(valid())
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Repeat(`"DS9",`, 1_000_000)
	in := strings.Replace(string(data), `"domains":[`, `"domains":[`+bad, 1)
	_, err = eligibility.DecodeApplication([]byte(in))
	problems := forfait.Problems(err)
	var tm *codec.TooManyError
	if len(problems) != codec.MaxProblems+1 || !errors.As(err, &tm) || tm.More != 1_000_000-codec.MaxProblems {
		t.Fatalf("%d problems: %v", len(problems), problems[len(problems)-1])
	}
}

// TestDecodeApplicationAbsentFigures: a figure or a date left out of the
// file is a problem at its place, never read as zero: the combined
// activity, the RSSI/management meetings, the filing date, the window,
// and an earlier application's window. json.Unmarshal reads the same way.
func TestDecodeApplicationAbsentFigures(t *testing.T) {
	data, err := json.Marshal(valid())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		drop  func(m map[string]any)
		where string
	}{
		{"combined activity", func(m map[string]any) { delete(m["establishment"].(map[string]any), "combined_activity") }, "establishment.combined_activity"},
		{"meetings", func(m map[string]any) {
			delete(m["prerequisites"].(map[string]any)["ps2_1_security"].(map[string]any), "management_meetings_per_year")
		}, "prerequisites.ps2_1_security.management_meetings_per_year"},
		{"filed", func(m map[string]any) { delete(m, "filed") }, "filed"},
		{"window", func(m map[string]any) { delete(m, "window") }, "window"},
		{"earlier window", func(m map[string]any) {
			m["history"] = map[string]any{"applications": []any{map[string]any{"domains": []any{}}}}
		}, "history.applications[0].window"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(data, &m); err != nil {
				t.Fatal(err)
			}
			tt.drop(m)
			in, _ := json.Marshal(m)
			_, err := eligibility.DecodeApplication(in)
			var ie *forfait.InputError
			if !errors.Is(err, eligibility.ErrInvalidApplication) || !errors.As(err, &ie) || ie.Where() != tt.where || ie.Value != "absent" {
				t.Errorf("DecodeApplication: %v, want %s absent", err, tt.where)
			}
			var a eligibility.Application
			err = json.Unmarshal(in, &a)
			if !errors.Is(err, eligibility.ErrInvalidApplication) || !errors.As(err, &ie) || ie.Where() != tt.where {
				t.Errorf("json.Unmarshal: %v, want %s absent", err, tt.where)
			}
		})
	}
}

// TestUnmarshalApplication: json.Unmarshal reads an application as
// DecodeApplication does, a combined activity written as a JSON number
// included, and refuses what it refuses.
func TestUnmarshalApplication(t *testing.T) {
	want := valid()
	data, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var got eligibility.Application
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("application (-want +got):\n%s", diff)
	}
	number := strings.Replace(string(data), `"combined_activity":"`+forfait.Format(want.Establishment.CombinedActivity)+`"`,
		`"combined_activity":`+forfait.Format(want.Establishment.CombinedActivity), 1)
	if err := json.Unmarshal([]byte(number), &got); err != nil || !got.Establishment.CombinedActivity.Equal(want.Establishment.CombinedActivity) {
		t.Errorf("as a number: %v, %v", got.Establishment.CombinedActivity, err)
	}
	extra := strings.Replace(string(data), `{`, `{"nmae": "x",`, 1)
	if err := json.Unmarshal([]byte(extra), &got); !errors.Is(err, eligibility.ErrInvalidApplication) {
		t.Errorf("unknown field: %v", err)
	}
}
