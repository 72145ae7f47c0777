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

// plannedRow is a row of a forecast written as text, for comparison with
// amounts worked out by hand.
type plannedRow struct {
	Region         envelope.Region
	Establishment  string
	Window         window.Window
	Domain         forfait.Domain
	Advance, Usage string
}

func plannedRows(ps []settlement.Planned) []plannedRow {
	var out []plannedRow
	for _, p := range ps {
		e := ""
		if p.Establishment.IsValid() {
			e = p.Establishment.String()
		}
		out = append(out, plannedRow{p.Region, e, p.Window, p.Domain, forfait.Format(p.Advance), forfait.Format(p.Usage)})
	}
	return out
}

// TestForecastPerEstablishment: the detail per establishment (Annexe 2 §5)
// against amounts worked out by hand. The establishment of Annexe 3 §4
// (750712184, 127 800, window 1), opened: DS1+CRO 109 738 → advance
// 32 921 paid, balance 76 817 planned; DS2 and DS3 39 194 → 11 758 paid,
// 27 436 planned each. A second establishment (750000023, same activity)
// validated for DS2 in window 1, not yet opened: advance 11 758 and
// balance 27 436 planned. In total per region, window and domain: DS1
// 0 / 76 817, DS2 11 758 / 54 872, DS3 0 / 27 436; at risk, the advances
// paid: 32 921 + 2 × 11 758 = 56 437.
func TestForecastPerEstablishment(t *testing.T) {
	st := open(t, annexApplication(), day(2021, 12, 1))
	pending := st.Dossier
	pending.Establishment, pending.Window = forfait.MustParseFINESS("750000023"), window.W1
	pending.Variants = []forfait.Variant{ds2}
	fc, err := settlement.NewForecast(&rules, day(2021, 12, 1), []settlement.State{st}, []settlement.Dossier{pending}, nil)
	if err != nil {
		t.Fatal(err)
	}
	idf := envelope.IleDeFrance
	wantPer := []plannedRow{
		{idf, "750000023", window.W1, forfait.DS2, "11758", "27436"},
		{idf, "750712184", window.W1, forfait.DS1, "0", "76817"},
		{idf, "750712184", window.W1, forfait.DS2, "0", "27436"},
		{idf, "750712184", window.W1, forfait.DS3, "0", "27436"},
	}
	if diff := cmp.Diff(wantPer, plannedRows(fc.PerEstablishment)); diff != "" {
		t.Errorf("per establishment (-want +got):\n%s", diff)
	}
	wantTotal := []plannedRow{
		{idf, "", window.W1, forfait.DS1, "0", "76817"},
		{idf, "", window.W1, forfait.DS2, "11758", "54872"},
		{idf, "", window.W1, forfait.DS3, "0", "27436"},
	}
	if diff := cmp.Diff(wantTotal, plannedRows(fc.Planned)); diff != "" {
		t.Errorf("totals (-want +got):\n%s", diff)
	}
	if !fc.AtRisk[idf.Index()].Equal(decimal.New(56437, 0)) {
		t.Errorf("at risk %s, want 56437", fc.AtRisk[idf.Index()])
	}
}

