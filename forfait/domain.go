package forfait

import (
	"errors"
	"strconv"
)

// Domain is one of the three usage domains (domaines Ségur) of volet 1
// (§3.2, Annex 1). The zero value is not a domain; use IsValid.
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
var ErrInvalidDomain = errors.New("not a domain DS1, DS2 or DS3")

// IsValid reports whether d is DS1, DS2 or DS3.
func (d Domain) IsValid() bool { return d >= DS1 && d <= DS3 }

// Index is d's position from 0, for arrays indexed by domain. It is only
// meaningful for a valid domain.
func (d Domain) Index() int { return int(d) - 1 }

// String returns "DS1", "DS2" or "DS3", or "%!Domain(n)" for an invalid value.
func (d Domain) String() string {
	if !d.IsValid() {
		return "%!Domain(" + strconv.Itoa(int(d)) + ")"
	}
	return domainNames[d]
}

// Label returns the French title of the domain in Annex 1.
func (d Domain) Label() string {
	if !d.IsValid() {
		return d.String()
	}
	return domainLabels[d]
}

// ParseDomain reads the form String returns.
func ParseDomain(s string) (Domain, error) {
	for _, d := range Domains() {
		if s == domainNames[d] {
			return d, nil
		}
	}
	return 0, &InputError{Field: "domain", Value: strconv.Quote(s), Err: ErrInvalidDomain}
}

// MarshalText encodes d as String does; an invalid domain is an error.
func (d Domain) MarshalText() ([]byte, error) {
	if !d.IsValid() {
		return nil, &InputError{Field: "domain", Value: d.String(), Err: ErrInvalidDomain}
	}
	return []byte(d.String()), nil
}

// UnmarshalText decodes the form MarshalText produces.
func (d *Domain) UnmarshalText(text []byte) error {
	v, err := ParseDomain(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
