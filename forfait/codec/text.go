package codec

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Fold returns s as the files of the field are matched against the names
// the rules use (region names, column headers): without surrounding
// spaces, in lower case, without accents whether composed (é) or combining
// (e + U+0301), with typographic apostrophes as ', and with hyphens,
// underscores and runs of spaces (U+00A0 and U+202F included) as one space.
// "Île-de-France", "ILE DE FRANCE" and "ile-de-france" fold alike.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= 0x300 && r <= 0x36f: // combining accent (decomposed text)
			continue
		case r == '-' || r == '_' || unicode.IsSpace(r) || r == '\u202f':
			space = true
			continue
		case r == '\u2019' || r == '\u2018' || r == '\u02bc' || r == '`':
			r = '\''
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(baseLetter(unicode.ToLower(r)))
	}
	return b.String()
}

// baseLetter strips the accent of a lower-case Latin-1 letter.
func baseLetter(r rune) rune {
	if r < 0xe0 || r > 0xff {
		return r
	}
	const from, to = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ", "aaaaaaceeeeiiiinooooouuuuyy"
	for i, f := range from {
		if f == r {
			c, _ := utf8.DecodeRuneInString(to[utf8.RuneCountInString(from[:i]):])
			return c
		}
	}
	return r
}

// Clip cuts a text echoed in a message to a readable length (40 runes and
// an ellipsis): a problem report never repeats a whole line of junk.
func Clip(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	return string([]rune(s)[:most]) + "…"
}

// maxScale bounds the decimal exponents accepted from callers: far beyond
// any amount or activity, and far enough from int32's limits that exact
// arithmetic cannot overflow the exponent (shopspring panics if it does).
const maxScale = 1000

// SaneExponent reports whether d's exponent is within ±1000: the bound on
// every decimal the module accepts from a caller, beyond any amount or
// activity (amounts are in euros), so that exact arithmetic on
// it can neither exhaust memory nor overflow shopspring's exponent.
func SaneExponent(d decimal.Decimal) bool {
	e := d.Exponent()
	return e >= -maxScale && e <= maxScale
}
