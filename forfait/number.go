package forfait

import (
	"cmp"
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// The forfait formula is written once, in formula, over two exact number
// types: dec, shopspring's arbitrary-precision decimal, which RuleSet's
// Compute and Explain use, the reference; and fix, an int64 coefficient
// and a power-of-ten exponent, which is allocation-free and flags any
// overflow, which Compiled uses, falling back to the RuleSet's exact path
// when fix overflows or a request has an error. Both are exact, so they
// agree wherever fix does not overflow (checked by the differential tests
// against each other and against big.Rat).
type number[T any] interface {
	add(T) T
	sub(T) T
	mul(T) T
	// roundQuo returns the integer nearest to the receiver divided by d,
	// halves away from zero (INT-03); d is not zero.
	roundQuo(d T) T
	// cmp compares the receiver with b; ok is false when the type cannot
	// (fix: aligning the exponents overflows).
	cmp(b T) (c int, ok bool)
	sign() int
	overflowed() bool
	decimal() decimal.Decimal
}

// dec is shopspring's decimal as a number.
type dec struct{ d decimal.Decimal }

func (a dec) add(b dec) dec            { return dec{a.d.Add(b.d)} }
func (a dec) sub(b dec) dec            { return dec{a.d.Sub(b.d)} }
func (a dec) mul(b dec) dec            { return dec{a.d.Mul(b.d)} }
func (a dec) roundQuo(b dec) dec       { return dec{a.d.DivRound(b.d, 0)} } // exact; halves away from zero
func (a dec) overflowed() bool         { return false }
func (a dec) cmp(b dec) (int, bool)    { return a.d.Cmp(b.d), true }
func (a dec) sign() int                { return a.d.Sign() }
func (a dec) decimal() decimal.Decimal { return a.d }
func decOf(d decimal.Decimal) dec      { return dec{d} }
func (a fix) decimal() decimal.Decimal { return decimal.New(a.c, a.e) }
func (a fix) overflowed() bool         { return a.bad }
func (a fix) sign() int                { return cmp.Compare(a.c, 0) }
func (a fix) cmp(b fix) (int, bool) {
	ac, bc, _, ok := align(a, b)
	return cmp.Compare(ac, bc), ok
}
func fixFailed() fix { return fix{bad: true} }
func (a fix) with(c int64, e int32, ok bool) fix {
	if !ok || a.bad {
		return fixFailed()
	}
	return fix{c: c, e: e}
}

// fix is c × 10^e in an int64, or bad once any operation overflowed.
type fix struct {
	c   int64
	e   int32
	bad bool
}

// maxExponent bounds the exponents fix works with; beyond it, dec takes over.
const maxExponent = 64

func fixOf(d decimal.Decimal) fix {
	e := d.Exponent()
	if d.NumDigits() > 18 || e > maxExponent || e < -maxExponent {
		return fixFailed()
	}
	return fix{c: d.CoefficientInt64(), e: e}
}

// scale returns c × 10^k for k ≥ 0, and false on overflow.
func scale(c int64, k int32) (int64, bool) {
	switch {
	case k == 0 || c == 0:
		return c, true
	case int(k) >= len(pow10) || c > scaleLimit[k] || c < -scaleLimit[k]:
		return 0, false
	}
	return c * pow10[k], true
}

// pow10 are the powers of ten an int64 holds; scaleLimit[k] is the largest
// coefficient that 10^k does not overflow (math.MinInt64 / 10^k is its
// opposite, 2^63 having no factor 5).
var pow10, scaleLimit = func() (p, l [19]int64) {
	for k, v := 0, int64(1); k < len(p); k, v = k+1, v*10 {
		p[k], l[k] = v, math.MaxInt64/v
	}
	return p, l
}()

// align returns a and b's coefficients at their common (smaller) exponent.
func align(a, b fix) (ac, bc int64, e int32, ok bool) {
	switch {
	case a.bad || b.bad:
		return 0, 0, 0, false
	case a.e == b.e:
		return a.c, b.c, a.e, true
	}
	e = min(a.e, b.e)
	ac, ok1 := scale(a.c, a.e-e)
	bc, ok2 := scale(b.c, b.e-e)
	return ac, bc, e, ok1 && ok2
}

func (a fix) add(b fix) fix {
	ac, bc, e, ok := align(a, b)
	s := ac + bc
	overflow := (ac^s)&(bc^s) < 0 // the sum's sign differs from both operands
	return a.with(s, e, ok && !overflow)
}

func (a fix) sub(b fix) fix {
	if b.c == math.MinInt64 {
		return fixFailed()
	}
	return a.add(fix{c: -b.c, e: b.e, bad: b.bad})
}

func (a fix) mul(b fix) fix {
	if a.bad || b.bad || a.c == math.MinInt64 || b.c == math.MinInt64 {
		return fixFailed()
	}
	e := a.e + b.e
	if e > maxExponent || e < -maxExponent {
		return fixFailed()
	}
	hi, lo := bits.Mul64(abs(a.c), abs(b.c))
	if hi != 0 || lo > math.MaxInt64 {
		return fixFailed()
	}
	c := int64(lo)
	if (a.c < 0) != (b.c < 0) {
		c = -c
	}
	return fix{c: c, e: e}
}

func (a fix) roundQuo(b fix) fix {
	ac, bc, _, ok := align(a, b)
	if !ok || bc == 0 || ac == math.MinInt64 || bc == math.MinInt64 {
		return fixFailed()
	}
	q, r := ac/bc, ac%bc
	if abs(r) >= abs(bc)-abs(r) { // 2|r| ≥ |b|, without overflow
		if (ac < 0) != (bc < 0) {
			q--
		} else {
			q++
		}
	}
	return fix{c: q}
}

func abs(c int64) uint64 {
	if c < 0 {
		return uint64(-c)
	}
	return uint64(c)
}

// cents returns a as a whole number of hundredths, and false when it has a
// finer part or overflows.
func (a fix) cents() (Cents, bool) {
	if a.bad {
		return 0, false
	}
	k := a.e + 2 // a = c × 10^(k−2)
	if k >= 0 {
		c, ok := scale(a.c, k)
		return Cents(c), ok
	}
	c := a.c
	for ; k < 0; k++ {
		if c%10 != 0 {
			return 0, false
		}
		c /= 10
	}
	return Cents(c), true
}
