package campaign

import (
	"math"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/forfait"
)

// TestAppendCents: the CSV writer's integer formatting prints what
// strconv and forfait.Format print, at every number of digits.
func TestAppendCents(t *testing.T) {
	check := func(t interface{ Fatalf(string, ...any) }, n uint64) {
		if got, want := string(appendUint([]byte("x"), n)), "x"+strconv.FormatUint(n, 10); got != want {
			t.Fatalf("appendUint(%d) = %q, want %q", n, got, want)
		}
		c := forfait.Cents(n >> 1)
		if n&1 == 1 {
			c = -c
		}
		if got, want := string(appendCents(nil, c)), forfait.Format(decimal.New(int64(c), -2)); got != want {
			t.Fatalf("appendCents(%d) = %q, want %q", c, got, want)
		}
	}
	for _, p := range pow10 {
		for _, n := range []uint64{p - 1, p, p + 1} {
			check(t, n)
		}
	}
	check(t, math.MaxUint64)
	rapid.Check(t, func(t *rapid.T) { check(t, rapid.Uint64().Draw(t, "n")) })
}
