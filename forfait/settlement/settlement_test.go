package settlement_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/eligibility/eligibilitytest"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/forfait/settlement/settlementtest"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

var rules = instruction.Instruction2021()

func day(y int, m time.Month, d int) window.Date { return window.DateOf(y, m, d) }

var (
	ds1CRO = forfait.Variant{Domain: forfait.DS1, CRO: true}
	ds1    = forfait.Variant{Domain: forfait.DS1}
	ds2    = forfait.Variant{Domain: forfait.DS2}
	ds3    = forfait.Variant{Domain: forfait.DS3}
)

// annexApplication is the establishment of Annexe 3 §4 (category C,
// 127 800) applying in window 1 for DS1 with CRO, DS2 and DS3, filed on
// 15 September 2021.
func annexApplication() eligibility.Application {
	a := eligibilitytest.Valid()
	a.Establishment.Region = envelope.IleDeFrance
	a.Establishment.CombinedActivity = decimal.New(127800, 0)
	a.Window, a.Domains = window.W1, []forfait.Variant{ds1CRO, ds2, ds3}
	return a
}

func decide(t testing.TB, a eligibility.Application) eligibility.Decision {
	t.Helper()
	d, err := eligibility.Decide(&a, &rules, a.Filed)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func open(t testing.TB, a eligibility.Application, on window.Date) settlement.State {
	t.Helper()
	st, _, err := settlement.Open(&rules, decide(t, a), decimal.Zero, on)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// rates are declared percentages, written as the establishment enters
// them in oSIS.
func rates(t testing.TB, pairs ...any) map[indicator.ID]indicator.Rate {
	t.Helper()
	out := map[indicator.ID]indicator.Rate{}
	for i := 0; i < len(pairs); i += 2 {
		r, err := indicator.ParsePercent(pairs[i+1].(string))
		if err != nil {
			t.Fatal(err)
		}
		out[pairs[i].(indicator.ID)] = r
	}
	return out
}

type line struct {
	Kind    envelope.Kind
	Variant forfait.Variant
	Window  window.Window
	Amount  string
	Interps []string
}

func lines(ns []envelope.Notification) []line {
	var out []line
	for _, n := range ns {
		out = append(out, line{n.Kind, n.Variant, n.Window, forfait.Format(n.Amount), n.Interpretations})
	}
	return out
}

// TestAnnexDossier walks the three endings with hand-computed amounts (1 €
// base unit): advances 30 % of 109 738, 39 194, 39 194; DS1 declares
// 60/50/10 %: DS1.1 and DS1.2 reached, DS1.3 missed (INT-06): 99 762 −
// 32 921; DS2 declares 40 % < 45 % in window 1, defers, declares 60 % ≥
// 54 % in window 2 (INT-05): 39 194 × 0.9 = 35 274.6 → 35 275, − 11 758;
// DS3 declares 40 % without deferral: the advance is repaid.
func TestAnnexDossier(t *testing.T) {
	st, added, err := settlement.Open(&rules, decide(t, annexApplication()), decimal.Zero, day(2021, 12, 15))
	if err != nil {
		t.Fatal(err)
	}
	wantOpen := []line{
		{envelope.Advance, ds1CRO, window.W1, "32921", []string{"INT-04"}},
		{envelope.Advance, ds2, window.W1, "11758", []string{"INT-04"}},
		{envelope.Advance, ds3, window.W1, "11758", []string{"INT-04"}},
	}
	if diff := cmp.Diff(wantOpen, lines(added)); diff != "" {
		t.Errorf("opening (-want +got):\n%s", diff)
	}
	st, added, err = settlement.Settle(&rules, st, []settlement.Declaration{
		{Domain: forfait.DS1, Window: window.W1, Rates: rates(t, indicator.DS11, "60", indicator.DS12, "50", indicator.DS13, "10")},
		{Domain: forfait.DS2, Window: window.W1, Rates: rates(t, indicator.DS21, "40"), Defer: true},
		{Domain: forfait.DS3, Window: window.W1, Rates: rates(t, indicator.DS31, "40")},
	}, day(2022, 9, 1))
	if err != nil {
		t.Fatal(err)
	}
	wantFirst := []line{
		{envelope.Balance, ds1, window.W1, "66841", []string{"INT-06"}},
		{envelope.Repayment, ds3, window.W1, "11758", nil},
	}
	if diff := cmp.Diff(wantFirst, lines(added)); diff != "" {
		t.Errorf("first settlement (-want +got):\n%s", diff)
	}
	st, added, err = settlement.Settle(&rules, st, []settlement.Declaration{
		{Domain: forfait.DS2, Window: window.W2, Rates: rates(t, indicator.DS21, "60")},
	}, day(2023, 3, 1))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]line{{envelope.Balance, ds2, window.W2, "23517", []string{"INT-05"}}}, lines(added)); diff != "" {
		t.Errorf("after the deferral (-want +got):\n%s", diff)
	}
	if len(st.Timeline) != 6 {
		t.Errorf("timeline holds %d notifications, want 6", len(st.Timeline))
	}
	for i, want := range []struct {
		granted     forfait.Variant
		entitlement string
	}{{ds1, "99762"}, {ds2, "35275"}, {forfait.Variant{}, "0"}} {
		if l := st.Lines[i]; l.Granted != want.granted || !l.Entitlement().Equal(decimal.RequireFromString(want.entitlement)) {
			t.Errorf("%s: granted %s, entitlement %s; want %s, %s", l.Asked, l.Granted, l.Entitlement(), want.granted, want.entitlement)
		}
	}
	// Paid 32 921 + 11 758 + 11 758 + 66 841 + 23 517; repaid 11 758.
	m := st.Money()
	if !m.Paid.Equal(decimal.New(146795, 0)) || !m.Repaid.Equal(decimal.New(11758, 0)) || !m.Net.Equal(decimal.New(135037, 0)) {
		t.Errorf("money %+v, want paid 146795, repaid 11758, net 135037", m)
	}
}

