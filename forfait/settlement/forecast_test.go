package settlement_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

// TestCommitments: a validated decision commits its forfaits on the
// credits delegated (§6.1; Annexe 2 §3); one euro short, it is refused at
// decision time with that shortfall; the advances of Open and the balance
// of Settle then consume the commitments as they are booked.
func TestCommitments(t *testing.T) {
	on := day(2021, 12, 1)
	dec := decide(t, annexApplication())
	cs, err := settlement.Commitments(&rules, dec, decimal.Zero, on)
	if err != nil {
		t.Fatal(err)
	}
	st, opened, err := settlement.Open(&rules, dec, decimal.Zero, on)
	if err != nil {
		t.Fatal(err)
	}
	// Differential: each commitment's advance is the advance Open notifies,
	// and advance + balance the domain's forfait computed again.
	total := envelope.Credits{Advance: decimal.Zero, Usage: decimal.Zero}
	for i, c := range cs {
		f, err := rules.Forfait.Compute(forfait.Request{Combined: decimal.New(127800, 0), Variant: dec.Validated()[i], Window: window.W1})
		if err != nil {
			t.Fatal(err)
		}
		if !c.Credits.Advance.Equal(opened[i].Amount) || !c.Credits.Advance.Add(c.Credits.Usage).Equal(f.Amount) || c.Domain != opened[i].Variant.Domain {
			t.Errorf("commitment %d = %+v, advance notified %s, forfait %s", i, c, opened[i].Amount, f.Amount)
		}
		total.Advance, total.Usage = total.Advance.Add(c.Credits.Advance), total.Usage.Add(c.Credits.Usage)
	}
	a := rules.Envelopes
	ledger, err := envelope.OpenLedger(&a, &rules.Forfait, envelope.IleDeFrance, envelope.Volet1)
	if err != nil {
		t.Fatal(err)
	}
	short := envelope.Credits{Advance: total.Advance.Sub(decimal.New(1, 0)), Usage: total.Usage}
	if err := ledger.Delegate(envelope.Tranche{Date: day(2021, 10, 1), Credits: short, Source: "circulaire FMIS 2021"}); err != nil {
		t.Fatal(err)
	}
	var ce *envelope.CreditsError
	if err := ledger.Commit(cs...); !errors.As(err, &ce) || !ce.Shortfall().Equal(decimal.New(1, 0)) || ce.Tranche != 0 {
		t.Fatalf("a decision one euro beyond the credits: %v", err)
	}
	if s := ledger.State(); !s.Committed.Advance.IsZero() {
		t.Fatalf("a refused decision committed %v", s.Committed)
	}
	if err := ledger.Delegate(envelope.Tranche{Date: day(2021, 11, 1), Credits: envelope.Credits{Advance: decimal.New(1, 0), Usage: decimal.Zero}, Source: "circulaire FMIS 2021 bis"}); err != nil {
		t.Fatal(err)
	}
	if err := ledger.Commit(cs...); err != nil {
		t.Fatal(err)
	}
	if err := ledger.Book(opened...); err != nil {
		t.Fatal(err)
	}
	if s := ledger.State(); !s.Committed.Advance.IsZero() || !s.Committed.Usage.Equal(total.Usage) || !s.Left.Advance.IsZero() {
		t.Errorf("after the advances: committed %v, left %v", s.Committed, s.Left)
	}
	_, settled, err := settlement.Settle(&rules, st, []settlement.Declaration{{Domain: forfait.DS3, Window: window.W1, Rates: rates(t, indicator.DS31, "45")}}, day(2022, 9, 1))
	if err != nil {
		t.Fatal(err)
	}
	if err := ledger.Book(settled...); err != nil {
		t.Fatal(err)
	}
	s := ledger.State()
	if !s.Committed.Usage.Equal(total.Usage.Sub(settled[0].Amount)) || !s.Committed.Add(s.Used).Equal(s.Delegated) || len(ledger.Commitments()) != 2 {
		t.Errorf("after DS3's balance: committed %v, used %v, delegated %v", s.Committed, s.Used, s.Delegated)
	}
	refused := annexApplication()
	refused.RELIMS = false
	for name, d := range map[string]eligibility.Decision{"refused": decide(t, refused), "no decision": {}} {
		if cs, err := settlement.Commitments(&rules, d, decimal.Zero, on); !errors.Is(err, settlement.ErrNotValidated) || cs != nil {
			t.Errorf("%s: Commitments gave %v, %v; want ErrNotValidated and nothing", name, cs, err)
		}
	}
}

