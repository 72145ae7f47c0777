package audit

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
)

// phrase is a derivation, or a part of one, written for a reader of l:
// each finding's derivation is written once, with its numbers, and
// rendered in French and in English (Finding.Derivation).
type phrase func(l codec.Lang) string

// text renders p in both languages.
func (p phrase) text() codec.Text {
	return codec.Text{French: p(codec.French), English: p(codec.English)}
}

// then is p followed by q.
func (p phrase) then(q phrase) phrase {
	return func(l codec.Lang) string { return p(l) + q(l) }
}

// say picks the French or the English words of a derivation.
func say(l codec.Lang, french, english string) string {
	return codec.Text{French: french, English: english}.In(l)
}

// sep is the separator of a derivation's clauses: "; " in English, " ; "
// in French.
func sep(l codec.Lang) string { return say(l, " ; ", "; ") }

// colon is ": " in English, " : " in French.
func colon(l codec.Lang) string { return say(l, " : ", ": ") }

// advanceRule says how the advance follows from the forfait, from the rule
// set: "30 % rounded to the euro" under the instruction, "30 % arrondie à
// l'euro" in French (§5, Annexe 2 §3; INT-04).
func (a *auditor) advanceRule(l codec.Lang) string {
	rs := &a.in.Forfait
	unit := say(l, "à l'euro", "the euro")
	if u := rs.Rounding.AdvanceUnit; !u.Equal(decimal.New(1, 0)) {
		unit = say(l, "au multiple de ", "") + l.Money(u)
	}
	return l.Percent(rs.Advance.Value) + say(l, " arrondie ", " rounded to ") + unit
}

// describe is how a forfait follows from the establishment's activity:
// "forfait DS1 window 1 = 41806 € (category B, combined activity 18500,
// base 41806 €)".
func describe(f forfait.Forfait) phrase {
	return func(l codec.Lang) string {
		return "forfait " + f.Variant.String() + say(l, " fenêtre ", " window ") + f.Window.String() + " = " + l.Money(f.Amount) +
			say(l, " (catégorie ", " (category ") + f.Category.String() + say(l, ", activité combinée ", ", combined activity ") +
			l.Number(f.Combined) + ", base " + l.Money(f.Base) + ")"
	}
}

// where names a payment for a derivation: its date, and its line when it
// comes from a file; in French, the date in words.
func where(p Payment, l codec.Lang) string {
	s := p.Date.In(l)
	if p.Line > 0 {
		s += say(l, " (ligne ", " (line ") + strconv.Itoa(p.Line) + ")"
	}
	return s
}

// bonusOff notes, in the derivation of a finding that counts p whole, that
// p also carries the CRO bonus off DS1 (INT-31).
func bonusOff(p Payment) phrase {
	return func(l codec.Lang) string {
		if p.volet() == envelope.Volet2 || p.Variant.IsValid() {
			return ""
		}
		return say(l, " ; il porte aussi le bonus CRO, qui n'existe que pour DS1 (INT-31)",
			"; it also carries the CRO bonus, which exists for DS1 only (INT-31)")
	}
}

// windowOf names a volet-1 payment's window for a derivation.
func windowOf(p Payment, l codec.Lang) string {
	if p.volet() == envelope.Volet2 {
		return ""
	}
	return say(l, ", fenêtre ", ", window ") + p.Window.String()
}

// kindOf names a payment's kind in l ("avance", "balance").
func kindOf(k envelope.Kind, l codec.Lang) string { return say(l, kindFR[k], k.String()) }

// partOf names a region's credits for a part in l ("crédits d'avance",
// "advance credits").
func partOf(p envelope.Part, l codec.Lang) string {
	if p == envelope.AdvanceCredits {
		return say(l, "crédits d'avance", "advance credits")
	}
	return say(l, "crédits d'usage", "usage credits")
}