func TestOpenErrors(t *testing.T) {
	refused := annexApplication()
	refused.RELIMS = false
	zero := annexApplication()
	zero.Establishment.CombinedActivity = decimal.Zero
	categoryD := annexApplication()
	categoryD.Establishment.CombinedActivity = decimal.New(300000, 0)
	tests := []struct {
		name     string
		decision eligibility.Decision
		on       window.Date
		want     error
	}{
		{"refused", decide(t, refused), day(2021, 12, 1), settlement.ErrNotValidated},
		{"no activity", decide(t, zero), day(2021, 12, 1), settlement.ErrNotValidated},
		{"before the filing", decide(t, annexApplication()), day(2021, 9, 14), settlement.ErrDate},
		{"undated", decide(t, annexApplication()), window.Date{}, settlement.ErrDate},
		{"category D without a national maximum", decide(t, categoryD), day(2021, 12, 1), forfait.ErrNationalMax},
		{"no decision", eligibility.Decision{}, day(2021, 12, 1), settlement.ErrNotValidated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, added, err := settlement.Open(&rules, tt.decision, decimal.Zero, tt.on)
			if !errors.Is(err, tt.want) || len(added) != 0 || len(st.Lines) != 0 {
				t.Errorf("Open: %v (%d notifications); want %v and nothing", err, len(added), tt.want)
			}
		})
	}
	// Decided again under rules that ask for more RSSI meetings than the
	// application shows, the decision validates nothing: nothing opens.
	stricter := rules
	stricter.Prerequisites.SecurityMeetings = 99
	st, added, err := settlement.Open(&stricter, decide(t, annexApplication()), decimal.Zero, day(2021, 12, 1))
	if places := codectest.Places(t, err); !errors.Is(err, settlement.ErrNotValidated) || len(added) != 0 || len(st.Lines) != 0 ||
		!slices.Equal(places, []string{"decision.domains"}) || !strings.Contains(err.Error(), "under these rules the validated domains are []") {
		t.Errorf("opened under stricter rules: %v at %v", err, places)
	}
}

