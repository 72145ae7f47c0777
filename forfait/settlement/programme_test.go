package settlement_test

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/eligibility/eligibilitytest"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/audit"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/forfait/settlement/settlementtest"
	"github.com/sunes-spec/sunes/window"
)

// TestProgrammeMachine runs checkProgramme.
func TestProgrammeMachine(t *testing.T) { rapid.Check(t, checkProgramme) }

// FuzzProgrammeMachine runs checkProgramme as a fuzz target.
func FuzzProgrammeMachine(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkProgramme)) }

// checkProgramme is a state machine over a region's programme, windows 1
// to 4, with time passing: establishments apply (some in window 1 on a
// purchase order for PS2.2), eligibility decides with the history their
// dossiers give (settlement.History), the validated domains open; declared
// rates settle domains after their deadline; the ARS closes what is
// overdue, asking deferrals at random; audits are recorded done, in time
// or late. Every step goes through settlement.Apply on one ledger. After
// each step: eligibility validated exactly the domains the establishment's
// dossiers had never held (§5; INT-14); the ledger holds at most one
// advance per establishment and domain; no domain awaits targets whose
// deadline had passed at the last closing (INT-22, INT-23), nor, once
// measured, on a dossier whose PS2.2 audit failed (INT-24, INT-12); the ledger's credits used are
// the dossiers' net, and its entries their timelines; the audit of the
// ledger (package forfait/audit) finds nothing in what the dossiers booked.
// A step with nothing to do returns rather than skips: fuzzed, a machine
// whose input draws a hundred skipped steps in a row fails.
func checkProgramme(t *rapid.T) {
	cal := rules.Calendar()
	ledger, err := envelope.NewLedger(envelope.IleDeFrance, envelope.Credits{Advance: decimal.New(10_000_000, 0), Usage: decimal.New(30_000_000, 0)})
	if err != nil {
		t.Fatal(err)
	}
	ests := []forfait.FINESS{forfait.MustParseFINESS("750712184"), forfait.MustParseFINESS("750000023"), forfait.MustParseFINESS("920000015")}
	// One 2019 activity per establishment, whatever window it applies in
	// (Annexe 3 §1), as the audit reads it from the extract.
	var audited []audit.Establishment
	combined := map[forfait.FINESS]decimal.Decimal{}
	for _, e := range ests {
		combined[e] = decimal.New(rapid.Int64Range(1, 200_000).Draw(t, "combined_"+e.String()), 0)
		audited = append(audited, audit.Establishment{FINESS: e, Region: envelope.IleDeFrance, Combined: combined[e]})
	}
	var states []settlement.State
	applied := map[forfait.FINESS]map[window.Window]bool{}
	now := window.DateOf(2021, 9, 1)
	var lastClose window.Date
	apply := func(i int, st settlement.State, step func() (settlement.State, []envelope.Notification, error)) {
		next, err := settlement.Apply(ledger, st, step)
		if err != nil {
			t.Fatalf("step refused: %v", err)
		}
		if i < 0 {
			states = append(states, next)
		} else {
			states[i] = next
		}
	}
	t.Repeat(map[string]func(*rapid.T){
		"apply": func(t *rapid.T) {
			e := rapid.SampledFrom(ests).Draw(t, "establishment")
			all := window.All()
			w := rapid.SampledFrom(all[:]).Draw(t, "window")
			terms := cal.Terms(w)
			filed := now
			if filed.Before(terms.Application.Start) {
				filed = terms.Application.Start
			}
			if applied[e][w] || filed.After(terms.Application.End) {
				return // no application period left for this window, or already applied in it: this step does nothing
			}
			a := eligibilitytest.Valid()
			a.Establishment.FINESSGeo, a.Window, a.Filed = e, w, filed.AddDate(0, 0, rapid.IntRange(0, 10).Draw(t, "days_to_filing"))
			if a.Filed.After(terms.Application.End) {
				a.Filed = terms.Application.End
			}
			a.Establishment.CombinedActivity = combined[e]
			a.Domains = nil
			for _, v := range []forfait.Variant{{Domain: forfait.DS1, CRO: rapid.Bool().Draw(t, "cro")}, ds2, ds3} {
				if rapid.Bool().Draw(t, "apply_"+v.Domain.String()) {
					a.Domains = append(a.Domains, v)
				}
			}
			if len(a.Domains) == 0 {
				a.Domains = []forfait.Variant{ds3}
			}
			if w == window.W1 && rapid.Bool().Draw(t, "purchase_order") {
				a.Prerequisites.CyberAudit = eligibility.CyberAudit{PurchaseOrder: true, AuditDate: window.DateOf(2021, 12, 20)}
			}
			a.History = settlement.History(e, states...)
			on := a.Filed.AddDate(0, 0, rapid.IntRange(0, 30).Draw(t, "days_to_decision"))
			d, err := eligibility.Decide(&a, &rules, on)
			if err != nil {
				t.Fatal(err)
			}
			if applied[e] == nil {
				applied[e] = map[window.Window]bool{}
			}
			applied[e][w], now = true, on
			var want []forfait.Variant
			for _, v := range a.Domains {
				held := slices.ContainsFunc(states, func(st settlement.State) bool {
					return st.Dossier.Establishment == e && slices.ContainsFunc(st.Lines, func(l settlement.Line) bool { return l.Asked.Domain == v.Domain })
				})
				if !held {
					want = append(want, v)
				}
			}
			if !slices.Equal(want, d.Validated()) {
				t.Fatalf("eligibility validated %v of %v; the dossiers leave %v (history %+v)", d.Validated(), a.Domains, want, a.History)
			}
			if len(want) > 0 {
				apply(-1, settlement.State{}, func() (settlement.State, []envelope.Notification, error) {
					return settlement.Open(&rules, d, decimal.Zero, on)
				})
			}
		},
		"time passes": func(t *rapid.T) {
			now = now.AddDate(0, 0, rapid.IntRange(1, 200).Draw(t, "days"))
		},
		"settle": func(t *rapid.T) {
			type pick struct{ st, line int }
			var due []pick
			for i, st := range states {
				for j, l := range st.Lines {
					if settlement.Overdue(&rules, l, now) {
						due = append(due, pick{i, j})
					}
				}
			}
			if len(due) == 0 {
				return // nothing declared to settle: this step does nothing
			}
			p := rapid.SampledFrom(due).Draw(t, "line")
			st, l := states[p.st], states[p.st].Lines[p.line]
			reached := rapid.Bool().Draw(t, "reached")
			rates, ok := settlementtest.Rates(&rules, l.Asked, l.Window, reached, rapid.Bool().Draw(t, "cro_reached"))
			if !ok {
				return // a target of 0 % cannot be missed: this step does nothing
			}
			_, canDefer := l.Window.Deferral()
			deferral := !reached && canDefer && !l.Deferred && rapid.Bool().Draw(t, "defer")
			apply(p.st, st, func() (settlement.State, []envelope.Notification, error) {
				return settlement.Settle(&rules, st, []settlement.Declaration{{Domain: l.Asked.Domain, Window: l.Window, Rates: rates, Defer: deferral}}, now)
			})
		},
		"close": func(t *rapid.T) {
			for i, st := range states {
				var deferrals []forfait.Domain
				for _, l := range st.Lines {
					if _, ok := l.Window.Deferral(); ok && !l.Deferred && settlement.Overdue(&rules, l, now) && rapid.Bool().Draw(t, "defer") {
						deferrals = append(deferrals, l.Asked.Domain)
					}
				}
				apply(i, st, func() (settlement.State, []envelope.Notification, error) {
					return settlement.Close(&rules, st, now, deferrals...)
				})
			}
			lastClose = now
		},
		"audit": func(t *rapid.T) {
			var pending []int
			for i, st := range states {
				if st.Dossier.Audit != nil && st.Dossier.AuditDone.IsZero() {
					pending = append(pending, i)
				}
			}
			if len(pending) == 0 {
				return // no audit to record: this step does nothing
			}
			i := rapid.SampledFrom(pending).Draw(t, "dossier")
			done := window.DateOf(2021, 12, 1).AddDate(0, 0, rapid.IntRange(0, 60).Draw(t, "audit_done"))
			next, err := settlement.RecordAudit(states[i], done)
			if err != nil {
				t.Fatal(err)
			}
			states[i] = next
		},
		"": func(t *rapid.T) {
			advances := map[[2]string]int{}
			entries := ledger.Entries()
			for _, n := range entries {
				if n.Kind == envelope.Advance {
					k := [2]string{n.Establishment.String(), n.Variant.Domain.String()}
					if advances[k]++; advances[k] > 1 {
						t.Fatalf("%s funded twice for %s", k[0], k[1])
					}
				}
			}
			net, booked := decimal.Zero, 0
			for _, st := range states {
				net, booked = net.Add(st.Money().Net), booked+len(st.Timeline)
				a := st.Dossier.Audit
				failed := a != nil && lastClose.After(a.Deadline) && (st.Dossier.AuditDone.IsZero() || st.Dossier.AuditDone.After(a.Deadline))
				for _, l := range st.Lines {
					if l.Stage != settlement.Awaiting {
						continue
					}
					if deadline := cal.Terms(l.Window).Declaration.Date; lastClose.After(deadline) {
						t.Fatalf("%s %s awaits window %s's targets, deadline %s, after the closing on %s", st.Dossier.Establishment, l.Asked, l.Window, deadline, lastClose)
					}
					if failed && lastClose.After(cal.Terms(l.Window).Measurement.End) {
						t.Fatalf("%s %s awaits its targets after its PS2.2 audit failed", st.Dossier.Establishment, l.Asked)
					}
				}
			}
			s := ledger.State()
			if used := s.Used.Advance.Add(s.Used.Usage); !used.Equal(net) || len(entries) != booked {
				t.Fatalf("ledger: %s used in %d entries; dossiers: net %s in %d notifications", used, len(entries), net, booked)
			}
			if len(entries) == 0 {
				return
			}
			payments := make([]audit.Payment, len(entries))
			for i, n := range entries {
				payments[i] = audit.PaymentOf(n)
			}
			report, err := audit.Audit(&rules, audited, payments, audit.Options{AsOf: lastClose})
			if err != nil || len(report.Findings) > 0 {
				t.Fatalf("the audit of what the dossiers booked: %v, %+v", err, report.Findings)
			}
		},
	})
}
