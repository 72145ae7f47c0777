package codec

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Lang is the language of a text people read: French, the language of
// the regulation and of its readers (ARS instructors, DGOS staff,
// auditors, hospital finance teams), or English. The zero value is
// unset; Text.In and the formatters treat it as French, the default of
// what is made for French readers.
type Lang uint8

// The languages.
const (
	French Lang = iota + 1
	English
)

// ErrInvalidLang: a language other than fr or en.
var ErrInvalidLang = NewSentinel("not a language fr or en", "n'est pas une langue (fr ou en)")

var langs = Enum[Lang]{Kind: "language", Names: []string{"", "fr", "en"}, Err: ErrInvalidLang}

// String returns "fr" or "en".
func (l Lang) String() string { return langs.String(l) }

// ParseLang reads "fr" or "en".
func ParseLang(s string) (Lang, error) { return langs.Parse(s) }

// MarshalText encodes l as String does; the zero value as "".
func (l Lang) MarshalText() ([]byte, error) { return langs.Marshal(l) }

// UnmarshalText decodes what MarshalText writes.
func (l *Lang) UnmarshalText(text []byte) error { return langs.Unmarshal(text, l) }

// Text is one text people read, in French and in English: the one shape
// of the module's catalogues (refusal reasons, derivation steps,
// interpretations, problems), each keyed by a stable id where its
// package defines the id.
type Text struct {
	French, English string
}

// In returns t in l: the English text for English, the French one
// otherwise.
func (t Text) In(l Lang) string {
	if l == English {
		return t.English
	}
	return t.French
}

// Complete reports whether t has both languages.
func (t Text) Complete() bool { return t.French != "" && t.English != "" }

// Plain renders d exactly in plain notation, with no exponent and no
// trailing fractional zeros ("176300", "127800.5", "-0.3"), whatever
// shopspring's package-level settings; a value whose exponent is beyond
// ±1000 prints as coefficient "e" exponent, so that a message never
// expands a billion digits. forfait.Format is the same text, faster.
func Plain(d decimal.Decimal) string {
	if !SaneExponent(d) {
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

// Number renders d exactly, never rounded: in English as Plain does
// ("99761.93"); in French with a decimal comma and its digits grouped by
// three with a narrow no-break space (U+202F) on each side of the comma
// ("99 761,93", "7 000", "0,333 333").
func (l Lang) Number(d decimal.Decimal) string {
	if l == English {
		return Plain(d)
	}
	return frenchDigits(Plain(d))
}

// Money renders an amount in euros exactly: "99761.93 €" in English,
// "99 761,93 €" in French, the sign after a no-break space (U+00A0).
func (l Lang) Money(d decimal.Decimal) string {
	if l == English {
		return Plain(d) + " €"
	}
	return frenchDigits(Plain(d)) + "\u00a0€"
}

// Percent renders a rate given as a fraction (0.3) as a percentage:
// "30 %" in English as in French (the French sign after a no-break
// space), the percentage exact ("12,5 %").
func (l Lang) Percent(rate decimal.Decimal) string {
	p := l.Number(rate.Shift(2))
	if l == English {
		return p + " %"
	}
	return p + "\u00a0%"
}

// frenchMonths are the months as a French letter writes them.
var frenchMonths = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// Date renders the day of t: "2021-09-15" in English, as the module
// prints dates, and "15 septembre 2021" in French ("1er septembre 2021"
// for the first of the month).
func (l Lang) Date(t time.Time) string {
	if l == English {
		return t.Format(time.DateOnly)
	}
	day := strconv.Itoa(t.Day())
	if day == "1" {
		day = "1er"
	}
	return day + " " + frenchMonths[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// frenchDigits rewrites a plain number ("-1234.5", "12e2000") the French
// way: "-1 234,5". A text that is not a plain number is left as it is.
func frenchDigits(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	if strings.ContainsAny(s, "e") {
		return sign + s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/3*3 + 4)
	b.WriteString(sign)
	for i := range len(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString("\u202f")
		}
		b.WriteByte(whole[i])
	}
	if frac != "" {
		b.WriteByte(',')
		for i := range len(frac) {
			if i > 0 && i%3 == 0 {
				b.WriteString("\u202f")
			}
			b.WriteByte(frac[i])
		}
	}
	return b.String()
}

// sentinel is an error kind with its text in both languages.
type sentinel struct {
	english, french string
}

func (s *sentinel) Error() string { return s.english }

// NewSentinel returns a sentinel error, compared with errors.Is like one
// of errors.New, whose Error is english and which also carries french:
// what a French reader is told of a value of this kind, as a predicate
// of the value ("n'est pas un nombre entier"). It panics when either
// text is empty: sentinels are package-level values, set once.
func NewSentinel(english, french string) error {
	if english == "" || french == "" {
		panic("codec: a sentinel needs both texts")
	}
	return &sentinel{english: english, french: french}
}

// SentinelText returns the text of err's sentinel, if err is or wraps one
// made by NewSentinel: its English message and its French predicate.
func SentinelText(err error) (Text, bool) {
	var s *sentinel
	if !errors.As(err, &s) {
		return Text{}, false
	}
	return Text{French: s.french, English: s.english}, true
}
