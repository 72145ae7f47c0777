package campaign

import "encoding/json"

// header is the first line of the CSV output.
const header = "finess,region,combined_activity,category,domain,cro,window,base,forfait,advance,balance"

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
