package eligibility

import (
	"errors"
	"strconv"
)

// FINESS is a FINESS number (Fichier national des établissements sanitaires
// et sociaux), géographique or juridique: nine characters, a department
// code, then digits. Build one with ParseFINESS; the zero value is "no
// number". Applications and ARS lists go by FINESS (§5, §6.1; INT-09).
type FINESS string

// ErrInvalidFINESS: text that is not a well-formed FINESS number.
var ErrInvalidFINESS = errors.New("eligibility: malformed FINESS")

// FINESSError names the malformed text and what is wrong with it; it
// unwraps to ErrInvalidFINESS.
type FINESSError struct {
	Input  string
	Reason string
}

func (e *FINESSError) Error() string {
	return "eligibility: FINESS " + strconv.Quote(e.Input) + ": " + e.Reason
}

func (e *FINESSError) Unwrap() error { return ErrInvalidFINESS }

// ParseFINESS checks the structure of a FINESS number (INT-09): exactly nine
// characters; a department code first, "01" to "95" except "20", or "2A" or
// "2B" for Corsica, or "97" followed by 1 to 6 for the overseas
// departments; digits after it. The ninth character is a check key whose
// algorithm the instruction does not give: it is not verified (INT-09), so
// a mistyped number with a valid structure passes here and is caught by the
// ARS against the FINESS register.
func ParseFINESS(s string) (FINESS, error) {
	bad := func(reason string) (FINESS, error) { return "", &FINESSError{Input: s, Reason: reason} }
	if len(s) != 9 {
		return bad("must be 9 characters, got " + strconv.Itoa(len(s)) + " bytes")
	}
	dept, rest := s[:2], s[2:]
	corsica := dept == "2A" || dept == "2B"
	if !corsica && !allDigits(dept) {
		return bad("department " + strconv.Quote(dept) + " is neither 2 digits nor 2A/2B")
	}
	if dept == "97" && (s[2] < '1' || s[2] > '6') {
		return bad("overseas department 97" + string(s[2]) + " is not 971 to 976")
	}
	if dept == "00" || dept == "20" || !corsica && dept > "95" && dept != "97" {
		return bad("department " + dept + " does not exist")
	}
	if !allDigits(rest) {
		return bad("characters 3 to 9 must be digits")
	}
	return FINESS(s), nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// String returns the number as text.
func (f FINESS) String() string { return string(f) }

// MarshalText encodes f; an empty or malformed FINESS is an error.
func (f FINESS) MarshalText() ([]byte, error) {
	if _, err := ParseFINESS(string(f)); err != nil {
		return nil, err
	}
	return []byte(f), nil
}

// UnmarshalText decodes a FINESS number, checking it as ParseFINESS does.
func (f *FINESS) UnmarshalText(text []byte) error {
	v, err := ParseFINESS(string(text))
	if err != nil {
		return err
	}
	*f = v
	return nil
}
