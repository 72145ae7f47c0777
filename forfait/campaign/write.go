package campaign

import (
	"encoding/json"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
)

// Header is the first line of the CSV output (Write, AppendCSV).
const Header = "finess,region,combined_activity,category,domain,cro,window,base,forfait,advance,balance"

// AppendCSV appends the records as CSV lines under Header, amounts in euros
// as plain decimals without thousands separators. No field needs quoting:
// FINESS numbers are digits and 2A/2B, region names those of Annexe 2 (no
// comma or quote), the rest numbers and codes.
func AppendCSV(dst []byte, recs []Record) []byte {
	dst = append(dst, Header...)
	dst = append(dst, '\n')
	return appendRows(dst, recs)
}

func appendRows(dst []byte, recs []Record) []byte {
	for i := range recs {
		r := &recs[i]
		dst = append(dst, r.FINESS.String()...)
		dst = append(dst, ',')
		dst = append(dst, r.Region.String()...)
		dst = append(dst, ',')
		dst = forfait.AppendFormat(dst, r.Combined)
		dst = append(dst, ',')
		dst = append(dst, r.Category.String()...)
		dst = append(dst, ',')
		dst = append(dst, r.Variant.Domain.String()...)
		dst = append(dst, ',')
		dst = strconv.AppendBool(dst, r.Variant.CRO)
		dst = append(dst, ',')
		dst = append(dst, r.Window.String()...)
		for _, amount := range [...]decimal.Decimal{r.Base, r.Amount, r.Advance, r.Balance} {
			dst = append(dst, ',')
			dst = forfait.AppendFormat(dst, amount)
		}
		dst = append(dst, '\n')
	}
	return dst
}

// identityJSON is the head of a record's JSON object.
type identityJSON struct {
	FINESS string `json:"finess"`
	Region string `json:"region"`
}

// MarshalJSON encodes r as one flat object: the establishment's FINESS and
// region, the forfait's own fields (amounts as strings) and, when the
// record has one, its derivation. Without it, the embedded Forfait's
// method would be promoted and drop the establishment.
func (r Record) MarshalJSON() ([]byte, error) {
	f, err := json.Marshal(r.Forfait)
	if err != nil {
		return nil, err
	}
	var est Establishment
	if r.Establishment != nil {
		est = *r.Establishment
	}
	head, err := json.Marshal(identityJSON{FINESS: est.FINESS.String(), Region: est.Region.String()})
	if err != nil {
		return nil, err
	}
	obj := append(head[:len(head)-1], ',')
	obj = append(obj, f[1:len(f)-1]...)
	if r.Derivation != nil {
		steps, err := json.Marshal(r.Derivation.Steps)
		if err != nil {
			return nil, err
		}
		obj = append(obj, `,"derivation":`...)
		obj = append(obj, steps...)
	}
	return append(obj, '}'), nil
}
