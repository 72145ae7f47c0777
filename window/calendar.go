package window

import (
	"errors"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait/codec"
)

// Provenance says where a date of the calendar comes from, so that an
// auditor can tell the regulation's own dates from the ones around it.
type Provenance uint8

const (
	// Stated: written in the instruction or its annexes.
	Stated Provenance = 1 + iota
	// Published: published by the ARS programme pages, not in the instruction.
	Published
	// Inferred: derived from a rule of the instruction (a review period lasts
	// at most 4 months from the start of the application period, §6.1; the
	// targets are declared at the end of the window, §5 and INT-22).
	Inferred
)

// provenanceText is the text form of a provenance (codec.Enum).
var provenanceText = codec.Enum[Provenance]{Kind: "provenance",
	Names: []string{Stated: "stated", Published: "published", Inferred: "inferred"}, Err: ErrInvalidSchedule}

// String returns "stated", "published" or "inferred"; "unset" for the zero
// value and "invalid provenance n" for another invalid one.
func (p Provenance) String() string { return provenanceText.String(p) }

// MarshalText encodes p as String does, the zero value as ""; another
// invalid provenance is an error (ErrInvalidSchedule).
func (p Provenance) MarshalText() ([]byte, error) { return provenanceText.Marshal(p) }

// UnmarshalText decodes the form MarshalText produces.
func (p *Provenance) UnmarshalText(text []byte) error { return provenanceText.Unmarshal(text, p) }

// Period is a range of calendar days, both ends included. Start and End are
// dates at midnight UTC; only their year, month and day count.
type Period struct {
	Start, End Date
	Provenance Provenance
	Source     string // where the dates come from, e.g. "§6.1"
}

// Contains reports whether the calendar day of t (in t's own location) lies
// within p, both ends included (§6.1: filing within the application period).
func (p Period) Contains(d Date) bool {
	return !d.Before(p.Start) && !d.After(p.End)
}

// String renders p as "2021-09-01 – 2021-10-31 (published)".
func (p Period) String() string {
	return p.Start.String() + " – " + p.End.String() + " (" + p.Provenance.String() + ")"
}

// In renders p for a reader of l: as String does in English, "1er
// septembre 2021 – 31 octobre 2021 (publiée)" in French.
func (p Period) In(l codec.Lang) string {
	return p.Start.In(l) + " – " + p.End.In(l) + " (" + p.Provenance.in(l) + ")"
}

// in is p's name for a reader of l: String's in English, "énoncée",
// "publiée" or "déduite" in French (a period, a deadline).
func (p Provenance) in(l codec.Lang) string {
	if l != codec.English && p >= Stated && p <= Inferred {
		return [...]string{Stated: "énoncée", Published: "publiée", Inferred: "déduite"}[p]
	}
	return p.String()
}

// Deadline is one day of the calendar, with where it comes from, as a
// Period's ends are.
type Deadline struct {
	Date       Date
	Provenance Provenance
	Source     string // where the day comes from, e.g. "§5; Annexe 1; INT-22"
}

// String renders d as "2022-06-30 (inferred)".
func (d Deadline) String() string { return d.Date.String() + " (" + d.Provenance.String() + ")" }

// In renders d for a reader of l: as String does in English, "30 juin
// 2022 (déduite)" in French.
func (d Deadline) In(l codec.Lang) string { return d.Date.In(l) + " (" + d.Provenance.in(l) + ")" }

// Terms are the parameters of one window: its discount factor, its three
// periods and its declaration deadline.
type Terms struct {
	// Factor is the share of the base forfait paid in this window
	// (dégressivité, Annexe 3 §2 and §4; §4.3).
	Factor       decimal.Decimal
	FactorSource string
	// Application is the application period (période de candidature), at
	// most 2 months (§6.1).
	Application Period
	// Review is the ARS review period (période d'instruction), at most 4
	// months, which may start with the first filing (§6.1).
	Review Period
	// Measurement is the semester in which the targets are measured
	// (Annexe 1, column headings "Fenêtre 1 - S1 2022" …).
	Measurement Period
	// Declaration is the last day on which the establishment declares in
	// oSIS the rates of the targets it committed to reach in this window
	// (§5: "à la fin de la fenêtre de financement"). A domain still
	// undeclared after it is settled as missed (INT-22): deferred to the
	// next window when the establishment asked for it, otherwise its
	// advance is repaid (Annexe 2 §3; INT-05).
	Declaration Deadline
}

// Schedule holds the terms of the four windows, indexed by Window.Index
// (§6.1, Annexe 1, Annexe 3 §4).
// It is plain data: a later instruction can be expressed by changing it.
type Schedule [Count]Terms

// Terms returns the terms of window w. w must be valid.
func (s *Schedule) Terms(w Window) Terms { return s[w.Index()] }

