package audit_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/audit"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/forfait/settlement/settlementtest"
)

// history draws a valid settlement history of one dossier (advances, then
// for each domain a balance, a deferral then a balance, an INT-06 balance,
// a repayment or nothing) and returns its establishment, its payments and
// the audit options that match it (the national maximum it was opened
// with, INT-02). The region is Ile-de-France, whose credits no single
// dossier exhausts.
func history(t *rapid.T) (audit.Establishment, []audit.Payment, audit.Options) {
	o := settlementtest.Decision(&rules).Draw(t, "opening")
	st, _, err := settlement.Open(&rules, o.Decision, o.NationalMax, o.On)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		var decls []settlement.Declaration
		for _, l := range st.Lines {
			if l.Stage != settlement.Awaiting || !rapid.Bool().Draw(t, "declare") {
				continue
			}
			reached := rapid.Bool().Draw(t, "reached")
			rates, _ := settlementtest.Rates(&rules, l.Asked, l.Window, reached, rapid.Bool().Draw(t, "cro_reached"))
			_, canDefer := l.Window.Deferral()
			decls = append(decls, settlement.Declaration{Domain: l.Asked.Domain, Window: l.Window, Rates: rates,
				Defer: !reached && !l.Deferred && canDefer && rapid.Bool().Draw(t, "defer")})
		}
		on := rules.Calendar().Terms(st.Lines[0].Window).Measurement.End.AddDate(0, 0, rapid.IntRange(1, 90).Draw(t, "days_after_measurement"))
		for _, l := range st.Lines {
			if end := rules.Calendar().Terms(l.Window).Measurement.End; !on.After(end) {
				on = end.AddDate(0, 0, 1)
			}
		}
		if len(decls) == 0 {
			continue // nothing declared: Settle refuses an empty step
		}
		next, _, err := settlement.Settle(&rules, st, decls, on)
		if err != nil {
			t.Fatalf("Settle: %v", err)
		}
		st = next
	}
	var payments []audit.Payment
	for _, n := range st.Timeline {
		payments = append(payments, audit.Payment{FINESS: n.Establishment, Variant: n.Variant, Window: n.Window, Kind: n.Kind, Amount: n.Amount, Date: n.Date})
	}
	opt := audit.Options{NationalMax: o.NationalMax}
	if opt.NationalMax.IsZero() {
		opt.NationalMax = decimal.New(999_999, 0) // below category D the ceiling changes nothing (INT-01)
	}
	e := audit.Establishment{FINESS: st.Dossier.Establishment, Region: envelope.IleDeFrance, Combined: st.Dossier.Combined}
	return e, payments, opt
}

// checkCleanHistory: the payments of a valid settlement history yield no
// finding.
func checkCleanHistory(t *rapid.T) {
	e, payments, opt := history(t)
	r, err := audit.Audit(&rules, []audit.Establishment{e}, payments, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) > 0 {
		t.Fatalf("a valid history yields findings: %+v", r.Findings)
	}
}

// checkPlantedDefect: planting one defect in a valid history yields exactly
// that finding, for that establishment and domain.
func checkPlantedDefect(t *rapid.T) {
	e, payments, opt := history(t)
	i := rapid.IntRange(0, len(payments)-1).Draw(t, "payment")
	p := payments[i]
	last := true // p is the last payment of its domain
	for _, q := range payments[i+1:] {
		last = last && q.Variant.Domain != p.Variant.Domain
	}
	var want audit.Code
	switch defect := rapid.IntRange(0, 3).Draw(t, "defect"); {
	// A wrong advance followed by a balance or a repayment makes them wrong
	// too (they are measured from the advance paid): plant it last.
	case defect == 0 && (last || p.Kind != envelope.Advance):
		payments[i].Amount = p.Amount.Add(decimal.New(1, 0))
		want = map[envelope.Kind]audit.Code{envelope.Advance: audit.AdvanceAmount, envelope.Balance: audit.BalanceAmount, envelope.Repayment: audit.RepaymentAmount}[p.Kind]
	case defect == 1 && last:
		dup := p
		dup.Date = p.Date.AddDate(0, 0, 1)
		payments, want = append(payments, dup), audit.Duplicate
	case defect == 2 && last:
		payments[i].FINESS = forfait.MustParseFINESS("130000012")
		if payments[i].FINESS == e.FINESS { // the dossier drawn is that establishment's
			payments[i].FINESS = forfait.MustParseFINESS("130000038")
		}
		want = audit.UnknownEstablishment
	case defect == 3 && last && p.Kind == envelope.Balance:
		payments = append(payments, audit.Payment{FINESS: p.FINESS, Variant: p.Variant, Window: p.Window, Kind: envelope.Repayment,
			Amount: payments[0].Amount, Date: p.Date.AddDate(0, 0, 1)})
		want = audit.BalanceAndRepayment
	default:
		t.Skip("that defect does not apply to this payment")
	}
	r, err := audit.Audit(&rules, []audit.Establishment{e}, payments, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 1 || r.Findings[0].Code != want || r.Findings[0].Payment.Variant.Domain != p.Variant.Domain {
		t.Fatalf("planted %s on %+v; findings %+v", want, p, r.Findings)
	}
}

func TestProperties(t *testing.T) {
	t.Run("clean history", func(t *testing.T) { rapid.Check(t, checkCleanHistory) })
	t.Run("planted defect", func(t *testing.T) { rapid.Check(t, checkPlantedDefect) })
}

func FuzzCleanHistory(f *testing.F)  { f.Fuzz(rapid.MakeFuzz(checkCleanHistory)) }
func FuzzPlantedDefect(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkPlantedDefect)) }
