package settlement_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// annexDossier is the establishment of Annexe 3 §4 (category C, 127 800)
// applying in window 1 for DS1 with CRO, DS2 and DS3.
func annexDossier() settlement.Dossier {
	return settlement.Dossier{
		Establishment: "750712184", Region: envelope.IleDeFrance, Combined: decimal.New(127800, 0), Window: window.W1,
		Domains: []eligibility.DomainRequest{{Domain: forfait.DS1, CRO: true}, {Domain: forfait.DS2}, {Domain: forfait.DS3}},
	}
}

type line struct {
	Kind   envelope.Kind
	Domain forfait.Domain
	Window window.Window
	Amount string
}

func timeline(st settlement.State) []line {
	var out []line
	for _, n := range st.Timeline {
		out = append(out, line{n.Kind, n.Domain, n.Window, forfait.Format(n.Amount)})
	}
	return out
}

// TestAnnexDossier walks the three endings with hand-computed amounts (1 €
// base unit): advances 30 % of 109 738, 39 194, 39 194; DS1 misses only the
// CRO (INT-06): 99 762 − 32 921; DS2 misses window 1, defers, reaches
// window 2 (INT-05): 39 194 × 0.9 = 35 274.6 → 35 275, − 11 758; DS3 misses
// without deferral: the advance is repaid.
func TestAnnexDossier(t *testing.T) {
	rs := forfait.Instruction2021()
	st, err := settlement.Open(&rs, annexDossier(), day(2021, 12, 15))
	if err != nil {
		t.Fatal(err)
	}
	st, err = settlement.Settle(&rs, st, []indicator.Outcome{
		{Domain: forfait.DS1, CRO: true, Window: window.W1, Reached: true, CROReached: false},
		{Domain: forfait.DS2, Window: window.W1},
		{Domain: forfait.DS3, Window: window.W1},
	}, []forfait.Domain{forfait.DS2}, day(2022, 9, 1))
	if err != nil {
		t.Fatal(err)
	}
	st, err = settlement.Settle(&rs, st, []indicator.Outcome{{Domain: forfait.DS2, Window: window.W2, Reached: true}}, nil, day(2023, 3, 1))
	if err != nil {
		t.Fatal(err)
	}
	want := []line{
		{envelope.Advance, forfait.DS1, window.W1, "32921"},
		{envelope.Advance, forfait.DS2, window.W1, "11758"},
		{envelope.Advance, forfait.DS3, window.W1, "11758"},
		{envelope.Balance, forfait.DS1, window.W1, "66841"},
		{envelope.Repayment, forfait.DS3, window.W1, "11758"},
		{envelope.Balance, forfait.DS2, window.W2, "23517"},
	}
	if diff := cmp.Diff(want, timeline(st)); diff != "" {
		t.Errorf("timeline (-want +got):\n%s", diff)
	}
	for i, want := range []string{"99762", "35275", "0"} {
		if got := st.Lines[i].Entitlement(); !got.Equal(decimal.RequireFromString(want)) {
			t.Errorf("%s entitlement %s, want %s", st.Lines[i].Domain, got, want)
		}
	}
	if st.Timeline[3].Interpretations[0] != "INT-06" || st.Timeline[5].Interpretations[0] != "INT-05" || st.Timeline[3].CRO {
		t.Errorf("citations: %+v / %+v", st.Timeline[3], st.Timeline[5])
	}
}

