package codec

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Problems of a number, a date or a word of a file, each with its reason.
var (
	ErrNumber = NewSentinel("malformed number", "n'est pas un nombre bien écrit")
	// ErrDecimalPart: a count written with a decimal part ("12,5"); it
	// comes with ErrNumber.
	ErrDecimalPart = NewSentinel("a count has no decimal part", "a une partie décimale, alors qu'un compte est entier")
	ErrDate        = NewSentinel("not a date", "n'est pas une date")
	ErrWord        = NewSentinel("not a word of this column", "n'est pas un mot admis dans cette colonne")
)

// ParseError is a problem of a cell or a line of a file: the sentinel of
// its kind (ErrNumber, ErrDate, ErrWord, a package's own) and why, in
// words a person acts on, in both languages. Error gives the English
// reason after the sentinel's text; Messages in French, the French one.
type ParseError struct {
	Err    error
	Reason Text
}

func (e *ParseError) Error() string { return e.Err.Error() + ": " + e.Reason.English }

func (e *ParseError) Unwrap() error { return e.Err }

// Because wraps err's reason, when it is a *ParseError, in sentinel: the
// error a package gives for a cell in its own terms ("audit: invalid
// payment: want advance, …"); err wrapped in sentinel otherwise.
func Because(sentinel, err error) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		return &ParseError{Err: sentinel, Reason: pe.Reason}
	}
	return fmt.Errorf("%w: %w", sentinel, err)
}

// TextError returns an error that says t: its Error is the English text,
// and Messages says the French one. For a problem no sentinel names, such
// as a tool's flag: "-allocate \"-5\": want a whole number of euros".
func TextError(t Text) error { return textError{t} }

type textError struct{ t Text }

func (e textError) Error() string { return e.t.English }

// French is the text a French reader reads (Messages).
func (e textError) French() string { return e.t.French }

// Note returns err with a note in brackets after it, in both languages:
// its Error is err's and the English note ("… (first on line 3)"); in
// French, Messages says err's French text and the French note. It
// unwraps to err.
func Note(err error, note Text) error { return &noted{err: err, note: note} }

type noted struct {
	err  error
	note Text
}

func (n *noted) Error() string { return n.err.Error() + " (" + n.note.English + ")" }

func (n *noted) Unwrap() error { return n.err }

// groupedByThree is why a number whose digits are grouped otherwise is
// refused.
var groupedByThree = Text{French: "les chiffres se groupent par trois", English: "digits are grouped by three"}

// maxDigits bounds the digits of a number read from a file: far beyond any
// amount or count, small enough that no exponent grows.
const maxDigits = 30

// ParseNumber reads a non-negative number as a French spreadsheet or a
// person writes it: digits, grouped by three with spaces (a space, U+00A0
// or U+202F) or not grouped, a decimal part after one comma or one point,
// and a euro sign or "EUR" before or after, spaced or not: "35 030,00 €",
// "127 800", "12.5", "€1234". A point and a comma in one number are
// refused (is "1.234,5" French thousands or English?), as are signs,
// exponents, a group of other than three digits after the first and more
// than 30 digits. Errors wrap ErrNumber, with a reason.
func ParseNumber(s string) (decimal.Decimal, error) {
	t := strings.TrimSpace(s)
	for _, cur := range []string{"€", "EUR", "eur", "Eur"} {
		if u, ok := strings.CutSuffix(t, cur); ok {
			t = strings.TrimRight(u, " \u00a0\u202f")
			break
		}
		if u, ok := strings.CutPrefix(t, cur); ok {
			t = strings.TrimLeft(u, " \u00a0\u202f")
			break
		}
	}
	var buf [maxDigits + 1]byte
	digits, point, err := scanNumber(t, buf[:0])
	if err != nil {
		return decimal.Zero, err
	}
	text := string(digits)
	if point >= 0 {
		text = text[:point] + "." + text[point:]
	}
	d, err := decimal.NewFromString(text)
	if err != nil {
		return decimal.Zero, &ParseError{Err: ErrNumber, Reason: Text{French: "nombre illisible", English: err.Error()}}
	}
	return d, nil
}

