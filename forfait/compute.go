package forfait

import (
	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/window"
)

// Category returns the category of a combined activity (Annexe 3 §3): the
// last band whose lower threshold is at most the activity, bands being
// half-open intervals (INT-01). nationalMax is the upper end of the last
// band (INT-02), a type of its own so that the two figures cannot be
// swapped; zero means "not supplied". Errors, all reported at once:
// a negative activity (ErrInvalidActivity); an activity above a supplied
// nationalMax, a last-band activity with no nationalMax or one at or below
// that band's threshold (ErrNationalMax).
func (rs *RuleSet) Category(combined decimal.Decimal, nationalMax NationalMax) (Category, error) {
	c, _, _, err := rs.band(combined, nationalMax.Decimal())
	return c, err
}

// band finds the category of combined and its band's lower and upper ends,
// exactly, with the errors Category documents.
func (rs *RuleSet) band(combined, nationalMax decimal.Decimal) (Category, decimal.Decimal, decimal.Decimal, error) {
	fail := func(field, value string, reason codec.Text, err error) (Category, decimal.Decimal, decimal.Decimal, error) {
		return 0, decimal.Zero, decimal.Zero, &InputError{Field: field, Value: value, Reason: reason, Err: err}
	}
	if !codec.SaneExponent(combined) {
		return fail("combined_activity", Format(combined), codec.Text{French: "exposant au-delà de ±1000", English: "exponent beyond ±1000"}, ErrInvalidActivity)
	}
	if !codec.SaneExponent(nationalMax) {
		return fail("national_max", Format(nationalMax), codec.Text{French: "exposant au-delà de ±1000", English: "exponent beyond ±1000"}, ErrNationalMax)
	}
	var lowers [NumCategories]dec
	for i := range lowers {
		if !codec.SaneExponent(rs.Bands[i].Lower) {
			return fail(lowerField(i), Format(rs.Bands[i].Lower), codec.Text{French: "exposant au-delà de ±1000", English: "exponent beyond ±1000"}, ErrInvalidRuleSet)
		}
		lowers[i] = decOf(rs.Bands[i].Lower)
	}
	i, p, _ := locate(decOf(combined), decOf(nationalMax), &lowers, false)
	cat := Category(i) + A
	switch p {
	case disorderedThresholds:
		if i == 0 {
			return fail(lowerField(0), Format(rs.Bands[0].Lower), codec.Text{French: "la première catégorie doit commencer à 0", English: "the first band must start at 0"}, ErrInvalidRuleSet)
		}
		return fail(lowerField(i), Format(rs.Bands[i].Lower), codec.Text{French: "les seuils doivent être strictement croissants", English: "thresholds must strictly increase"}, ErrInvalidRuleSet)
	case negativeActivity:
		return fail("combined_activity", Format(combined), codec.Text{French: "doit être un nombre de journées positif ou nul", English: "must be a non-negative number of days"}, ErrInvalidActivity)
	case negativeMax:
		return fail("national_max", Format(nationalMax), codec.Text{French: "doit être un nombre de journées positif ou nul", English: "must be a non-negative number of days"}, ErrNationalMax)
	case aboveMax:
		return fail("national_max", Format(nationalMax), codec.Text{French: "inférieur à l'activité combinée de l'établissement, " + codec.French.Number(combined), English: "below the establishment's combined activity " + Format(combined)}, ErrNationalMax)
	case noMax:
		return fail("national_max", "0", codec.Text{French: "requis pour la catégorie " + cat.String() + " (activité combinée " + codec.French.Number(combined) + ")", English: "required for category " + cat.String() + " (activity " + Format(combined) + ")"}, ErrNationalMax)
	case maxAtThreshold:
		return fail("national_max", Format(nationalMax), codec.Text{French: "inférieur ou égal au seuil de la catégorie " + cat.String() + ", " + codec.French.Number(rs.Bands[i].Lower), English: "at or below category " + cat.String() + "'s threshold " + Format(rs.Bands[i].Lower)}, ErrNationalMax)
	}
	if i < NumCategories-1 {
		return cat, rs.Bands[i].Lower, rs.Bands[i+1].Lower, nil
	}
	return cat, rs.Bands[i].Lower, nationalMax, nil
}

func lowerField(i int) string { return "bands[" + (Category(i) + A).String() + "].lower" }

