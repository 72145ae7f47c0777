package instruction

import (
	"errors"
	"slices"
)

// Kind says whether a unit of the text states rules (Normative) or gives
// context only (Informative). The zero value is not a kind.
type Kind uint8

const (
	Normative   Kind = 1 // the unit states rules: who is eligible, how much, when, what is checked, paid or repaid
	Informative Kind = 2 // context, objectives, governance: no rule to apply
)

var kindNames = [...]string{Normative: "normative", Informative: "informative"}

// String returns "normative" or "informative"; another value prints as
// "Kind(n)".
func (k Kind) String() string {
	if k == Normative || k == Informative {
		return kindNames[k]
	}
	return "Kind(" + itoa(int(k)) + ")"
}

// MarshalText encodes k as String does; an invalid kind is an error.
func (k Kind) MarshalText() ([]byte, error) {
	if k != Normative && k != Informative {
		return nil, errors.New("instruction: invalid kind " + k.String())
	}
	return []byte(k.String()), nil
}

// UnmarshalText decodes the form MarshalText writes.
func (k *Kind) UnmarshalText(text []byte) error {
	i := slices.Index(kindNames[:], string(text))
	if i <= 0 {
		return errors.New("instruction: unknown kind " + string(text))
	}
	*k = Kind(i)
	return nil
}

// Status is how the module stands towards one rule of the text. The zero
// value is no status: the register's checks refuse it.
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

var statusNames = [...]string{Encoded: "encoded", Interpreted: "interpreted", NotEncoded: "not encoded"}

// String returns "encoded", "interpreted" or "not encoded"; another value
// prints as "Status(n)".
func (s Status) String() string {
	if s.IsValid() {
		return statusNames[s]
	}
	return "Status(" + itoa(int(s)) + ")"
}

// IsValid reports whether s is one of the three statuses.
func (s Status) IsValid() bool { return s >= Encoded && s <= NotEncoded }

// MarshalText encodes s as String does; an invalid status is an error.
func (s Status) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, errors.New("instruction: invalid status " + s.String())
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes the form MarshalText writes.
func (s *Status) UnmarshalText(text []byte) error {
	i := slices.Index(statusNames[:], string(text))
	if i <= 0 {
		return errors.New("instruction: unknown status " + string(text))
	}
	*s = Status(i)
	return nil
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

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
