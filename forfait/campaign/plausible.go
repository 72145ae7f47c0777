package campaign

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
)

// ErrOutlierMax: the largest combined activity of an extract, which would
// be the national maximum (INT-02), stands more than OutlierFactor times
// above the next largest: most likely a typo, which would cut every other
// establishment's category D forfait.
var ErrOutlierMax = codec.NewSentinel("campaign: the largest combined activity stands far above the rest", "est une activité combinée très au-dessus de toutes les autres")

// OutlierFactor is how far above the next largest the largest combined
// activity of an extract may stand before CheckNationalMax refuses it as
// the national maximum. Not a rule of the instruction: a guard against a
// typo deciding everyone's forfait (INT-02 takes the largest as given).
// Three lets a small regional sample whose largest establishment is a
// CHU stand (the module's sample extract: 321 000 against 140 800) and
// catches a typo of one digit too many, which multiplies by ten.
const OutlierFactor = 3

// CheckNationalMax refuses the national maximum an extract would set by
// itself (INT-02: its largest combined activity, Annexe 3 §1) when the
// row it comes from holds more than OutlierFactor times the next largest:
// a *LineError on that row naming both, wrapping ErrOutlierMax. A caller
// who knows the maximum gives it (campaign.Options.NationalMax) and need
// not call this. An extract of fewer than two non-zero activities is not
// judged; an activity the rule set cannot combine is left to Compute to
// report.
func CheckNationalMax(rs *forfait.RuleSet, ests []Establishment) error {
	c, err := rs.Compile()
	if err != nil {
		return nil // the rule set's problems are Compute's to report
	}
	first, second := -1, -1
	var top, next forfait.Combined
	for i := range ests {
		x, err := c.Combine(ests[i].Activity)
		if err != nil {
			return nil
		}
		switch {
		case first < 0 || x.Compare(top) > 0:
			second, next = first, top
			first, top = i, x
		case second < 0 || x.Compare(next) > 0:
			second, next = i, x
		}
	}
	if second < 0 || next.Decimal().Sign() == 0 || top.Decimal().Cmp(next.Decimal().Mul(decimal.NewFromInt(OutlierFactor))) <= 0 {
		return nil
	}
	e, n := ests[first], ests[second]
	return &LineError{File: fileNoun, Line: e.Line, Field: "finess", Value: e.FINESS.String(),
		Err: &codec.ParseError{Err: ErrOutlierMax, Reason: codec.Text{
			French: fmt.Sprintf("activité combinée de %s, plus de %d fois la suivante, %s (FINESS %s, ligne %d) ; vérifiez la ligne, ou donnez le maximum national",
				codec.French.Number(top.Decimal()), OutlierFactor, codec.French.Number(next.Decimal()), n.FINESS, n.Line),
			English: fmt.Sprintf("combined activity %s, more than %d times the next largest, %s (FINESS %s, line %d); check the row, or give the national maximum",
				forfait.Format(top.Decimal()), OutlierFactor, forfait.Format(next.Decimal()), n.FINESS, n.Line)}}}
}
