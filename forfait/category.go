package forfait

import (
	"github.com/sunes-spec/sunes/forfait/codec"
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
var ErrInvalidCategory = codec.NewSentinel("not a category A-D", "n'est pas une catégorie (A à D)")

// IsValid reports whether c is one of A, B, C, D.
func (c Category) IsValid() bool { return c >= A && c <= D }

// Index is c's position from 0, for arrays indexed by category.
func (c Category) Index() int { return int(c) - 1 }

// categoryText is the text form of a category (codec.Enum).
var categoryText = codec.Enum[Category]{Kind: "category", Names: []string{A: "A", B: "B", C: "C", D: "D"}, Err: ErrInvalidCategory}

// String returns "A" to "D"; "unset" for the zero value and "invalid
// category n" for another invalid one.
func (c Category) String() string { return categoryText.String(c) }

// ParseCategory reads the form String returns.
func ParseCategory(s string) (Category, error) { return categoryText.Parse(s) }

// MarshalText encodes c as String does, the zero value as ""; another
// invalid category is an error.
func (c Category) MarshalText() ([]byte, error) { return categoryText.Marshal(c) }

// UnmarshalText decodes the form MarshalText produces; "" is the zero
// value.
func (c *Category) UnmarshalText(text []byte) error { return categoryText.Unmarshal(text, c) }
