package forfait

import (
	"errors"
	"strconv"
)

// Category is an establishment's category (catégorie d'établissement) A to
// D, fixed by its combined activity (Annexe 3 §3, INT-01). The zero value is
// not a category; use IsValid.
type Category uint8

const (
	A Category = 1 // combined activity [0, 7 000)
	B Category = 2 // [7 000, 22 500)
	C Category = 3 // [22 500, 230 000)
	D Category = 4 // [230 000, national maximum] (INT-02)
)

// NumCategories is the number of categories of Annexe 3 §3. A rule set has
// exactly one band per category.
const NumCategories = 4

// ErrInvalidCategory is the sentinel for a value that is not a category A–D.
var ErrInvalidCategory = errors.New("not a category A-D")

// IsValid reports whether c is one of A, B, C, D.
func (c Category) IsValid() bool { return c >= A && c <= D }

// Index is c's position from 0, for arrays indexed by category.
func (c Category) Index() int { return int(c) - 1 }

// String returns "A" to "D", or "unset" / "invalid category n" for an invalid value.
func (c Category) String() string {
	if !c.IsValid() {
		return invalidName("category", int(c))
	}
	return "ABCD"[c.Index() : c.Index()+1]
}

// ParseCategory reads the form String returns.
func ParseCategory(s string) (Category, error) {
	if len(s) == 1 && s[0] >= 'A' && s[0] <= 'D' {
		return Category(s[0]-'A') + A, nil
	}
	return 0, &InputError{Field: "category", Value: strconv.Quote(s), Err: ErrInvalidCategory}
}

// MarshalText encodes c as String does; an invalid category is an error.
func (c Category) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, &InputError{Field: "category", Value: c.String(), Err: ErrInvalidCategory}
	}
	return []byte(c.String()), nil
}

// UnmarshalText decodes the form MarshalText produces.
func (c *Category) UnmarshalText(text []byte) error {
	v, err := ParseCategory(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
