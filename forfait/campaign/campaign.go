package campaign

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/window"

	"github.com/sunes-spec/sunes/forfait/codec"
)

// numVariants is the number of variants an establishment can be funded
// for: DS1, DS1+CRO, DS2, DS3 (forfait.Variants; §5, Annexe 3 §3).
const numVariants = 4

// rowsPerEstablishment is the number of records per establishment: each
// variant in each window.
const rowsPerEstablishment = numVariants * window.Count

// Record is one establishment's forfait for one variant in one window
// (Annexe 3 §4; §5).
type Record struct {
	*Establishment // shared by its establishment's records
	forfait.Forfait
	// Derivation is set when Options.Explain asks for it.
	Derivation *forfait.Derivation
}

// Options tune Compute.
type Options struct {
	// NationalMax is the national maximum of combined activity, the upper
	// end of category D (INT-02). Zero means: the largest combined activity
	// among the establishments, the input being the national dataset.
	NationalMax decimal.Decimal
	// Explain attaches a derivation to every record (it records every step
	// of every computation: see the benchmarks for its cost). Write
	// writes derivations in JSON only, and refuses Explain with CSV.
	Explain bool
	// Lang, when set, is the language of the derivations' texts: each
	// step gets its label, and in French its value and computation in
	// French (forfait.Derivation.In). Unset, they are as Explain writes
	// them.
	Lang codec.Lang
}