// TestCommitmentsPartial: a decision validating DS1+CRO and refusing DS2
// (no laboratory, §5) commits the DS1+CRO forfait alone, as Open notifies
// its advance alone (§6.1; Annexe 2 §3); on a ledger, DS2 holds nothing.
func TestCommitmentsPartial(t *testing.T) {
	a := annexApplication()
	a.Domains = []forfait.Variant{ds1CRO, ds2}
	a.Establishment.Lab = nil
	on := day(2021, 12, 1)
	dec := decide(t, a)
	cs, err := settlement.Commitments(&rules, dec, decimal.Zero, on)
	if err != nil {
		t.Fatal(err)
	}
	// 127 800, DS1+CRO: 109 738 (Annexe 3 §4); 30 % = 32 921.4 → 32 921, the balance 76 817.
	want := []envelope.Commitment{{Establishment: a.Establishment.FINESSGeo, Domain: forfait.DS1, Window: window.W1, Date: on,
		Credits: envelope.Credits{Advance: decimal.New(32921, 0), Usage: decimal.New(76817, 0)}, Source: "§6.1; Annexe 2 §3"}}
	if diff := cmp.Diff(want, cs); diff != "" {
		t.Errorf("commitments (-want +got):\n%s", diff)
	}
	_, opened, err := settlement.Open(&rules, dec, decimal.Zero, on)
	if err != nil {
		t.Fatal(err)
	}
	if len(opened) != len(cs) || opened[0].Variant != ds1CRO || !opened[0].Amount.Equal(cs[0].Credits.Advance) {
		t.Errorf("Open notified %+v; want the advance of each commitment", opened)
	}
	env := rules.Envelopes
	ledger, err := envelope.OpenLedger(&env, &rules.Forfait, envelope.IleDeFrance, envelope.Volet1)
	if err != nil {
		t.Fatal(err)
	}
	if err := ledger.Delegate(envelope.Tranche{Date: day(2021, 10, 1), Credits: envelope.Credits{Advance: decimal.New(50_000, 0), Usage: decimal.New(100_000, 0)}, Source: "circulaire FMIS 2021"}); err != nil {
		t.Fatal(err)
	}
	if err := ledger.Commit(cs...); err != nil {
		t.Fatal(err)
	}
	got := ledger.Commitments()
	if len(got) != 1 || got[0].Domain != forfait.DS1 || !ledger.State().Committed.Equal(want[0].Credits) {
		t.Errorf("ledger commitments %+v, committed %v; want DS1 alone, %v", got, ledger.State().Committed, want[0].Credits)
	}
}

// TestForecastPerEstablishment: the detail per establishment (Annexe 2 §5)
// names each establishment and adds up to the totals per region, window
// and domain.
func TestForecastPerEstablishment(t *testing.T) {
	st := open(t, annexApplication(), day(2021, 12, 1))
	pending := st.Dossier
	pending.Establishment, pending.Window = forfait.MustParseFINESS("750000023"), window.W1
	pending.Variants = []forfait.Variant{ds2}
	fc, err := settlement.NewForecast(&rules, day(2021, 12, 1), []settlement.State{st}, []settlement.Dossier{pending}, nil)
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		w window.Window
		d forfait.Domain
	}
	sums := map[key]envelope.Credits{}
	ests := map[forfait.FINESS]int{}
	for _, p := range fc.PerEstablishment {
		c := sums[key{p.Window, p.Domain}]
		if c.Advance.Exponent() == 0 && c.Advance.IsZero() {
			c = envelope.Credits{Advance: decimal.Zero, Usage: decimal.Zero}
		}
		sums[key{p.Window, p.Domain}] = c.Add(envelope.Credits{Advance: p.Advance, Usage: p.Usage})
		ests[p.Establishment]++
	}
	if ests[st.Dossier.Establishment] != 3 || ests[pending.Establishment] != 1 || len(ests) != 2 {
		t.Errorf("rows per establishment %v", ests)
	}
	for _, p := range fc.Planned {
		if p.Establishment.IsValid() || !sums[key{p.Window, p.Domain}].Equal(envelope.Credits{Advance: p.Advance, Usage: p.Usage}) {
			t.Errorf("total %+v, per establishment %v", p, sums[key{p.Window, p.Domain}])
		}
	}
}
