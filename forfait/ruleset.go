package forfait

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/window"
)

// RuleSet holds every parameter of the forfait computation, each with its
// source. Functions take it as an argument; nothing is read from package
// state. Instruction2021 returns the parameters of instruction
// DGOS/PF5/DNS/CTO/2021/167; a caller can amend a copy (a later
// instruction, another rounding policy) and check it with Validate.
//
// The methods do not re-validate the rule set: call Validate once when you
// build one. They never panic on an invalid rule set, but return
// ErrInvalidRuleSet where it would make a computation impossible.
type RuleSet struct {
	// Name identifies the text the parameters come from.
	Name string
	// Weights converts each activity count into MCO-day equivalents
	// (Annexe 3 §1), indexed by ActivityField.
	Weights [NumActivityFields]Weight
	// Bands are the categories' thresholds and amounts (Annexe 3 §3,
	// INT-01), indexed by Category.Index.
	Bands [NumCategories]Band
	// CROBonus is the bonus of the advanced DS1 forfait (forfait avancé)
	// for dossiers that feed the DMP with operative reports: 10 % of the
	// standard forfait (§5, Annexe 3 §3).
	CROBonus Share
	// Windows holds each window's discount factor (Annexe 3 §4) and
	// calendar (§6.1).
	Windows window.Schedule
	// Advance is the share of each domain's forfait paid in advance once the
	// prerequisites are met: exactly 30 % (§5, Annexe 2 §3).
	Advance Share
	// Rounding is the rounding policy (INT-03, INT-04).
	Rounding Rounding
}

// Weight is the MCO-day equivalence of one activity count (Annexe 3 §1).
type Weight struct {
	Factor decimal.Decimal
	Source string
}

// Share is a rate in [0, 1] with its source: the CRO bonus (§5) or the
// advance share (Annexe 2 §3).
type Share struct {
	Value  decimal.Decimal
	Source string
}

// Band is one category: the combined activities from Lower (included) up to
// the next band's Lower (excluded) or, for the last band, up to the national
// maximum (included) (INT-01, INT-02); and the base amounts, in euros, that
// grow linearly from Min at Lower to Max at the band's upper end, per domain
// (Annexe 3 §3).
type Band struct {
	Lower   decimal.Decimal
	Amounts [NumDomains]Range // indexed by Domain.Index
	Source  string
}

// Range is a band's minimum and maximum base amount for one domain, in euros
// (Annexe 3 §3).
type Range struct {
	Min, Max decimal.Decimal
}

// Rounding is the rounding policy of INT-03 and INT-04. Every rounding goes
// to the nearest multiple of its unit, halves away from zero; everything
// else is exact.
type Rounding struct {
	// BaseUnit is the unit the interpolated base amount is rounded to: 1 €
	// by default; 1 000 € reproduces the Annexe 3 §4 worked example (INT-03).
	BaseUnit decimal.Decimal
	// ForfaitUnit is the unit the forfait (base × bonus × factor) is rounded
	// to: 1 € (INT-03).
	ForfaitUnit decimal.Decimal
	// AdvanceUnit is the unit the advance is rounded to; the balance is the
	// forfait less the advance, so the two always add up (INT-04).
	AdvanceUnit decimal.Decimal
	// Source is the paragraph the rounding follows (the worked example of
	// Annexe 3 §4 rounds amounts); the policy itself is INT-03 and INT-04.
	Source string
}

func euros(n int64) decimal.Decimal { return decimal.NewFromInt(n) }

// percent returns n % as a decimal (n/100, exact).
func percent(n int64) decimal.Decimal { return decimal.New(n, -2) }