func TestErrors(t *testing.T) {
	rs := forfait.Instruction2021()
	d := annexDossier()
	d.Funded = []forfait.Domain{forfait.DS3}
	if _, err := settlement.Open(&rs, d, day(2021, 12, 1)); !errors.Is(err, settlement.ErrAlreadyFunded) {
		t.Errorf("funded domain: %v", err)
	}
	d = annexDossier()
	d.Establishment, d.Region, d.Domains = "x", 0, nil
	if _, err := settlement.Open(&rs, d, day(2021, 12, 1)); len(forfait.Problems(err)) != 3 || !errors.Is(err, settlement.ErrInvalidDossier) {
		t.Errorf("malformed dossier: %v", err)
	}
	d = annexDossier()
	d.Domains = append(d.Domains, eligibility.DomainRequest{Domain: forfait.DS2})
	if _, err := settlement.Open(&rs, d, day(2021, 12, 1)); !errors.Is(err, settlement.ErrInvalidDossier) {
		t.Errorf("domain twice: %v", err)
	}
	d = annexDossier()
	d.Combined = decimal.New(300000, 0) // category D without a national maximum
	if _, err := settlement.Open(&rs, d, day(2021, 12, 1)); !errors.Is(err, forfait.ErrNationalMax) {
		t.Errorf("category D without ceiling: %v", err)
	}

	st, _ := settlement.Open(&rs, annexDossier(), day(2021, 12, 1))
	tests := []struct {
		name      string
		outcomes  []indicator.Outcome
		deferrals []forfait.Domain
		want      []error
	}{
		{"wrong window", []indicator.Outcome{{Domain: forfait.DS2, Window: window.W2}}, nil, []error{settlement.ErrMismatch}},
		{"wrong CRO", []indicator.Outcome{{Domain: forfait.DS1, Window: window.W1}}, nil, []error{settlement.ErrMismatch}},
		{"twice", []indicator.Outcome{{Domain: forfait.DS2, Window: window.W1}, {Domain: forfait.DS2, Window: window.W1}}, nil, []error{settlement.ErrSettled}},
		{"deferral without outcome", nil, []forfait.Domain{forfait.DS3}, []error{settlement.ErrNoDeferral}},
		{"deferral when reached", []indicator.Outcome{{Domain: forfait.DS2, Window: window.W1, Reached: true}}, []forfait.Domain{forfait.DS2}, []error{settlement.ErrNoDeferral}},
		{"everything", []indicator.Outcome{{Domain: forfait.DS2, Window: window.W3}, {Domain: forfait.DS1, Window: window.W1}}, []forfait.Domain{forfait.DS3},
			[]error{settlement.ErrMismatch, settlement.ErrMismatch, settlement.ErrNoDeferral}},
	}
	for _, tt := range tests {
		got, err := settlement.Settle(&rs, st, tt.outcomes, tt.deferrals, day(2022, 9, 1))
		problems := forfait.Problems(err)
		if len(problems) != len(tt.want) || !cmp.Equal(timeline(got), timeline(st)) {
			t.Errorf("%s: %v (state changed: %v)", tt.name, err, !cmp.Equal(timeline(got), timeline(st)))
			continue
		}
		for i, p := range problems {
			var se *settlement.Error
			if !errors.Is(p, tt.want[i]) || !errors.As(p, &se) {
				t.Errorf("%s: problem %d = %v, want %v", tt.name, i, p, tt.want[i])
			}
		}
	}

	// No deferral after window 4, nor a second one.
	d = annexDossier()
	d.Window = window.W4
	st4, _ := settlement.Open(&rs, d, day(2023, 6, 1))
	if _, err := settlement.Settle(&rs, st4, []indicator.Outcome{{Domain: forfait.DS2, Window: window.W4}}, []forfait.Domain{forfait.DS2}, day(2024, 1, 1)); !errors.Is(err, settlement.ErrNoDeferral) {
		t.Errorf("deferral after window 4: %v", err)
	}
	st3, _ := settlement.Settle(&rs, st, []indicator.Outcome{{Domain: forfait.DS2, Window: window.W1}}, []forfait.Domain{forfait.DS2}, day(2022, 9, 1))
	if _, err := settlement.Settle(&rs, st3, []indicator.Outcome{{Domain: forfait.DS2, Window: window.W2}}, []forfait.Domain{forfait.DS2}, day(2023, 3, 1)); !errors.Is(err, settlement.ErrNoDeferral) {
		t.Errorf("second deferral: %v", err)
	}
	// Missed again after a deferral: repayment.
	st3, err := settlement.Settle(&rs, st3, []indicator.Outcome{{Domain: forfait.DS2, Window: window.W2}}, nil, day(2023, 3, 1))
	if err != nil || st3.Lines[1].Stage != settlement.Repaid || !st3.Lines[1].Entitlement().IsZero() {
		t.Errorf("missed after deferral: %+v, %v", st3.Lines[1], err)
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
// random outcomes and deferrals, and after every step the invariants hold:
// per domain, paid − repaid is the entitlement earned or zero; one advance,
// at most one balance, nothing after a repayment, a repayment equal to the
// advance; a refused step changes nothing.
func TestDossierMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		rs := forfait.Instruction2021()
		d := annexDossier()
		d.Combined = decimal.New(rapid.Int64Range(1, 460_000).Draw(t, "combined_halves"), 0).Mul(decimal.New(5, -1))
		d.NationalMax = decimal.New(230_001, 0)
		if d.Combined.GreaterThan(d.NationalMax) {
			d.NationalMax = d.Combined
		}
		d.Window = window.Window(rapid.IntRange(1, 4).Draw(t, "window"))
		d.Domains[0].CRO = rapid.Bool().Draw(t, "cro")
		st, err := settlement.Open(&rs, d, day(2021, 12, 1))
		if err != nil {
			t.Fatal(err)
		}
		models := map[forfait.Domain]*model{}
		for _, l := range st.Lines {
			f, _ := rs.Compute(forfait.Request{Combined: d.Combined, NationalMax: d.NationalMax, Domain: l.Domain, CRO: l.CRO, Window: d.Window})
			models[l.Domain] = &model{window: d.Window, stage: settlement.Awaiting, advance: f.Advance}
		}
		t.Repeat(map[string]func(*rapid.T){
			"settle": func(t *rapid.T) {
				i := rapid.IntRange(0, len(st.Lines)-1).Draw(t, "line")
				l := st.Lines[i]
				m := models[l.Domain]
				o := indicator.Outcome{Domain: l.Domain, CRO: l.CRO, Window: l.Window, Reached: rapid.Bool().Draw(t, "reached")}
				o.CROReached = l.CRO && o.Reached && rapid.Bool().Draw(t, "cro_reached")
				var deferrals []forfait.Domain
				if rapid.Bool().Draw(t, "defer") {
					deferrals = []forfait.Domain{l.Domain}
				}
				next, err := settlement.Settle(&rs, st, []indicator.Outcome{o}, deferrals, day(2022, 1, 1))
				_, canDefer := m.window.Deferral()
				wantErr := m.stage != settlement.Awaiting || len(deferrals) > 0 && (o.Reached || m.deferred || !canDefer)
				if wantErr != (err != nil) {
					t.Fatalf("settle %s (reached %v, defer %v) in stage %s: error %v", l.Domain, o.Reached, len(deferrals) > 0, m.stage, err)
				}
				if err != nil {
					if !cmp.Equal(timeline(next), timeline(st)) {
						t.Fatal("a refused step changed the state")
					}
					return
				}
				switch {
				case o.Reached:
					f, _ := rs.Compute(forfait.Request{Combined: d.Combined, NationalMax: d.NationalMax, Domain: l.Domain, CRO: l.CRO && o.CROReached, Window: m.window})
					m.stage, m.earned = settlement.Paid, f.Amount
				case len(deferrals) > 0:
					w, _ := m.window.Deferral()
					m.window, m.deferred = w, true
				default:
					m.stage, m.earned = settlement.Repaid, decimal.Zero
				}
				st = next
			},
			"": func(t *rapid.T) { checkInvariants(t, st, models) },
		})
	})
}