// Factor returns the discount factor of window w: 100, 90, 85 or 80 % in
// the 2021 instruction (Annexe 3 §2 and §4). w must be valid.
func (s *Schedule) Factor(w Window) decimal.Decimal { return s[w.Index()].Factor }

// ApplicationWindow returns the window whose application period contains
// the calendar day of t (§6.1: an establishment applies only during the
// application period of the window it aims for).
func (s *Schedule) ApplicationWindow(t Date) (Window, bool) {
	for _, w := range All() {
		if s[w.Index()].Application.Contains(t) {
			return w, true
		}
	}
	return 0, false
}

func period(y1 int, m1 time.Month, d1, y2 int, m2 time.Month, d2 int, p Provenance, source string) Period {
	return Period{Start: DateOf(y1, m1, d1), End: DateOf(y2, m2, d2), Provenance: p, Source: source}
}

// Instruction2021 returns the schedule of instruction
// DGOS/PF5/DNS/CTO/2021/167: the factors of Annexe 3 §4 and the calendar
// of §6.1 and Annexe 1, each period marked stated, published or inferred.
// It returns a new value on each call, so callers may amend their copy.
func Instruction2021() Schedule {
	const (
		pub          = "ARS programme pages (Île-de-France, Bourgogne-Franche-Comté)"
		factorSource = "Annexe 3 §4"
		infer        = "§6.1: review lasts at most 4 months from the start of the application period"
	)
	const declare = "§5: targets declared in oSIS at the end of the funding window; Annexe 1: the window is the semester; INT-22"
	deadline := func(m Period) Deadline { return Deadline{Date: m.End, Provenance: Inferred, Source: declare} }
	measure := func(y int, first bool) Period {
		if first {
			return period(y, time.January, 1, y, time.June, 30, Stated, "Annexe 1: S1 "+strconv.Itoa(y))
		}
		return period(y, time.July, 1, y, time.December, 31, Stated, "Annexe 1: S2 "+strconv.Itoa(y))
	}
	return Schedule{
		{
			Factor:       decimal.New(100, -2),
			FactorSource: factorSource,
			Application:  period(2021, time.September, 1, 2021, time.October, 31, Published, pub),
			Review:       period(2021, time.September, 1, 2021, time.December, 31, Stated, "Annexe 1, PS2.2: end of review 31 December 2021; §6.1: review may start with the first filing"),
			Measurement:  measure(2022, true),
			Declaration:  deadline(measure(2022, true)),
		},
		{
			Factor:       decimal.New(90, -2),
			FactorSource: factorSource,
			Application:  period(2022, time.March, 1, 2022, time.April, 30, Published, pub),
			Review:       period(2022, time.March, 1, 2022, time.June, 30, Inferred, infer),
			Measurement:  measure(2022, false),
			Declaration:  deadline(measure(2022, false)),
		},
		{
			Factor:       decimal.New(85, -2),
			FactorSource: factorSource,
			Application:  period(2022, time.September, 1, 2022, time.October, 31, Stated, "§6.1, example of window 3"),
			Review:       period(2022, time.September, 1, 2022, time.December, 31, Stated, "§6.1, example of window 3"),
			Measurement:  measure(2023, true),
			Declaration:  deadline(measure(2023, true)),
		},
		{
			Factor:       decimal.New(80, -2),
			FactorSource: factorSource,
			Application:  period(2023, time.March, 1, 2023, time.April, 30, Published, pub),
			Review:       period(2023, time.March, 1, 2023, time.June, 30, Inferred, infer),
			Measurement:  measure(2023, false),
			Declaration:  deadline(measure(2023, false)),
		},
	}
}

// ErrInvalidSchedule is the sentinel of every problem Schedule.Validate finds,
// and of a provenance that is not one.
var ErrInvalidSchedule = codec.NewSentinel("window: invalid schedule", "n'est pas un calendrier des fenêtres valide")

