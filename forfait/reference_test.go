package forfait_test

import (
	"math/big"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
)

// This file is the independent computation the tests compare against: the
// rules of §5, Annexe 3 §3-§4 and INT-01 to INT-04 written out again over
// big.Rat, reading only the rule set's parameters.

type reference struct {
	category                       forfait.Category
	base, amount, advance, balance *big.Rat
}

func rat(d decimal.Decimal) *big.Rat { return d.Rat() }

// ratRound rounds x to the nearest multiple of unit, halves away from zero.
func ratRound(x, unit *big.Rat) *big.Rat {
	q := new(big.Rat).Quo(x, unit)
	a := new(big.Rat).Abs(q)
	a.Add(a, big.NewRat(1, 2))
	n := new(big.Int).Quo(a.Num(), a.Denom()) // floor, a ≥ 0
	if q.Sign() < 0 {
		n.Neg(n)
	}
	return new(big.Rat).Mul(new(big.Rat).SetInt(n), unit)
}

func referenceForfait(rs *forfait.RuleSet, req forfait.Request) reference {
	c := rat(req.Combined)
	i := 0
	for j, b := range rs.Bands {
		if c.Cmp(rat(b.Lower)) >= 0 {
			i = j
		}
	}
	lower := rat(rs.Bands[i].Lower)
	upper := rat(req.NationalMax)
	if i+1 < len(rs.Bands) {
		upper = rat(rs.Bands[i+1].Lower)
	}
	r := rs.Bands[i].Amounts[int(req.Variant.Domain)-1]
	minimum, maximum := rat(r.Min), rat(r.Max)

	exact := new(big.Rat).Sub(c, lower)
	exact.Mul(exact, new(big.Rat).Sub(maximum, minimum))
	exact.Quo(exact, new(big.Rat).Sub(upper, lower))
	exact.Add(exact, minimum)
	base := ratRound(exact, rat(rs.Rounding.BaseUnit))

	x := new(big.Rat).Set(base)
	if req.Variant.CRO {
		x.Mul(x, new(big.Rat).Add(big.NewRat(1, 1), rat(rs.CROBonus.Value)))
	}
	x.Mul(x, rat(rs.Windows[int(req.Window)-1].Factor))
	amount := ratRound(x, rat(rs.Rounding.ForfaitUnit))
	advance := ratRound(new(big.Rat).Mul(amount, rat(rs.Advance.Value)), rat(rs.Rounding.AdvanceUnit))
	return reference{
		category: forfait.Category(i + 1),
		base:     base, amount: amount, advance: advance,
		balance: new(big.Rat).Sub(amount, advance),
	}
}

// referenceCombined is Annexe 3 §1 over big.Rat.
func referenceCombined(rs *forfait.RuleSet, a forfait.Activity) *big.Rat {
	sum := new(big.Rat)
	for i, n := range a.Counts() {
		sum.Add(sum, new(big.Rat).Mul(new(big.Rat).SetInt64(n), rat(rs.Weights[i].Factor)))
	}
	return sum
}