func TestSettleErrors(t *testing.T) {
	st := open(t, annexApplication(), day(2021, 12, 1))
	miss2 := settlement.Declaration{Domain: forfait.DS2, Window: window.W1, Rates: rates(t, indicator.DS21, "40")}
	reach2 := settlement.Declaration{Domain: forfait.DS2, Window: window.W1, Rates: rates(t, indicator.DS21, "45")}
	tests := []struct {
		name  string
		decls []settlement.Declaration
		on    window.Date
		want  []error
	}{
		{"before the opening", []settlement.Declaration{miss2}, day(2021, 11, 30), []error{settlement.ErrDate}},
		{"rates for another window", []settlement.Declaration{{Domain: forfait.DS2, Window: window.W2, Rates: rates(t, indicator.DS21, "60")}},
			day(2022, 9, 1), []error{settlement.ErrMismatch}},
		{"a domain the dossier does not hold", []settlement.Declaration{{Domain: 4, Window: window.W1}}, day(2022, 9, 1), []error{settlement.ErrMismatch}},
		{"twice", []settlement.Declaration{miss2, miss2}, day(2022, 9, 1), []error{settlement.ErrSettled}},
		{"deferral when reached", []settlement.Declaration{{Domain: reach2.Domain, Window: reach2.Window, Rates: reach2.Rates, Defer: true}},
			day(2022, 9, 1), []error{settlement.ErrNoDeferral}},
		{"a rate missing", []settlement.Declaration{{Domain: forfait.DS1, Window: window.W1, Rates: rates(t, indicator.DS11, "60", indicator.DS12, "50")}},
			day(2022, 9, 1), []error{indicator.ErrMissingRate}},
		{"a rate never declared", []settlement.Declaration{{Domain: forfait.DS3, Window: window.W1, Rates: map[indicator.ID]indicator.Rate{indicator.DS31: {}}}},
			day(2022, 9, 1), []error{indicator.ErrMissingRate}},
		{"before the measure, once per window, with a rate missing", []settlement.Declaration{
			{Domain: forfait.DS1, Window: window.W1, Rates: rates(t, indicator.DS11, "60", indicator.DS12, "50")}, miss2},
			day(2022, 3, 1), []error{settlement.ErrDate, indicator.ErrMissingRate}},
		{"everything at once", []settlement.Declaration{miss2, miss2, {Domain: forfait.DS3, Window: window.W4}}, day(2021, 1, 1),
			[]error{settlement.ErrDate, settlement.ErrSettled, settlement.ErrMismatch}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, added, err := settlement.Settle(&rules, st, tt.decls, tt.on)
			problems := forfait.Problems(err)
			if len(problems) != len(tt.want) || len(added) != 0 || !cmp.Equal(lines(got.Timeline), lines(st.Timeline)) {
				t.Fatalf("Settle: %v, %d added; want %d problems and nothing changed", err, len(added), len(tt.want))
			}
			for i, p := range problems {
				var ie *forfait.InputError
				if !errors.Is(p, tt.want[i]) || !errors.As(p, &ie) {
					t.Errorf("problem %d = %v, want %v", i, p, tt.want[i])
				}
			}
		})
	}

	// A dossier Open never returned: one problem, said as such.
	if got, added, err := settlement.Settle(&rules, settlement.State{}, []settlement.Declaration{reach2}, day(2022, 9, 1)); !errors.Is(err, settlement.ErrInvalidDossier) ||
		len(added) != 0 || len(got.Lines) != 0 || len(forfait.Problems(err)) != 1 || !strings.Contains(err.Error(), "never opened") {
		t.Errorf("Settle of the zero State: %v", err)
	}

	// No deferral after window 4, nor a second one; missed again, repaid.
	w4 := annexApplication()
	w4.Window, w4.Filed = window.W4, day(2023, 3, 15)
	st4 := open(t, w4, day(2023, 6, 1))
	late := settlement.Declaration{Domain: forfait.DS2, Window: window.W4, Rates: rates(t, indicator.DS21, "1"), Defer: true}
	if _, _, err := settlement.Settle(&rules, st4, []settlement.Declaration{late}, day(2024, 1, 1)); !errors.Is(err, settlement.ErrNoDeferral) {
		t.Errorf("deferral after window 4: %v", err)
	}
	deferred, _, err := settlement.Settle(&rules, st, []settlement.Declaration{{Domain: forfait.DS2, Window: window.W1, Rates: miss2.Rates, Defer: true}}, day(2022, 9, 1))
	if err != nil {
		t.Fatal(err)
	}
	again := settlement.Declaration{Domain: forfait.DS2, Window: window.W2, Rates: rates(t, indicator.DS21, "53.99"), Defer: true}
	if _, _, err := settlement.Settle(&rules, deferred, []settlement.Declaration{again}, day(2023, 3, 1)); !errors.Is(err, settlement.ErrNoDeferral) {
		t.Errorf("second deferral: %v", err)
	}
	again.Defer = false
	repaid, added, err := settlement.Settle(&rules, deferred, []settlement.Declaration{again}, day(2023, 3, 1))
	if err != nil || repaid.Lines[1].Stage != settlement.Repaid || !repaid.Lines[1].Entitlement().IsZero() ||
		!cmp.Equal(lines(added), []line{{envelope.Repayment, ds2, window.W2, "11758", []string{"INT-05"}}}) {
		t.Errorf("missed after deferral: %+v, %v, %v", repaid.Lines[1], lines(added), err)
	}
}

