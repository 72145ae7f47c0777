package audit

import (
	"errors"
	"io"
	"strings"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/campaign"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/window"
)

// PaymentColumns returns the columns a payment ledger must have, the
// payments an ARS notified, in any order; a ledger may give one variant
// column ("DS1+CRO") instead of domain and cro, and a volet column (1 when
// absent); others are ignored.
func PaymentColumns() []string {
	return []string{"finess", "domain", "cro", "window", "kind", "amount", "date"}
}

// ledgerColumns are the columns WritePayments writes: PaymentColumns and
// volet.
func ledgerColumns() []string { return append(PaymentColumns(), "volet") }

// ErrNoPayment: a ledger with a header and no payment.
var ErrNoPayment = codec.NewSentinel("audit: no payment in the ledger", "ne contient aucun versement")

// ledgerNoun is the ledger's name in messages.
const ledgerNoun = "payments ledger"

// kinds are the words of the kind column, English and French.
var kinds = []codec.Word[envelope.Kind]{
	{Name: "advance", Value: envelope.Advance}, {Name: "balance", Value: envelope.Balance}, {Name: "repayment", Value: envelope.Repayment},
	{Name: "avance", Value: envelope.Advance}, {Name: "solde", Value: envelope.Balance}, {Name: "remboursement", Value: envelope.Repayment},
}

// ReadPayments parses a payment ledger, the payments an ARS notified, with
// the dialect detected (see ReadPaymentsDialect).
func ReadPayments(r io.Reader) ([]Payment, error) {
	return ReadPaymentsDialect(r, codec.Dialect{})
}

// ReadPaymentsDialect parses a payment ledger (CSV with a header naming
// the PaymentColumns): one payment per row, as an ARS notified it. It
// reads the file as campaign.ReadDialect reads an
// extract (codec.Table: ',', ';' or TAB, UTF-8, UTF-16 or Windows-1252,
// blank rows skipped). finess is well formed (INT-09); domain is DS1, DS2
// or DS3 and cro yes or no (true/false, oui/non, vrai/faux), or instead
// one variant column, "DS1+CRO" (a CRO bonus on DS2 is read, and audited
// as CRO-NOT-DS1); window is 1 to 4; kind is advance, balance or
// repayment, or avance, solde or remboursement; amount is a positive
// number of euros as codec.ParseNumber reads it ("35 030,00 €",
// "35030.00"); date is YYYY-MM-DD or DD/MM/YYYY (codec.ParseDay). Every
// problem is reported at once, each a *campaign.LineError with its line
// and column, bounded as campaign.Read bounds them, and no payment is
// returned when there is any; a ledger with no payment is ErrNoPayment.
func ReadPaymentsDialect(r io.Reader, d codec.Dialect) ([]Payment, error) {
	t := codec.OpenTable(r, ledgerNoun, d)
	names := PaymentColumns()
	if t.Column("variant") >= 0 && t.Column("domain") < 0 && t.Column("cro") < 0 {
		names = []string{"finess", "variant", "window", "kind", "amount", "date"}
	}
	col := map[string]int{}
	for i, c := range t.Require(names...) {
		col[names[i]] = c
	}
	if c := t.Column("volet"); c >= 0 {
		col["volet"] = c
	}
	if t.Empty() {
		return nil, &campaign.LineError{File: ledgerNoun, Line: 1, Err: ErrNoPayment}
	}
	if t.Failed() {
		return nil, t.Err()
	}
	var out []Payment
	for rec, line, ok := t.Next(); ok; rec, line, ok = t.Next() {
		if p, ok := parsePayment(t, rec, col, line); ok && !t.Failed() {
			out = append(out, p)
		}
	}
	if t.Failed() {
		return nil, t.Err()
	}
	if len(out) == 0 {
		return nil, &campaign.LineError{File: ledgerNoun, Line: 2, Err: ErrNoPayment}
	}
	return out, nil
}

