package eligibility

import (
	"strconv"

	"github.com/sunes-spec/sunes/forfait"
)

// Kind is what an establishment is. The instruction funds health
// establishments (établissements sanitaires) only (§2.3 and its note 2).
// The zero value is "not stated", which an application may not be; it
// prints "unset" and encodes as "".
type Kind uint8

const (
	Health       Kind = 1 // établissement sanitaire: within the instruction
	MedicoSocial Kind = 2 // établissement médico-social: outside it
	OtherKind    Kind = 3 // any other kind: outside it
)

var kindTexts = [...]string{Health: "health", MedicoSocial: "medico-social", OtherKind: "other"}

// IsValid reports whether k is Health, MedicoSocial or OtherKind.
func (k Kind) IsValid() bool { return k >= Health && k <= OtherKind }

// String returns "health", "medico-social" or "other"; "unset" for the zero
// value and "invalid kind n" for another invalid one.
func (k Kind) String() string { return enumString(k, kindTexts[:], "kind") }

// MarshalText encodes k as String does, the zero value as "".
func (k Kind) MarshalText() ([]byte, error) {
	return enumMarshal(k, kindTexts[:], "establishment.kind")
}

// UnmarshalText decodes the form MarshalText produces.
func (k *Kind) UnmarshalText(text []byte) error {
	return enumUnmarshal(k, text, kindTexts[:], "establishment.kind")
}

// Outcome is where one domain of an earlier application stands (§5, Annexe
// 2 §3): refused, or validated with its dossier open (advance paid, targets
// awaited, a deferral included), paid (the balance paid) or repaid (the
// advance paid back). The zero value is not an outcome; it prints "unset".
type Outcome uint8

const (
	OutcomeRefused Outcome = 1 // the domain was not validated: nothing was paid
	OutcomeOpen    Outcome = 2 // validated, advance paid, targets awaited
	OutcomePaid    Outcome = 3 // targets reached, balance paid
	OutcomeRepaid  Outcome = 4 // targets missed, advance repaid
)

var outcomeTexts = [...]string{OutcomeRefused: "refused", OutcomeOpen: "open", OutcomePaid: "paid", OutcomeRepaid: "repaid"}

// IsValid reports whether o is one of the four outcomes.
func (o Outcome) IsValid() bool { return o >= OutcomeRefused && o <= OutcomeRepaid }

// String returns "refused", "open", "paid" or "repaid"; "unset" for the
// zero value and "invalid outcome n" for another invalid one.
func (o Outcome) String() string { return enumString(o, outcomeTexts[:], "outcome") }

// MarshalText encodes o as String does, the zero value as "".
func (o Outcome) MarshalText() ([]byte, error) { return enumMarshal(o, outcomeTexts[:], "outcome") }

// UnmarshalText decodes the form MarshalText produces.
func (o *Outcome) UnmarshalText(text []byte) error {
	return enumUnmarshal(o, text, outcomeTexts[:], "outcome")
}

// enumString, enumMarshal and enumUnmarshal give a small enum whose value
// 0 is "not set" and 1… index names its text forms.
func enumString[E ~uint8](e E, names []string, what string) string {
	switch {
	case e == 0:
		return "unset"
	case int(e) >= len(names):
		return "invalid " + what + " " + strconv.Itoa(int(e))
	}
	return names[e]
}

func enumMarshal[E ~uint8](e E, names []string, field string) ([]byte, error) {
	switch {
	case e == 0:
		return []byte{}, nil
	case int(e) >= len(names):
		return nil, &forfait.InputError{Field: field, Value: strconv.Itoa(int(e)), Err: ErrInvalidApplication}
	}
	return []byte(names[e]), nil
}

func enumUnmarshal[E ~uint8](e *E, text []byte, names []string, field string) error {
	if len(text) == 0 {
		*e = 0
		return nil
	}
	for i := 1; i < len(names); i++ {
		if names[i] == string(text) {
			*e = E(i)
			return nil
		}
	}
	return &forfait.InputError{Field: field, Value: strconv.Quote(string(text)), Reason: "want one of " + joinNames(names), Err: ErrInvalidApplication}
}

func joinNames(names []string) string {
	s := ""
	for i, n := range names[1:] {
		if i > 0 {
			s += ", "
		}
		s += n
	}
	return s
}
