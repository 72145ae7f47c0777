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

// TestClose: the Annexe 3 §4 dossier of window 1 declares nothing. On its
// deadline, 30 June 2022, nothing is overdue; on 1 July 2022 DS1 and DS3
// are repaid (32 921 and 11 758 €) and DS2, whose deferral was asked,
// awaits window 2; on 1 January 2023, still undeclared after window 2's
// deadline, DS2's advance of 11 758 € is repaid (§5, Annexe 2 §3; INT-22,
// INT-23). Closed, the domains cannot be settled again.
func TestClose(t *testing.T) {
	opened := open(t, annexApplication(), day(2021, 12, 15))

	same, added, err := settlement.Close(&rules, opened, day(2022, 6, 30), forfait.DS2)
	if !errors.Is(err, settlement.ErrNoDeferral) || len(added) != 0 || !same.Equal(opened) {
		t.Errorf("a deferral before the deadline: %v, %d added", err, len(added))
	}
	same, added, err = settlement.Close(&rules, opened, day(2022, 6, 30))
	if err != nil || len(added) != 0 || !same.Equal(opened) {
		t.Errorf("close on the deadline: %v, %d added, changed %v", err, len(added), !same.Equal(opened))
	}

	st, added, err := settlement.Close(&rules, opened, day(2022, 7, 1), forfait.DS2)
	if err != nil {
		t.Fatal(err)
	}
	want := []line{
		{envelope.Repayment, ds1CRO, window.W1, "32921", []string{"INT-22", "INT-23"}},
		{envelope.Repayment, ds3, window.W1, "11758", []string{"INT-22", "INT-23"}},
	}
	if diff := cmp.Diff(want, lines(added)); diff != "" {
		t.Errorf("closed on 1 July 2022 (-want +got):\n%s", diff)
	}
	if l := st.Lines[1]; l.Stage != settlement.Awaiting || l.Window != window.W2 || !l.Deferred {
		t.Errorf("DS2 after its deferral: %+v", l)
	}
	for _, n := range added {
		if n.Date != day(2022, 7, 1) || n.Source != "§5; Annexe 2 §3" {
			t.Errorf("notification %+v: want dated 2022-07-01, citing §5; Annexe 2 §3", n)
		}
	}
	if _, _, err := settlement.Settle(&rules, st, []settlement.Declaration{{Domain: forfait.DS1, Window: window.W1, Rates: rates(t, indicator.DS11, "60", indicator.DS12, "50", indicator.DS13, "60")}}, day(2022, 7, 2)); !errors.Is(err, settlement.ErrSettled) {
		t.Errorf("settling a closed domain: %v", err)
	}

	again, added, err := settlement.Close(&rules, st, day(2022, 12, 31))
	if err != nil || len(added) != 0 || !again.Equal(st) {
		t.Errorf("close on window 2's deadline: %v, %d added", err, len(added))
	}
	st, added, err = settlement.Close(&rules, st, day(2023, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]line{{envelope.Repayment, ds2, window.W2, "11758", []string{"INT-05", "INT-22", "INT-23"}}}, lines(added)); diff != "" {
		t.Errorf("closed after the deferral window (-want +got):\n%s", diff)
	}
	if m := st.Money(); !m.Net.IsZero() || !m.Paid.Equal(decimal.New(56437, 0)) {
		t.Errorf("money after closing everything: %+v, want 56437 paid and repaid", m)
	}

	// Closed once after both deadlines: deferred, then repaid, in one step.
	st, added, err = settlement.Close(&rules, opened, day(2023, 1, 1), forfait.DS2)
	if err != nil || len(added) != 3 || st.Lines[1].Window != window.W2 || st.Lines[1].Stage != settlement.Repaid {
		t.Errorf("closing both deadlines at once: %v, %v, %+v", err, lines(added), st.Lines[1])
	}
}