func checkInvariants(t *rapid.T, st settlement.State, models map[forfait.Domain]*model) {
	for _, l := range st.Lines {
		m := models[l.Domain]
		if l.Stage != m.stage || l.Window != m.window || l.Deferred != m.deferred {
			t.Fatalf("%s: line %+v, model %+v", l.Domain, l, *m)
		}
		switch l.Stage {
		case settlement.Awaiting:
			if !l.Paid.Equal(m.advance) || !l.Repaid.IsZero() {
				t.Fatalf("%s awaiting: paid %s repaid %s, advance %s", l.Domain, l.Paid, l.Repaid, m.advance)
			}
		default:
			if !l.Entitlement().Equal(m.earned) {
				t.Fatalf("%s %s: paid − repaid = %s, earned %s", l.Domain, l.Stage, l.Entitlement(), m.earned)
			}
		}
		var advances, balances, repayments int
		net := decimal.Zero
		for _, n := range st.Timeline {
			if n.Domain != l.Domain {
				continue
			}
			if repayments > 0 {
				t.Fatalf("%s: %s after a repayment", l.Domain, n.Kind)
			}
			switch n.Kind {
			case envelope.Advance:
				advances++
				net = net.Add(n.Amount)
			case envelope.Balance:
				balances++
				net = net.Add(n.Amount)
			case envelope.Repayment:
				repayments++
				if !n.Amount.Equal(m.advance) {
					t.Fatalf("%s: repayment %s of an advance of %s", l.Domain, n.Amount, m.advance)
				}
				net = net.Sub(n.Amount)
			}
			if n.Amount.Sign() <= 0 || n.Source == "" {
				t.Fatalf("notification %+v without a positive amount or a citation", n)
			}
		}
		if advances != 1 || balances > 1 || balances+repayments > 1 || !net.Equal(l.Entitlement()) {
			t.Fatalf("%s: %d advances, %d balances, %d repayments, net %s, entitlement %s", l.Domain, advances, balances, repayments, net, l.Entitlement())
		}
	}
}

