package indicator_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/indicator"
)

// TestIDIsValid pins the range of the five Annexe 1 indicators: DS1.1 (1)
// to DS3.1 (5), and nothing on either side.
func TestIDIsValid(t *testing.T) {
	for _, tt := range []struct {
		id   indicator.ID
		want bool
	}{
		{0, false}, {indicator.DS11, true}, {indicator.DS12, true}, {indicator.DS13, true},
		{indicator.DS21, true}, {indicator.DS31, true}, {6, false}, {255, false},
	} {
		if got := tt.id.IsValid(); got != tt.want {
			t.Errorf("ID(%d).IsValid() = %v, want %v", uint8(tt.id), got, tt.want)
		}
	}
}

// TestPercentPlaces pins the bound on a declared percentage's exponent:
// 20 decimal places, and an exponent of at most 20, are accepted; one
// more either way is refused with ErrInvalidRate.
func TestPercentPlaces(t *testing.T) {
	for _, tt := range []struct {
		name    string
		p       decimal.Decimal
		wantErr bool
	}{
		{"20 places", decimal.New(1, -20), false},
		{"21 places", decimal.New(1, -21), true},
		{"0e20", decimal.New(0, 20), false},
		{"0e21", decimal.New(0, 21), true},
	} {
		r, err := indicator.FromPercent(tt.p)
		if tt.wantErr {
			if !errors.Is(err, indicator.ErrInvalidRate) {
				t.Errorf("%s: FromPercent = %v, %v; want ErrInvalidRate", tt.name, r, err)
			}
			continue
		}
		if err != nil || !r.Percent().Equal(tt.p) {
			t.Errorf("%s: FromPercent = %v, %v; want %s", tt.name, r, err, tt.p)
		}
	}
}
