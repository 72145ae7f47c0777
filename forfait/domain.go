package forfait

import (
	"strconv"
	"strings"

	"github.com/sunes-spec/sunes/forfait/codec"
)

// Domain is one of the three usage domains (domaines Ségur) of volet 1
// (§3.2, Annexe 1). The zero value is not a domain; use IsValid.
type Domain uint8

const (
	DS1 Domain = 1 // documents de sortie: discharge documents
	DS2 Domain = 2 // biologie médicale: medical biology reports
	DS3 Domain = 3 // imagerie: imaging reports
)

// NumDomains is the number of volet-1 domains (§3.2).
const NumDomains = 3

// Domains lists the domains in order.
func Domains() [NumDomains]Domain { return [NumDomains]Domain{DS1, DS2, DS3} }

var domainNames = [...]string{DS1: "DS1", DS2: "DS2", DS3: "DS3"}

var domainLabels = [...]string{
	DS1: "Alimenter le DMP en documents de sortie",
	DS2: "Alimenter le DMP en comptes rendus de biologie médicale",
	DS3: "Alimenter le DMP en comptes rendus d'imagerie",
}

// ErrInvalidDomain is the sentinel for a value that is not DS1, DS2 or DS3.
var ErrInvalidDomain = codec.NewSentinel("forfait: not a domain DS1, DS2 or DS3", "n'est pas un domaine (DS1, DS2 ou DS3)")

// IsValid reports whether d is DS1, DS2 or DS3.
func (d Domain) IsValid() bool { return d >= DS1 && d <= DS3 }

// Index is d's position from 0, for arrays indexed by domain. It is only
// meaningful for a valid domain.
func (d Domain) Index() int { return int(d) - 1 }

// domainText is the text form of a domain (codec.Enum).
var domainText = codec.Enum[Domain]{Kind: "domain", Names: domainNames[:], Err: ErrInvalidDomain}

// String returns "DS1", "DS2" or "DS3"; "unset" for the zero value and
// "invalid domain n" for another invalid one.
func (d Domain) String() string { return domainText.String(d) }

// Label returns the French title of the domain in Annexe 1.
func (d Domain) Label() string {
	if !d.IsValid() {
		return d.String()
	}
	return domainLabels[d]
}

// ParseDomain reads the form String returns.
func ParseDomain(s string) (Domain, error) { return domainText.Parse(s) }

// MarshalText encodes d as String does, the zero value as ""; another
// invalid domain is an error.
func (d Domain) MarshalText() ([]byte, error) { return domainText.Marshal(d) }

// UnmarshalText decodes the form MarshalText produces; "" is the zero
// value.
func (d *Domain) UnmarshalText(text []byte) error { return domainText.Unmarshal(text, d) }

// Variant is what an establishment applies for and is paid in one domain:
// the domain and, for DS1 only, the CRO bonus (forfait avancé). The bonus is
// DS1's alone (§5, Annexe 3 §3): IsValid is the one place that says so.
// Its text form is "DS1", "DS1+CRO", "DS2" or "DS3".
type Variant struct {
	Domain Domain
	CRO    bool
}

// Variants lists the four valid variants in order: DS1, DS1+CRO, DS2, DS3
// (§5, Annexe 3 §3).
func Variants() [4]Variant {
	return [4]Variant{{DS1, false}, {DS1, true}, {DS2, false}, {DS3, false}}
}

// IsValid reports whether v is a domain and carries the CRO bonus only on
// DS1 (§5).
func (v Variant) IsValid() bool { return v.Domain.IsValid() && (!v.CRO || v.Domain == DS1) }

// Check returns nil for a valid variant (§5), or its problem: an invalid domain
// (ErrInvalidDomain) or the CRO bonus off DS1 (ErrBonusNotDS1), each an
// *InputError on the field "domain" or "cro"; a caller places it with In.
func (v Variant) Check() error {
	switch {
	case !v.Domain.IsValid():
		return &InputError{Field: "domain", Value: v.Domain.String(), Err: ErrInvalidDomain}
	case v.CRO && v.Domain != DS1:
		return &InputError{Field: "cro", Value: "true", Reason: codec.Text{French: v.String() + " n'est pas une combinaison admise", English: v.String() + " is not a variant"}, Err: ErrBonusNotDS1}
	}
	return nil
}

// Standard is v without the CRO bonus: what a DS1+CRO dossier is paid when
// only DS1.3 is missed (INT-06).
func (v Variant) Standard() Variant { return Variant{Domain: v.Domain} }

// String returns the text form ("DS1+CRO"…); an invalid variant prints its
// parts ("DS2+CRO", "unset").
func (v Variant) String() string {
	if v.CRO {
		return v.Domain.String() + "+CRO"
	}
	return v.Domain.String()
}

// ParseVariant reads the form String returns; errors are those of Check
// (§5: the bonus is DS1's alone).
func ParseVariant(s string) (Variant, error) {
	name, cro := strings.CutSuffix(s, "+CRO")
	d, err := ParseDomain(name)
	if err != nil {
		return Variant{}, &InputError{Field: "variant", Value: strconv.Quote(s), Reason: codec.Text{French: "attendu : DS1, DS1+CRO, DS2 ou DS3", English: "want DS1, DS1+CRO, DS2 or DS3"}, Err: ErrInvalidDomain}
	}
	v := Variant{Domain: d, CRO: cro}
	return v, v.Check()
}

// MarshalText encodes v as String does, the zero value as ""; another
// invalid variant is an error.
func (v Variant) MarshalText() ([]byte, error) {
	if v == (Variant{}) {
		return []byte{}, nil
	}
	if err := v.Check(); err != nil {
		return nil, err
	}
	return []byte(v.String()), nil
}

// UnmarshalText decodes the form MarshalText produces.
func (v *Variant) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*v = Variant{}
		return nil
	}
	w, err := ParseVariant(string(text))
	if err != nil {
		return err
	}
	*v = w
	return nil
}
