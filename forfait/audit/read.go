package audit

import (
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/campaign"
	"github.com/sunes-spec/sunes/forfait/internal/problems"
	"github.com/sunes-spec/sunes/window"
)

// PaymentColumns returns the columns a payment ledger must have, the
// payments an ARS notified, in any order; the column
// volet may follow (1 when absent), others are ignored.
func PaymentColumns() []string {
	return []string{"finess", "domain", "cro", "window", "kind", "amount", "date"}
}

// ledgerColumns are the columns WritePayments writes: PaymentColumns and
// volet.
func ledgerColumns() []string { return append(PaymentColumns(), "volet") }

// ReadPayments parses a payment ledger (CSV with a header naming the
// PaymentColumns): one payment per row, as an ARS notified it. finess is well formed (INT-09); domain is DS1, DS2 or DS3;
// cro is true or false (a CRO bonus on DS2 is read, and audited as
// CRO-NOT-DS1); window is 1 to 4; kind is advance, balance or repayment;
// amount is a positive number of euros ("12345.67" or "12345,67"); date is
// YYYY-MM-DD or DD/MM/YYYY; volet, when the column is there, is 1 or 2
// (empty reads as 1), and a volet-2 row leaves domain, cro and window
// empty (the pilot's amount has no domain and no window). Every problem
// is reported at once, each a
// *campaign.LineError with its line and column, bounded as campaign.Read
// bounds them, and no payment is returned when there is any.
func ReadPayments(r io.Reader) ([]Payment, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &campaign.LineError{Line: 1, Err: campaign.ErrEmpty}
	}
	if err != nil {
		return nil, &campaign.LineError{Line: 1, Err: errors.Join(campaign.ErrSyntax, err)}
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	var errs []error
	for _, c := range PaymentColumns() {
		if _, ok := col[c]; !ok {
			errs = append(errs, &campaign.LineError{Line: 1, Field: c, Err: campaign.ErrMissingColumn})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	var out []Payment
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			if pe := (*csv.ParseError)(nil); errors.As(err, &pe) {
				line = pe.StartLine // where an unterminated quote opens
			}
			errs = append(errs, &campaign.LineError{Line: line, Err: errors.Join(campaign.ErrSyntax, err)})
			if len(errs) >= campaign.MaxProblems {
				break
			}
			continue
		}
		line, _ := cr.FieldPos(0)
		p, rowErrs := parsePayment(rec, col, line)
		errs = append(errs, rowErrs...)
		if len(errs) >= campaign.MaxProblems {
			break
		}
		out = append(out, p)
	}
	if len(errs) > 0 {
		return nil, errors.Join(problems.Bound(errs)...)
	}
	if len(out) == 0 {
		return nil, &campaign.LineError{Line: 2, Err: campaign.ErrEmpty}
	}
	return out, nil
}

func parsePayment(rec []string, col map[string]int, line int) (Payment, []error) {
	p := Payment{Line: line}
	var errs []error
	cell := func(name string) string {
		if i := col[name]; i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	fail := func(name string, err error) {
		errs = append(errs, &campaign.LineError{Line: line, Column: col[name] + 1, Field: name, Value: cell(name), Err: err})
	}
	var err error
	if p.FINESS, err = forfait.ParseFINESS(cell("finess")); err != nil {
		fail("finess", err)
	}
	p.Volet = envelope.Volet1
	if _, ok := col["volet"]; ok && cell("volet") != "" {
		if err = p.Volet.UnmarshalText([]byte(cell("volet"))); err != nil {
			p.Volet = envelope.Volet1
			fail("volet", errors.Join(ErrInvalidPayment, errors.New("want 1 or 2")))
		}
	}
	if p.Volet == envelope.Volet2 {
		for _, c := range []string{"domain", "cro", "window"} {
			if cell(c) != "" {
				fail(c, errors.Join(ErrInvalidPayment, errors.New("a volet-2 payment has no domain, cro or window")))
			}
		}
	} else {
		if p.Variant.Domain, err = forfait.ParseDomain(cell("domain")); err != nil {
			fail("domain", err)
		}
		if p.Variant.CRO, err = strconv.ParseBool(cell("cro")); err != nil {
			fail("cro", errors.Join(ErrInvalidPayment, errors.New("want true or false")))
		}
		if p.Window, err = window.Parse(cell("window")); err != nil {
			fail("window", err)
		}
	}
	if err = p.Kind.UnmarshalText([]byte(cell("kind"))); err != nil || p.Kind == 0 {
		fail("kind", errors.Join(ErrInvalidPayment, errors.New("want advance, balance or repayment")))
	}
	if p.Amount, err = parseAmount(cell("amount")); err != nil {
		fail("amount", err)
	}
	if p.Date, err = parseDate(cell("date")); err != nil {
		fail("date", err)
	}
	return p, errs
}

// parseAmount reads a positive number of euros with a point or a comma.
func parseAmount(s string) (decimal.Decimal, error) {
	t := strings.Replace(s, ",", ".", 1)
	if t == "" || len(t) > 30 || strings.Trim(t, "0123456789.") != "" || strings.Count(t, ".") > 1 || t[0] == '.' || t[len(t)-1] == '.' {
		return decimal.Zero, errors.Join(ErrInvalidPayment, errors.New("want a positive number of euros such as 12345.67"))
	}
	d, err := decimal.NewFromString(t)
	if err != nil || d.Sign() <= 0 {
		return decimal.Zero, errors.Join(ErrInvalidPayment, errors.New("want a positive number of euros such as 12345.67"))
	}
	return d, nil
}

// parseDate reads YYYY-MM-DD or DD/MM/YYYY, the French order.
func parseDate(s string) (window.Date, error) {
	if parts := strings.Split(s, "/"); len(parts) == 3 && len(parts[0]) == 2 && len(parts[1]) == 2 && len(parts[2]) == 4 {
		return window.ParseDate(parts[2] + "-" + parts[1] + "-" + parts[0])
	}
	return window.ParseDate(s)
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
