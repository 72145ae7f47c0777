package instruction_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/eligibility/eligibilitytest"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/forfait/settlement/settlementtest"
)

// TestFlowMachine is a rapid state machine over the whole flow:
// applications are decided, validated decisions open dossiers, declared
// rates settle them, and every step's notifications are booked on the
// region's ledger. After every step: money is conserved (each regional
// ledger's used credits are the net of its dossiers, and it holds exactly
// their notifications); a notification booked a second time is refused; a
// refused step changes nothing, in the dossier or on the ledger.
func TestFlowMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := instruction.Instruction2021()
		ledgers := map[envelope.Region]*envelope.Ledger{}
		for _, e := range in.Envelopes.Regions {
			credits, err := envelope.SplitCredits(&in.Forfait, e.Amount)
			if err != nil {
				t.Fatal(err)
			}
			if ledgers[e.Region], err = envelope.NewLedger(e.Region, credits); err != nil {
				t.Fatal(err)
			}
		}
		var dossiers []settlement.State
		used := map[forfait.FINESS]bool{}
		// book books a step's notifications; beyond the region's credits the
		// ARS cannot notify (§6.1): the step is refused whole, the ledger
		// unchanged, and the caller keeps the dossier as it was.
		book := func(t *rapid.T, r envelope.Region, added []envelope.Notification) bool {
			before := ledgers[r].State()
			err := ledgers[r].Book(added...)
			if errors.Is(err, envelope.ErrInsufficientCredits) {
				if after := ledgers[r].State(); after.Count != before.Count || !after.Used.Advance.Equal(before.Used.Advance) {
					t.Fatalf("a refused booking changed the ledger")
				}
				return false
			}
			if err != nil {
				t.Fatalf("booking a step's notifications: %v", err)
			}
			return true
		}
		// unchanged fails when a refused step touched a ledger.
		snapshot := func() map[envelope.Region]envelope.State {
			m := map[envelope.Region]envelope.State{}
			for r, l := range ledgers {
				m[r] = l.State()
			}
			return m
		}
		unchanged := func(t *rapid.T, before map[envelope.Region]envelope.State) {
			for r, l := range ledgers {
				if s := l.State(); s.Count != before[r].Count || !s.Used.Advance.Equal(before[r].Used.Advance) || !s.Used.Usage.Equal(before[r].Used.Usage) {
					t.Fatalf("a refused step changed the ledger of %s", r)
				}
			}
		}
		t.Repeat(map[string]func(*rapid.T){
			"open a validated dossier": func(t *rapid.T) {
				o := settlementtest.Decision(&in).Draw(t, "opening")
				if used[o.Decision.Application().Establishment.FINESSGeo] {
					return // establishment already drawn: this step does nothing
				}
				st, added, err := settlement.Open(&in, o.Decision, o.NationalMax, o.On)
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				used[st.Dossier.Establishment] = true
				if book(t, st.Dossier.Region, added) {
					dossiers = append(dossiers, st)
				}
			},
			"any application": func(t *rapid.T) {
				app := eligibilitytest.Application(&in).Draw(t, "application")
				app.Establishment.FINESSGeo = settlementtest.FINESS().Draw(t, "finess")
				if used[app.Establishment.FINESSGeo] {
					return // establishment already drawn: this step does nothing
				}
				on := eligibilitytest.Day(&in, &app).Draw(t, "on")
				d, err := eligibility.Decide(&app, &in, on)
				if err != nil {
					t.Fatalf("Decide: %v", err)
				}
				before := snapshot()
				st, added, err := settlement.Open(&in, d, decimal.Zero, on)
				if d.Status() == eligibility.Refused {
					if !errors.Is(err, settlement.ErrNotValidated) || len(added) != 0 {
						t.Fatalf("a refused decision opened a dossier: %v", err)
					}
					unchanged(t, before)
					return
				}
				if err != nil {
					t.Fatalf("Open of a validated decision: %v", err)
				}
				used[st.Dossier.Establishment] = true
				if book(t, st.Dossier.Region, added) {
					dossiers = append(dossiers, st)
				}
			},
			"declare": func(t *rapid.T) {
				if len(dossiers) == 0 {
					return // no dossier: this step does nothing
				}
				i := rapid.IntRange(0, len(dossiers)-1).Draw(t, "dossier")
				st := dossiers[i]
				l := rapid.SampledFrom(st.Lines).Draw(t, "line")
				rates, _ := settlementtest.Rates(&in, l.Asked, l.Window, rapid.Bool().Draw(t, "reached"), rapid.Bool().Draw(t, "cro_reached"))
				decl := settlement.Declaration{Domain: l.Asked.Domain, Window: l.Window, Rates: rates, Defer: rapid.Bool().Draw(t, "defer")}
				on := in.Calendar().Terms(l.Window).Measurement.End.AddDate(0, 0, rapid.IntRange(-30, 300).Draw(t, "days_after_measurement"))
				before := snapshot()
				next, added, err := settlement.Settle(&in, st, []settlement.Declaration{decl}, on)
				if err != nil {
					if len(added) != 0 || len(next.Timeline) != len(st.Timeline) {
						t.Fatalf("a refused settlement changed the dossier: %v", err)
					}
					unchanged(t, before)
					return
				}
				if book(t, st.Dossier.Region, added) {
					dossiers[i] = next
				}
			},
			"book again": func(t *rapid.T) {
				if len(dossiers) == 0 {
					return // no dossier: this step does nothing
				}
				st := rapid.SampledFrom(dossiers).Draw(t, "dossier")
				n := rapid.SampledFrom(st.Timeline).Draw(t, "notification")
				n.Amount = n.Amount.Add(decimal.New(rapid.Int64Range(-1, 1).Draw(t, "amount_change"), 0))
				before := snapshot()
				if err := ledgers[st.Dossier.Region].Book(n); !errors.Is(err, envelope.ErrDuplicate) {
					t.Fatalf("a notification booked twice: %v", err)
				}
				unchanged(t, before)
			},
			"": func(t *rapid.T) {
				net := map[envelope.Region]decimal.Decimal{}
				count := map[envelope.Region]int{}
				for _, st := range dossiers {
					r := st.Dossier.Region
					net[r] = net[r].Add(st.Money().Net)
					count[r] += len(st.Timeline)
				}
				for r, l := range ledgers {
					s := l.State()
					if got := s.Used.Advance.Add(s.Used.Usage); !got.Equal(net[r]) || s.Count != count[r] {
						t.Fatalf("%s: ledger used %s in %d notifications; dossiers' net %s in %d", r, got, s.Count, net[r], count[r])
					}
				}
			},
		})
	})
}
