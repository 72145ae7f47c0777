package forfait

import (
	"errors"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Format renders d in plain notation with no exponent and no trailing
// fractional zeros ("176300", "127800.5", "-0.3"). Unlike
// decimal.Decimal.String it does not depend on shopspring's package-level
// settings, so amounts print the same in every program. A value whose
// exponent is beyond any amount (|exponent| > 1000, which every computation
// rejects) prints as coefficient "e" exponent, so that an error message
// never expands a billion digits.
func Format(d decimal.Decimal) string {
	if !saneExponent(d) {
		return d.Coefficient().String() + "e" + strconv.Itoa(int(d.Exponent()))
	}
	places := -d.Exponent()
	if places <= 0 {
		return d.StringFixed(0)
	}
	s := d.StringFixed(places)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		return "0"
	}
	return s
}

// joinErrors returns the one error of errs as it is, and several joined.
func joinErrors(errs []error) error {
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...)
}