// Instruction2021 returns the parameters of instruction
// DGOS/PF5/DNS/CTO/2021/167 of 26 July 2021: the weights of Annexe 3 §1, the
// bands and amounts of Annexe 3 §3 (in euros), the 10 % CRO bonus, the
// window factors of Annexe 3 §4, the 30 % advance of §5 and Annexe 2 §3, and
// the default rounding policy of INT-03 (base to 1 €). It returns a new
// value on each call, so callers may amend their copy.
func Instruction2021() RuleSet {
	const a31 = "Annexe 3 §1"
	half, one, oneAndHalf := decimal.New(5, -1), decimal.New(1, 0), decimal.New(15, -1)
	band := func(lower, ds1Min, ds1Max, bioMin, bioMax int64) Band {
		r := Range{Min: euros(bioMin), Max: euros(bioMax)}
		return Band{
			Lower:   euros(lower),
			Amounts: [NumDomains]Range{{Min: euros(ds1Min), Max: euros(ds1Max)}, r, r},
			Source:  "Annexe 3 §3",
		}
	}
	return RuleSet{
		Name: "Instruction N° DGOS/PF5/DNS/CTO/2021/167 du 26 juillet 2021",
		Weights: [NumActivityFields]Weight{
			MCODays:                {one, a31 + ": the MCO day is the unit"},
			MCOSessions:            {half, a31 + ": 1 MCO session = 0.5 MCO day"},
			AmbulatorySurgeryStays: {oneAndHalf, a31 + ": 1 ambulatory-surgery day stay = 1.5 MCO days"},
			DayHospitalStays:       {one, a31 + ": 1 day-hospital stay outside ambulatory surgery = 1 MCO day"},
			SSRDays:                {half, a31 + ": 1 SSR day = 0.5 MCO day"},
			PSYDays:                {half, a31 + ": 1 PSY day = 0.5 MCO day"},
			HADDays:                {half, a31 + ": 1 HAD day = 0.5 MCO day"},
			USLDDays:               {half, a31 + ": 1 USLD day = 0.5 MCO day"},
		},
		Bands: [NumCategories]Band{
			band(0, 18_000, 24_000, 6_500, 13_000),
			band(7_000, 24_000, 48_000, 13_000, 26_000),
			band(22_500, 48_000, 150_000, 26_000, 52_000),
			band(230_000, 150_000, 320_000, 52_000, 80_000),
		},
		CROBonus: Share{Value: percent(10), Source: "§5; Annexe 3 §3"},
		Windows:  window.Instruction2021(),
		Advance:  Share{Value: percent(30), Source: "§5; Annexe 2 §3"},
		Rounding: Rounding{
			BaseUnit:    euros(1),
			ForfaitUnit: euros(1),
			AdvanceUnit: euros(1),
			Source:      "Annexe 3 §4",
		},
	}
}

