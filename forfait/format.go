package forfait

import (
	"errors"
	"math/bits"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait/codec"
)

// Format renders d in plain notation with no exponent and no trailing
// fractional zeros ("176300", "127800.5", "-0.3"). Unlike
// decimal.Decimal.String it does not depend on shopspring's package-level
// settings, so amounts print the same in every program. A value whose
// exponent is beyond any amount (|exponent| > 1000, which every computation
// rejects) prints as coefficient "e" exponent, so that an error message
// never expands a billion digits.
func Format(d decimal.Decimal) string {
	if fitsInt64(d) {
		var b [24]byte
		return string(AppendFormat(b[:0], d))
	}
	return formatBig(d)
}

// fitsInt64 reports whether d's coefficient and exponent are small enough
// for AppendFormat's int64 path.
func fitsInt64(d decimal.Decimal) bool {
	e := d.Exponent()
	return e >= -18 && e <= 18 && d.NumDigits() <= 18
}

// formatBig is Format for any decimal: the exact reference, codec.Plain.
func formatBig(d decimal.Decimal) string { return codec.Plain(d) }

// AppendFormat appends Format(d) to dst. Amounts whose coefficient fits an
// int64, the usual case, are appended without allocating.
func AppendFormat(dst []byte, d decimal.Decimal) []byte {
	if !fitsInt64(d) {
		return append(dst, formatBig(d)...)
	}
	return appendFixed(dst, d.CoefficientInt64(), d.Exponent())
}

// appendFixed appends c × 10^e as Format prints it; |e| ≤ 18 and c is not
// math.MinInt64 when e ≥ 0.
func appendFixed(dst []byte, c int64, e int32) []byte {
	if e < 0 {
		pow := pow10[-e]
		return appendParts(dst, c/pow, c%pow, int(-e))
	}
	if c == 0 {
		return append(dst, '0')
	}
	if c < 0 {
		dst = append(dst, '-')
		c = -c
	}
	dst = appendDigits(dst, uint64(c), 1)
	for ; e > 0; e-- {
		dst = append(dst, '0')
	}
	return dst
}

// appendParts appends whole + frac / 10^places, both parts of one sign:
// the fraction with its leading zeros and without its trailing ones.
func appendParts(dst []byte, whole, frac int64, places int) []byte {
	if whole < 0 || frac < 0 {
		dst = append(dst, '-')
		whole, frac = -whole, -frac
	}
	dst = appendDigits(dst, uint64(whole), 1)
	if frac == 0 {
		return dst
	}
	for frac%10 == 0 {
		frac /= 10
		places--
	}
	dst = append(dst, '.')
	return appendDigits(dst, uint64(frac), places)
}

// appendDigits appends n in decimal, with leading zeros to width digits,
// two digits at a time and straight into dst: the writers of large
// extracts print millions of amounts.
func appendDigits(dst []byte, n uint64, width int) []byte {
	w := max(numDigits(n), width)
	dst = slices.Grow(dst, w)
	out := dst[len(dst) : len(dst)+w]
	i := w
	for n >= 100 {
		q := n / 100
		r := n - q*100
		i -= 2
		out[i], out[i+1] = digitPairs[2*r], digitPairs[2*r+1]
		n = q
	}
	if n >= 10 {
		i -= 2
		out[i], out[i+1] = digitPairs[2*n], digitPairs[2*n+1]
	} else {
		i--
		out[i] = byte('0' + n)
	}
	for i > 0 {
		i--
		out[i] = '0'
	}
	return dst[:len(dst)+w]
}

// numDigits is the number of decimal digits of n, 1 for 0: the bit length
// times log10(2) (1233/4096) is the count or one less.
func numDigits(n uint64) int {
	w := bits.Len64(n) * 1233 >> 12
	if w < len(pow10) && n >= uint64(pow10[w]) {
		w++
	}
	return max(w, 1)
}

const digitPairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

// joinErrors returns the one error of errs as it is, and several joined.
func joinErrors(errs []error) error {
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...)
}
