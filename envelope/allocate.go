package envelope

import (
	"cmp"
	"errors"
	"math/big"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
)

// ErrInvalidAllocation: a total or weights that cannot be allocated.
var ErrInvalidAllocation = codec.NewSentinel("envelope: invalid allocation", "n'est pas une répartition valide")

// Allocate divides total euros among the weights, to the euro, by largest
// remainder (INT-08; Annexe 2 §1 allocates the national envelope in
// proportion to the regional sums of forfaits): each part is first its
// exact share total × weight / Σweights rounded down to the euro; the euros
// left over go one each to the largest remainders, ties to the earlier
// weight. So the parts sum exactly to total, a zero weight gets zero, and
// each part is within 1 € of its exact share. total must be a whole,
// non-negative number of euros; weights must be non-negative, not all zero.
func Allocate(total decimal.Decimal, weights []decimal.Decimal) ([]decimal.Decimal, error) {
	var errs []error
	if total.Sign() < 0 || !codec.SaneExponent(total) || !total.IsInteger() {
		errs = append(errs, &forfait.InputError{Field: "total", Value: forfait.Format(total), Reason: codec.Text{French: "pas un nombre entier d'euros positif ou nul", English: "not a whole, non-negative number of euros"}, Err: ErrInvalidAllocation})
	}
	exp := int32(0) // the common exponent that makes every weight whole
	anyPositive := false
	for i, w := range weights {
		e := w.Exponent()
		switch {
		case !codec.SaneExponent(w):
			errs = append(errs, &forfait.InputError{Field: "weights[" + strconv.Itoa(i) + "]", Value: w.String(), Reason: codec.Text{French: "exposant au-delà de ±1000", English: "exponent beyond ±1000"}, Err: ErrInvalidAllocation})
		case w.Sign() < 0:
			errs = append(errs, &forfait.InputError{Field: "weights[" + strconv.Itoa(i) + "]", Value: forfait.Format(w), Reason: codec.Text{French: "négative", English: "negative"}, Err: ErrInvalidAllocation})
		default:
			exp = min(exp, e)
			anyPositive = anyPositive || w.Sign() > 0
		}
	}
	if len(errs) == 0 && !anyPositive {
		errs = append(errs, &forfait.InputError{Field: "weights", Value: strconv.Itoa(len(weights)) + " weights", Reason: codec.Text{French: "aucune pondération positive", English: "no positive weight"}, Err: ErrInvalidAllocation})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	ints := make([]*big.Int, len(weights))
	sum := new(big.Int)
	for i, w := range weights {
		ints[i] = w.Shift(-exp).BigInt() // exact: exp ≤ every exponent
		sum.Add(sum, ints[i])
	}
	return largestRemainder(total.BigInt(), ints, sum), nil
}

// largestRemainder is INT-08 over whole weights with a positive sum.
func largestRemainder(total *big.Int, weights []*big.Int, sum *big.Int) []decimal.Decimal {
	n := len(weights)
	parts := make([]*big.Int, n)
	rems := make([]*big.Int, n)
	left := new(big.Int).Set(total)
	for i, w := range weights {
		q, r := new(big.Int).QuoRem(new(big.Int).Mul(total, w), sum, new(big.Int))
		parts[i], rems[i] = q, r
		left.Sub(left, q)
	}
	// left < n: each share lost less than one euro to the floor.
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(0, rems[a].Cmp(rems[b])) })
	for k := int64(0); k < left.Int64(); k++ {
		parts[order[k]].Add(parts[order[k]], big.NewInt(1))
	}
	out := make([]decimal.Decimal, n)
	for i, p := range parts {
		out[i] = decimal.NewFromBigInt(p, 0)
	}
	return out
}
