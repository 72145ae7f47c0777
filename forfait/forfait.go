package forfait

import (
	"encoding/json"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/window"
)

// Request asks for one domain's forfait in one window.
type Request struct {
	// Combined is the establishment's 2019 combined activity (Annexe 3 §1),
	// from RuleSet.CombinedActivity or as provided to the ARS.
	Combined decimal.Decimal `json:"combined_activity"`
	// NationalMax is the largest combined activity among all establishments
	// nationally, the upper end of category D (INT-02). Zero means "not
	// supplied": a category-D computation then fails with ErrNationalMax.
	NationalMax decimal.Decimal `json:"national_max"`
	// Variant is the domain and, on DS1, whether the advanced forfait with
	// the operative-report bonus is asked (§5, Annexe 3 §3).
	Variant Variant       `json:"variant"`
	Window  window.Window `json:"window"`
}

// Equal reports whether r and q ask for the same forfait (decimals
// compared by value; == would compare their representations).
func (r Request) Equal(q Request) bool {
	return r.Combined.Equal(q.Combined) && r.NationalMax.Equal(q.NationalMax) && r.Variant == q.Variant && r.Window == q.Window
}

// Forfait is one domain's forfait in one window, and its split.
type Forfait struct {
	Variant  Variant
	Window   window.Window
	Category Category
	Combined decimal.Decimal // combined activity (Annexe 3 §1)
	// Base is the interpolated base amount of the domain, rounded to the
	// rule set's base unit, before the bonus and the window factor
	// (Annexe 3 §3, INT-01, INT-03).
	Base decimal.Decimal
	// Amount is the forfait: Base × (1 + bonus, if CRO) × window factor,
	// rounded to the forfait unit (Annexe 3 §4, INT-03).
	Amount decimal.Decimal
	// Advance is paid once the prerequisites are met; Balance (solde) when
	// the targets are reached. Advance + Balance = Amount (§5, INT-04).
	Advance, Balance decimal.Decimal
}

// Equal reports whether f and g hold the same values (decimals compared by
// value, so 1.50 equals 1.5).
func (f Forfait) Equal(g Forfait) bool {
	return f.Variant == g.Variant && f.Window == g.Window && f.Category == g.Category &&
		f.Combined.Equal(g.Combined) && f.Base.Equal(g.Base) && f.Amount.Equal(g.Amount) &&
		f.Advance.Equal(g.Advance) && f.Balance.Equal(g.Balance)
}

type forfaitJSON struct {
	Combined string        `json:"combined_activity"`
	Category Category      `json:"category"`
	Domain   Domain        `json:"domain"`
	CRO      bool          `json:"cro"`
	Window   window.Window `json:"window"`
	Base     string        `json:"base"`
	Amount   string        `json:"forfait"`
	Advance  string        `json:"advance"`
	Balance  string        `json:"balance"`
}

// MarshalJSON encodes f with the campaign's field names and amounts as
// strings in euros, never as floats.
func (f Forfait) MarshalJSON() ([]byte, error) {
	return json.Marshal(forfaitJSON{
		Combined: Format(f.Combined), Category: f.Category, Domain: f.Variant.Domain, CRO: f.Variant.CRO, Window: f.Window,
		Base: Format(f.Base), Amount: Format(f.Amount), Advance: Format(f.Advance), Balance: Format(f.Balance),
	})
}

// UnmarshalJSON decodes the form MarshalJSON produces.
func (f *Forfait) UnmarshalJSON(data []byte) error {
	var j forfaitJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	var g Forfait
	for _, a := range []struct {
		field string
		text  string
		to    *decimal.Decimal
	}{
		{"combined_activity", j.Combined, &g.Combined}, {"base", j.Base, &g.Base}, {"forfait", j.Amount, &g.Amount},
		{"advance", j.Advance, &g.Advance}, {"balance", j.Balance, &g.Balance},
	} {
		d, err := decimal.NewFromString(a.text)
		if err != nil {
			return &InputError{Field: a.field, Value: strconv.Quote(a.text), Err: err}
		}
		*a.to = d
	}
	g.Category, g.Variant, g.Window = j.Category, Variant{Domain: j.Domain, CRO: j.CRO}, j.Window
	if err := g.Variant.Check(); err != nil {
		return err
	}
	*f = g
	return nil
}

// MarshalJSON encodes r with its amounts as strings, whatever
// shopspring's settings (codec.MarshalAmounts).
func (r Request) MarshalJSON() ([]byte, error) { return codec.MarshalAmounts(r, Format) }