// Compute returns the forfait of req and its advance/balance split
// (Annexe 3 §3 and §4; §5; INT-01 to INT-04). Every problem of req is
// reported at once: an invalid domain (ErrInvalidDomain) or window
// (window.ErrInvalid), a CRO bonus off DS1 (ErrBonusNotDS1), and the errors
// of Category. It is the exact reference, every value a decimal: a
// Compiled gives the same forfait, faster.
func (rs *RuleSet) Compute(req Request) (Forfait, error) {
	return rs.compute(req, nil)
}

// compute is the exact computation: every value a decimal (dec), every
// error found. The compiled rules compute the same values in fixed point.
func (rs *RuleSet) compute(req Request, tr *tracer) (Forfait, error) {
	var errs []error
	if err := req.Variant.Check(); err != nil {
		errs = append(errs, err)
	}
	if !req.Window.IsValid() {
		errs = append(errs, &InputError{Field: "window", Value: req.Window.String(), Err: window.ErrInvalid})
	}
	cat, lower, upper, err := rs.band(req.Combined, req.NationalMax)
	if err != nil {
		errs = append(errs, err)
	}
	var r Range
	if err == nil && req.Variant.Domain.IsValid() {
		r = rs.Bands[cat.Index()].Amounts[req.Variant.Domain.Index()]
	}
	var factor decimal.Decimal
	if req.Window.IsValid() {
		factor = rs.Windows.Factor(req.Window)
	}
	if err := rs.checkParams(r.Min, r.Max, factor); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return Forfait{}, joinErrors(errs)
	}
	in := operands(decOf, rs, req, decOf(lower), decOf(upper), r)
	o := formula(&in)
	if tr != nil {
		rs.trace(tr, req, cat, lower, upper, r, o)
	}
	return result(req, cat, o), nil
}

func operands[T number[T]](of func(decimal.Decimal) T, rs *RuleSet, req Request, lower, upper T, r Range) formulaIn[T] {
	return formulaIn[T]{
		combined: of(req.Combined), lower: lower, upper: upper, min: of(r.Min), max: of(r.Max),
		baseUnit: of(rs.Rounding.BaseUnit), bonus: of(rs.CROBonus.Value), factor: of(rs.Windows.Factor(req.Window)),
		forfaitUnit: of(rs.Rounding.ForfaitUnit), share: of(rs.Advance.Value), advanceUnit: of(rs.Rounding.AdvanceUnit),
		cro: req.Variant.CRO,
	}
}

func result[T number[T]](req Request, cat Category, o formulaOut[T]) Forfait {
	return Forfait{
		Variant: req.Variant, Window: req.Window, Category: cat, Combined: req.Combined,
		Base: o.base.decimal(), Amount: o.amount.decimal(), Advance: o.advance.decimal(), Balance: o.balance.decimal(),
	}
}

// trace records the steps of one computation, with their citations and
// the numbers each step's text shows (derivation.go renders them in
// French).
func (rs *RuleSet) trace(tr *tracer, req Request, cat Category, lower, upper decimal.Decimal, r Range, o formulaOut[dec]) {
	band := rs.Bands[cat.Index()]
	tr.request(req)
	// The last band includes its upper end, the national maximum (INT-02).
	upperRel := " < "
	if cat.Index() == NumCategories-1 {
		upperRel = " ≤ "
	}
	// Each value is formatted once; the formulas are concatenations.
	combined, lo, up, min, max := Format(req.Combined), Format(lower), Format(upper), Format(r.Min), Format(r.Max)
	base, withBonus, exact, amount := Format(o.base.d), Format(o.withBonus.d), Format(o.exact.d), Format(o.amount.d)
	advance, balance := Format(o.advance.d), Format(o.balance.d)
	tr.add("category", cat.String(), band.Source, []string{"INT-01", "INT-02"},
		lo+" ≤ "+combined+upperRel+up+": category "+cat.String(), lower, req.Combined, upper)
	interpolated := approx(o.num.d, o.width.d)
	tr.add("base.interpolated", interpolated, band.Source, []string{"INT-01"},
		min+" + ("+combined+" − "+lo+") × ("+max+" − "+min+") / ("+up+" − "+lo+") = "+interpolated,
		r.Min, req.Combined, lower, r.Max, upper, o.num.d, o.width.d)
	tr.add("base.rounded", base, rs.Rounding.Source, []string{"INT-03"},
		interpolated+" rounded to the nearest "+Format(rs.Rounding.BaseUnit)+" € = "+base, o.num.d, o.width.d, rs.Rounding.BaseUnit, o.base.d)
	if req.Variant.CRO {
		tr.add("bonus", withBonus, rs.CROBonus.Source, nil, base+" × (1 + "+Format(rs.CROBonus.Value)+") = "+withBonus,
			o.base.d, rs.CROBonus.Value, o.withBonus.d)
	}
	factor := rs.Windows.Terms(req.Window)
	tr.add("window_factor", exact, factor.FactorSource, nil,
		withBonus+" × "+Format(factor.Factor)+" (window "+req.Window.String()+") = "+exact,
		o.withBonus.d, factor.Factor, decimal.NewFromInt(int64(req.Window)), o.exact.d)
	tr.add("forfait", amount, rs.Rounding.Source, []string{"INT-03"},
		exact+" rounded to the nearest "+Format(rs.Rounding.ForfaitUnit)+" € = "+amount, o.exact.d, rs.Rounding.ForfaitUnit, o.amount.d)
	tr.add("advance", advance, rs.Advance.Source, []string{"INT-04"},
		amount+" × "+Format(rs.Advance.Value)+" rounded to the nearest "+Format(rs.Rounding.AdvanceUnit)+" € = "+advance,
		o.amount.d, rs.Advance.Value, rs.Rounding.AdvanceUnit, o.advance.d)
	tr.add("balance", balance, rs.Advance.Source, []string{"INT-04"}, amount+" − "+advance+" = "+balance, o.amount.d, o.advance.d, o.balance.d)
}