func TestCloseErrors(t *testing.T) {
	opened := open(t, annexApplication(), day(2021, 12, 15))
	w4 := annexApplication()
	w4.Window, w4.Filed = window.W4, day(2023, 3, 15)
	opened4 := open(t, w4, day(2023, 6, 1))
	tests := []struct {
		name      string
		st        settlement.State
		on        window.Date
		deferrals []forfait.Domain
		want      []error
	}{
		{"before the opening", opened, day(2021, 12, 14), nil, []error{settlement.ErrDate}},
		{"undated", opened, window.Date{}, nil, []error{settlement.ErrDate}},
		{"a domain the dossier does not hold", opened, day(2022, 7, 1), []forfait.Domain{4}, []error{settlement.ErrMismatch}},
		{"a deferral asked twice", opened, day(2022, 7, 1), []forfait.Domain{forfait.DS2, forfait.DS2}, []error{settlement.ErrNoDeferral}},
		{"not overdue", opened, day(2022, 6, 30), []forfait.Domain{forfait.DS3}, []error{settlement.ErrNoDeferral}},
		{"none after window 4", opened4, day(2024, 1, 1), []forfait.Domain{forfait.DS1}, []error{settlement.ErrNoDeferral}},
		{"everything at once", opened, day(2021, 1, 1), []forfait.Domain{4, forfait.DS1}, []error{settlement.ErrDate, settlement.ErrMismatch, settlement.ErrNoDeferral}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, added, err := settlement.Close(&rules, tt.st, tt.on, tt.deferrals...)
			problems := forfait.Problems(err)
			if len(problems) != len(tt.want) || len(added) != 0 || !got.Equal(tt.st) {
				t.Fatalf("Close: %v, %d added; want %d problems and nothing changed", err, len(added), len(tt.want))
			}
			for i, p := range problems {
				var ie *forfait.InputError
				if !errors.Is(p, tt.want[i]) || !errors.As(p, &ie) {
					t.Errorf("problem %d = %v, want %v", i, p, tt.want[i])
				}
			}
		})
	}
}

// TestSettleNoDeclaration: settling with no declaration at all is an
// error, and changes nothing.
func TestSettleNoDeclaration(t *testing.T) {
	st := open(t, annexApplication(), day(2021, 12, 15))
	for _, decls := range [][]settlement.Declaration{nil, {}} {
		got, added, err := settlement.Settle(&rules, st, decls, day(2022, 9, 1))
		var ie *forfait.InputError
		if !errors.Is(err, settlement.ErrNoDeclaration) || !errors.As(err, &ie) || ie.Field != "declarations" || len(added) != 0 || !got.Equal(st) {
			t.Errorf("Settle(%v): %v, %d added", decls, err, len(added))
		}
	}
}

// orderedAudit is the Annexe 3 §4 application proving PS2.2 in window 1
// by a purchase order, the audit planned on 20 December 2021 (Annexe 1,
// PS2.2).
func orderedAudit() eligibility.Application {
	a := annexApplication()
	a.Prerequisites.CyberAudit = eligibility.CyberAudit{PurchaseOrder: true, AuditDate: day(2021, 12, 20)}
	return a
}

