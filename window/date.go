package window

import (
	"strconv"
	"time"

	"github.com/sunes-spec/sunes/forfait/codec"
)

// Date is a calendar day, without time of day or zone: a filing date, the
// date of an ARS decision or notification, the ends of a period (§6.1). It
// is comparable with ==. Its text and JSON form is "2006-01-02"; the zero
// value is "no date", which IsZero reports, String prints as "unset" and
// MarshalText encodes as "".
type Date struct{ t time.Time } // midnight UTC, or the zero time

// ErrInvalidDate: text that is not a day written YYYY-MM-DD.
var ErrInvalidDate = codec.NewSentinel("window: not a date YYYY-MM-DD", "n'est pas une date (AAAA-MM-JJ)")

// DateOf returns the day y-m-d; out-of-range parts normalise as time.Date
// does (January 32 is February 1).
func DateOf(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// DayOf returns the calendar day of t in t's own location.
func DayOf(t time.Time) Date {
	y, m, d := t.Date()
	return DateOf(y, m, d)
}

// ParseDate reads "2006-01-02". It refuses "0001-01-01": that day is the
// zero value, "no date", and reading it as a day would turn a written date
// into an absent one.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, &InputError{Field: "date", Value: strconv.Quote(s), Reason: codec.Text{French: "attendu : AAAA-MM-JJ", English: "want YYYY-MM-DD"}, Err: ErrInvalidDate}
	}
	if t.IsZero() {
		return Date{}, &InputError{Field: "date", Value: strconv.Quote(s), Reason: codec.Text{French: "0001-01-01 veut dire « pas de date » : laissez le champ vide", English: "0001-01-01 stands for no date; leave the field empty"}, Err: ErrInvalidDate}
	}
	return Date{t}, nil
}

// MustParseDate is ParseDate for literals in tests and tables; it panics on
// a malformed date.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// Time returns the day at midnight UTC (the zero time for no date).
func (d Date) Time() time.Time { return d.t }

// IsZero reports whether d is "no date".
func (d Date) IsZero() bool { return d.t.IsZero() }

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is a later day than e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// Compare returns -1, 0 or +1 as d is before, the same day as, or after e.
func (d Date) Compare(e Date) int { return d.t.Compare(e.t) }

// AddDate returns d moved by years, months and days, as time.AddDate.
func (d Date) AddDate(years, months, days int) Date { return Date{d.t.AddDate(years, months, days)} }

// String returns "2006-01-02", or "unset" for no date.
func (d Date) String() string {
	if d.IsZero() {
		return "unset"
	}
	return d.t.Format(time.DateOnly)
}

// French returns the day as a French letter writes it: "10 mars 2022",
// "1er septembre 2021"; "date inconnue" for no date.
func (d Date) French() string { return d.In(codec.French) }

// In returns the day as a reader of l writes it: "15 septembre 2021" in
// French, "2021-09-15" in English; for no date, "date inconnue" or
// "unset".
func (d Date) In(l codec.Lang) string {
	if d.IsZero() {
		return codec.Text{French: "date inconnue", English: "unset"}.In(l)
	}
	return l.Date(d.t)
}

// MarshalText encodes d as "2006-01-02", or "" for no date.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	return []byte(d.t.Format(time.DateOnly)), nil
}

// UnmarshalText decodes "2006-01-02", or "" as no date.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// day is d as the number yyyymmdd, ordered as the days are.
func (d Date) day() int {
	y, m, dd := d.t.Date()
	return y*10000 + int(m)*100 + dd
}

// Equal reports whether d and e are the same day (as == does).
func (d Date) Equal(e Date) bool { return d == e }
