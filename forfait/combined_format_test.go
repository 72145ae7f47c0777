package forfait_test

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
)

// TestCombinedString: a Combined prints as Format prints its decimal, at
// the edges of the fixed-point form too: the smallest int64 coefficient,
// exponents ±18 and ±19, and a value the fixed-point form cannot hold.
func TestCombinedString(t *testing.T) {
	for _, d := range []decimal.Decimal{
		decimal.New(math.MinInt64, 0), decimal.New(math.MinInt64, -2), decimal.New(math.MaxInt64, 0),
		decimal.New(7, -18), decimal.New(7, -19), decimal.New(7, 18), decimal.New(7, 19),
		decimal.RequireFromString("123456789012345678901234567890.5"), decimal.RequireFromString("22500.50"),
	} {
		if got, want := forfait.CombinedOf(d).String(), forfait.Format(d); got != want {
			t.Errorf("CombinedOf(%s).String() = %q, want %q", d, got, want)
		}
	}
}