// TestStageText: stages round-trip as text, the zero value included.
func TestStageText(t *testing.T) {
	for _, s := range []settlement.Stage{0, settlement.Awaiting, settlement.Paid, settlement.Repaid} {
		text, err := s.MarshalText()
		var back settlement.Stage
		if err != nil || back.UnmarshalText(text) != nil || back != s {
			t.Errorf("%v: text %q, %v, back %v", s, text, err, back)
		}
	}
	if _, err := settlement.Stage(9).MarshalText(); !errors.Is(err, settlement.ErrInvalidDossier) || settlement.Stage(0).String() != "unset" {
		t.Errorf("invalid stage: %v", err)
	}
}

// model is the test's own account of a domain: what it expects to have
// been paid and repaid, computed from the rule set's forfaits.
type model struct {
	window   window.Window
	deferred bool
	stage    settlement.Stage
	advance  decimal.Decimal
	earned   decimal.Decimal // the forfait earned once paid
}

// TestDossierMachine is a rapid state machine over a dossier's life:
// random declarations that reach or miss the targets, with or without a
// deferral, and after every step the invariants hold: per domain, paid −
// repaid is the entitlement earned or zero; one advance, at most one
// balance, nothing after a repayment, a repayment equal to the advance; a
// refused step changes nothing and adds nothing.
func TestDossierMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		o := settlementtest.Decision(&rules).Draw(t, "opening")
		st, _, err := settlement.Open(&rules, o.Decision, o.NationalMax, o.On)
		if err != nil {
			t.Fatal(err)
		}
		d := st.Dossier
		compute := func(v forfait.Variant, w window.Window) forfait.Forfait {
			f, err := rules.Forfait.Compute(forfait.Request{Combined: d.Combined, NationalMax: d.NationalMax, Variant: v, Window: w})
			if err != nil {
				t.Fatal(err)
			}
			return f
		}
		models := map[forfait.Domain]*model{}
		for _, l := range st.Lines {
			models[l.Asked.Domain] = &model{window: d.Window, stage: settlement.Awaiting, advance: compute(l.Asked, d.Window).Advance}
		}
		t.Repeat(map[string]func(*rapid.T){
			"settle": func(t *rapid.T) {
				l := rapid.SampledFrom(st.Lines).Draw(t, "line")
				m := models[l.Asked.Domain]
				reached, croReached := rapid.Bool().Draw(t, "reached"), rapid.Bool().Draw(t, "cro_reached")
				rs, _ := settlementtest.Rates(&rules, l.Asked, l.Window, reached, croReached)
				decl := settlement.Declaration{Domain: l.Asked.Domain, Window: l.Window, Rates: rs, Defer: rapid.Bool().Draw(t, "defer")}
				next, added, err := settlement.Settle(&rules, st, []settlement.Declaration{decl}, rules.Calendar().Terms(l.Window).Measurement.End.AddDate(0, 0, 1))
				_, canDefer := m.window.Deferral()
				wantErr := m.stage != settlement.Awaiting || decl.Defer && (reached || m.deferred || !canDefer)
				if wantErr != (err != nil) {
					t.Fatalf("settle %s (reached %v, defer %v) in stage %s: error %v", l.Asked, reached, decl.Defer, m.stage, err)
				}
				if err != nil {
					if len(added) != 0 || !cmp.Equal(lines(next.Timeline), lines(st.Timeline)) {
						t.Fatal("a refused step changed the state")
					}
					return
				}
				switch {
				case reached:
					v := l.Asked
					if !croReached {
						v = v.Standard()
					}
					m.stage, m.earned = settlement.Paid, compute(v, m.window).Amount
				case decl.Defer:
					w, _ := m.window.Deferral()
					m.window, m.deferred = w, true
				default:
					m.stage, m.earned = settlement.Repaid, decimal.Zero
				}
				if !cmp.Equal(lines(added), lines(next.Timeline[len(st.Timeline):])) {
					t.Fatal("the notifications added are not the timeline's new ones")
				}
				st = next
			},
			"": func(t *rapid.T) { checkInvariants(t, st, models) },
		})
	})
}

