package window_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/window"
)

func TestParse(t *testing.T) {
	for _, w := range window.All() {
		got, err := window.Parse(w.String())
		if err != nil || got != w {
			t.Errorf("Parse(%q) = %v, %v", w.String(), got, err)
		}
	}
	for _, s := range []string{"", "0", "5", "01", " 1", "1 ", "W1", "un", "-1", "１"} {
		_, err := window.Parse(s)
		var ie *window.InputError
		if !errors.Is(err, window.ErrInvalid) || !errors.As(err, &ie) || ie.Field != "window" || ie.Value != strconv.Quote(s) {
			t.Errorf("Parse(%q) error = %v, want an *InputError naming the input", s, err)
		}
	}
}

func TestText(t *testing.T) {
	type doc struct {
		Window window.Window `json:"window"`
	}
	data, err := json.Marshal(doc{window.W3})
	if err != nil || string(data) != `{"window":"3"}` {
		t.Fatalf("Marshal = %s, %v", data, err)
	}
	var back doc
	if err := json.Unmarshal(data, &back); err != nil || back.Window != window.W3 {
		t.Fatalf("Unmarshal = %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"window":"7"}`), &back); !errors.Is(err, window.ErrInvalid) {
		t.Errorf("Unmarshal of window 7: error = %v", err)
	}
	for _, tt := range []struct {
		w    window.Window
		text string
	}{{5, "invalid window 5"}, {255, "invalid window 255"}} {
		if _, err := tt.w.MarshalText(); !errors.Is(err, window.ErrInvalid) {
			t.Errorf("Window(%d).MarshalText error = %v", tt.w, err)
		}
		if tt.w.IsValid() || tt.w.String() != tt.text {
			t.Errorf("Window(%d) valid or printed as %q, want %q", tt.w, tt.w.String(), tt.text)
		}
	}
	var zero window.Window
	if text, err := zero.MarshalText(); err != nil || len(text) != 0 || zero.String() != "unset" || zero.IsValid() {
		t.Errorf("zero window: text %q, %v, prints %q", text, err, zero.String())
	}
	if err := zero.UnmarshalText(nil); err != nil || zero != 0 {
		t.Errorf("UnmarshalText(\"\") = %v, %v", zero, err)
	}
}

// TestDeferral: w+1, none after window 4 (Annexe 2 §3, INT-05).
func TestDeferral(t *testing.T) {
	tests := []struct {
		name string
		w    window.Window
		next window.Window
		ok   bool
	}{
		{"window 1 to 2", window.W1, window.W2, true}, {"window 2 to 3", window.W2, window.W3, true},
		{"window 3 to 4", window.W3, window.W4, true}, {"none after window 4", window.W4, 0, false},
		{"no window", 0, 0, false}, {"invalid window", 9, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if next, ok := tt.w.Deferral(); next != tt.next || ok != tt.ok {
				t.Errorf("Window(%d).Deferral() = %v, %v; want %v, %v", tt.w, next, ok, tt.next, tt.ok)
			}
		})
	}
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestInstruction2021 checks the calendar, transcribed here
// independently: factors of Annexe 3 §4, periods of §6.1, Annexe 1 and the
// ARS publications, with their provenance.
func TestInstruction2021(t *testing.T) {
	s := window.Instruction2021()
	if err := s.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	type row struct {
		Factor                      string
		App, AppEnd                 string
		AppProv                     window.Provenance
		Review, ReviewEnd           string
		ReviewProv                  window.Provenance
		Measurement, MeasurementEnd string
		Declaration                 string
		DeclarationProv             window.Provenance
	}
	want := []row{
		{"1", "2021-09-01", "2021-10-31", window.Published, "2021-09-01", "2021-12-31", window.Stated, "2022-01-01", "2022-06-30", "2022-06-30", window.Inferred},
		{"0.9", "2022-03-01", "2022-04-30", window.Published, "2022-03-01", "2022-06-30", window.Inferred, "2022-07-01", "2022-12-31", "2022-12-31", window.Inferred},
		{"0.85", "2022-09-01", "2022-10-31", window.Stated, "2022-09-01", "2022-12-31", window.Stated, "2023-01-01", "2023-06-30", "2023-06-30", window.Inferred},
		{"0.8", "2023-03-01", "2023-04-30", window.Published, "2023-03-01", "2023-06-30", window.Inferred, "2023-07-01", "2023-12-31", "2023-12-31", window.Inferred},
	}
	var got []row
	for _, w := range window.All() {
		tm := s.Terms(w)
		if tm.FactorSource == "" || tm.Application.Source == "" || tm.Review.Source == "" || tm.Measurement.Source == "" || tm.Declaration.Source == "" {
			t.Errorf("window %s: a source is missing: %+v", w, tm)
		}
		if !s.Factor(w).Equal(tm.Factor) {
			t.Errorf("Factor(%s) = %s, Terms factor %s", w, s.Factor(w), tm.Factor)
		}
		f := window.Date.String
		got = append(got, row{tm.Factor.String(), f(tm.Application.Start), f(tm.Application.End), tm.Application.Provenance,
			f(tm.Review.Start), f(tm.Review.End), tm.Review.Provenance, f(tm.Measurement.Start), f(tm.Measurement.End),
			f(tm.Declaration.Date), tm.Declaration.Provenance})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("calendar (-want +got):\n%s", diff)
	}
}

func TestApplicationWindow(t *testing.T) {
	s := window.Instruction2021()
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		paris = time.FixedZone("CEST", 2*3600)
	}
	tests := []struct {
		name string
		at   time.Time
		want window.Window
		ok   bool
	}{
		{"window 1 opens", day("2021-09-01"), window.W1, true},
		{"window 1's last minute", day("2021-10-31").Add(23*time.Hour + 59*time.Minute), window.W1, true},
		{"after window 1", day("2021-11-01"), 0, false},
		{"before window 2", day("2022-02-28"), 0, false},
		{"window 2 opens", day("2022-03-01"), window.W2, true},
		{"inside window 3", day("2022-10-15"), window.W3, true},
		{"window 4 closes", day("2023-04-30"), window.W4, true},
		{"after window 4", day("2023-05-01"), 0, false},
		// 1 Nov 2021 00:30 in Paris is still 31 Oct in UTC: the day counts in t's own location.
		{"Paris, 1 November", time.Date(2021, time.November, 1, 0, 30, 0, 0, paris), 0, false},
		{"Paris, 31 October", time.Date(2021, time.October, 31, 23, 30, 0, 0, paris), window.W1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, ok := s.ApplicationWindow(window.DayOf(tt.at)); got != tt.want || ok != tt.ok {
				t.Errorf("ApplicationWindow(%s) = %v, %v; want %v, %v", tt.at, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		amend  func(*window.Schedule)
		fields []string
	}{
		{"factor zero", func(s *window.Schedule) { s[0].Factor = decimal.Zero }, []string{"window 1 factor", "window 2 factor"}},
		{"factor above 1", func(s *window.Schedule) { s[0].Factor = decimal.New(11, -1) }, []string{"window 1 factor"}},
		{"increasing factor", func(s *window.Schedule) { s[3].Factor = decimal.New(9, -1) }, []string{"window 4 factor"}},
		{"absurd exponent", func(s *window.Schedule) { s[3].Factor = decimal.New(1, -1<<30) }, []string{"window 4 factor"}},
		{"long application", func(s *window.Schedule) { s[1].Application.End = window.MustParseDate("2022-05-01") }, []string{"window 2 application"}},
		{"reversed review", func(s *window.Schedule) { s[2].Review.End = window.MustParseDate("2022-08-01") },
			[]string{"window 3 review", "window 3 review"}},
		{"review too long", func(s *window.Schedule) { s[0].Review.End = window.MustParseDate("2022-01-01") }, []string{"window 1 review"}},
		{"no provenance", func(s *window.Schedule) { s[0].Measurement.Provenance = 0 }, []string{"window 1 measurement provenance"}},
		{"overlapping windows", func(s *window.Schedule) {
			s[1].Application.Start, s[1].Application.End = window.MustParseDate("2021-10-31"), window.MustParseDate("2021-12-15")
			s[1].Review.Start, s[1].Review.End = window.MustParseDate("2021-10-31"), window.MustParseDate("2022-02-15")
		},
			[]string{"window 2 application"}},
		{"no declaration deadline", func(s *window.Schedule) { s[1].Declaration = window.Deadline{} },
			[]string{"window 2 declaration", "window 2 declaration provenance"}},
		{"deadline before the window ends", func(s *window.Schedule) { s[0].Declaration.Date = window.MustParseDate("2022-06-29") },
			[]string{"window 1 declaration"}},
		{"deadline not after the previous one", func(s *window.Schedule) { s[2].Declaration.Date = s[3].Declaration.Date },
			[]string{"window 4 declaration"}},
		{"deadline stated", func(s *window.Schedule) { s[0].Declaration.Provenance = window.Stated }, nil},
		{"deadline published", func(s *window.Schedule) { s[0].Declaration.Provenance = window.Published }, nil},
		{"unknown deadline provenance", func(s *window.Schedule) { s[0].Declaration.Provenance = window.Inferred + 1 },
			[]string{"window 1 declaration provenance"}},
		{"review without an end", func(s *window.Schedule) { s[1].Review.End = window.Date{} },
			[]string{"window 2 review", "window 2 review", "window 2 review"}},
		{"measurement too early", func(s *window.Schedule) { s[3].Measurement.End = window.MustParseDate("2023-04-01") }, []string{"window 4 measurement", "window 4 measurement"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := window.Instruction2021()
			tt.amend(&s)
			var got []string
			for _, e := range unjoin(s.Validate()) {
				var se *window.InputError
				if !errors.As(e, &se) || !errors.Is(e, window.ErrInvalidSchedule) {
					t.Fatalf("error %v is not an *InputError wrapping ErrInvalidSchedule", e)
				}
				got = append(got, se.Field)
			}
			if diff := cmp.Diff(tt.fields, got); diff != "" {
				t.Errorf("fields (-want +got):\n%s\nerrors: %v", diff, s.Validate())
			}
		})
	}
}

func TestProvenance(t *testing.T) {
	for _, p := range []window.Provenance{window.Stated, window.Published, window.Inferred} {
		text, err := p.MarshalText()
		var back window.Provenance
		if err != nil || back.UnmarshalText(text) != nil || back != p {
			t.Errorf("%v: round trip gave %v (%v)", p, back, err)
		}
	}
	var p window.Provenance
	if _, err := window.Provenance(9).MarshalText(); err == nil {
		t.Error("Provenance(9).MarshalText accepted")
	}
	if err := p.UnmarshalText([]byte("guessed")); err == nil {
		t.Error(`UnmarshalText("guessed") accepted`)
	}
	if got := window.Instruction2021()[0].Application.String(); got != "2021-09-01 – 2021-10-31 (published)" {
		t.Errorf("Period.String() = %q", got)
	}
}

func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// FuzzParse: Parse accepts exactly "1"-"4" and round-trips through String.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"1", "4", "0", "5", "", "12", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := window.Parse(s)
		if err != nil {
			if !errors.Is(err, window.ErrInvalid) {
				t.Fatalf("Parse(%q): untyped error %v", s, err)
			}
			return
		}
		if !w.IsValid() || w.String() != s {
			t.Fatalf("Parse(%q) = %v", s, w)
		}
	})
}

