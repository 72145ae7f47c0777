package campaign

import (
	"errors"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/window"
)

// RegionalEnvelope is one region's share of a national total.
type RegionalEnvelope struct {
	Region envelope.Region
	// Weight is the region's sum of window-1 standard forfaits: DS1 without
	// the CRO bonus, DS2 and DS3 (Annexe 2 §1: every establishment funded at
	// 100 % of its volet-1 forfaits).
	Weight   decimal.Decimal
	Envelope decimal.Decimal
	envelope.Credits
}

// RegionalEnvelopes allocates total euros among the 18 regions of Annexe 2,
// in its order, in proportion to their weights (Annexe 2 §1; largest
// remainder to the euro, INT-08), and splits each envelope into advance and
// usage credits (Annexe 2 §3). The weights are computed from ests as
// Compute computes their records, with the same errors, without holding
// the records. Regions without establishments get zero.
func RegionalEnvelopes(in *instruction.Rules, ests []Establishment, opt Options, total decimal.Decimal) ([]RegionalEnvelope, error) {
	c, err := in.Forfait.Compile()
	if err != nil {
		return nil, err
	}
	nationalMax, _, err := prepare(c, ests, opt)
	if err != nil {
		return nil, err
	}
	weights := make([]decimal.Decimal, envelope.NumRegions)
	for i := range weights {
		weights[i] = decimal.Zero
	}
	var errs []error
	for i := range ests {
		e := &ests[i]
		x := combinedOf(c, e)
		for _, v := range forfait.Variants() {
			if v.CRO {
				continue
			}
			f, err := c.Compute(forfait.Request{Combined: x.Decimal(), NationalMax: nationalMax.Decimal(), Variant: v, Window: window.W1})
			if err != nil {
				errs = append(errs, &LineError{Line: e.Line, Field: "combined_activity", Value: x.String(), Err: err})
				break
			}
			weights[e.Region.Index()] = weights[e.Region.Index()].Add(f.Amount)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	parts, err := envelope.Allocate(total, weights)
	if err != nil {
		return nil, err
	}
	out := make([]RegionalEnvelope, envelope.NumRegions)
	for i, r := range envelope.Regions() {
		c, err := envelope.SplitCredits(&in.Forfait, parts[i])
		if err != nil {
			return nil, err
		}
		out[i] = RegionalEnvelope{Region: r, Weight: weights[i], Envelope: parts[i], Credits: c}
	}
	return out, nil
}

// allocationHeader is the first line of AppendAllocation's output.
const allocationHeader = "region,weight,envelope,advance_credits,usage_credits"

// AppendAllocation appends the envelopes as CSV under a header line.
// Region names hold no comma or quote (Annexe 2 spelling).
func AppendAllocation(dst []byte, envs []RegionalEnvelope) []byte {
	dst = append(dst, allocationHeader+"\n"...)
	for _, e := range envs {
		dst = append(dst, e.Region.String()...)
		for _, v := range [...]decimal.Decimal{e.Weight, e.Envelope, e.Advance, e.Usage} {
			dst = append(dst, ',')
			dst = forfait.AppendFormat(dst, v)
		}
		dst = append(dst, '\n')
	}
	return dst
}

// MarshalJSON encodes e with its amounts as strings, whatever
// shopspring's settings (codec.MarshalAmounts).
func (e RegionalEnvelope) MarshalJSON() ([]byte, error) {
	return codec.MarshalAmounts(e, forfait.Format)
}
