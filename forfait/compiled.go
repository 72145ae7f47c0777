package forfait

import (
	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/window"
)

// Compiled is a rule set validated once and converted once to the
// fixed-point form the fast path computes with, in the spirit of
// regexp.Compile: computing does not re-validate it nor re-convert its
// decimals. It is immutable and safe for concurrent use. It is the fast
// path; the RuleSet's exact computation is the reference and its fallback
// for what does not fit the fixed-point form, so that a Compiled gives the
// same forfait and the same errors as the RuleSet it was compiled from
// (Annexe 3 §3-§4; §5; INT-01 to INT-04).
type Compiled struct {
	rs RuleSet // the rule set, for the exact path

	// fits is false when a parameter does not fit the fixed-point form:
	// every computation then takes the exact path.
	fits                               bool
	lowers                             [NumCategories]fix
	amounts                            [NumCategories][NumDomains][2]fix // min, max
	factors                            [window.Count]fix
	weightCoefs                        [NumActivityFields]uint64 // the weights × 10^-weightExp
	weightExp                          int32
	bonus, share                       fix
	baseUnit, forfaitUnit, advanceUnit fix
}

// Compile validates rs (every problem at once, as RuleSet.Validate) and
// returns its compiled form (Annexe 3; INT-01 to INT-04). rs is copied:
// amending it afterwards does not change the Compiled.
func (rs *RuleSet) Compile() (*Compiled, error) {
	if err := rs.Validate(); err != nil {
		return nil, err
	}
	c := &Compiled{rs: *rs, fits: true} // the bands and the schedule are arrays: copied

	conv := func(d decimal.Decimal) fix {
		f := fixOf(d)
		c.fits = c.fits && !f.bad
		return f
	}
	for i, b := range rs.Bands {
		c.lowers[i] = conv(b.Lower)
		for d, r := range b.Amounts {
			c.amounts[i][d] = [2]fix{conv(r.Min), conv(r.Max)}
		}
	}
	for i := range rs.Windows {
		c.factors[i] = conv(rs.Windows[i].Factor)
	}
	var weights [NumActivityFields]fix
	for i := range rs.Weights {
		weights[i] = conv(rs.Weights[i].Factor)
		c.weightExp = min(c.weightExp, weights[i].e)
	}
	for i, w := range weights {
		coef, ok := scale(w.c, w.e-c.weightExp) // ≥ 0: weights are validated
		c.weightCoefs[i] = uint64(coef)
		c.fits = c.fits && ok
	}
	c.bonus, c.share = conv(rs.CROBonus.Value), conv(rs.Advance.Value)
	c.baseUnit, c.forfaitUnit, c.advanceUnit = conv(rs.Rounding.BaseUnit), conv(rs.Rounding.ForfaitUnit), conv(rs.Rounding.AdvanceUnit)
	return c, nil
}

// RuleSet returns a copy of the rule set c was compiled from (Annexe 3).
func (c *Compiled) RuleSet() RuleSet { return c.rs }

// Compute is RuleSet.Compute on the compiled rules (Annexe 3 §3-§4; §5;
// INT-01 to INT-04): the same forfait, the same errors.
func (c *Compiled) Compute(req Request) (Forfait, error) {
	if o, cat, ok := c.fast(req); ok {
		return result(req, cat, o), nil
	}
	return c.rs.compute(req, nil)
}

// CombinedActivity is RuleSet.CombinedActivity on the compiled rules
// (Annexe 3 §1): the same sum, the same errors.
func (c *Compiled) CombinedActivity(a Activity) (decimal.Decimal, error) {
	x, err := c.Combine(a)
	return x.Decimal(), err
}

// Category is RuleSet.Category on the compiled rules (Annexe 3 §3;
// INT-01, INT-02): the same category, the same errors.
func (c *Compiled) Category(combined Combined, nationalMax NationalMax) (Category, error) {
	if _, _, i, ok := c.band(combined, nationalMax); ok {
		return Category(i) + A, nil
	}
	return c.rs.Category(combined.Decimal(), nationalMax)
}

// Explain is RuleSet.Explain on the compiled rules (Annexe 3 §1-§4; §5).
func (c *Compiled) Explain(req Request) (Derivation, error) { return c.rs.Explain(req) }

// Cents is an amount in euro cents (the forfait is rounded to the euro,
// INT-03).
type Cents int64

// AppendFormat appends the amount in euros as Format prints it: "12345",
// "12345.5", "-0.05".
func (c Cents) AppendFormat(dst []byte) []byte {
	return appendParts(dst, int64(c/100), int64(c%100), 2)
}

// Amounts is a forfait as whole cents, for batch callers that need no
// decimal: the category, the base, the forfait and its split (Annexe 3
// §3-§4; §5; INT-03, INT-04).
type Amounts struct {
	Category                       Category
	Base, Amount, Advance, Balance Cents
}

// ErrNotCents: an amount that is not a whole number of cents (a rounding
// unit below the cent) or beyond what Cents holds, which ComputeCents and
// ComputeTable cannot give (Compute can).
var ErrNotCents = codec.NewSentinel("forfait: amount not in whole cents", "n'est pas un nombre entier de centimes")

// ComputeCents is Compute as whole cents, without allocating on the
// fixed-point path (Annexe 3 §3-§4; §5; INT-01 to INT-04): the same
// forfait and the same errors, and ErrNotCents when an amount is not a
// whole number of cents or does not fit an int64 of cents.
func (c *Compiled) ComputeCents(req Request) (Amounts, error) {
	var a Amounts
	if o, cat, ok := c.fast(req); ok && setAmounts(&a, cat, &o) {
		return a, nil
	}
	f, err := c.rs.compute(req, nil)
	if err != nil {
		return Amounts{}, err
	}
	o := formulaOut[fix]{base: fixOf(f.Base), amount: fixOf(f.Amount), advance: fixOf(f.Advance), balance: fixOf(f.Balance)}
	if !setAmounts(&a, f.Category, &o) {
		return Amounts{}, &InputError{Field: "amount", Value: Format(f.Amount), Reason: codec.Text{French: "pas un nombre entier de centimes compris dans ±2^63", English: "not a whole number of cents within ±2^63"}, Err: ErrNotCents}
	}
	return a, nil
}