func checkInvariants(t *rapid.T, st settlement.State, models map[forfait.Domain]*model) {
	for _, l := range st.Lines {
		m := models[l.Asked.Domain]
		if l.Stage != m.stage || l.Window != m.window || l.Deferred != m.deferred {
			t.Fatalf("%s: line %+v, model %+v", l.Asked, l, *m)
		}
		switch l.Stage {
		case settlement.Awaiting:
			if !l.Paid.Equal(m.advance) || !l.Repaid.IsZero() {
				t.Fatalf("%s awaiting: paid %s repaid %s, advance %s", l.Asked, l.Paid, l.Repaid, m.advance)
			}
		default:
			if !l.Entitlement().Equal(m.earned) {
				t.Fatalf("%s %s: paid − repaid = %s, earned %s", l.Asked, l.Stage, l.Entitlement(), m.earned)
			}
		}
		var advances, balances, repayments int
		net := decimal.Zero
		for _, n := range st.Timeline {
			if n.Variant.Domain != l.Asked.Domain {
				continue
			}
			if repayments > 0 {
				t.Fatalf("%s: %s after a repayment", l.Asked, n.Kind)
			}
			switch n.Kind {
			case envelope.Advance:
				advances++
				net = net.Add(n.Amount)
			case envelope.Balance:
				balances++
				net = net.Add(n.Amount)
				if n.Variant != l.Granted {
					t.Fatalf("%s: balance notified as %s, line granted %s", l.Asked, n.Variant, l.Granted)
				}
			case envelope.Repayment:
				repayments++
				if !n.Amount.Equal(m.advance) {
					t.Fatalf("%s: repayment %s of an advance of %s", l.Asked, n.Amount, m.advance)
				}
				net = net.Sub(n.Amount)
			}
			if n.Amount.Sign() <= 0 || n.Source == "" {
				t.Fatalf("notification %+v without a positive amount or a citation", n)
			}
		}
		if advances != 1 || balances > 1 || balances+repayments > 1 || !net.Equal(l.Entitlement()) {
			t.Fatalf("%s: %d advances, %d balances, %d repayments, net %s, entitlement %s", l.Asked, advances, balances, repayments, net, l.Entitlement())
		}
	}
}

