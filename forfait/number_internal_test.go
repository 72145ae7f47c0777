package forfait

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"
)

// genFixable draws a decimal that fix can hold, often near the limits of
// an int64 and with varied exponents, so that every overflow path is
// exercised.
func genFixable(t *rapid.T, label string) decimal.Decimal {
	var c int64
	switch rapid.IntRange(0, 3).Draw(t, label+"_kind") {
	case 0:
		c = rapid.Int64Range(-1000, 1000).Draw(t, label)
	case 1:
		c = rapid.Int64Range(math.MinInt64/10, math.MaxInt64/10).Draw(t, label)
	case 2:
		c = rapid.Int64Range(-999_999_999_999_999_999, 999_999_999_999_999_999).Draw(t, label)
	default:
		c = rapid.Int64Range(-3_037_000_499, 3_037_000_499).Draw(t, label) // around √MaxInt64
	}
	return decimal.New(c, int32(rapid.IntRange(-20, 20).Draw(t, label+"_exp")))
}

// checkFixMatchesDec: every fix operation either reports an overflow or
// gives exactly dec's result (the fast path never returns a wrong amount),
// and compare agrees with decimal.Cmp.
func checkFixMatchesDec(t *rapid.T) {
	x, y := genFixable(t, "x"), genFixable(t, "y")
	fx, fy := fixOf(x), fixOf(y)
	if fx.overflowed() || !fx.decimal().Equal(x) {
		t.Fatalf("fixOf(%s) = %+v", x, fx)
	}
	for _, c := range []struct {
		name string
		r    fix
		want decimal.Decimal
	}{{"add", fx.add(fy), x.Add(y)}, {"sub", fx.sub(fy), x.Sub(y)}, {"mul", fx.mul(fy), x.Mul(y)}} {
		if !c.r.overflowed() && !c.r.decimal().Equal(c.want) {
			t.Fatalf("%s(%s, %s) = %s, want %s", c.name, x, y, c.r.decimal(), c.want)
		}
	}
	if !y.IsZero() {
		if r, want := fx.roundQuo(fy), decOf(x).roundQuo(decOf(y)).d; !r.overflowed() && !r.decimal().Equal(want) {
			t.Fatalf("roundQuo(%s, %s) = %s, want %s", x, y, r.decimal(), want)
		}
	}
	if c, ok := fx.cmp(fy); ok && c != x.Cmp(y) {
		t.Fatalf("cmp(%s, %s) = %d, want %d", x, y, c, x.Cmp(y))
	}
	if fx.sign() != x.Sign() {
		t.Fatalf("sign(%s) = %d", x, fx.sign())
	}
	if s := (fix{c: math.MinInt64}); !s.mul(fy).overflowed() || !fy.sub(s).overflowed() {
		t.Fatal("MinInt64 must overflow")
	}
}

func TestFixMatchesDec(t *testing.T) { rapid.Check(t, checkFixMatchesDec) }
func FuzzFixMatchesDec(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkFixMatchesDec)) }

// TestFixEdges pins the overflow boundaries exactly.
func TestFixEdges(t *testing.T) {
	max := fix{c: math.MaxInt64}
	one := fix{c: 1}
	if !max.add(one).overflowed() || max.add(fix{c: 0}).overflowed() {
		t.Error("MaxInt64 + 1 must overflow, + 0 not")
	}
	if !(fix{c: math.MinInt64 + 1}).add(fix{c: -2}).overflowed() {
		t.Error("MinInt64 + 1 − 2 must overflow")
	}
	if c, ok := scale(math.MaxInt64/10, 1); !ok || c != math.MaxInt64/10*10 {
		t.Error("MaxInt64/10 × 10 fits")
	}
	if _, ok := scale(math.MaxInt64/10+1, 1); ok {
		t.Error("(MaxInt64/10 + 1) × 10 overflows")
	}
	if _, ok := scale(math.MinInt64/10-1, 1); ok {
		t.Error("(MinInt64/10 − 1) × 10 overflows")
	}
	if r := (fix{c: 1, e: maxExponent}).mul(fix{c: 1, e: 1}); !r.overflowed() {
		t.Error("exponent beyond maxExponent")
	}
	if r := (fix{c: 1, e: -maxExponent}).mul(fix{c: 1, e: 0}); r.overflowed() {
		t.Error("exponent at -maxExponent fits")
	}
	if r := (fix{c: 3_037_000_500}).mul(fix{c: 3_037_000_500}); !r.overflowed() {
		t.Error("3037000500² overflows int64")
	}
	if r := (fix{c: 5}).roundQuo(fix{c: 2}); r.c != 3 {
		t.Errorf("5/2 = %d, want 3 (half away from zero)", r.c)
	}
	if r := (fix{c: -5}).roundQuo(fix{c: 2}); r.c != -3 {
		t.Errorf("-5/2 = %d, want -3", r.c)
	}
	if r := (fix{c: 5}).roundQuo(fix{c: -2}); r.c != -3 {
		t.Errorf("5/-2 = %d, want -3", r.c)
	}
	if r := (fix{c: 7}).roundQuo(fix{c: 0}); !r.overflowed() {
		t.Error("division by zero must fail")
	}
	if f := fixOf(decimal.New(1, maxExponent+1)); !f.overflowed() {
		t.Error("exponent above maxExponent")
	}
	if f := fixOf(decimal.New(1, -maxExponent)); f.overflowed() {
		t.Error("exponent at -maxExponent")
	}
	if f := fixOf(decimal.RequireFromString("1234567890123456789")); !f.overflowed() {
		t.Error("19 digits")
	}
	if f := fixOf(decimal.RequireFromString("123456789012345678")); f.overflowed() {
		t.Error("18 digits fit")
	}
}

// TestRoundQuo: the exact path rounds halves away from zero (INT-03).
func TestRoundQuo(t *testing.T) {
	for _, c := range []struct{ n, d, want string }{
		{"5", "2", "3"}, {"-5", "2", "-3"}, {"5", "-2", "-3"}, {"-5", "-2", "3"}, {"4", "2", "2"},
		{"1.5", "1", "2"}, {"1.49", "1", "1"}, {"0.5", "0.001", "500"}, {"7", "1000", "0"}, {"500", "1000", "1"},
		{"12345678901234567890.5", "1", "12345678901234567891"}, {"1e30", "3", "333333333333333333333333333333"},
	} {
		got := decOf(decimal.RequireFromString(c.n)).roundQuo(decOf(decimal.RequireFromString(c.d))).d
		if !got.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("roundQuo(%s, %s) = %s, want %s", c.n, c.d, got, c.want)
		}
	}
}
