package forfait

// The forfait formula of §5 and Annexe 3 §3-§4, and the band search of
// Annexe 3 §3 (INT-01, INT-02), written once over the number types of
// number.go, so that the fast and the exact path are the same code.

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

// formula is the computation of §5 and Annexe 3 §3-§4:
//   - base = min + (combined − lower) × (max − min) / (upper − lower),
//     computed as num / width and rounded once to the base unit (INT-01,
//     INT-03);
//   - forfait = base × (1 + bonus, if CRO) × factor, rounded to the forfait
//     unit (INT-03);
//   - advance = share × forfait rounded to the advance unit, balance = the
//     rest (INT-04).
func formula[T number[T]](in *formulaIn[T]) (o formulaOut[T]) {
	base(in, &o)
	bonus(in, &o)
	windowed(in, &o)
	return o
}

// base sets o's interpolated base of Annexe 3 §3, rounded to the base unit
// (INT-01, INT-03), with the numerator and width a derivation shows: the
// part of the formula that depends neither on the bonus nor on the window.
func base[T number[T]](in *formulaIn[T], o *formulaOut[T]) {
	o.width = in.upper.sub(in.lower)
	o.num = in.combined.sub(in.lower).mul(in.max.sub(in.min)).add(in.min.mul(o.width))
	o.base = o.num.roundQuo(o.width.mul(in.baseUnit)).mul(in.baseUnit)
}

// bonus sets o's base with the CRO bonus, o's base being set (Annexe 3
// §4): the part of the formula that does not depend on the window.
func bonus[T number[T]](in *formulaIn[T], o *formulaOut[T]) {
	o.withBonus = o.base
	if in.cro {
		o.withBonus = o.base.add(o.base.mul(in.bonus))
	}
}

// windowed completes o, whose base with bonus is set, with the window
// factor, the rounding and the split (Annexe 3 §4; §5; INT-03, INT-04).
// It reads only in's factor, units and share, which depend neither on
// the band nor on the domain.
func windowed[T number[T]](in *formulaIn[T], o *formulaOut[T]) {
	o.exact = o.withBonus.mul(in.factor)
	o.amount = o.exact.roundQuo(in.forfaitUnit).mul(in.forfaitUnit)
	o.advance, o.balance = split(o.amount, in.share, in.advanceUnit)
}

// split is the advance/balance split of §5 and INT-04.
func split[T number[T]](amount, share, unit T) (advance, balance T) {
	advance = amount.mul(share).roundQuo(unit).mul(unit)
	return advance, amount.sub(advance)
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
// means nothing otherwise, unless ordered says a validated rule set
// already did. ok is false when T could not compare.
func locate[T number[T]](combined, nationalMax T, lowers *[NumCategories]T, ordered bool) (i int, p bandProblem, ok bool) {
	less := func(a, b T) bool {
		c, good := a.cmp(b)
		ok = ok && good
		return c < 0
	}
	ok = true
	for j := 0; j < NumCategories && !ordered; j++ {
		if j == 0 && lowers[0].sign() != 0 || j > 0 && !less(lowers[j-1], lowers[j]) {
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

// upperEnd is the upper end of band i: the next band's threshold, or the
// national maximum for the last band (INT-02).
func upperEnd[T number[T]](i int, lowers *[NumCategories]T, nationalMax T) T {
	if i < NumCategories-1 {
		return lowers[i+1]
	}
	return nationalMax
}