// TestForecast: a window-1 dossier forecast on its deadline (30 June 2022)
// plans every awaited balance; forecast on 1 September 2022, after DS3 is
// settled, its two domains still awaiting are past their declaration
// deadline: overdue, not planned (INT-22, INT-23).
func TestForecast(t *testing.T) {
	opened := open(t, annexApplication(), day(2021, 12, 1))
	st, _, err := settlement.Settle(&rules, opened, []settlement.Declaration{{Domain: forfait.DS3, Window: window.W1, Rates: rates(t, indicator.DS31, "45")}}, day(2022, 9, 1))
	if err != nil {
		t.Fatal(err)
	}
	pending := st.Dossier
	pending.Establishment, pending.Window = forfait.MustParseFINESS("750000023"), window.W2
	pending.Variants = []forfait.Variant{ds2} // DS2 in window 2: 35 275 = 10 583 + 24 692
	credits := envelope.Credits{Advance: decimal.New(100_000, 0), Usage: decimal.New(200_000, 0)}
	ledger, _ := envelope.NewLedger(envelope.IleDeFrance, credits)
	if err := ledger.Book(st.Timeline...); err != nil {
		t.Fatal(err)
	}
	type row struct {
		W              window.Window
		D              forfait.Domain
		Advance, Usage string
	}
	planned := func(fc settlement.Forecast) []row {
		var got []row
		for _, p := range fc.Planned {
			got = append(got, row{p.Window, p.Domain, forfait.Format(p.Advance), forfait.Format(p.Usage)})
		}
		return got
	}
	idf := envelope.IleDeFrance.Index()

	// On the deadline: DS1 CRO 109 738 − 32 921 = 76 817, DS2 and DS3
	// 39 194 − 11 758 = 27 436 each, all at risk: 32 921 + 2 × 11 758.
	fc, err := settlement.NewForecast(&rules, day(2022, 6, 30), []settlement.State{opened}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []row{{window.W1, forfait.DS1, "0", "76817"}, {window.W1, forfait.DS2, "0", "27436"}, {window.W1, forfait.DS3, "0", "27436"}}
	if diff := cmp.Diff(want, planned(fc)); diff != "" {
		t.Errorf("planned on the deadline (-want +got):\n%s", diff)
	}
	if !fc.AtRisk[idf].Equal(decimal.New(56437, 0)) || !fc.Overdue[idf].IsZero() {
		t.Errorf("on the deadline: at risk %s, overdue %s; want 56437, 0", fc.AtRisk[idf], fc.Overdue[idf])
	}

	// After it: only the pending window-2 dossier is planned; the two
	// awaiting advances, 32 921 + 11 758, are overdue.
	fc, err = settlement.NewForecast(&rules, day(2022, 9, 1), []settlement.State{st}, []settlement.Dossier{pending}, []*envelope.Ledger{ledger})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]row{{window.W2, forfait.DS2, "10583", "24692"}}, planned(fc)); diff != "" {
		t.Errorf("planned after the deadline (-want +got):\n%s", diff)
	}
	if !fc.AtRisk[idf].IsZero() || !fc.Overdue[idf].Equal(decimal.New(44679, 0)) {
		t.Errorf("after the deadline: at risk %s, overdue %s; want 0, 44679", fc.AtRisk[idf], fc.Overdue[idf])
	}
	// Remaining: advance 100 000 − 56 437 notified − 10 583 planned; usage
	// 200 000 − 27 436 paid (DS3) − 24 692 planned.
	rem := fc.Remaining[envelope.IleDeFrance]
	if !rem.Advance.Equal(decimal.New(32980, 0)) || !rem.Usage.Equal(decimal.New(147872, 0)) {
		t.Errorf("remaining %+v", rem)
	}
}