// FuzzParseDate: never a panic; an accepted date prints back as its text;
// a rejection is typed.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2022-03-10", "2022-02-30", "10/03/2022", "", "0000-01-01", "0001-01-01", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := window.ParseDate(s)
		if err != nil {
			if !errors.Is(err, window.ErrInvalidDate) {
				t.Fatalf("ParseDate(%q): untyped error %v", s, err)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q) prints %q", s, d)
		}
	})
}

func TestDate(t *testing.T) {
	for _, tt := range []struct {
		name, text, french string
		want               window.Date
	}{
		{"day", "2022-03-10", "10 mars 2022", window.DateOf(2022, time.March, 10)},
		{"first of the month", "2021-09-01", "1er septembre 2021", window.DateOf(2021, time.September, 1)},
		{"zero", "", "date inconnue", window.Date{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got window.Date
			if err := got.UnmarshalText([]byte(tt.text)); err != nil || got != tt.want {
				t.Fatalf("UnmarshalText(%q) = %v, %v", tt.text, got, err)
			}
			if text, err := got.MarshalText(); err != nil || string(text) != tt.text {
				t.Errorf("MarshalText = %q, %v", text, err)
			}
			if got.French() != tt.french {
				t.Errorf("French() = %q, want %q", got.French(), tt.french)
			}
		})
	}
	for _, s := range []string{"2022-02-30", "10/03/2022", "2022-3-10", "unset", "0001-01-01"} {
		var d window.Date
		var ie *window.InputError
		if err := d.UnmarshalText([]byte(s)); !errors.Is(err, window.ErrInvalidDate) || !errors.As(err, &ie) || ie.Value != strconv.Quote(s) {
			t.Errorf("UnmarshalText(%q) error = %v", s, err)
		}
	}
	if s := (window.Date{}).String(); s != "unset" {
		t.Errorf("zero date prints %q", s)
	}
	a, b := window.MustParseDate("2022-03-10"), window.MustParseDate("2022-03-11")
	if !a.Before(b) || !b.After(a) || a.Compare(b) != -1 || a.AddDate(0, 0, 1) != b {
		t.Errorf("ordering of %v and %v", a, b)
	}
}

// TestPeriodIn: a period and a deadline read in French with their
// provenance in French; in English as String writes them; a provenance
// outside the three reads "unset" or its number in both languages.
func TestPeriodIn(t *testing.T) {
	s := window.Instruction2021()
	terms := s.Terms(window.W1)
	for _, tt := range []struct{ got, want string }{
		{terms.Review.In(codec.French), "1er septembre 2021 – 31 décembre 2021 (énoncée)"},
		{terms.Review.In(codec.English), terms.Review.String()},
		{terms.Application.In(codec.French), "1er septembre 2021 – 31 octobre 2021 (publiée)"},
		{terms.Declaration.In(codec.French), "30 juin 2022 (déduite)"},
		{terms.Declaration.In(codec.English), "2022-06-30 (inferred)"},
		{window.Deadline{Date: terms.Declaration.Date}.In(codec.French), "30 juin 2022 (" + window.Provenance(0).String() + ")"},
		{window.Deadline{Date: terms.Declaration.Date, Provenance: window.Inferred + 1}.In(codec.French),
			"30 juin 2022 (" + (window.Inferred + 1).String() + ")"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
