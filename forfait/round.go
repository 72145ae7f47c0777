package forfait

import (
	"math/big"

	"github.com/shopspring/decimal"
)

var bigOne = big.NewInt(1)

// roundQuo returns n/d rounded to the nearest integer, halves away from
// zero, computed exactly (INT-03). d must not be zero.
func roundQuo(n, d decimal.Decimal) decimal.Decimal {
	e := min(n.Exponent(), d.Exponent())
	ni, di := scaled(n, e), scaled(d, e)
	q, r := new(big.Int).QuoRem(ni, di, new(big.Int))
	if r.Lsh(r.Abs(r), 1).CmpAbs(di) >= 0 {
		if ni.Sign()*di.Sign() < 0 {
			q.Sub(q, bigOne)
		} else {
			q.Add(q, bigOne)
		}
	}
	return decimal.NewFromBigInt(q, 0)
}

// scaled returns x's value times 10^-e as an integer; e ≤ x.Exponent().
func scaled(x decimal.Decimal, e int32) *big.Int {
	c := x.Coefficient()
	if k := x.Exponent() - e; k > 0 {
		c.Mul(c, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(k)), nil))
	}
	return c
}