// TestSettleBeforeMeasurement: a balance or a repayment is notified only
// once the targets of the domain's window are measured, after the end of
// its measurement semester (Annexe 1: window 1 is S1 2022, window 2 S2
// 2022; Annexe 2 §3; INT-12). Settled on 20 December 2021, or on 30 June
// 2022 itself, window-1 rates are refused with ErrDate naming the day, and
// nothing changes; on 1 July 2022 they settle. After a deferral the
// deferral window's semester applies: 31 December 2022 is refused, 1
// January 2023 accepted.
func TestSettleBeforeMeasurement(t *testing.T) {
	st := open(t, annexApplication(), day(2021, 12, 1))
	reach1 := settlement.Declaration{Domain: forfait.DS1, Window: window.W1, Rates: rates(t, indicator.DS11, "60", indicator.DS12, "50", indicator.DS13, "60")}
	miss2 := settlement.Declaration{Domain: forfait.DS2, Window: window.W1, Rates: rates(t, indicator.DS21, "40"), Defer: true}
	refused := func(st settlement.State, d settlement.Declaration, on window.Date) {
		t.Helper()
		got, added, err := settlement.Settle(&rules, st, []settlement.Declaration{d}, on)
		var ie *forfait.InputError
		if !errors.Is(err, settlement.ErrDate) || !errors.As(err, &ie) || ie.Field != "on" || ie.Value != on.String() ||
			len(forfait.Problems(err)) != 1 || len(added) != 0 || !got.Equal(st) {
			t.Errorf("Settle on %s for window %s: %v, %d added; want one ErrDate on %s and nothing changed", on, d.Window, err, len(added), on)
		}
	}
	refused(st, reach1, day(2021, 12, 20))
	refused(st, reach1, day(2022, 6, 30))
	_, added, err := settlement.Settle(&rules, st, []settlement.Declaration{reach1}, day(2022, 7, 1))
	if err != nil || !cmp.Equal(lines(added), []line{{envelope.Balance, ds1CRO, window.W1, "76817", nil}}) {
		t.Errorf("on 1 July 2022: %v, %v; want the balance 76817", lines(added), err)
	}
	deferred, _, err := settlement.Settle(&rules, st, []settlement.Declaration{miss2}, day(2022, 7, 1))
	if err != nil {
		t.Fatal(err)
	}
	reach2 := settlement.Declaration{Domain: forfait.DS2, Window: window.W2, Rates: rates(t, indicator.DS21, "60")}
	refused(deferred, reach2, day(2022, 12, 31))
	if _, added, err := settlement.Settle(&rules, deferred, []settlement.Declaration{reach2}, day(2023, 1, 1)); err != nil || len(added) != 1 {
		t.Errorf("after window 2's semester: %v, %v", lines(added), err)
	}
}

// TestBalanceAfterDeferralAtTheAdvance: after a deferral the balance is the
// next window's forfait less the advance paid (INT-05). Under rules whose
// window-2 factor is 0.3, DS3's window-2 forfait is 39 194 × 0.3 =
// 11 758.2 → 11 758 €, the advance exactly: the domain is paid with no
// notification. With 0.25, 9 798.5 → 9 799 € is below the advance: the
// settlement is refused (ErrMismatch) and nothing changes.
func TestBalanceAfterDeferralAtTheAdvance(t *testing.T) {
	for _, tt := range []struct {
		factor string
		want   error
	}{{"0.3", nil}, {"0.25", settlement.ErrMismatch}} {
		in := rules
		for w := 1; w < len(in.Forfait.Windows); w++ {
			in.Forfait.Windows[w].Factor = decimal.RequireFromString(tt.factor)
		}
		if err := in.Validate(); err != nil {
			t.Fatal(err)
		}
		a := annexApplication()
		a.Domains = []forfait.Variant{ds3}
		st, _, err := settlement.Open(&in, decide(t, a), decimal.Zero, day(2021, 12, 1))
		if err != nil {
			t.Fatal(err)
		}
		st, added, err := settlement.Settle(&in, st, []settlement.Declaration{{Domain: forfait.DS3, Window: window.W1, Rates: rates(t, indicator.DS31, "1"), Defer: true}}, day(2022, 7, 1))
		if err != nil || len(added) != 0 || st.Lines[0].Window != window.W2 {
			t.Fatalf("deferral: %v, %v, %+v", err, added, st.Lines[0])
		}
		got, added, err := settlement.Settle(&in, st, []settlement.Declaration{{Domain: forfait.DS3, Window: window.W2, Rates: rates(t, indicator.DS31, "100")}}, day(2023, 1, 2))
		switch {
		case tt.want == nil && (err != nil || len(added) != 0 || got.Lines[0].Stage != settlement.Paid || !got.Money().Net.Equal(decimal.New(11758, 0))):
			t.Errorf("factor %s: %v, %v, %+v, %+v; want paid with no notification, 11 758 € kept", tt.factor, err, added, got.Lines[0], got.Money())
		case tt.want != nil && (!errors.Is(err, tt.want) || len(added) != 0 || !got.Equal(st) ||
			!strings.Contains(err.Error(), "the forfait due 9799 is below the advance paid 11758")):
			t.Errorf("factor %s: %v; want %v and nothing changed", tt.factor, err, tt.want)
		}
	}
}