// setAmounts sets a to the formula's results in cents; false when one of
// them overflowed or is not a whole number of cents.
func setAmounts(a *Amounts, cat Category, o *formulaOut[fix]) bool {
	var ok [4]bool
	a.Category = cat
	a.Base, ok[0] = o.base.cents()
	a.Amount, ok[1] = o.amount.cents()
	a.Advance, ok[2] = o.advance.cents()
	a.Balance, ok[3] = o.balance.cents()
	return ok == [4]bool{true, true, true, true}
}

// Table is every forfait of one establishment as whole cents: each of the
// four variants (Variants) in each window (Annexe 3 §4; §5).
type Table [4][window.Count]Amounts

// ComputeTable fills t with the 16 forfaits of an establishment of this
// combined activity (Annexe 3 §3-§4; §5; INT-01 to INT-04), as
// ComputeCents computes them: the batch caller's path. On the fixed-point
// path it locates the band once, computes a row once for variants with
// the same base and bonus, and allocates nothing. nationalMax is zero
// when not supplied (INT-02). On error (those of ComputeCents, for the
// first variant and window that has one), t is in an unspecified state.
func (c *Compiled) ComputeTable(combined Combined, nationalMax NationalMax, t *Table) error {
	if !c.fastTable(combined, nationalMax, t) {
		for k, v := range Variants() {
			for j, w := range window.All() {
				var err error
				req := Request{Combined: combined.Decimal(), NationalMax: nationalMax.Decimal(), Variant: v, Window: w}
				if t[k][j], err = c.ComputeCents(req); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// fastTable is ComputeTable in fixed point; false when a value does not fit
// or the exact path must decide.
func (c *Compiled) fastTable(combined Combined, nationalMax NationalMax, t *Table) bool {
	cf, mf, i, ok := c.band(combined, nationalMax)
	if !ok {
		return false
	}
	// One set of operands serves every domain and variant: base reads the
	// domain's amounts, set first, and bonus and windowed the CRO and the
	// window's factor, set after.
	in := c.operands(cf, mf, i, Variant{Domain: DS1}, 0)
	var bases [NumDomains]fix // the base depends on the domain alone
	for d := range bases {
		in.min, in.max = c.amounts[i][d][0], c.amounts[i][d][1]
		var o formulaOut[fix]
		base(&in, &o)
		bases[d] = o.base
	}
	variants := Variants()
	for k, v := range variants {
		o := formulaOut[fix]{base: bases[v.Domain.Index()]}
		if p := sameRow(variants[:k], v, bases[:], o.base); p >= 0 {
			t[k] = t[p] // DS2 and DS3 share their amounts in the 2021 rules
			continue
		}
		in.cro = v.CRO
		bonus(&in, &o)
		for w := range window.Count {
			in.factor = c.factors[w] // windowed overwrites every result but the base with bonus
			windowed(&in, &o)
			if !setAmounts(&t[k][w], Category(i)+A, &o) {
				return false
			}
		}
	}
	return true
}

// sameRow returns the index of the first of done whose forfaits are
// those of v, with base the base of v's domain, or -1: the bonus, the
// factors and the split being shared, a variant's row depends on its base
// and its bonus alone.
func sameRow(done []Variant, v Variant, bases []fix, base fix) int {
	for p, u := range done {
		if u.CRO == v.CRO && bases[u.Domain.Index()] == base {
			return p
		}
	}
	return -1
}

// band locates the band of combined in fixed point: false when the rule set
// or a value does not fit, or when the exact path must report an error.
func (c *Compiled) band(combined Combined, nationalMax NationalMax) (cf, mf fix, i int, ok bool) {
	cf, mf = combined.f, nationalMax.f
	if !c.fits || cf.bad || mf.bad {
		return cf, mf, 0, false
	}
	i, p, ok := locate(cf, mf, &c.lowers, true)
	return cf, mf, i, ok && p == bandFound
}

// fast runs the formula on the compiled parameters, or reports false for
// anything the exact path must decide (an invalid request, an error, an
// overflow).
func (c *Compiled) fast(req Request) (formulaOut[fix], Category, bool) {
	if !req.Variant.IsValid() || !req.Window.IsValid() {
		return formulaOut[fix]{}, 0, false
	}
	cf, mf, i, ok := c.band(CombinedOf(req.Combined), NationalMaxOf(req.NationalMax))
	if !ok {
		return formulaOut[fix]{}, 0, false
	}
	in := c.operands(cf, mf, i, req.Variant, req.Window.Index())
	o := formula(&in)
	// An overflow is sticky and the balance comes from every other value.
	return o, Category(i) + A, !o.balance.overflowed()
}

// operands are the formula's operands for band i, variant v and window
// index w.
func (c *Compiled) operands(combined, nationalMax fix, i int, v Variant, w int) formulaIn[fix] {
	r := &c.amounts[i][v.Domain.Index()]
	return formulaIn[fix]{
		combined: combined, lower: c.lowers[i], upper: upperEnd(i, &c.lowers, nationalMax), min: r[0], max: r[1],
		baseUnit: c.baseUnit, bonus: c.bonus, factor: c.factors[w],
		forfaitUnit: c.forfaitUnit, share: c.share, advanceUnit: c.advanceUnit, cro: v.CRO,
	}
}