// Validate reports every problem of s at once, joined:
//   - each factor is in (0, 1] and none increases from one window to the
//     next (dégressivité, §4.3, Annexe 3 §2);
//   - each period starts no later than it ends;
//   - an application period lasts at most 2 months and a review period at
//     most 4 months, the review contains the application period (§6.1);
//   - application periods follow each other without overlapping, and each
//     window's measurement ends after its application period;
//   - each window has a declaration deadline, with its provenance, no
//     earlier than the end of its measurement (§5: at the end of the
//     window), and later than the previous window's, so that a deferral
//     window's deadline comes after the first one's (Annexe 2 §3).
func (s *Schedule) Validate() error {
	var errs []error
	bad := func(field, value string, problem codec.Text) {
		errs = append(errs, &InputError{Field: field, Value: value, Reason: problem, Err: ErrInvalidSchedule})
	}
	one := decimal.New(1, 0)
	for i, t := range s {
		name := "window " + strconv.Itoa(i+1) + " "
		if !saneExponent(t.Factor) {
			// Comparing it would expand 10^exponent.
			bad(name+"factor", factorText(t.Factor), codec.Text{French: "exposant au-delà de ±1000", English: "exponent beyond ±1000"})
		} else {
			if t.Factor.Sign() <= 0 || t.Factor.GreaterThan(one) {
				bad(name+"factor", factorText(t.Factor), codec.Text{French: "hors de l'intervalle ]0 ; 1]", English: "not in (0, 1]"})
			}
			if i > 0 && saneExponent(s[i-1].Factor) && t.Factor.GreaterThan(s[i-1].Factor) {
				bad(name+"factor", factorText(t.Factor), codec.Text{
					French:  "supérieur à celui de la fenêtre précédente, " + codec.French.Number(s[i-1].Factor),
					English: "greater than the previous window's " + factorText(s[i-1].Factor)})
			}
		}
		for _, p := range []struct {
			field  string
			period Period
			months int
		}{{"application", t.Application, 2}, {"review", t.Review, 4}, {"measurement", t.Measurement, 0}} {
			if p.period.Start.IsZero() || p.period.End.IsZero() {
				bad(name+p.field, p.period.String(), codec.Text{French: "une période doit avoir un début et une fin", English: "a period needs a start and an end"})
			}
			if p.period.Start.day() > p.period.End.day() {
				bad(name+p.field, p.period.String(), codec.Text{French: "commence après sa fin", English: "starts after it ends"})
			}
			if p.months > 0 && p.period.End.day() >= p.period.Start.AddDate(0, p.months, 0).day() {
				bad(name+p.field, p.period.String(), codec.Text{French: "dure plus de " + strconv.Itoa(p.months) + " mois", English: "lasts more than " + strconv.Itoa(p.months) + " months"})
			}
			if p.period.Provenance < Stated || p.period.Provenance > Inferred {
				bad(name+p.field+" provenance", p.period.Provenance.String(), notProvenance)
			}
		}
		if t.Review.Start.day() > t.Application.Start.day() || t.Review.End.day() < t.Application.End.day() {
			bad(name+"review", t.Review.String(), codec.Text{
				French:  "ne contient pas la période de candidature " + t.Application.In(codec.French),
				English: "does not contain the application period " + t.Application.String()})
		}
		if t.Measurement.End.day() <= t.Application.End.day() {
			bad(name+"measurement", t.Measurement.String(), codec.Text{French: "finit avant la fin de la période de candidature", English: "ends before the application period ends"})
		}
		switch dl := t.Declaration; {
		case dl.Date.IsZero():
			bad(name+"declaration", dl.String(), codec.Text{French: "une fenêtre doit avoir une date limite de déclaration", English: "a window needs a declaration deadline"})
		case dl.Date.day() < t.Measurement.End.day():
			bad(name+"declaration", dl.String(), codec.Text{
				French:  "avant la fin de la période de mesure " + t.Measurement.In(codec.French),
				English: "before the end of the measurement " + t.Measurement.String()})
		case i > 0 && dl.Date.day() <= s[i-1].Declaration.Date.day():
			bad(name+"declaration", dl.String(), codec.Text{
				French:  "pas après la date limite de la fenêtre " + strconv.Itoa(i) + ", " + s[i-1].Declaration.In(codec.French),
				English: "not after window " + strconv.Itoa(i) + "'s deadline " + s[i-1].Declaration.String()})
		}
		if p := t.Declaration.Provenance; p < Stated || p > Inferred {
			bad(name+"declaration provenance", p.String(), notProvenance)
		}
		if i > 0 && t.Application.Start.day() <= s[i-1].Application.End.day() {
			bad(name+"application", t.Application.String(), codec.Text{
				French:  "ne suit pas la période de candidature de la fenêtre " + strconv.Itoa(i),
				English: "does not follow window " + strconv.Itoa(i) + "'s application period"})
		}
	}
	return errors.Join(errs...)
}

// notProvenance is the reason given for a provenance that is none.
var notProvenance = codec.Text{French: "ni énoncée, ni publiée, ni déduite", English: "not stated, published or inferred"}

// factorText renders a factor for an error message; an absurd exponent is
// shown as coefficient "e" exponent rather than expanded digit by digit.
func factorText(d decimal.Decimal) string {
	if !saneExponent(d) {
		return d.Coefficient().String() + "e" + strconv.Itoa(int(d.Exponent()))
	}
	return d.String()
}

// saneExponent bounds the exponents Validate compares: shopspring aligns
// exponents by computing 10^difference, unbounded work on absurd input.
func saneExponent(d decimal.Decimal) bool {
	e := d.Exponent()
	return e >= -1000 && e <= 1000
}
