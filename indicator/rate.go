package indicator

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"

	"github.com/sunes-spec/sunes/forfait/codec"
)

// Sentinel errors; every error of this package unwraps to one of them (or
// to a forfait or window sentinel for a bad domain or window).
var (
	// ErrInvalidRate: a rate that is not a rate (INT-07): a denominator that
	// is not positive, a numerator outside [0, denominator], a percentage
	// outside [0, 100] or not a number.
	ErrInvalidRate = codec.NewSentinel("indicator: invalid rate", "n'est pas un taux valide")
	// ErrMissingRate: an indicator needed for a domain has no rate.
	ErrMissingRate = codec.NewSentinel("indicator: missing rate", "n'est pas renseigné : le taux de cet indicateur est requis")
	// ErrInvalidTargets: a targets table breaks a property of Validate.
	ErrInvalidTargets = codec.NewSentinel("indicator: invalid targets", "n'est pas une cible d'usage valide")
)

// Rate is an indicator's value for one establishment over one semester,
// either measured as counts (so many documented stays or reports out of so
// many) or declared as a percentage, as entered in oSIS (§5).
// Build one with FromCounts, FromPercent or ParsePercent. The zero value
// is a rate never declared: IsValid reports false, Evaluate refuses it
// with ErrMissingRate rather than count it as a miss (a missing
// declaration is a data problem, not a 0 % rate; INT-11).
type Rate struct {
	num, den int64           // counts, when den > 0
	percent  decimal.Decimal // declared, when den == 0 and declared
	declared bool
}

// IsValid reports whether r was declared, as counts or a percentage; the
// zero Rate was not (INT-11).
func (r Rate) IsValid() bool { return r.declared }

var hundred = decimal.New(100, 0)

// maxPlaces bounds the precision of a declared percentage, far beyond any
// form's, so that no comparison expands an absurd exponent.
const maxPlaces = 20

// FromCounts is the rate numerator/denominator: the stays (DS1) or reports
// (DS2, DS3) whose document reached the DMP, out of all of them. INT-07:
// the denominator must be positive and 0 ≤ numerator ≤ denominator;
// anything else is an error, never a missed target.
func FromCounts(numerator, denominator int64) (Rate, error) {
	var errs []error
	if denominator <= 0 {
		errs = append(errs, &forfait.InputError{Field: "denominator", Value: strconv.FormatInt(denominator, 10), Reason: codec.Text{French: "doit être strictement positif", English: "must be positive"}, Err: ErrInvalidRate})
	}
	if numerator < 0 || denominator > 0 && numerator > denominator {
		errs = append(errs, &forfait.InputError{Field: "numerator", Value: strconv.FormatInt(numerator, 10),
			Reason: codec.Text{French: "doit être compris entre 0 et le dénominateur", English: "must be between 0 and the denominator"}, Err: ErrInvalidRate})
	}
	if len(errs) > 0 {
		return Rate{}, errors.Join(errs...)
	}
	return Rate{num: numerator, den: denominator, declared: true}, nil
}

// FromPercent is a declared rate, in percent: 0 ≤ p ≤ 100 (INT-07), with
// at most 20 decimal places.
func FromPercent(p decimal.Decimal) (Rate, error) {
	if !precise(p) {
		return Rate{}, &forfait.InputError{Field: "percent", Value: forfait.Format(p), Reason: codec.Text{French: "plus de 20 décimales", English: "more than 20 decimal places"}, Err: ErrInvalidRate}
	}
	if p.Sign() < 0 || p.GreaterThan(hundred) {
		return Rate{}, &forfait.InputError{Field: "percent", Value: forfait.Format(p), Reason: codec.Text{French: "doit être compris entre 0 et 100", English: "must be between 0 and 100"}, Err: ErrInvalidRate}
	}
	return Rate{percent: p, declared: true}, nil
}

// ParsePercent reads a percentage as declared in oSIS (§5; INT-07): "49", "49.5",
// "49,5" (French decimal comma), with or without a final "%" or " %".
func ParsePercent(s string) (Rate, error) {
	t := strings.TrimSuffix(strings.TrimSuffix(s, "%"), " ")
	t = strings.TrimSuffix(t, "\u00a0") // non-breaking space, as French typography puts before %
	t = strings.Replace(t, ",", ".", 1)
	bad := &forfait.InputError{Field: "percent", Value: strconv.Quote(s), Reason: codec.Text{French: "pas un pourcentage", English: "not a number of percent"}, Err: ErrInvalidRate}
	if t == "" || strings.Trim(t, "0123456789.") != "" || strings.Count(t, ".") > 1 || t[0] == '.' || t[len(t)-1] == '.' || len(t) > 24 {
		return Rate{}, bad
	}
	p, err := decimal.NewFromString(t)
	if err != nil {
		return Rate{}, bad
	}
	return FromPercent(p)
}

