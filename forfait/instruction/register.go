package instruction

import (
	"github.com/sunes-spec/sunes/forfait/codec"
)

// ErrInvalidRegister: a kind or a status of the register that is not
// one.
var ErrInvalidRegister = codec.NewSentinel("instruction: invalid register entry", "n'est pas une entrée valide du registre")

// Kind says whether a unit of the text states rules (Normative) or gives
// context only (Informative). The zero value is not a kind; it prints
// "unset" and encodes as "".
type Kind uint8

const (
	Normative   Kind = 1 // the unit states rules: who is eligible, how much, when, what is checked, paid or repaid
	Informative Kind = 2 // context, objectives, governance: no rule to apply
)

// kindText is the text form of a kind (codec.Enum).
var kindText = codec.Enum[Kind]{Kind: "kind", Names: []string{Normative: "normative", Informative: "informative"}, Err: ErrInvalidRegister}

// IsValid reports whether k is Normative or Informative.
func (k Kind) IsValid() bool { return kindText.Valid(k) }

// String returns "normative" or "informative"; "unset" for the zero value
// and "invalid kind n" for another invalid one.
func (k Kind) String() string { return kindText.String(k) }

// MarshalText encodes k as String does, the zero value as ""; another
// invalid kind is an error.
func (k Kind) MarshalText() ([]byte, error) { return kindText.Marshal(k) }

// UnmarshalText decodes the form MarshalText writes.
func (k *Kind) UnmarshalText(text []byte) error { return kindText.Unmarshal(text, k) }

// Status is how the module stands towards one rule of the text. The zero
// value is no status: the register's checks refuse it; it prints "unset"
// and encodes as "".
type Status uint8

const (
	// Encoded: exported symbols apply the rule as the text states it, and
	// tests pin it.
	Encoded Status = 1
	// Interpreted: the symbols apply the rule through a reading the text
	// does not state, named by INT ids (forfait.Interpretations).
	Interpreted Status = 2
	// NotEncoded: the module does not apply the rule; Reason says why.
	NotEncoded Status = 3
)

// statusText is the text form of a status (codec.Enum).
var statusText = codec.Enum[Status]{Kind: "status", Names: []string{Encoded: "encoded", Interpreted: "interpreted", NotEncoded: "not encoded"}, Err: ErrInvalidRegister}

// String returns "encoded", "interpreted" or "not encoded"; "unset" for
// the zero value and "invalid status n" for another invalid one.
func (s Status) String() string { return statusText.String(s) }

// IsValid reports whether s is one of the three statuses.
func (s Status) IsValid() bool { return statusText.Valid(s) }

// MarshalText encodes s as String does, the zero value as ""; another
// invalid status is an error.
func (s Status) MarshalText() ([]byte, error) { return statusText.Marshal(s) }

// UnmarshalText decodes the form MarshalText writes.
func (s *Status) UnmarshalText(text []byte) error { return statusText.Unmarshal(text, s) }

// Rule is one distinct rule the text states (from the scope note to
// Annexe 3 §4), in the module's own words.
type Rule struct {
	// ID is stable and never reused: "R-" then the unit ("5", "6.1",
	// "A2.3", "A1-PS2.2", "OM") then a number.
	ID string `json:"id"`
	// Statement says the rule in one line, paraphrased.
	Statement string `json:"statement"`
	// Money is true for a rule that moves money or decides eligibility.
	Money  bool   `json:"moves_money_or_decides_eligibility"`
	Status Status `json:"status"`
	// Symbols are the exported identifiers that apply the rule
	// ("package.Name", "package.Type.Method"); Tests the tests, examples
	// and properties that pin it. Empty for a rule not encoded.
	Symbols []string `json:"symbols,omitempty"`
	Tests   []string `json:"tests,omitempty"`
	// Interpretations are the INT ids an interpreted rule relies on.
	Interpretations []string `json:"interpretations,omitempty"`
	// Reason says why a rule is not encoded.
	Reason string `json:"reason,omitempty"`
}

// Unit is one numbered part of the instruction as the text numbers
// itself: the header's scope note, a paragraph (§1 … §8), an annex, a row
// of Annexe 1, a paragraph of Annexe 2 or 3.
type Unit struct {
	// ID is how the module cites the unit: "Mention Outre-mer", "§6.1",
	// "Annexe 1", "Annexe 1 PS2.2", "Annexe 2 §3".
	ID      string `json:"id"`
	Heading string `json:"heading"`
	Kind    Kind   `json:"kind"`
	// Rules are the rules the unit states first.
	Rules []Rule `json:"rules,omitempty"`
	// Restates lists the IDs of rules stated in another unit that this
	// one repeats: each rule is counted once, where it is first stated.
	Restates []string `json:"restates,omitempty"`
}

// Coverage counts rules by status: how much of the text (§1 … §8 and
// Annexes 1–3) the module encodes.
type Coverage struct {
	Encoded     int `json:"encoded"`
	Interpreted int `json:"interpreted"`
	NotEncoded  int `json:"not_encoded"`
}

// Total is the number of rules counted, whatever their status (each rule
// of §1 … §8 and Annexes 1–3 once).
func (c Coverage) Total() int { return c.Encoded + c.Interpreted + c.NotEncoded }

func (c *Coverage) add(s Status) {
	switch s {
	case Encoded:
		c.Encoded++
	case Interpreted:
		c.Interpreted++
	case NotEncoded:
		c.NotEncoded++
	}
}

// Totals are the register's counts: for the rules that move money or
// decide eligibility (the conditions of §5, the amounts of Annexe 3 …),
// for the others, and for all.
type Totals struct {
	Money Coverage `json:"moves_money_or_decides_eligibility"`
	Other Coverage `json:"other"`
	All   Coverage `json:"all"`
}

// Count counts the rules of units by status, each rule once, where it is
// first stated: a restatement (Annexe 2 §4 repeating §3.3) adds nothing.
func Count(units []Unit) Totals {
	var t Totals
	for _, u := range units {
		for _, r := range u.Rules {
			if r.Money {
				t.Money.add(r.Status)
			} else {
				t.Other.add(r.Status)
			}
			t.All.add(r.Status)
		}
	}
	return t
}

// Lookup returns the unit of units with the given ID ("§6.1",
// "Annexe 2 §3", "Annexe 1 PS2.2").
func Lookup(units []Unit, id string) (Unit, bool) {
	for _, u := range units {
		if u.ID == id {
			return u, true
		}
	}
	return Unit{}, false
}