// Split divides a forfait into the advance, exactly the rule set's advance
// share (30 %) rounded to the advance unit, and the balance, the rest
// (§5, Annexe 2 §3, INT-04). advance + balance = amount, always.
func (rs *RuleSet) Split(amount decimal.Decimal) (advance, balance decimal.Decimal, err error) {
	if err := rs.checkParams(); err != nil {
		return decimal.Zero, decimal.Zero, err
	}
	if amount.Sign() < 0 || !codec.SaneExponent(amount) {
		return decimal.Zero, decimal.Zero, &InputError{Field: "amount", Value: Format(amount), Reason: codec.Text{French: "doit être une somme en euros positive ou nulle", English: "must be a non-negative sum in euros"}, Err: ErrInvalidAmount}
	}
	adv, bal := split(decOf(amount), decOf(rs.Advance.Value), decOf(rs.Rounding.AdvanceUnit))
	return adv.d, bal.d, nil
}

// checkParams checks the parameters a computation uses beyond the bands
// (which band checks): positive rounding units (INT-03), and exponents
// within ±1000 for them, the shares and the given amounts, so that an
// unvalidated rule set gives an error instead of a panic. A computation
// checks what it uses, no more.
func (rs *RuleSet) checkParams(amounts ...decimal.Decimal) error {
	for _, u := range rs.Rounding.units() {
		if !codec.SaneExponent(*u.value) || u.value.Sign() <= 0 {
			return &InputError{Field: u.field, Value: Format(*u.value), Reason: codec.Text{French: "une unité d'arrondi doit être positive, son exposant compris dans ±1000", English: "a rounding unit must be positive, its exponent within ±1000"}, Err: ErrInvalidRuleSet}
		}
	}
	ok := codec.SaneExponent(rs.CROBonus.Value) && codec.SaneExponent(rs.Advance.Value)
	for _, a := range amounts {
		ok = ok && codec.SaneExponent(a)
	}
	if !ok {
		return &InputError{Field: "rule set", Value: rs.Name, Reason: codec.Text{French: "l'exposant d'un paramètre dépasse ±1000", English: "a parameter's exponent is beyond ±1000"}, Err: ErrInvalidRuleSet}
	}
	return nil
}

func (rs *RuleSet) saneExponents() bool {
	ok := codec.SaneExponent(rs.CROBonus.Value) && codec.SaneExponent(rs.Advance.Value) &&
		codec.SaneExponent(rs.Rounding.BaseUnit) && codec.SaneExponent(rs.Rounding.ForfaitUnit) && codec.SaneExponent(rs.Rounding.AdvanceUnit)
	// Indexing, not ranging over copies: this runs on every computation.
	for i := range rs.Weights {
		ok = ok && codec.SaneExponent(rs.Weights[i].Factor)
	}
	for i := range rs.Bands {
		b := &rs.Bands[i]
		ok = ok && codec.SaneExponent(b.Lower)
		for j := range b.Amounts {
			ok = ok && codec.SaneExponent(b.Amounts[j].Min) && codec.SaneExponent(b.Amounts[j].Max)
		}
	}
	for i := range rs.Windows {
		ok = ok && codec.SaneExponent(rs.Windows[i].Factor)
	}
	return ok
}
