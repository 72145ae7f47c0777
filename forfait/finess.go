package forfait

import (
	"strconv"
	"unicode/utf8"

	"github.com/sunes-spec/sunes/forfait/codec"
)

// FINESS is a FINESS number (Fichier national des établissements sanitaires
// et sociaux), géographique or juridique: nine characters, a department
// code, then digits. Applications, notifications and ARS lists go by FINESS
// (§5, §6.1; INT-09). Build one with ParseFINESS (MustParseFINESS for
// literals); the zero value is "no number", which IsValid reports, String
// prints as "unset" and MarshalText encodes as "", as netip.Addr does. A
// FINESS is a comparable value that holds its nine characters itself, so
// that a list of establishments allocates nothing per number.
type FINESS struct{ b [9]byte }

// ErrInvalidFINESS: text that is not a well-formed FINESS number.
var ErrInvalidFINESS = codec.NewSentinel("forfait: malformed FINESS", "n'est pas un numéro FINESS bien formé")

// ParseFINESS checks the structure of a FINESS number (INT-09): exactly nine
// characters; a department code first, "01" to "95" except "20", or "2A" or
// "2B" for Corsica, "97" followed by 1 to 6 for the overseas
// departments, or "98" followed by 6 to 8 for Wallis-and-Futuna, French
// Polynesia and New Caledonia (numbers that exist, though the instruction
// does not apply there: eligibility refuses them, mention Outre-mer);
// digits after it. The ninth character is a check key whose
// algorithm the instruction does not give: it is not verified (INT-09), so
// a mistyped number with a valid structure passes here and is caught by the
// ARS against the FINESS register. Errors are *InputError wrapping
// ErrInvalidFINESS, with field "finess".
func ParseFINESS(s string) (FINESS, error) {
	if reason := finessProblem(s); reason != (codec.Text{}) {
		return FINESS{}, &InputError{Field: "finess", Value: strconv.Quote(s), Reason: reason, Err: ErrInvalidFINESS}
	}
	var f FINESS
	copy(f.b[:], s)
	return f, nil
}

// MustParseFINESS is ParseFINESS (INT-09) for literals in tests and
// tables; it panics on a malformed number.
func MustParseFINESS(s string) FINESS {
	f, err := ParseFINESS(s)
	if err != nil {
		panic(err)
	}
	return f
}

// finessProblem says what is wrong with s as a FINESS number, or nothing.
func finessProblem(s string) codec.Text {
	if n := utf8.RuneCountInString(s); n != 9 || len(s) != 9 {
		if n == 9 {
			return codec.Text{French: "les caractères doivent être des chiffres, 2A ou 2B en tête", English: "characters must be digits, or 2A or 2B first"}
		}
		return codec.Text{French: "doit compter 9 caractères, et non " + strconv.Itoa(n), English: "must be 9 characters, got " + strconv.Itoa(n)}
	}
	dept := s[:2]
	corsica := dept == "2A" || dept == "2B"
	switch {
	case !corsica && !allDigits(dept):
		return codec.Text{French: "le département " + guillemets(dept) + " n'est ni deux chiffres, ni 2A ou 2B", English: "department " + strconv.Quote(dept) + " is neither 2 digits nor 2A/2B"}
	case dept == "97" && (s[2] < '1' || s[2] > '6'):
		return codec.Text{French: "le département d'outre-mer " + guillemets(s[:3]) + " n'est pas entre 971 et 976", English: "overseas department " + strconv.Quote(s[:3]) + " is not 971 to 976"}
	case dept == "98" && (s[2] < '6' || s[2] > '8'):
		return codec.Text{French: "la collectivité d'outre-mer " + guillemets(s[:3]) + " n'est pas entre 986 et 988", English: "overseas collectivity " + strconv.Quote(s[:3]) + " is not 986 to 988"}
	case dept == "00" || dept == "20" || !corsica && dept > "95" && dept != "97" && dept != "98":
		return codec.Text{French: "le département " + dept + " n'existe pas", English: "department " + dept + " does not exist"}
	case !allDigits(s[2:]):
		return codec.Text{French: "les caractères 3 à 9 doivent être des chiffres", English: "characters 3 to 9 must be digits"}
	}
	return codec.Text{}
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// IsValid reports whether f is a number, not the zero value.
func (f FINESS) IsValid() bool { return f != FINESS{} }

// String returns the number, or "unset" for the zero value.
func (f FINESS) String() string {
	if !f.IsValid() {
		return "unset"
	}
	return string(f.b[:])
}

// AppendText appends the number to b, or nothing for the zero value.
func (f FINESS) AppendText(b []byte) ([]byte, error) {
	if !f.IsValid() {
		return b, nil
	}
	return append(b, f.b[:]...), nil
}

// MarshalText encodes the number, or "" for the zero value.
func (f FINESS) MarshalText() ([]byte, error) { return f.AppendText(nil) }

// UnmarshalText decodes a FINESS number as ParseFINESS does, or "" as the
// zero value.
func (f *FINESS) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*f = FINESS{}
		return nil
	}
	v, err := ParseFINESS(string(text))
	if err != nil {
		return err
	}
	*f = v
	return nil
}

// Equal reports whether f and g are the same number (as == does).
func (f FINESS) Equal(g FINESS) bool { return f == g }

// guillemets quotes s as a French text does: « 9A ».
func guillemets(s string) string {
	q := strconv.Quote(s)
	return "« " + q[1:len(q)-1] + " »"
}