// scanNumber checks the form of t, a number without its euro sign, and
// appends its digits to digits; point is where the decimal part starts
// in them, -1 without one.
func scanNumber(t string, digits []byte) (_ []byte, point int, err error) {
	if t == "" {
		return nil, -1, &ParseError{Err: ErrNumber, Reason: Text{French: "vide : un chiffre absent n'est pas zéro", English: "empty (a missing figure is not zero)"}}
	}
	point = -1
	group := -1 // digits in the current group after a space, -1 outside groups
	first := 0  // digits before the first space
	grouped := false
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
			if point < 0 {
				if grouped {
					group++
				} else {
					first++
				}
			}
			i++
		case c == ',' || c == '.':
			if point >= 0 {
				return nil, -1, &ParseError{Err: ErrNumber, Reason: Text{French: "une virgule décimale au plus, sans point avec elle : écrivez 35 030,00", English: "one decimal comma at most, and no point with it (write 35 030,00)"}}
			}
			if len(digits) == 0 || i == len(t)-1 {
				return nil, -1, &ParseError{Err: ErrNumber, Reason: Text{French: "des chiffres de part et d'autre de la virgule décimale", English: "digits on both sides of the decimal comma"}}
			}
			if grouped && group != 3 {
				return nil, -1, &ParseError{Err: ErrNumber, Reason: groupedByThree}
			}
			point = len(digits)
			i++
		default:
			size := spaceAt(t[i:])
			if size == 0 {
				return nil, -1, &ParseError{Err: ErrNumber, Reason: Text{French: "attendu : des chiffres, groupés par trois avec des espaces, et une virgule décimale, comme 35 030,00", English: "want digits, grouped by three with spaces, and a decimal comma (35 030,00)"}}
			}
			if point >= 0 || len(digits) == 0 || grouped && group != 3 || !grouped && first > 3 {
				return nil, -1, &ParseError{Err: ErrNumber, Reason: groupedByThree}
			}
			grouped, group = true, 0
			i += size
		}
		if len(digits) > maxDigits {
			return nil, -1, &ParseError{Err: ErrNumber, Reason: Text{French: fmt.Sprintf("plus de %d chiffres", maxDigits), English: fmt.Sprintf("more than %d digits", maxDigits)}}
		}
	}
	if grouped && point < 0 && group != 3 {
		return nil, -1, &ParseError{Err: ErrNumber, Reason: groupedByThree}
	}
	return digits, point, nil
}

// plainCount reads s when it is 1 to 18 digits, which always fit.
func plainCount(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// spaceAt is the length of the space starting s that groups digits (a
// space, U+00A0, U+202F), 0 if none.
func spaceAt(s string) int {
	switch {
	case s[0] == ' ':
		return 1
	case strings.HasPrefix(s, "\u00a0"):
		return len("\u00a0")
	case strings.HasPrefix(s, "\u202f"):
		return len("\u202f")
	}
	return 0
}

// ParseCount reads a whole non-negative count as ParseNumber reads a
// number ("127 800"), without a decimal part (ErrDecimalPart) or a euro
// sign. Errors wrap ErrNumber.
func ParseCount(s string) (int64, error) {
	if n, ok := plainCount(s); ok { // the common case, without a separator
		return n, nil
	}
	if t := strings.TrimSpace(s); strings.HasPrefix(t, "-") || strings.HasPrefix(t, "−") {
		return 0, &ParseError{Err: ErrNumber, Reason: Text{French: "un compte n'est pas négatif", English: "a count is not negative"}}
	}
	var buf [maxDigits + 1]byte // a count has no euro sign: scanNumber refuses one
	digits, point, err := scanNumber(strings.TrimSpace(s), buf[:0])
	if err != nil {
		return 0, err
	}
	if point >= 0 {
		return 0, fmt.Errorf("%w: %w", ErrNumber, ErrDecimalPart)
	}
	var n int64
	for i, c := range digits {
		if i >= 18 && n > (1<<62-int64(c-'0'))/10 { // 18 digits always fit
			return 0, &ParseError{Err: ErrNumber, Reason: Text{French: "au-delà de " + Thousands(1<<62), English: fmt.Sprintf("beyond %d", int64(1)<<62)}}
		}
		n = n*10 + int64(c-'0')
	}
	return n, nil
}

// ParseDay reads a day written YYYY-MM-DD (ISO) or DD/MM/YYYY (the French
// order, two digits for the day and the month) and returns its year,
// month and day. Other forms are refused as ambiguous (01/02/21,
// 1/2/2021, 01-02-2021, 01.02.2021: day or month first?), a form whose
// second number cannot be a month (12/31/2021) as the American order,
// and a day the calendar lacks as such ("no 30 February 2021"). The
// input is never echoed rewritten. Errors wrap ErrDate, with a reason.
func ParseDay(s string) (year int, month time.Month, day int, err error) {
	num := func(p string) int {
		n := 0
		for i := 0; i < len(p); i++ {
			if p[i] < '0' || p[i] > '9' {
				return -1
			}
			n = n*10 + int(p[i]-'0')
		}
		return n
	}
	var y, m, d int
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, m, d = num(s[:4]), num(s[5:7]), num(s[8:])
	case len(s) == 10 && s[2] == '/' && s[5] == '/':
		d, m, y = num(s[:2]), num(s[3:5]), num(s[6:])
		if m > 12 && d >= 1 && d <= 12 {
			return 0, 0, 0, &ParseError{Err: ErrDate, Reason: Text{
				French:  fmt.Sprintf("mois %d : l'ordre américain, mois/jour/année ? écrivez JJ/MM/AAAA ou AAAA-MM-JJ", m),
				English: fmt.Sprintf("month %d: the American order (month/day/year)? write DD/MM/YYYY or YYYY-MM-DD", m)}}
		}
	default:
		return 0, 0, 0, &ParseError{Err: ErrDate, Reason: Text{
			French:  "attendu : AAAA-MM-JJ ou JJ/MM/AAAA, les autres formes laissant un doute sur l'ordre du jour et du mois",
			English: "want YYYY-MM-DD or DD/MM/YYYY (other forms leave the order of day and month in doubt)"}}
	}
	if y < 0 || m < 0 || d < 0 {
		return 0, 0, 0, &ParseError{Err: ErrDate, Reason: Text{French: "attendu : des chiffres, AAAA-MM-JJ ou JJ/MM/AAAA", English: "want digits, YYYY-MM-DD or DD/MM/YYYY"}}
	}
	if y < 1900 || y > 2100 {
		return 0, 0, 0, &ParseError{Err: ErrDate, Reason: Text{French: fmt.Sprintf("l'année %d est hors de 1900–2100", y), English: fmt.Sprintf("year %d is outside 1900–2100", y)}}
	}
	if m < 1 || m > 12 {
		return 0, 0, 0, &ParseError{Err: ErrDate, Reason: Text{French: fmt.Sprintf("il n'y a pas de mois %d", m), English: fmt.Sprintf("there is no month %d", m)}}
	}
	if d < 1 || d > daysIn(y, time.Month(m)) {
		return 0, 0, 0, &ParseError{Err: ErrDate, Reason: Text{
			French:  fmt.Sprintf("le %d %s %d n'existe pas", d, frenchMonths[m-1], y),
			English: fmt.Sprintf("no %d %s %d", d, time.Month(m), y)}}
	}
	return y, time.Month(m), d, nil
}