// Validate reports every problem of rs at once, each an *InputError
// wrapping ErrInvalidRuleSet (and ErrInvalidSchedule for the calendar):
//   - weights are non-negative (Annexe 3 §1);
//   - the first band starts at 0 and thresholds strictly increase, so bands
//     are contiguous and do not overlap (INT-01);
//   - within a band, Min ≤ Max; across bands, each band's Min equals the
//     previous band's Max ("le montant maximum de la catégorie N est le
//     montant minimum de la catégorie suivante", Annexe 3 §3), so amounts are
//     continuous and non-decreasing in activity; amounts are non-negative;
//   - window factors are in (0, 1] and non-increasing (Annexe 3 §4);
//   - the bonus and the advance share are in [0, 1];
//   - rounding units are positive.
func (rs *RuleSet) Validate() error {
	if !rs.saneExponents() {
		// Nothing else can be checked: comparing such values would expand 10^exponent.
		return &InputError{Field: "rule set", Value: rs.Name, Reason: codec.Text{French: "l'exposant d'un paramètre dépasse ±1000", English: "a parameter's exponent is beyond ±1000"}, Err: ErrInvalidRuleSet}
	}
	var errs []error
	bad := func(field string, value decimal.Decimal, reason codec.Text) {
		errs = append(errs, &InputError{Field: field, Value: Format(value), Reason: reason, Err: ErrInvalidRuleSet})
	}
	for _, f := range ActivityFields() {
		if w := rs.Weights[f].Factor; w.Sign() < 0 {
			bad("weights."+f.String(), w, codec.Text{French: "une pondération ne peut pas être négative", English: "a weight cannot be negative"})
		}
	}
	if rs.Bands[0].Lower.Sign() != 0 {
		bad("bands[A].lower", rs.Bands[0].Lower, codec.Text{French: "la première catégorie doit commencer à 0", English: "the first band must start at 0"})
	}
	for i, b := range rs.Bands {
		c := Category(i) + A
		if i > 0 && b.Lower.Cmp(rs.Bands[i-1].Lower) <= 0 {
			bad(lowerField(i), b.Lower, codec.Text{French: "les seuils doivent être strictement croissants", English: "thresholds must strictly increase"})
		}
		for _, d := range Domains() {
			r := b.Amounts[d.Index()]
			field := fmt.Sprintf("bands[%s].amounts[%s]", c, d)
			if r.Min.Sign() < 0 {
				bad(field+".min", r.Min, codec.Text{French: "un montant ne peut pas être négatif", English: "an amount cannot be negative"})
			}
			if r.Max.LessThan(r.Min) {
				bad(field+".max", r.Max, codec.Text{French: "inférieur au minimum de la catégorie, " + codec.French.Money(r.Min), English: "below the band's minimum " + Format(r.Min)})
			}
			if i > 0 {
				if prev := rs.Bands[i-1].Amounts[d.Index()].Max; !r.Min.Equal(prev) {
					bad(field+".min", r.Min, codec.Text{French: "différent du maximum de la catégorie précédente, " + codec.French.Money(prev), English: "differs from the previous band's maximum " + Format(prev)})
				}
			}
		}
	}
	for _, s := range []struct {
		field string
		share Share
	}{{"cro_bonus", rs.CROBonus}, {"advance", rs.Advance}} {
		if v := s.share.Value; v.Sign() < 0 || v.GreaterThan(decimal.New(1, 0)) {
			bad(s.field, v, codec.Text{French: "une part doit être comprise entre 0 et 1", English: "a share must be in [0, 1]"})
		}
	}
	for _, u := range rs.Rounding.units() {
		if u.value.Sign() <= 0 {
			bad(u.field, *u.value, codec.Text{French: "une unité d'arrondi doit être positive", English: "a rounding unit must be positive"})
		}
	}
	if err := rs.Windows.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("%w: %w", ErrInvalidRuleSet, err)) // the sentinels name the rule set and the calendar
	}
	return errors.Join(errs...)
}

type namedUnit struct {
	field string
	value *decimal.Decimal
}

// units lists the three rounding units with their field names.
func (r *Rounding) units() [3]namedUnit {
	return [3]namedUnit{
		{"rounding.base_unit", &r.BaseUnit}, {"rounding.forfait_unit", &r.ForfaitUnit}, {"rounding.advance_unit", &r.AdvanceUnit},
	}
}

// WorkedExample returns the requests of the worked example of Annexe 3 §4:
// a category-C establishment with a combined activity of 127 800, DS1 with
// the CRO bonus in window 1, biology (DS2) in window 4 and imaging (DS3) in
// window 2 (the annex labels its 80 % line "Fenêtre 3"; 80 % is window 4).
// With a base unit of 1 000 € they come to 110 000 + 31 200 + 35 100 =
// 176 300 € (INT-03).
func WorkedExample() []Request {
	combined := decimal.New(127800, 0)
	return []Request{
		{Combined: combined, Variant: Variant{DS1, true}, Window: window.W1},
		{Combined: combined, Variant: Variant{Domain: DS2}, Window: window.W4},
		{Combined: combined, Variant: Variant{Domain: DS3}, Window: window.W2},
	}
}