// TestForecastDeferred: a domain deferred to window 2 (INT-05) is planned
// at window 2's forfait less the advance paid in window 1 (Annexe 2 §3):
// DS2 39 194 × 0.9 = 35 274.6 → 35 275, less 11 758: 23 517, not the 27 436
// of window 1. The two domains left awaiting window 1's targets are
// overdue on 31 December 2022: 32 921 + 11 758 = 44 679.
func TestForecastDeferred(t *testing.T) {
	st := open(t, annexApplication(), day(2021, 12, 1))
	st, _, err := settlement.Settle(&rules, st, []settlement.Declaration{{Domain: forfait.DS2, Window: window.W1, Rates: rates(t, indicator.DS21, "40"), Defer: true}}, day(2022, 7, 1))
	if err != nil {
		t.Fatal(err)
	}
	fc, err := settlement.NewForecast(&rules, day(2022, 12, 31), []settlement.State{st}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	idf := envelope.IleDeFrance
	if diff := cmp.Diff([]plannedRow{{idf, "750712184", window.W2, forfait.DS2, "0", "23517"}}, plannedRows(fc.PerEstablishment)); diff != "" {
		t.Errorf("planned (-want +got):\n%s", diff)
	}
	if !fc.AtRisk[idf.Index()].Equal(decimal.New(11758, 0)) || !fc.Overdue[idf.Index()].Equal(decimal.New(44679, 0)) {
		t.Errorf("at risk %s, overdue %s; want 11758, 44679", fc.AtRisk[idf.Index()], fc.Overdue[idf.Index()])
	}
}

// TestForecastRemaining: what is left for a region is its volet-1
// ledger's credits delegated, less what they are committed to and what
// was used (the ledger's Left), less the planned notifications no
// commitment covers (§6.1; Annexe 2 §5). Occitanie holds a volet-1 ledger
// (100 000 + 200 000 delegated, far below its Annexe 2 ceiling) and a
// volet-2 pilot ledger (Annexe 2 §2, §4: 150 000 + 350 000), which the
// volet-1 forecast leaves aside. The dossier of Annexe 3 §4 has its
// advances paid, 56 437, and plans 76 817 + 2 × 27 436 = 131 689; a
// validated window-2 DS2 dossier plans 10 583 + 24 692. Without
// commitments: 100 000 − 56 437 − 10 583 = 32 980 and 200 000 − 131 689 −
// 24 692 = 43 619. With the first dossier's forfaits committed, Left
// already holds its balances: the same 32 980 and 43 619.
func TestForecastRemaining(t *testing.T) {
	app := annexApplication()
	app.Establishment.Region = envelope.Occitanie
	dec := decide(t, app)
	on := day(2021, 12, 1)
	st, opened, err := settlement.Open(&rules, dec, decimal.Zero, on)
	if err != nil {
		t.Fatal(err)
	}
	pending := st.Dossier
	pending.Establishment, pending.Window = forfait.MustParseFINESS("750000023"), window.W2
	pending.Variants = []forfait.Variant{ds2}
	env := rules.Envelopes
	ledgers := func(commit bool) []*envelope.Ledger {
		v1, err := envelope.OpenLedger(&env, &rules.Forfait, envelope.Occitanie, envelope.Volet1)
		if err != nil {
			t.Fatal(err)
		}
		if err := v1.Delegate(envelope.Tranche{Date: day(2021, 10, 1), Credits: envelope.Credits{Advance: decimal.New(100_000, 0), Usage: decimal.New(200_000, 0)}, Source: "circulaire FMIS 2021"}); err != nil {
			t.Fatal(err)
		}
		if commit {
			cs, err := settlement.Commitments(&rules, dec, decimal.Zero, on)
			if err != nil {
				t.Fatal(err)
			}
			if err := v1.Commit(cs...); err != nil {
				t.Fatal(err)
			}
		}
		if err := v1.Book(opened...); err != nil {
			t.Fatal(err)
		}
		v2, err := envelope.OpenLedger(&env, &rules.Forfait, envelope.Occitanie, envelope.Volet2)
		if err != nil {
			t.Fatal(err)
		}
		return []*envelope.Ledger{v1, v2}
	}
	want := envelope.Credits{Advance: decimal.New(32980, 0), Usage: decimal.New(43619, 0)}
	for _, commit := range []bool{false, true} {
		fc, err := settlement.NewForecast(&rules, day(2022, 6, 30), []settlement.State{st}, []settlement.Dossier{pending}, ledgers(commit))
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := fc.Remaining[envelope.Occitanie]; !ok || !got.Equal(want) || len(fc.Remaining) != 1 {
			t.Errorf("committed %v: remaining %v, want Occitanie alone with %v", commit, fc.Remaining, want)
		}
	}
	two := append(ledgers(false), ledgers(false)[0])
	if _, err := settlement.NewForecast(&rules, day(2022, 6, 30), []settlement.State{st}, nil, two); !errors.Is(err, envelope.ErrInvalidLedger) {
		t.Errorf("two volet-1 ledgers of one region: %v, want ErrInvalidLedger", err)
	}
}