// daysIn is the number of days of month m of year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// ParseWord reads s as one of words, the names a column allows, matched
// folded (Fold: "Oui", "OUI" and "oui" alike); each synonym maps to the
// value of its name. It returns ErrWord listing the names when s is none
// of them.
func ParseWord[T comparable](s string, words []Word[T]) (T, error) {
	f := Fold(s)
	for _, w := range words {
		if Fold(w.Name) == f {
			return w.Value, nil
		}
	}
	names := make([]string, len(words))
	for i, w := range words {
		names[i] = w.Name
	}
	var zero T
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "« " + n + " »"
	}
	return zero, &ParseError{Err: ErrWord, Reason: Text{French: "attendu : " + orList(quoted, "ou"), English: "want " + orList(names, "or")}}
}

// Word is one name a column allows for a value.
type Word[T comparable] struct {
	Name  string
	Value T
}

// YesNo returns the words of a yes-or-no column, English and French, in
// a new slice at each call.
func YesNo() []Word[bool] {
	return []Word[bool]{
		{"true", true}, {"false", false}, {"oui", true}, {"non", false},
		{"vrai", true}, {"faux", false}, {"yes", true}, {"no", false}, {"1", true}, {"0", false},
	}
}

// orList writes names as "a, b or c", the last joined by the word or.
func orList(names []string, or string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + or + " " + names[len(names)-1]
}

// LeadingZero adds to err, the error of a code of width characters, the
// likely cause when s is one digit short and digits only: a spreadsheet
// read the column as numbers and dropped a leading zero (a FINESS number
// of department 01 to 09 becomes eight digits).
func LeadingZero(s string, width int, err error) error {
	if len(s) != width-1 || strings.Trim(s, "0123456789") != "" {
		return err
	}
	return Note(err, Text{
		French:  fmt.Sprintf("%d chiffres : un tableur a-t-il retiré le zéro initial de 0%s ? mettez la colonne au format texte", len(s), s),
		English: fmt.Sprintf("%d digits: did a spreadsheet drop the leading zero of 0%s? format the column as text", len(s), s)})
}