func TestForecast(t *testing.T) {
	rs := forfait.Instruction2021()
	st, _ := settlement.Open(&rs, annexDossier(), day(2021, 12, 1))
	st, _ = settlement.Settle(&rs, st, []indicator.Outcome{{Domain: forfait.DS3, Window: window.W1, Reached: true}}, nil, day(2022, 9, 1))
	pending := annexDossier()
	pending.Establishment, pending.Window = "750000023", window.W2
	pending.Domains = pending.Domains[1:2] // DS2 in window 2: 35 275 = 10 583 + 24 692
	credits := envelope.Credits{Advance: decimal.New(100_000, 0), Usage: decimal.New(200_000, 0)}
	ledger, _ := envelope.NewLedger(envelope.IleDeFrance, envelope.Volet1, credits, decimal.Zero)
	for _, n := range st.Timeline {
		if err := ledger.Record(n); err != nil {
			t.Fatal(err)
		}
	}
	fc, err := settlement.NewForecast(&rs, []settlement.State{st}, []settlement.Dossier{pending}, []*envelope.Ledger{ledger})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		W              window.Window
		D              forfait.Domain
		Advance, Usage string
	}
	var got []row
	for _, p := range fc.Planned {
		got = append(got, row{p.Window, p.Domain, forfait.Format(p.Advance), forfait.Format(p.Usage)})
	}
	// Awaiting: DS1 CRO 109 738 − 32 921 = 76 817, DS2 39 194 − 11 758 = 27 436 (window 1).
	want := []row{{window.W1, forfait.DS1, "0", "76817"}, {window.W1, forfait.DS2, "0", "27436"}, {window.W2, forfait.DS2, "10583", "24692"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("planned (-want +got):\n%s", diff)
	}
	// At risk: the two awaiting advances, 32 921 + 11 758.
	if r := fc.AtRisk[envelope.IleDeFrance.Index()]; !r.Equal(decimal.New(44679, 0)) {
		t.Errorf("at risk %s, want 44679", r)
	}
	// Remaining: advance 100 000 − 56 437 notified − 10 583 planned; usage 200 000 − 27 436 paid (DS3) − 128 945 planned.
	rem := fc.Remaining[envelope.IleDeFrance]
	if !rem.Advance.Equal(decimal.New(32980, 0)) || !rem.Usage.Equal(decimal.New(43619, 0)) {
		t.Errorf("remaining %+v", rem)
	}
}