// TestPendingAudit: a dossier opened on a purchase order settles on its
// targets when the audit is recorded done by 31 December 2021; done later,
// or never shown, every domain still awaiting is repaid at settlement,
// whatever its rates, or when closed after its measurement semester
// (Annexe 1, PS2.2; Annexe 2 §3; INT-24, INT-12).
func TestPendingAudit(t *testing.T) {
	opened := open(t, orderedAudit(), day(2021, 12, 15))
	if a := opened.Dossier.Audit; a == nil || a.Planned != day(2021, 12, 20) || a.Deadline != day(2021, 12, 31) {
		t.Fatalf("the dossier's pending audit: %+v", a)
	}
	reach := []settlement.Declaration{{Domain: forfait.DS3, Window: window.W1, Rates: rates(t, indicator.DS31, "45")}}

	done, err := settlement.RecordAudit(opened, day(2021, 12, 20))
	if err != nil {
		t.Fatal(err)
	}
	_, added, err := settlement.Settle(&rules, done, reach, day(2022, 9, 1))
	if err != nil || !cmp.Equal(lines(added), []line{{envelope.Balance, ds3, window.W1, "27436", nil}}) {
		t.Errorf("audit done in time: %v, %v", lines(added), err)
	}

	repaidAll := []line{
		{envelope.Repayment, ds1CRO, window.W1, "32921", []string{"INT-24"}},
		{envelope.Repayment, ds2, window.W1, "11758", []string{"INT-24"}},
		{envelope.Repayment, ds3, window.W1, "11758", []string{"INT-24"}},
	}
	late, err := settlement.RecordAudit(opened, day(2022, 1, 15))
	if err != nil {
		t.Fatal(err)
	}
	for name, st := range map[string]settlement.State{"never shown": opened, "done late": late} {
		got, added, err := settlement.Settle(&rules, st, reach, day(2022, 9, 1))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(repaidAll, lines(added)); diff != "" {
			t.Errorf("%s, settled (-want +got):\n%s", name, diff)
		}
		if got.Lines[2].Outcome == nil || !got.Lines[2].Outcome.Reached || got.Money().Net.Sign() != 0 {
			t.Errorf("%s: DS3 keeps its outcome, nothing is kept: %+v, %+v", name, got.Lines[2], got.Money())
		}
		// Closed before the end of window 1's measurement semester, the
		// domains wait: a repayment follows the measurement (INT-12).
		if _, added, err := settlement.Close(&rules, st, day(2022, 6, 30)); err != nil || len(added) != 0 {
			t.Errorf("%s, closed while measured: %v, %v", name, lines(added), err)
		}
		if _, added, err := settlement.Close(&rules, st, day(2022, 7, 1)); err != nil || !cmp.Equal(lines(added), repaidAll) {
			t.Errorf("%s, closed: %v, %v", name, lines(added), err)
		}
	}
	if _, added, err := settlement.Close(&rules, opened, day(2021, 12, 31)); err != nil || len(added) != 0 {
		t.Errorf("closed on the audit's deadline: %v, %v", lines(added), err)
	}

	for _, tt := range []struct {
		name string
		st   settlement.State
		done window.Date
		want error
	}{
		{"no pending audit", open(t, annexApplication(), day(2021, 12, 15)), day(2021, 12, 20), settlement.ErrMismatch},
		{"recorded twice", done, day(2021, 12, 21), settlement.ErrSettled},
		{"no day", opened, window.Date{}, settlement.ErrDate},
	} {
		if got, err := settlement.RecordAudit(tt.st, tt.done); !errors.Is(err, tt.want) || !got.Equal(tt.st) {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

// TestApply: a step and its booking are one: when the ledger refuses the
// notifications, or the step fails, Apply returns the state it started
// from and the ledger holds what it held.
func TestApply(t *testing.T) {
	d := decide(t, annexApplication())
	openStep := func() (settlement.State, []envelope.Notification, error) {
		return settlement.Open(&rules, d, decimal.Zero, day(2021, 12, 15))
	}
	poor, _ := envelope.NewLedger(envelope.IleDeFrance, envelope.Credits{Advance: decimal.New(50_000, 0), Usage: decimal.Zero})
	st, err := settlement.Apply(poor, settlement.State{}, openStep)
	if !errors.Is(err, envelope.ErrInsufficientCredits) || len(st.Lines) != 0 || len(poor.Entries()) != 0 {
		t.Fatalf("advances of 56 437 € on 50 000 € of credits: %v, %d lines, %d entries", err, len(st.Lines), len(poor.Entries()))
	}

	ledger, _ := envelope.NewLedger(envelope.IleDeFrance, envelope.Credits{Advance: decimal.New(100_000, 0), Usage: decimal.New(30_000, 0)})
	st, err = settlement.Apply(ledger, settlement.State{}, openStep)
	if err != nil || len(ledger.Entries()) != 3 || !st.Money().Net.Equal(decimal.New(56437, 0)) {
		t.Fatalf("opening: %v, %d entries", err, len(ledger.Entries()))
	}
	before := ledger.State()
	for _, tt := range []struct {
		name  string
		decls []settlement.Declaration
		want  error
	}{
		{"the step fails", nil, settlement.ErrNoDeclaration},
		// DS1 reached: 66 841 € of balance on 30 000 € of usage credits.
		{"the ledger refuses", []settlement.Declaration{{Domain: forfait.DS1, Window: window.W1, Rates: rates(t, indicator.DS11, "60", indicator.DS12, "50", indicator.DS13, "10")}},
			envelope.ErrInsufficientCredits},
	} {
		got, err := settlement.Apply(ledger, st, func() (settlement.State, []envelope.Notification, error) {
			return settlement.Settle(&rules, st, tt.decls, day(2022, 9, 1))
		})
		if !errors.Is(err, tt.want) || !got.Equal(st) || len(ledger.Entries()) != 3 || !ledger.State().Equal(before) {
			t.Errorf("%s: %v; state or ledger changed", tt.name, err)
		}
	}
	got, err := settlement.Apply(ledger, st, func() (settlement.State, []envelope.Notification, error) {
		return settlement.Close(&rules, st, day(2022, 7, 1))
	})
	if err != nil || len(ledger.Entries()) != 6 || !got.Money().Net.IsZero() {
		t.Errorf("closing: %v, %d entries, net %s", err, len(ledger.Entries()), got.Money().Net)
	}
}

// TestHistory: eligibility reads the establishment's dossiers: a window-2
// application for the three domains of a window-1 dossier whose DS1 was
// paid, DS2 is still open and DS3 repaid is refused on each domain (§5;
// INT-14); another establishment's dossiers say nothing of it.
func TestHistory(t *testing.T) {
	st, _, err := settlement.Settle(&rules, open(t, annexApplication(), day(2021, 12, 15)), []settlement.Declaration{
		{Domain: forfait.DS1, Window: window.W1, Rates: rates(t, indicator.DS11, "60", indicator.DS12, "50", indicator.DS13, "60")},
		{Domain: forfait.DS3, Window: window.W1, Rates: rates(t, indicator.DS31, "10")},
	}, day(2022, 9, 1))
	if err != nil {
		t.Fatal(err)
	}
	est := st.Dossier.Establishment
	other := st
	other.Dossier.Establishment = forfait.MustParseFINESS("750000023")
	h := settlement.History(est, st, other)
	want := eligibility.History{Applications: []eligibility.PastApplication{{Window: window.W1, Filed: day(2021, 9, 15), Domains: []eligibility.PastDomain{
		{Domain: forfait.DS1, Outcome: eligibility.OutcomePaid}, {Domain: forfait.DS2, Outcome: eligibility.OutcomeOpen}, {Domain: forfait.DS3, Outcome: eligibility.OutcomeRepaid},
	}}}}
	if diff := cmp.Diff(want, h); diff != "" {
		t.Errorf("history (-want +got):\n%s", diff)
	}
	a := annexApplication()
	a.Window, a.Filed, a.History = window.W2, day(2022, 3, 15), h
	d, err := eligibility.Decide(&a, &rules, day(2022, 4, 1))
	if err != nil {
		t.Fatal(err)
	}
	var got []eligibility.Code
	for _, dd := range d.Domains() {
		for _, r := range dd.Reasons {
			got = append(got, r.Code)
		}
	}
	if diff := cmp.Diff([]eligibility.Code{eligibility.DomainFunded, eligibility.DomainOpen, eligibility.DomainRepaid}, got); diff != "" {
		t.Errorf("reasons per domain (-want +got):\n%s", diff)
	}
	if h := settlement.History(forfait.MustParseFINESS("750000031")); len(h.Applications) != 0 {
		t.Errorf("no dossier, history %+v", h)
	}
}
