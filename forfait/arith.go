package forfait

import (
	"cmp"
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// The forfait formula is written once, in formula, over two exact number
// types: fix, an int64 coefficient and a power-of-ten exponent, which is
// allocation-free and flags any overflow; and dec, shopspring's
// arbitrary-precision decimal. Compute runs fix and falls back to dec when
// fix overflows; derivations always use dec. Both are exact, so they agree
// wherever fix does not overflow (checked by the differential tests).
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

// formulaIn are the operands of one forfait computation.
type formulaIn[T number[T]] struct {
	combined, lower, upper, min, max                         T
	baseUnit, bonus, factor, forfaitUnit, share, advanceUnit T
	cro                                                      bool
}

// formulaOut are its results and the intermediate values a derivation shows.
type formulaOut[T number[T]] struct {
	num, width, base, withBonus, exact, amount, advance, balance T
}

// formula is the computation of Annexe 3 §3-§4 and §5:
//   - base = min + (combined − lower) × (max − min) / (upper − lower),
//     computed as num / width and rounded once to the base unit (INT-01,
//     INT-03);
//   - forfait = base × (1 + bonus, if CRO) × factor, rounded to the forfait
//     unit (INT-03);
//   - advance = share × forfait rounded to the advance unit, balance = the
//     rest (INT-04).
func formula[T number[T]](in formulaIn[T]) formulaOut[T] {
	var o formulaOut[T]
	o.width = in.upper.sub(in.lower)
	o.num = in.combined.sub(in.lower).mul(in.max.sub(in.min)).add(in.min.mul(o.width))
	o.base = o.num.roundQuo(o.width.mul(in.baseUnit)).mul(in.baseUnit)
	o.withBonus = o.base
	if in.cro {
		o.withBonus = o.base.add(o.base.mul(in.bonus))
	}
	o.exact = o.withBonus.mul(in.factor)
	o.amount = o.exact.roundQuo(in.forfaitUnit).mul(in.forfaitUnit)
	o.advance, o.balance = split(o.amount, in.share, in.advanceUnit)
	return o
}

// split is the advance/balance split of §5 and INT-04.
func split[T number[T]](amount, share, unit T) (advance, balance T) {
	advance = amount.mul(share).roundQuo(unit).mul(unit)
	return advance, amount.sub(advance)
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
	for ; k > 0; k-- {
		if c > math.MaxInt64/10 || c < math.MinInt64/10 {
			return 0, false
		}
		c *= 10
	}
	return c, true
}

// align returns a and b's coefficients at their common (smaller) exponent.
func align(a, b fix) (ac, bc int64, e int32, ok bool) {
	if a.bad || b.bad {
		return 0, 0, 0, false
	}
	e = min(a.e, b.e)
	ac, ok1 := scale(a.c, a.e-e)
	bc, ok2 := scale(b.c, b.e-e)
	return ac, bc, e, ok1 && ok2
}

func (a fix) add(b fix) fix {
	ac, bc, e, ok := align(a, b)
	s := ac + bc
	overflow := (ac > 0 && bc > 0 && s < 0) || (ac < 0 && bc < 0 && s >= 0)
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

// bandProblem is why an activity has no band: the cases of Category's
// errors, in the order they are checked.
type bandProblem uint8

const (
	bandFound bandProblem = iota
	negativeActivity
	negativeMax
	aboveMax
	noMax
	maxAtThreshold
	disorderedThresholds
)

// locate finds the band of combined: the last whose lower threshold is at
// most combined, bands being half-open intervals (INT-01), the last one
// ending at nationalMax (INT-02; zero when not supplied). It also checks
// that the thresholds start at 0 and strictly increase, since the search
// means nothing otherwise. ok is false when T could not compare.
func locate[T number[T]](combined, nationalMax T, lowers *[NumCategories]T) (i int, p bandProblem, ok bool) {
	less := func(a, b T) bool {
		c, good := a.cmp(b)
		ok = ok && good
		return c < 0
	}
	ok = true
	if lowers[0].sign() != 0 {
		return 0, disorderedThresholds, ok
	}
	for j := 1; j < NumCategories; j++ {
		if !less(lowers[j-1], lowers[j]) {
			return j, disorderedThresholds, ok
		}
	}
	switch {
	case combined.sign() < 0:
		return 0, negativeActivity, ok
	case nationalMax.sign() < 0:
		return 0, negativeMax, ok
	case nationalMax.sign() != 0 && less(nationalMax, combined):
		return 0, aboveMax, ok
	}
	i = NumCategories - 1
	for i > 0 && less(combined, lowers[i]) {
		i--
	}
	switch {
	case i < NumCategories-1:
		return i, bandFound, ok
	case nationalMax.sign() == 0:
		return i, noMax, ok
	case !less(lowers[i], nationalMax):
		return i, maxAtThreshold, ok
	}
	return i, bandFound, ok
}