// parsePayment reads one row, reporting its problems to t.
func parsePayment(t *codec.Table, rec []string, col map[string]int, line int) (Payment, bool) {
	p := Payment{Line: line}
	ok := true
	cell := func(name string) string { return strings.TrimSpace(rec[col[name]]) }
	fail := func(name string, err error) {
		t.Problem(line, col[name], cell(name), err)
		ok = false
	}
	var err error
	if p.FINESS, err = forfait.ParseFINESS(cell("finess")); err != nil {
		fail("finess", codec.LeadingZero(cell("finess"), 9, err))
	}
	p.Volet = envelope.Volet1
	if _, has := col["volet"]; has && cell("volet") != "" {
		if err = p.Volet.UnmarshalText([]byte(cell("volet"))); err != nil {
			p.Volet = envelope.Volet1
			fail("volet", &codec.ParseError{Err: ErrInvalidPayment, Reason: codec.Text{French: "attendu : 1 ou 2", English: "want 1 or 2"}})
		}
	}
	_, byVariant := col["variant"]
	switch {
	case p.Volet == envelope.Volet2:
		for _, c := range []string{"variant", "domain", "cro", "window"} {
			if _, has := col[c]; has && cell(c) != "" {
				fail(c, &codec.ParseError{Err: ErrInvalidPayment, Reason: codec.Text{
					French:  "un versement du volet 2 n'a ni domaine, ni bonus CRO, ni fenêtre",
					English: "a volet-2 payment has no domain, cro or window"}})
			}
		}
	case byVariant:
		name, cro := strings.CutSuffix(strings.ToUpper(cell("variant")), "+CRO")
		if p.Variant.Domain, err = forfait.ParseDomain(strings.TrimSpace(name)); err != nil {
			fail("variant", codec.Note(forfait.ErrInvalidDomain, codec.Text{French: "attendu : DS1, DS1+CRO, DS2 ou DS3", English: "want DS1, DS1+CRO, DS2 or DS3"}))
		}
		p.Variant.CRO = cro
	default:
		if p.Variant.Domain, err = forfait.ParseDomain(cell("domain")); err != nil {
			fail("domain", err)
		}
		if p.Variant.CRO, err = codec.ParseWord(cell("cro"), codec.YesNo()); err != nil {
			fail("cro", codec.Because(ErrInvalidPayment, err))
		}
	}
	if p.Volet == envelope.Volet1 {
		if p.Window, err = window.Parse(cell("window")); err != nil {
			fail("window", err)
		}
	}
	if p.Kind, err = codec.ParseWord(cell("kind"), kinds); err != nil {
		fail("kind", codec.Because(ErrInvalidPayment, err))
	}
	if p.Amount, err = codec.ParseNumber(cell("amount")); err != nil {
		fail("amount", codec.Because(ErrInvalidPayment, err))
	} else if p.Amount.Sign() <= 0 {
		fail("amount", &codec.ParseError{Err: ErrInvalidPayment, Reason: codec.Text{French: "un versement est une somme positive", English: "a payment is a positive sum"}})
	}
	if y, m, d, err := codec.ParseDay(cell("date")); err != nil {
		fail("date", codec.Because(window.ErrInvalidDate, err))
	} else {
		p.Date = window.DateOf(y, m, d)
	}
	return p, ok
}

// FromExtract turns the establishments of a campaign extract into the
// audit's (Annexe 3 §1: combined activity from the 2019 counts).
func FromExtract(rs *forfait.RuleSet, ests []campaign.Establishment) ([]Establishment, error) {
	out := make([]Establishment, len(ests))
	var errs []error
	for i, e := range ests {
		c, err := rs.CombinedActivity(e.Activity)
		if err != nil {
			errs = append(errs, &campaign.LineError{Line: e.Line, Field: "activity", Err: err})
			continue
		}
		out[i] = Establishment{FINESS: e.FINESS, Region: e.Region, Combined: c}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// regionOf is the text of a finding's region: empty when unknown.
func regionOf(r envelope.Region) string {
	if !r.IsValid() {
		return ""
	}
	return r.String()
}
