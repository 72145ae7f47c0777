package eligibility

import "github.com/sunes-spec/sunes/forfait/codec"

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

// kindText is the text form of a kind (codec.Enum).
var kindText = codec.Enum[Kind]{Kind: "kind", Names: []string{Health: "health", MedicoSocial: "medico-social", OtherKind: "other"}, Err: ErrInvalidApplication}

// IsValid reports whether k is Health, MedicoSocial or OtherKind.
func (k Kind) IsValid() bool { return kindText.Valid(k) }

// String returns "health", "medico-social" or "other"; "unset" for the zero
// value and "invalid kind n" for another invalid one.
func (k Kind) String() string { return kindText.String(k) }

// MarshalText encodes k as String does, the zero value as "".
func (k Kind) MarshalText() ([]byte, error) { return kindText.Marshal(k) }

// UnmarshalText decodes the form MarshalText produces.
func (k *Kind) UnmarshalText(text []byte) error { return kindText.Unmarshal(text, k) }

// Outcome is where one domain of an earlier application stands, which
// decides whether it may be funded again (§5): refused, or validated with its dossier open (advance paid, targets
// awaited, a deferral included), paid (the balance paid) or repaid (the
// advance paid back). The zero value is not an outcome; it prints "unset"
// and encodes as "".
type Outcome uint8

const (
	OutcomeRefused Outcome = 1 // the domain was not validated: nothing was paid
	OutcomeOpen    Outcome = 2 // validated, advance paid, targets awaited
	OutcomePaid    Outcome = 3 // targets reached, balance paid
	OutcomeRepaid  Outcome = 4 // targets missed, advance repaid
)

// outcomeText is the text form of an outcome (codec.Enum).
var outcomeText = codec.Enum[Outcome]{Kind: "outcome",
	Names: []string{OutcomeRefused: "refused", OutcomeOpen: "open", OutcomePaid: "paid", OutcomeRepaid: "repaid"}, Err: ErrInvalidApplication}

// IsValid reports whether o is one of the four outcomes.
func (o Outcome) IsValid() bool { return outcomeText.Valid(o) }

// String returns "refused", "open", "paid" or "repaid"; "unset" for the
// zero value and "invalid outcome n" for another invalid one.
func (o Outcome) String() string { return outcomeText.String(o) }

// MarshalText encodes o as String does, the zero value as "".
func (o Outcome) MarshalText() ([]byte, error) { return outcomeText.Marshal(o) }

// UnmarshalText decodes the form MarshalText produces.
func (o *Outcome) UnmarshalText(text []byte) error { return outcomeText.Unmarshal(text, o) }
