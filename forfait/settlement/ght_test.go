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

// TestGHT: a GHT dossier of two members of Île-de-France, paid to its
// support establishment (Annexe 3 §2; INT-25). Member 1 is the Annexe 3 §4
// establishment (127 800: DS1 + CRO 109 738, DS2 and DS3 39 194 each);
// member 2 has 30 000 days and applies for DS2: 26 000 + 7 500 × 26 000 /
// 207 500 = 26 939.76 → 26 940, advance 8 082. The GHT totals 215 066 €
// of forfaits and 64 519 € of advances; each notification names its
// member, so both members' DS2 advances are booked; member 2's balance,
// 18 858 €, is remitted to the support establishment.
func TestGHT(t *testing.T) {
	support := forfait.MustParseFINESS("750000015")
	m1 := annexApplication()
	m2 := annexApplication()
	m2.Establishment.FINESSGeo, m2.Establishment.CombinedActivity = forfait.MustParseFINESS("750000023"), decimal.New(30000, 0)
	m2.Domains = []forfait.Variant{ds2}
	other := annexApplication() // an establishment of another GHT
	other.Establishment.FINESSGeo, other.Establishment.FINESSJur = forfait.MustParseFINESS("750000031"), forfait.MustParseFINESS("750000049")
	other.Establishment.GHT = &eligibility.GHTMembership{Name: "GHT Val-de-Marne", Public: true}
	ledger, _ := envelope.NewLedger(envelope.IleDeFrance, envelope.Credits{Advance: decimal.New(100_000, 0), Usage: decimal.New(50_000, 0)})
	opening := func(d eligibility.Decision) func(settlement.State) (settlement.State, []envelope.Notification, error) {
		return func(settlement.State) (settlement.State, []envelope.Notification, error) {
			return settlement.Open(&rules, d, decimal.Zero, day(2021, 12, 15))
		}
	}
	elsewhere := annexApplication() // a member named in the GHT, but in another region
	elsewhere.Establishment.FINESSGeo, elsewhere.Establishment.FINESSJur = forfait.MustParseFINESS("130000012"), forfait.MustParseFINESS("130000038")
	elsewhere.Establishment.Region = envelope.ProvenceAlpesCoteDAzur
	g := settlement.GHT{Name: "GHT Paris", Support: support}
	var paid []string
	for _, a := range []struct {
		est forfait.FINESS
		d   eligibility.Decision
	}{{m1.Establishment.FINESSGeo, decide(t, m1)}, {m2.Establishment.FINESSGeo, decide(t, m2)}} {
		var r settlement.Remittance
		var err error
		g, r, err = g.Apply(ledger, a.est, opening(a.d))
		if err != nil {
			t.Fatal(err)
		}
		if r.Support != support || !r.Repaid.IsZero() {
			t.Errorf("remittance %+v", r)
		}
		paid = append(paid, forfait.Format(r.Paid))
		for _, n := range r.Notifications {
			if n.Establishment != a.est {
				t.Errorf("notification %+v does not name member %s", n, a.est)
			}
		}
	}
	if diff := cmp.Diff([]string{"56437", "8082"}, paid); diff != "" {
		t.Errorf("advances remitted (-want +got):\n%s", diff)
	}
	total, err := g.Total(&rules)
	if err != nil {
		t.Fatal(err)
	}
	if !total.Forfait.Equal(decimal.New(215066, 0)) || !total.Advance.Equal(decimal.New(64519, 0)) || !total.Money.Net.Equal(decimal.New(64519, 0)) {
		t.Errorf("total %+v; want forfaits 215066, advances 64519, net 64519", total)
	}

	settle2 := func(st settlement.State) (settlement.State, []envelope.Notification, error) {
		return settlement.Settle(&rules, st, []settlement.Declaration{{Domain: forfait.DS2, Window: window.W1, Rates: rates(t, indicator.DS21, "50")}}, day(2022, 9, 1))
	}
	g2, r, err := g.Apply(ledger, m2.Establishment.FINESSGeo, settle2)
	if err != nil || !r.Paid.Equal(decimal.New(18858, 0)) || len(r.Notifications) != 1 || r.Notifications[0].Establishment != m2.Establishment.FINESSGeo {
		t.Fatalf("member 2 reaches DS2: %+v, %v", r, err)
	}
	if st := g2.Members[1]; st.Lines[0].Stage != settlement.Paid || g2.Members[0].Lines[1].Stage != settlement.Awaiting {
		t.Errorf("each member settles on its own targets: %+v", g2.Members)
	}
	if len(g.Members[1].Timeline) != 1 {
		t.Error("Apply changed the GHT it was given")
	}

	// Refused: nothing changes, the ledger holds what it held (member 1's
	// DS1 balance, 76 817 €, is beyond the 31 142 € of usage credits left).
	before := len(ledger.Entries())
	for _, tt := range []struct {
		name string
		g    settlement.GHT
		est  forfait.FINESS
		step func(settlement.State) (settlement.State, []envelope.Notification, error)
		want error
	}{
		{"no support establishment", settlement.GHT{Name: "GHT Paris", Members: g2.Members}, m2.Establishment.FINESSGeo, settle2, settlement.ErrInvalidDossier},
		{"no name", settlement.GHT{Support: support, Members: g2.Members}, m2.Establishment.FINESSGeo, settle2, settlement.ErrInvalidDossier},
		{"a member of another GHT", g2, forfait.MustParseFINESS("750000031"), opening(decide(t, other)), settlement.ErrMismatch},
		{"a member in another region", g2, forfait.MustParseFINESS("130000012"), opening(decide(t, elsewhere)), settlement.ErrMismatch},
		{"another member's step", g2, forfait.MustParseFINESS("750000031"), opening(decide(t, m2)), settlement.ErrMismatch},
		{"the step fails", g2, m2.Establishment.FINESSGeo, settle2, settlement.ErrSettled},
		{"the ledger refuses", g2, m1.Establishment.FINESSGeo, func(st settlement.State) (settlement.State, []envelope.Notification, error) {
			return settlement.Settle(&rules, st, []settlement.Declaration{{Domain: forfait.DS1, Window: window.W1, Rates: rates(t, indicator.DS11, "60", indicator.DS12, "50", indicator.DS13, "60")}}, day(2022, 9, 1))
		}, envelope.ErrInsufficientCredits},
	} {
		got, r, err := tt.g.Apply(ledger, tt.est, tt.step)
		if !errors.Is(err, tt.want) || len(r.Notifications) != 0 || len(ledger.Entries()) != before || len(got.Members) != len(tt.g.Members) ||
			!got.Members[1].Equal(tt.g.Members[1]) {
			t.Errorf("%s: %v, %+v", tt.name, err, r)
		}
	}

	// The first member reaches DS2: its dossier is replaced in place,
	// balance 39 194 − 11 758 = 27 436 €.
	g3, r, err := g2.Apply(ledger, m1.Establishment.FINESSGeo, func(st settlement.State) (settlement.State, []envelope.Notification, error) {
		return settlement.Settle(&rules, st, []settlement.Declaration{{Domain: forfait.DS2, Window: window.W1, Rates: rates(t, indicator.DS21, "50")}}, day(2022, 9, 1))
	})
	if err != nil || !r.Paid.Equal(decimal.New(27436, 0)) || len(g3.Members) != 2 || g3.Members[0].Dossier.Establishment != m1.Establishment.FINESSGeo ||
		g3.Members[0].Lines[1].Stage != settlement.Paid || !g3.Members[1].Equal(g2.Members[1]) {
		t.Errorf("member 1 reaches DS2: %+v, %v; members %+v", r, err, g3.Members)
	}
}
