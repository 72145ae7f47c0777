package envelope_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

// corse returns a Corse volet-1 notification of est's DS1.
func corse(k envelope.Kind, est string, w window.Window, amount string, on window.Date) envelope.Notification {
	n := advance(est, w, amount, on)
	n.Kind = k
	return n
}

// TestOrderOfPayments: in volet 1, a domain's balance or repayment follows
// its advance, in any window (a deferred dossier is settled in the next,
// INT-05); a repayment returns the whole advance paid, and a balance and a
// repayment exclude each other (§5; Annexe 2 §3). A refusal leaves the
// ledger as it was.
func TestOrderOfPayments(t *testing.T) {
	oct, jun, feb := window.DateOf(2021, 10, 1), window.DateOf(2022, 6, 1), window.DateOf(2023, 2, 1)
	const est, other = "2A0000011", "2A0000029"
	adv := corse(envelope.Advance, est, window.W1, "10000", oct)
	otherDomain := corse(envelope.Repayment, est, window.W1, "10000", jun)
	otherDomain.Variant = forfait.Variant{Domain: forfait.DS2}
	tests := []struct {
		name    string
		booked  []envelope.Notification
		step    []envelope.Notification
		wantErr error
	}{
		{"repayment without an advance", nil, []envelope.Notification{corse(envelope.Repayment, est, window.W1, "10000", jun)}, envelope.ErrOutOfOrder},
		{"balance without an advance", nil, []envelope.Notification{corse(envelope.Balance, est, window.W1, "20000", jun)}, envelope.ErrOutOfOrder},
		{"repayment of another establishment's advance", []envelope.Notification{adv},
			[]envelope.Notification{corse(envelope.Repayment, other, window.W1, "10000", jun)}, envelope.ErrOutOfOrder},
		{"repayment of another domain's advance", []envelope.Notification{adv}, []envelope.Notification{otherDomain}, envelope.ErrOutOfOrder},
		{"partial repayment", []envelope.Notification{adv},
			[]envelope.Notification{corse(envelope.Repayment, est, window.W1, "4000", jun)}, envelope.ErrRepaymentAmount},
		{"repayment beyond the advance", []envelope.Notification{adv},
			[]envelope.Notification{corse(envelope.Repayment, est, window.W1, "10000.01", jun)}, envelope.ErrRepaymentAmount},
		{"balance after a repayment", []envelope.Notification{adv, corse(envelope.Repayment, est, window.W1, "10000", jun)},
			[]envelope.Notification{corse(envelope.Balance, est, window.W2, "20000", feb)}, envelope.ErrOutOfOrder},
		{"repayment after a balance", []envelope.Notification{adv, corse(envelope.Balance, est, window.W1, "20000", jun)},
			[]envelope.Notification{corse(envelope.Repayment, est, window.W2, "10000", feb)}, envelope.ErrOutOfOrder},
		{"repayment before its advance in one step", nil,
			[]envelope.Notification{corse(envelope.Repayment, est, window.W1, "10000", jun), adv}, envelope.ErrOutOfOrder},
		{"advance and repayment in one step", nil, []envelope.Notification{adv, corse(envelope.Repayment, est, window.W1, "10000", jun)}, nil},
		{"whole repayment after a deferral", []envelope.Notification{adv},
			[]envelope.Notification{corse(envelope.Repayment, est, window.W2, "10000", feb)}, nil},
		{"balance after a deferral", []envelope.Notification{adv},
			[]envelope.Notification{corse(envelope.Balance, est, window.W2, "25000", feb)}, nil},
		{"balance two windows later", []envelope.Notification{adv},
			[]envelope.Notification{corse(envelope.Balance, est, window.W3, "25000", feb)}, envelope.ErrOutOfOrder},
		{"repayment notified two windows later", []envelope.Notification{adv}, // the advance comes back whole, on its budget (INT-33)
			[]envelope.Notification{corse(envelope.Repayment, est, window.W3, "10000", feb)}, nil},
		{"balance in an earlier window", []envelope.Notification{corse(envelope.Advance, est, window.W2, "10000", jun)},
			[]envelope.Notification{corse(envelope.Balance, est, window.W1, "20000", feb)}, envelope.ErrOutOfOrder},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := openCorse(t)
			if err := l.Delegate(envelope.Tranche{Date: oct, Credits: credits("100000", "100000"), Source: "circulaire FMIS n° 1"}); err != nil {
				t.Fatal(err)
			}
			if err := l.Book(tt.booked...); err != nil {
				t.Fatal(err)
			}
			before := l.State()
			err := l.Book(tt.step...)
			if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Fatalf("Book: %v, want %v", err, tt.wantErr)
			}
			var le *envelope.LedgerError
			if err != nil && (!errors.As(err, &le) || !l.State().Equal(before)) {
				t.Errorf("refused, but untyped or the ledger changed: %v", err)
			}
		})
	}
}

