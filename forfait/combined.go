package forfait

import (
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// Combined is a combined activity (Annexe 3 §1) in the fixed-point form
// compiled rules compute with: exact, and compared, formatted and used
// without allocating when it fits an int64 coefficient, as every real
// activity does. Batch callers get one per establishment from
// Compiled.Combine and pass it to Compiled.ComputeTable; CombinedOf holds
// any decimal (a national maximum given by a user). The zero value is 0.
// Compare two with Compare: == tells apart representations of one value
// (1.5 and 1.50).
type Combined struct {
	f   fix
	big *decimal.Decimal // the value, when f cannot hold it (f.bad)
}

// CombinedOf holds d, a combined activity or a national maximum (Annexe 3
// §1, INT-02), as a Combined.
func CombinedOf(d decimal.Decimal) Combined {
	if f := fixOf(d); !f.bad {
		return Combined{f: f}
	}
	big := d // a copy: taking d's address would allocate it on every call
	return Combined{f: fixFailed(), big: &big}
}

// Decimal returns x as a decimal.
func (x Combined) Decimal() decimal.Decimal {
	if x.f.bad {
		return *x.big
	}
	return x.f.decimal()
}

// Compare returns -1, 0 or +1 as x is less than, equal to or greater than y.
func (x Combined) Compare(y Combined) int {
	if !x.f.bad && !y.f.bad {
		if r, ok := x.f.cmp(y.f); ok {
			return r
		}
	}
	return x.Decimal().Cmp(y.Decimal())
}

// AppendFormat appends Format(x.Decimal()) to dst, without allocating when
// x fits.
func (x Combined) AppendFormat(dst []byte) []byte {
	if x.f.bad || x.f.e < -18 || x.f.e > 18 || x.f.c == math.MinInt64 {
		return AppendFormat(dst, x.Decimal())
	}
	return appendFixed(dst, x.f.c, x.f.e)
}

// String returns Format(x.Decimal()).
func (x Combined) String() string { return string(x.AppendFormat(nil)) }

// Combine is CombinedActivity on the compiled rules, in the compiled form
// (Annexe 3 §1): the same sum, the same errors.
func (c *Compiled) Combine(a Activity) (Combined, error) {
	if sum, ok := c.weightedSum(a.Counts()); ok && c.fits {
		return Combined{f: fix{c: sum, e: c.weightExp}}, nil
	}
	d, err := c.rs.CombinedActivity(a)
	return CombinedOf(d), err
}

// weightedSum is the sum of the counts times their weights, aligned at
// compile time on one exponent (weightExp), in whole numbers; false on a
// negative count (the exact path reports every one) or an overflow.
func (c *Compiled) weightedSum(counts [NumActivityFields]int64) (int64, bool) {
	var sum uint64
	for f, n := range counts {
		hi, lo := bits.Mul64(uint64(n), c.weightCoefs[f])
		var carry uint64
		sum, carry = bits.Add64(sum, lo, 0)
		if n < 0 || hi != 0 || carry != 0 {
			return 0, false
		}
	}
	return int64(sum), sum <= math.MaxInt64
}

// NationalMax is the national maximum of combined activity, the upper end
// of category D (Annexe 3 §3, INT-02), in the form of Combined; the zero
// value means "not supplied". A type of its own, so that it cannot be
// passed where an establishment's combined activity is expected, nor the
// other way round.
type NationalMax Combined

// NationalMaxOf holds d, a national maximum of combined activity (INT-02).
func NationalMaxOf(d decimal.Decimal) NationalMax { return NationalMax(CombinedOf(d)) }

// Decimal returns m as a decimal.
func (m NationalMax) Decimal() decimal.Decimal { return Combined(m).Decimal() }

// LargestActivity returns the index of the largest of the combined
// activities activity(0) … activity(n-1), the first of equal ones, or -1
// when n is 0 or every activity is zero: the establishment whose activity
// is the national maximum when none is given, the extract being national
// (INT-02).
func LargestActivity(n int, activity func(i int) Combined) int {
	largest, at := Combined{}, -1
	for i := range n {
		if x := activity(i); x.Compare(largest) > 0 {
			largest, at = x, i
		}
	}
	return at
}
