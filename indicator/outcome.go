package indicator

import (
	"encoding/json"
	"errors"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/window"
)

// Result is one indicator's rate against its target.
type Result struct {
	ID      ID
	Rate    Rate
	Target  decimal.Decimal // in percent
	Reached bool
	// Margin is rate − target in percentage points, rounded to 0.01 when
	// the rate is from counts; negative when missed. For display: Reached
	// is decided exactly (INT-07).
	Margin decimal.Decimal
	// Shortfall, for a rate from counts, is how many more documented stays
	// or reports would reach the target (0 when reached); HasShortfall is
	// false for a declared percentage.
	Shortfall    int64
	HasShortfall bool
}

type resultJSON struct {
	ID        ID     `json:"indicator"`
	Rate      Rate   `json:"rate"`
	Target    string `json:"target"`
	Reached   bool   `json:"reached"`
	Margin    string `json:"margin"`
	Shortfall *int64 `json:"shortfall,omitempty"`
}

// MarshalJSON encodes r as {"indicator", "rate", "target", "reached",
// "margin", "shortfall"}, percentages as strings; "shortfall" only for a
// rate from counts.
func (r Result) MarshalJSON() ([]byte, error) {
	j := resultJSON{ID: r.ID, Rate: r.Rate, Target: forfait.Format(r.Target), Reached: r.Reached, Margin: forfait.Format(r.Margin)}
	if r.HasShortfall {
		j.Shortfall = &r.Shortfall
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes the form MarshalJSON produces.
func (r *Result) UnmarshalJSON(data []byte) error {
	var j resultJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	target, err := decimal.NewFromString(j.Target)
	if err != nil {
		return &forfait.InputError{Field: "target", Value: j.Target, Err: ErrInvalidTargets}
	}
	margin, err := decimal.NewFromString(j.Margin)
	if err != nil {
		return &forfait.InputError{Field: "margin", Value: j.Margin, Err: ErrInvalidRate}
	}
	*r = Result{ID: j.ID, Rate: j.Rate, Target: target, Reached: j.Reached, Margin: margin}
	if j.Shortfall != nil {
		r.Shortfall, r.HasShortfall = *j.Shortfall, true
	}
	return nil
}

// Equal reports whether r and s hold the same values.
func (r Result) Equal(s Result) bool {
	return r.ID == s.ID && r.Rate.Equal(s.Rate) && r.Target.Equal(s.Target) && r.Reached == s.Reached &&
		r.Margin.Equal(s.Margin) && r.Shortfall == s.Shortfall && r.HasShortfall == s.HasShortfall
}

// Outcome is a domain's result at the end of its window (Annexe 1).
type Outcome struct {
	Variant forfait.Variant `json:"variant"`
	Window  window.Window   `json:"window"`
	// Reached: the domain's targets are reached (DS1.1 and DS1.2; DS2.1;
	// DS3.1), so its balance is due.
	Reached bool `json:"reached"`
	// CROReached: the CRO bonus was asked, the domain is reached and DS1.3
	// is reached too; when false with Reached true, the standard forfait
	// applies (INT-06).
	CROReached bool     `json:"cro_reached"`
	Results    []Result `json:"results"`
}

// Equal reports whether o and p hold the same values (rates and margins
// compared by value).
func (o Outcome) Equal(p Outcome) bool {
	return o.Variant == p.Variant && o.Window == p.Window && o.Reached == p.Reached && o.CROReached == p.CROReached &&
		slices.EqualFunc(o.Results, p.Results, Result.Equal)
}

// Evaluate checks the rates of variant v against its targets in window w
// (Annexe 1; INT-07): DS1 is reached when DS1.1 and DS1.2 are, its CRO
// bonus when DS1.3 is too; DS2 by DS2.1; DS3 by DS3.1. rates must hold a
// declared rate for each indicator of For(v); others are ignored. Every
// problem is reported at once: an invalid domain or window, a CRO bonus
// off DS1 (forfait.ErrBonusNotDS1), a rate absent or never declared (the
// zero Rate; ErrMissingRate, INT-11), a target outside [0, 100]
// (ErrInvalidTargets).
func (t *Targets) Evaluate(v forfait.Variant, w window.Window, rates map[ID]Rate) (Outcome, error) {
	var errs []error
	if err := v.Check(); err != nil {
		errs = append(errs, err)
	}
	if !w.IsValid() {
		errs = append(errs, &forfait.InputError{Field: "window", Value: w.String(), Err: window.ErrInvalid})
	}
	if len(errs) > 0 {
		return Outcome{}, errors.Join(errs...)
	}
	o := Outcome{Variant: v, Window: w, Reached: true, CROReached: v.CRO}
	for _, id := range For(v) {
		rate, ok := rates[id]
		target := t.Target(id, w)
		switch {
		case !ok || !rate.IsValid():
			errs = append(errs, &forfait.InputError{Field: "rates[" + id.String() + "]", Value: rate.String(), Reason: codec.Text{French: "requis pour " + v.String(), English: "needed for " + v.String()}, Err: ErrMissingRate})
			continue
		case !precise(target) || target.Sign() < 0 || target.GreaterThan(hundred):
			errs = append(errs, &forfait.InputError{Field: "targets[" + id.String() + "]", Value: forfait.Format(target), Reason: codec.Text{French: "doit être comprise entre 0 et 100", English: "must be between 0 and 100"}, Err: ErrInvalidTargets})
			continue
		}
		r := Result{ID: id, Rate: rate, Target: target, Reached: rate.Reaches(target), Margin: rate.Percent().Sub(target)}
		r.Shortfall, r.HasShortfall = rate.Shortfall(target)
		o.Results = append(o.Results, r)
		if Describe(id).Bonus {
			o.CROReached = o.CROReached && r.Reached
		} else {
			o.Reached = o.Reached && r.Reached
		}
	}
	if len(errs) > 0 {
		return Outcome{}, errors.Join(errs...)
	}
	o.CROReached = o.CROReached && o.Reached
	return o, nil
}
