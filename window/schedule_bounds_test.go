package window_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/window"
)

// TestValidateBounds pins the edges of Schedule.Validate: a period may
// start and end on the same day; a review may end the day its application
// period ends; a measurement may not; a factor's exponent is compared up
// to ±1000 inclusive (Annexe 3 §4, §6.1).
func TestValidateBounds(t *testing.T) {
	tests := []struct {
		name    string
		amend   func(*window.Schedule)
		fields  []string
		reasons []string
	}{
		{"one-day measurement", func(s *window.Schedule) {
			s[0].Measurement.Start = window.MustParseDate("2022-06-30")
		}, nil, nil},
		{"review ends with the application", func(s *window.Schedule) {
			s[1].Review.End = window.MustParseDate("2022-04-30")
		}, nil, nil},
		{"measurement ends with the application", func(s *window.Schedule) {
			s[3].Measurement.Start, s[3].Measurement.End = window.MustParseDate("2023-03-01"), window.MustParseDate("2023-04-30")
		}, []string{"window 4 measurement"}, []string{"ends before the application period ends"}},
		{"factor 1e-1000", func(s *window.Schedule) { s[3].Factor = decimal.New(1, -1000) }, nil, nil},
		{"factor 1e-1001", func(s *window.Schedule) { s[3].Factor = decimal.New(1, -1001) },
			[]string{"window 4 factor"}, []string{"exponent beyond ±1000"}},
		{"factor 0e1000", func(s *window.Schedule) { s[2].Factor = decimal.New(0, 1000) },
			[]string{"window 3 factor", "window 4 factor"}, []string{"not in (0, 1]", "greater than the previous window's 0"}},
		{"factor 0e1001", func(s *window.Schedule) { s[2].Factor = decimal.New(0, 1001) },
			[]string{"window 3 factor"}, []string{"exponent beyond ±1000"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := window.Instruction2021()
			tt.amend(&s)
			var fields, reasons []string
			for _, e := range unjoin(s.Validate()) {
				var se *window.InputError
				if !errors.As(e, &se) || !errors.Is(e, window.ErrInvalidSchedule) {
					t.Fatalf("error %v is not an *InputError wrapping ErrInvalidSchedule", e)
				}
				fields, reasons = append(fields, se.Field), append(reasons, se.Reason.English)
			}
			if diff := cmp.Diff(tt.fields, fields); diff != "" {
				t.Errorf("fields (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.reasons, reasons); diff != "" {
				t.Errorf("reasons (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDateEqual: Equal is the same day, whatever way the date was made.
func TestDateEqual(t *testing.T) {
	d := window.DateOf(2022, 6, 30)
	if !d.Equal(window.MustParseDate("2022-06-30")) {
		t.Error("DateOf(2022, 6, 30) differs from 2022-06-30")
	}
	if d.Equal(window.MustParseDate("2022-07-01")) {
		t.Error("2022-06-30 equals 2022-07-01")
	}
}