// Counts returns the counts of a rate built from counts; ok is false for a
// declared percentage.
func (r Rate) Counts() (numerator, denominator int64, ok bool) {
	return r.num, r.den, r.den > 0
}

// Percent returns the rate in percent: exact when declared, rounded to
// 0.01 % (half away from zero) when from counts. For display: Reaches
// compares exactly.
func (r Rate) Percent() decimal.Decimal {
	if r.den == 0 {
		return r.percent
	}
	return decimal.NewFromInt(r.num).Shift(2).DivRound(decimal.NewFromInt(r.den), 2)
}

// Reaches reports whether r reaches target (in percent), exactly: for
// counts, numerator × 100 ≥ target × denominator; never through a rounded
// or floating value (INT-07).
func (r Rate) Reaches(target decimal.Decimal) bool {
	if r.den == 0 {
		return r.percent.Cmp(target) >= 0
	}
	return decimal.NewFromInt(r.num).Shift(2).Cmp(target.Mul(decimal.NewFromInt(r.den))) >= 0
}

// Shortfall returns how many more documented stays or reports, out of the
// same denominator, would reach target (Annexe 1; INT-07): ⌈target × denominator / 100⌉ −
// numerator, or 0 when reached. ok is false for a declared percentage.
func (r Rate) Shortfall(target decimal.Decimal) (n int64, ok bool) {
	if r.den == 0 {
		return 0, false
	}
	need := target.Mul(decimal.NewFromInt(r.den)).Shift(-2).Ceil()
	if !need.GreaterThan(decimal.NewFromInt(r.num)) {
		return 0, true
	}
	return need.IntPart() - r.num, true
}

// String renders "412/500 (82.4 %)" or "49.5 %", or "missing" for a rate
// never declared.
func (r Rate) String() string {
	if !r.declared {
		return "missing"
	}
	p := forfait.Format(r.Percent()) + " %"
	if r.den == 0 {
		return p
	}
	return strconv.FormatInt(r.num, 10) + "/" + strconv.FormatInt(r.den, 10) + " (" + p + ")"
}

// Equal reports whether r and s are the same rate, built the same way.
func (r Rate) Equal(s Rate) bool {
	return r.num == s.num && r.den == s.den && r.percent.Equal(s.percent) && r.declared == s.declared
}

type rateJSON struct {
	Numerator   *int64  `json:"numerator,omitempty"`
	Denominator *int64  `json:"denominator,omitempty"`
	Percent     *string `json:"percent,omitempty"`
}

// MarshalJSON encodes a rate from counts as {"numerator": 412,
// "denominator": 500}, a declared one as {"percent": "49.5"}, and the
// zero Rate (never declared) as null.
func (r Rate) MarshalJSON() ([]byte, error) {
	if !r.declared {
		return []byte("null"), nil
	}
	if r.den > 0 {
		return json.Marshal(rateJSON{Numerator: &r.num, Denominator: &r.den})
	}
	p := forfait.Format(r.percent)
	return json.Marshal(rateJSON{Percent: &p})
}

// UnmarshalJSON decodes either form of MarshalJSON, validating it as
// FromCounts and ParsePercent do; giving both forms is an error.
func (r *Rate) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*r = Rate{}
		return nil
	}
	var j rateJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	var v Rate
	var err error
	switch {
	case j.Percent != nil && (j.Numerator != nil || j.Denominator != nil):
		err = &forfait.InputError{Field: "rate", Value: string(data), Reason: codec.Text{French: "donnez les comptes ou un pourcentage, pas les deux", English: "give counts or a percent, not both"}, Err: ErrInvalidRate}
	case j.Percent != nil:
		v, err = ParsePercent(*j.Percent)
	case j.Numerator != nil && j.Denominator != nil:
		v, err = FromCounts(*j.Numerator, *j.Denominator)
	default:
		err = &forfait.InputError{Field: "rate", Value: string(data), Reason: codec.Text{French: "il faut un numérateur et un dénominateur, ou un pourcentage", English: "needs a numerator and a denominator, or a percent"}, Err: ErrInvalidRate}
	}
	if err != nil {
		return err
	}
	*r = v
	return nil
}