// TestRepaymentAfterDeferral: the repayment of an advance notified in
// window 1, asked back after a deferral to window 2, gives the advance
// credits back to window 1's budget, which paid it; window 2's stays as it
// was (Annexe 2 §3, §5; INT-05).
func TestRepaymentAfterDeferral(t *testing.T) {
	l := openCorse(t)
	sep, oct, feb := window.DateOf(2021, 9, 1), window.DateOf(2021, 10, 1), window.DateOf(2023, 2, 1)
	if err := l.Delegate(envelope.Tranche{Date: sep, Credits: credits("100000", "200000"), Source: "circulaire FMIS n° 1"}); err != nil {
		t.Fatal(err)
	}
	for _, w := range []window.Window{window.W1, window.W2} {
		if err := l.Move(envelope.Transfer{Date: sep, From: 0, To: w, Credits: credits("40000", "80000"), Source: "décision ARS"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Book(corse(envelope.Advance, "2A0000011", window.W1, "30000", oct)); err != nil {
		t.Fatal(err)
	}
	if err := l.Book(corse(envelope.Repayment, "2A0000011", window.W2, "30000", feb)); err != nil {
		t.Fatal(err)
	}
	s := l.State()
	want := map[window.Window]envelope.WindowState{
		window.W1: {Window: window.W1, Budget: credits("40000", "80000"), Committed: credits("0", "0"), Paid: credits("30000", "0"), Repaid: credits("30000", "0"), Left: credits("40000", "80000")},
		window.W2: {Window: window.W2, Budget: credits("40000", "80000"), Committed: credits("0", "0"), Paid: credits("0", "0"), Repaid: credits("0", "0"), Left: credits("40000", "80000")},
	}
	for _, ws := range s.Windows {
		if w, ok := want[ws.Window]; ok && !ws.Equal(w) {
			t.Errorf("window %v = %+v, want %+v", ws.Window, ws, w)
		}
	}
	// Window 1 can pay its 40 000 € again; window 2 no more than its 40 000 €.
	if err := l.Book(corse(envelope.Advance, "2A0000029", window.W1, "40000", feb)); err != nil {
		t.Errorf("window 1's budget after the repayment: %v", err)
	}
	var ce *envelope.CreditsError
	if err := l.Book(corse(envelope.Advance, "2B0000010", window.W2, "40001", feb)); !errors.As(err, &ce) || ce.Window != window.W2 {
		t.Errorf("window 2 beyond its budget: %v", err)
	}
}

// TestCommitFundedDomain: a decision cannot commit a domain the ledger has
// already funded, its commitment consumed or never made (§5; INT-14).
func TestCommitFundedDomain(t *testing.T) {
	l := openCorse(t)
	oct := window.DateOf(2021, 10, 1)
	if err := l.Delegate(envelope.Tranche{Date: oct, Credits: credits("100000", "100000"), Source: "circulaire FMIS n° 1"}); err != nil {
		t.Fatal(err)
	}
	c := envelope.Commitment{Establishment: forfait.MustParseFINESS("2A0000011"), Domain: forfait.DS1, Window: window.W1, Date: oct, Credits: credits("3000", "7000"), Source: "§6.1"}
	if err := l.Commit(c); err != nil {
		t.Fatal(err)
	}
	if err := l.Book(corse(envelope.Advance, "2A0000011", window.W1, "3000", oct)); err != nil {
		t.Fatal(err)
	}
	if err := l.Book(corse(envelope.Balance, "2A0000011", window.W1, "7000", window.DateOf(2022, 9, 1))); err != nil {
		t.Fatal(err)
	}
	before := l.State()
	again := c
	again.Window = window.W3
	if err := l.Commit(again); !errors.Is(err, envelope.ErrDuplicate) || !l.State().Equal(before) {
		t.Errorf("a funded domain committed again: %v", err)
	}
	uncommitted := c
	uncommitted.Establishment = forfait.MustParseFINESS("2A0000029")
	if err := l.Book(corse(envelope.Advance, "2A0000029", window.W1, "3000", oct)); err != nil {
		t.Fatal(err)
	}
	if err := l.Commit(uncommitted); !errors.Is(err, envelope.ErrDuplicate) {
		t.Errorf("a domain advanced without a commitment, then committed: %v", err)
	}
	other := c
	other.Domain = forfait.DS2
	if err := l.Commit(other); err != nil {
		t.Errorf("another domain: %v", err)
	}
}

// TestVolet2SplitMessages: the reasons of a volet-2 refusal give the rule
// set's advance share, not a figure of their own (§3.3, Annexe 2 §4).
func TestVolet2SplitMessages(t *testing.T) {
	rs, a := forfait.Instruction2021(), envelope.Instruction2021Annex2()
	rs.Advance.Value = d("0.4")
	l, err := envelope.OpenLedger(&a, &rs, envelope.Occitanie, envelope.Volet2)
	if err != nil {
		t.Fatal(err)
	}
	on := window.DateOf(2021, 11, 2)
	if err := l.Delegate(envelope.Tranche{Date: on, Credits: credits("200000", "300000"), Source: "circulaire FMIS 2021"}); err != nil {
		t.Fatal(err)
	}
	est := forfait.MustParseFINESS("310000012")
	c := envelope.Commitment{Establishment: est, Date: on, Credits: credits("30000", "70000"), Source: "§3.3"}
	var ie *forfait.InputError
	if err := l.Commit(c); !errors.Is(err, envelope.ErrVolet2Amount) || !errors.As(err, &ie) {
		t.Fatalf("a 30/70 commitment under a 40 %% share: %v", err)
	}
	if strings.Contains(ie.Reason.English, "30/70") || !strings.Contains(ie.Reason.English, "40 %") {
		t.Errorf("reason %q: want the rule set's 40 %%", ie.Reason.English)
	}
	c.Credits = credits("40000", "60000")
	if err := l.Commit(c); err != nil {
		t.Fatal(err)
	}
	n := envelope.Notification{Kind: envelope.Advance, Volet: envelope.Volet2, Region: envelope.Occitanie, Establishment: est, Amount: d("30000"), Date: on}
	var le *envelope.LedgerError
	if err := l.Book(n); !errors.Is(err, envelope.ErrVolet2Amount) || !errors.As(err, &le) {
		t.Fatalf("an advance other than the committed one: %v", err)
	}
	if strings.Contains(le.Reason.English, "30/70") {
		t.Errorf("reason %q names a split the rule set does not give", le.Reason.English)
	}
}

// TestSnapshot: a snapshot holds the ledger's state, its entries in the
// order booked, each on the budget window that pays it (a balance notified
// in the deferral window on its advance's, INT-33), and what is still
// committed (§6.1; Annexe 2 §5).
func TestSnapshot(t *testing.T) {
	l := openCorse(t)
	sep, oct, feb := window.DateOf(2021, 9, 1), window.DateOf(2021, 10, 1), window.DateOf(2023, 2, 1)
	if err := l.Delegate(envelope.Tranche{Date: sep, Credits: credits("100000", "200000"), Source: "circulaire FMIS n° 1"}); err != nil {
		t.Fatal(err)
	}
	kept := envelope.Commitment{Establishment: forfait.MustParseFINESS("2A0000037"), Domain: forfait.DS1, Window: window.W2,
		Date: oct, Credits: credits("3000", "7000"), Source: "§6.1"}
	if err := l.Commit(kept); err != nil {
		t.Fatal(err)
	}
	booked := []envelope.Notification{
		corse(envelope.Advance, "2A0000011", window.W1, "30000", oct),
		corse(envelope.Advance, "2A0000029", window.W1, "10000", oct),
		corse(envelope.Balance, "2A0000011", window.W2, "70000", feb), // after a deferral to window 2
		corse(envelope.Repayment, "2A0000029", window.W1, "10000", feb),
	}
	if err := l.Book(booked...); err != nil {
		t.Fatal(err)
	}
	s := l.Snapshot()
	var got []envelope.Notification
	for i, e := range s.Entries {
		got = append(got, e.Notification)
		if e.Account != window.W1 {
			t.Errorf("entry %d (%s %s in window %s) on window %s's budget, want window 1's", i, e.Notification.Kind, e.Notification.Establishment, e.Notification.Window, e.Account)
		}
	}
	if !slices.EqualFunc(got, booked, envelope.Notification.Equal) || !slices.EqualFunc(got, l.Entries(), envelope.Notification.Equal) {
		t.Errorf("entries %+v, booked %+v", got, booked)
	}
	if !s.State.Equal(l.State()) || s.State.Count != len(booked) {
		t.Errorf("state %+v, ledger %+v", s.State, l.State())
	}
	if len(s.Commitments) != 1 || !s.Commitments[0].Equal(kept) {
		t.Errorf("commitments %+v, want %+v", s.Commitments, kept)
	}
	// Volet 1 names the domain and window of the advance already recorded.
	if err := l.Book(corse(envelope.Advance, "2A0000011", window.W3, "1", feb)); !errors.Is(err, envelope.ErrDuplicate) ||
		!strings.Contains(err.Error(), "2A0000011 DS1, window 1") {
		t.Errorf("second advance for DS1: %v", err)
	}
}
