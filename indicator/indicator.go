package indicator

import (
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
)

// ID identifies one of the five volet-1 usage indicators of Annexe 1. The
// zero value is not an indicator.
type ID uint8

// The indicators, in the order of the Annexe 1 table.
const (
	DS11 ID = 1 // DS1.1 discharge letters
	DS12 ID = 2 // DS1.2 discharge prescriptions
	DS13 ID = 3 // DS1.3 operative reports (the CRO bonus)
	DS21 ID = 4 // DS2.1 biology reports
	DS31 ID = 5 // DS3.1 imaging reports
)

// NumIDs is the number of volet-1 indicators.
const NumIDs = 5

// IDs lists the indicators in Annexe 1 order.
func IDs() [NumIDs]ID { return [NumIDs]ID{DS11, DS12, DS13, DS21, DS31} }

var idNames = [...]string{"", "DS1.1", "DS1.2", "DS1.3", "DS2.1", "DS3.1"}

// ErrInvalidID: text or a value that is not one of the five indicators.
var ErrInvalidID = codec.NewSentinel("indicator: not a volet-1 indicator", "n'est pas un indicateur du volet 1")

// IsValid reports whether id is one of the five indicators.
func (id ID) IsValid() bool { return id >= DS11 && id <= DS31 }

// Index is id's position from 0, for arrays indexed by indicator. It is
// only meaningful for a valid id.
func (id ID) Index() int { return int(id) - 1 }

// idText is the text form of an indicator (codec.Enum).
var idText = codec.Enum[ID]{Kind: "indicator", Names: idNames[:], Err: ErrInvalidID}

// String returns "DS1.1" … "DS3.1"; "unset" for the zero value and
// "invalid indicator n" for another invalid one.
func (id ID) String() string { return idText.String(id) }

// ParseID reads the form String returns.
func ParseID(s string) (ID, error) { return idText.Parse(s) }

// MarshalText encodes id as String does, the zero value as ""; another
// invalid id is an error.
func (id ID) MarshalText() ([]byte, error) { return idText.Marshal(id) }

// UnmarshalText decodes the form MarshalText produces; "" is the zero
// value.
func (id *ID) UnmarshalText(text []byte) error { return idText.Unmarshal(text, id) }

// Indicator describes one indicator as Annexe 1 defines it: a rate, per
// establishment, of stays (DS1) or reports (DS2, DS3) whose document was
// sent to the DMP in a given format with a qualified INS.
type Indicator struct {
	ID     ID
	Domain forfait.Domain
	// Bonus marks DS1.3, which conditions the CRO bonus (§5) and not the
	// domain itself.
	Bonus bool
	// Label is the Annexe 1 wording, in French.
	Label string
	// Unit is what the rate counts: "séjours" (stays) or "comptes rendus"
	// (reports).
	Unit string
	// Format is the required document format (CDA R2 level 1 or 3).
	Format string
	// QualifiedINS: the document must carry a qualified national health
	// identity (INS qualifiée); all five require it.
	QualifiedINS bool
	Source       string
}

// Describe returns Annexe 1's description of id. id must be valid.
func Describe(id ID) Indicator {
	const src = "Annexe 1, volet 1"
	stays, reports := "séjours", "comptes rendus"
	return [NumIDs]Indicator{
		{DS11, forfait.DS1, false, "Taux de séjours pour lesquels le DMP a été alimenté d'une lettre de liaison au format CDA R2 niveau 1 et comprenant une INS qualifiée",
			stays, "CDA R2 niveau 1", true, src + ", DS 1.1"},
		{DS12, forfait.DS1, false, "Taux de séjours pour lesquels le DMP a été alimenté d'au moins une ordonnance de sortie au format CDA R2 niveau 1 et comprenant une INS qualifiée",
			stays, "CDA R2 niveau 1", true, src + ", DS 1.2"},
		{DS13, forfait.DS1, true, "Taux de séjours pour lesquels le DMP a été alimenté d'un compte-rendu opératoire (CRO) au format CDA R2 niveau 1 et comprenant une INS qualifiée",
			stays, "CDA R2 niveau 1", true, src + ", DS 1.3 (bonus)"},
		{DS21, forfait.DS2, false, "Taux de comptes rendus de biologie médicale structurés au format CDA R2 niveau 3 transmis au DMP, avec une INS qualifiée",
			reports, "CDA R2 niveau 3 (structuré)", true, src + ", DS 2.1"},
		{DS31, forfait.DS3, false, "Taux de comptes rendus d'imagerie structurés au format CDA R2 niveau 1 transmis au DMP avec une INS qualifiée",
			reports, "CDA R2 niveau 1", true, src + ", DS 3.1"},
	}[id.Index()]
}

// For returns the indicators that decide whether variant v is reached
// (Annexe 1): DS1.1 and DS1.2 for DS1, plus DS1.3 for DS1+CRO; DS2.1 for
// DS2; DS3.1 for DS3; none for an invalid variant.
func For(v forfait.Variant) []ID {
	switch {
	case !v.IsValid():
		return nil
	case v.CRO:
		return []ID{DS11, DS12, DS13}
	case v.Domain == forfait.DS1:
		return []ID{DS11, DS12}
	case v.Domain == forfait.DS2:
		return []ID{DS21}
	}
	return []ID{DS31}
}