// Compute returns the 16 records of each establishment (each variant in
// each window), each pointing to its element of ests (which the caller
// must not change while it uses the records), in input order, then
// variant, then window (Annexe 3 §1-§4; §5; INT-01 to INT-04). It reports every problem at once and then returns no record:
// an invalid rule set (forfait.ErrInvalidRuleSet), an activity above an
// explicit national maximum or a category-D activity the maximum cannot
// serve (forfait.ErrNationalMax), each as a *LineError on the
// establishment's line.
func Compute(in *instruction.Rules, ests []Establishment, opt Options) ([]Record, error) {
	c, err := in.Forfait.Compile()
	if err != nil {
		return nil, err
	}
	nationalMax, _, err := prepare(c, ests, opt)
	if err != nil {
		return nil, err
	}
	var errs []error
	out := make([]Record, len(ests)*rowsPerEstablishment)
	for i := range ests {
		x := combinedOf(c, &ests[i])
		if err := fillRecords(out[i*rowsPerEstablishment:(i+1)*rowsPerEstablishment], c, &ests[i], x.Decimal(), nationalMax.Decimal(), opt.Explain, opt.Lang); err != nil {
			errs = append(errs, &LineError{Line: ests[i].Line, Field: "combined_activity", Value: x.String(), Err: err})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// prepare checks every establishment's activity (Annexe 3 §1) and returns
// the national maximum: opt's, or the largest combined activity of ests
// (INT-02, forfait.LargestActivity), with the index of the establishment
// it comes from (-1 when given, or when every activity is zero). Combined activities are not kept: combinedOf computes one again
// in a few nanoseconds, and holding them would take memory that grows with
// the extract.
func prepare(c *forfait.Compiled, ests []Establishment, opt Options) (forfait.NationalMax, int, error) {
	if len(ests) == 0 {
		return forfait.NationalMax{}, -1, &LineError{Line: 1, Err: ErrEmpty}
	}
	var errs []error
	for _, e := range ests {
		if _, err := c.Combine(e.Activity); err != nil {
			errs = append(errs, &LineError{Line: e.Line, Field: "activity", Err: err})
		}
	}
	if len(errs) > 0 {
		return forfait.NationalMax{}, -1, errors.Join(errs...)
	}
	if !opt.NationalMax.IsZero() {
		return forfait.NationalMaxOf(opt.NationalMax), -1, nil
	}
	from := forfait.LargestActivity(len(ests), func(i int) forfait.Combined { return combinedOf(c, &ests[i]) })
	if from < 0 {
		return forfait.NationalMax{}, -1, nil
	}
	return forfait.NationalMax(combinedOf(c, &ests[from])), from, nil
}

// combinedOf is the combined activity of e (Annexe 3 §1), whose activity
// prepare has checked.
func combinedOf(c *forfait.Compiled, e *Establishment) forfait.Combined {
	x, _ := c.Combine(e.Activity)
	return x
}

// Key identifies one record: an establishment, a variant, a window.
type Key struct {
	FINESS  forfait.FINESS
	Variant forfait.Variant
	Window  window.Window
}

// String returns the form ParseKey reads.
func (k Key) String() string {
	return k.FINESS.String() + ":" + k.Variant.String() + ":" + k.Window.String()
}

var (
	// ErrNoSuchRecord: a Key that names no record of the extract.
	ErrNoSuchRecord = codec.NewSentinel("campaign: no such record", "ne désigne aucune ligne de l'extraction")
	// ErrInvalidKey: text that is not FINESS:VARIANT:WINDOW.
	ErrInvalidKey = codec.NewSentinel("campaign: malformed key", "n'est pas une clé de ligne bien formée (FINESS:domaine:fenêtre)")
)

// ParseKey reads "FINESS:VARIANT:WINDOW", VARIANT being DS1, DS1+CRO, DS2
// or DS3: "750712184:DS1+CRO:1".
func ParseKey(s string) (Key, error) {
	parts := strings.Split(s, ":")
	bad := &forfait.InputError{Field: "key", Value: strconv.Quote(s), Reason: codec.Text{French: "attendu : FINESS:DS1|DS1+CRO|DS2|DS3:FENÊTRE", English: "want FINESS:DS1|DS1+CRO|DS2|DS3:WINDOW"}, Err: ErrInvalidKey}
	if len(parts) != 3 {
		return Key{}, bad
	}
	f, err1 := forfait.ParseFINESS(parts[0])
	v, err2 := forfait.ParseVariant(parts[1])
	w, err3 := window.Parse(parts[2])
	if err1 != nil || err2 != nil || err3 != nil {
		return Key{}, bad
	}
	return Key{FINESS: f, Variant: v, Window: w}, nil
}

// Explain returns the derivation of one record of the extract, computed
// exactly as Compute computes it (Annexe 3 §1-§4; same national maximum,
// INT-02).
func Explain(in *instruction.Rules, ests []Establishment, opt Options, k Key) (forfait.Derivation, error) {
	c, err := in.Forfait.Compile()
	if err != nil {
		return forfait.Derivation{}, err
	}
	nationalMax, _, err := prepare(c, ests, opt)
	if err != nil {
		return forfait.Derivation{}, err
	}
	i := slices.IndexFunc(ests, func(e Establishment) bool { return e.FINESS == k.FINESS })
	if i < 0 {
		return forfait.Derivation{}, &LineError{Field: "finess", Value: k.FINESS.String(), Err: ErrNoSuchRecord}
	}
	combined := combinedOf(c, &ests[i])
	d, err := in.Forfait.Explain(forfait.Request{Combined: combined.Decimal(), NationalMax: nationalMax.Decimal(), Variant: k.Variant, Window: k.Window})
	if err != nil {
		return forfait.Derivation{}, &LineError{Line: ests[i].Line, Field: "combined_activity", Value: combined.String(), Err: err}
	}
	return d, nil
}

// fillRecords writes e's records into out.
func fillRecords(out []Record, c *forfait.Compiled, e *Establishment, combined, nationalMax decimal.Decimal, explain bool, lang codec.Lang) error {
	k := 0
	for _, v := range forfait.Variants() {
		for _, w := range window.All() {
			req := forfait.Request{Combined: combined, NationalMax: nationalMax, Variant: v, Window: w}
			rec := &out[k]
			k++
			rec.Establishment = e
			var err error
			if explain {
				var d forfait.Derivation
				d, err = c.Explain(req)
				if lang != 0 {
					d = d.In(lang)
				}
				rec.Forfait, rec.Derivation = d.Forfait, &d
			} else {
				rec.Forfait, err = c.Compute(req)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}
