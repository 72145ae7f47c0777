package envelope

import (
	"errors"
	"strconv"

	"github.com/sunes-spec/sunes/forfait"
)

// Region is one of the 18 regions of Annexe 2 §1, each with its ARS and its
// volet-1 envelope. The zero value is not a region.
type Region uint8

// The regions in the order of the Annexe 2 §1 table.
const (
	AuvergneRhoneAlpes     Region = 1
	BourgogneFrancheComte  Region = 2
	Bretagne               Region = 3
	CentreValDeLoire       Region = 4
	Corse                  Region = 5
	GrandEst               Region = 6
	Guadeloupe             Region = 7
	Guyane                 Region = 8
	HautsDeFrance          Region = 9
	IleDeFrance            Region = 10
	LaReunion              Region = 11
	Martinique             Region = 12
	Mayotte                Region = 13
	Normandie              Region = 14
	NouvelleAquitaine      Region = 15
	Occitanie              Region = 16
	PaysDeLaLoire          Region = 17
	ProvenceAlpesCoteDAzur Region = 18
)

// NumRegions is the number of volet-1 regions in Annexe 2 §1.
const NumRegions = 18

// regionNames are spelt exactly as in the Annexe 2 §1 table, which has
// "Ile-de-France" without a circumflex.
var regionNames = [...]string{
	"", "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire", "Corse",
	"Grand Est", "Guadeloupe", "Guyane", "Hauts-de-France", "Ile-de-France", "La Réunion", "Martinique",
	"Mayotte", "Normandie", "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur",
}

// ErrUnknownRegion: a name that is not one of Annexe 2 §1's regions.
var ErrUnknownRegion = errors.New("envelope: not a region of Annexe 2")

// Regions lists the 18 regions in Annexe 2 order.
func Regions() [NumRegions]Region {
	var rs [NumRegions]Region
	for i := range rs {
		rs[i] = Region(i + 1)
	}
	return rs
}

// IsValid reports whether r is one of the 18 regions.
func (r Region) IsValid() bool { return r >= AuvergneRhoneAlpes && r <= ProvenceAlpesCoteDAzur }

// Index is r's position from 0 in Annexe 2 order, for arrays indexed by
// region. It is only meaningful for a valid region.
func (r Region) Index() int { return int(r) - 1 }

// String returns the region's name as spelt in Annexe 2; "unset" for the
// zero value and "invalid region n" for another invalid one.
func (r Region) String() string {
	switch {
	case r == 0:
		return "unset"
	case !r.IsValid():
		return "invalid region " + strconv.Itoa(int(r))
	}
	return regionNames[r]
}

// ParseRegion reads a region name spelt exactly as in Annexe 2 §1: an
// extract that spells it otherwise is rejected rather than guessed.
func ParseRegion(s string) (Region, error) {
	for _, r := range Regions() {
		if regionNames[r] == s {
			return r, nil
		}
	}
	return 0, &forfait.InputError{Field: "region", Value: strconv.Quote(s), Reason: "not spelt as in Annexe 2 §1", Err: ErrUnknownRegion}
}

// MarshalText encodes r as String does, the zero value as ""; another
// invalid region is an error.
func (r Region) MarshalText() ([]byte, error) {
	switch {
	case r == 0:
		return []byte{}, nil
	case !r.IsValid():
		return nil, &forfait.InputError{Field: "region", Value: r.String(), Err: ErrUnknownRegion}
	}
	return []byte(regionNames[r]), nil
}

// UnmarshalText decodes the form MarshalText produces; "" is the zero value.
func (r *Region) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*r = 0
		return nil
	}
	v, err := ParseRegion(string(text))
	if err != nil {
		return err
	}
	*r = v
	return nil
}
