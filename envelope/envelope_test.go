package envelope_test

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// TestAnnex2 compares the data with Annexe 2 §1 and §2 and §3.3,
// transcribed here, and proves their sums.
func TestAnnex2(t *testing.T) {
	a := envelope.Instruction2021Annex2()
	if err := a.Validate(); err != nil {
		t.Fatal(err)
	}
	annex := []int64{16809830, 6370431, 7336017, 5289995, 1132508, 12744524, 1420960, 620694, 13305401, 31749053,
		1857577, 778100, 220222, 7059764, 13868924, 15661040, 8345150, 13429810}
	var sum int64
	for i, e := range a.Regions {
		if !e.Amount.Equal(decimal.New(annex[i], 0)) || e.Region != envelope.Regions()[i] {
			t.Errorf("region %d: %s %s, want %d", i, e.Region, e.Amount, annex[i])
		}
		sum += annex[i]
	}
	if sum != 158_000_000 {
		t.Errorf("Annexe 2 §1 total %d, want 158 000 000", sum)
	}
	for _, c := range []struct {
		name      string
		got, want decimal.Decimal
	}{
		{"total", a.Total, d("210000000")}, {"volet 1", a.Volet1, d("158000000")}, {"volet 2 pilot", a.Volet2Pilot, d("1500000")},
		{"MSS", a.MSSGeneralisation, d("50500000")}, {"DS1", a.Volet1ByDomain[0], d("123000000")}, {"DS2", a.Volet1ByDomain[1], d("11000000")},
		{"DS3", a.Volet1ByDomain[2], d("24000000")}, {"cap", a.Volet2Cap, d("100000")},
	} {
		if !c.got.Equal(c.want) {
			t.Errorf("%s = %s, want %s", c.name, c.got, c.want)
		}
	}
	for i, want := range []envelope.Region{envelope.HautsDeFrance, envelope.Occitanie, envelope.PaysDeLaLoire} {
		if a.Pilots[i].Region != want || !a.Pilots[i].Amount.Equal(d("500000")) {
			t.Errorf("pilot %d = %+v", i, a.Pilots[i])
		}
	}
	bad := a
	bad.Regions[3].Amount = bad.Regions[3].Amount.Add(d("1"))
	bad.MSSGeneralisation = d("50000000")
	bad.Regions[0].Region = envelope.Corse
	if got := len(forfait.Problems(bad.Validate())); got != 3 || !errors.Is(bad.Validate(), envelope.ErrInvalidAnnex2) {
		t.Errorf("Validate of a broken Annexe 2: %v", bad.Validate())
	}
}

func TestAllocate(t *testing.T) {
	tests := []struct {
		name    string
		total   string
		weights []string
		want    []string
	}{
		{"a tie goes to the earlier weight", "10", []string{"1", "1", "1"}, []string{"4", "3", "3"}},
		{"a zero weight gets zero", "100", []string{"0", "3", "1"}, []string{"0", "75", "25"}},
		// 3.5, 1.75, 1.75: floors 3, 1, 1; the 2 € left go to .75, .75
		{"largest remainders", "7", []string{"0.5", "0.25", "0.25"}, []string{"3", "2", "2"}},
		{"a total with an exponent", "1e3", []string{"1", "2"}, []string{"333", "667"}},
		// 2.5, 7.5: beyond uint64, the exact path; tie to the earlier
		{"weights beyond uint64", "10", []string{"1e30", "3e30"}, []string{"3", "7"}},
		{"nothing to allocate", "0", []string{"2", "3"}, []string{"0", "0"}},
		{"one euro, two equal weights", "1", []string{"1", "1"}, []string{"1", "0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ws []decimal.Decimal
			for _, w := range tt.weights {
				ws = append(ws, d(w))
			}
			got, err := envelope.Allocate(d(tt.total), ws)
			if err != nil {
				t.Fatal(err)
			}
			want := make([]decimal.Decimal, len(tt.want))
			for i, w := range tt.want {
				want[i] = d(w)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Allocate(%s, %v) (-want +got):\n%s", tt.total, tt.weights, diff)
			}
		})
	}
	for _, bad := range []struct {
		total   string
		weights []string
	}{{"10", []string{"-1", "2"}}, {"10", []string{"0", "0"}}, {"10", nil}, {"10.5", []string{"1"}}, {"-1", []string{"1"}}} {
		var ws []decimal.Decimal
		for _, w := range bad.weights {
			ws = append(ws, d(w))
		}
		if _, err := envelope.Allocate(d(bad.total), ws); !errors.Is(err, envelope.ErrInvalidAllocation) {
			t.Errorf("Allocate(%s, %v) error = %v", bad.total, bad.weights, err)
		}
	}
}

// checkAllocation: the parts sum to the total, a zero weight gets zero,
// each part is within 1 € of its exact share (big.Rat), and the result
// does not depend on anything but the weights (computed twice).
func checkAllocation(t *rapid.T) {
	total := rapid.Int64Range(0, 1e12).Draw(t, "total")
	n := rapid.IntRange(1, 60).Draw(t, "n")
	ws := make([]decimal.Decimal, n)
	sum := new(big.Rat)
	for i := range ws {
		if rapid.IntRange(0, 4).Draw(t, "zero") == 0 {
			ws[i] = decimal.Zero
			continue
		}
		ws[i] = decimal.New(rapid.Int64Range(0, 1e9).Draw(t, "w"), int32(rapid.IntRange(-3, 12).Draw(t, "exp")))
		sum.Add(sum, ws[i].Rat())
	}
	if sum.Sign() == 0 {
		ws[0], sum = decimal.New(1, 0), big.NewRat(1, 1)
	}
	parts, err := envelope.Allocate(decimal.New(total, 0), ws)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := envelope.Allocate(decimal.New(total, 0), ws)
	got := decimal.Zero
	for i, p := range parts {
		got = got.Add(p)
		exact := new(big.Rat).Quo(new(big.Rat).Mul(big.NewRat(total, 1), ws[i].Rat()), sum)
		diff := new(big.Rat).Sub(p.Rat(), exact)
		if diff.Abs(diff).Cmp(big.NewRat(1, 1)) >= 0 || ws[i].IsZero() && !p.IsZero() || !p.Equal(again[i]) || !p.IsInteger() {
			t.Fatalf("part %d = %s for weight %s, exact share %s", i, p, ws[i], exact.FloatString(3))
		}
	}
	if !got.Equal(decimal.New(total, 0)) {
		t.Fatalf("parts sum to %s, want %d", got, total)
	}
}

func TestAllocationProperty(t *testing.T) { rapid.Check(t, checkAllocation) }
func FuzzAllocation(f *testing.F)         { f.Fuzz(rapid.MakeFuzz(checkAllocation)) }

func newLedger(t testing.TB, adv, use string) *envelope.Ledger {
	t.Helper()
	l, err := envelope.NewLedger(envelope.Bretagne, envelope.Credits{Advance: d(adv), Usage: d(use)})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// notes counts the notifications note made, so that each has its own
// establishment, hence its own identity.
var notes atomic.Int64

func note(k envelope.Kind, amount string) envelope.Notification {
	est := forfait.MustParseFINESS(fmt.Sprintf("35%07d", notes.Add(1)%10_000_000))
	return envelope.Notification{Kind: k, Volet: envelope.Volet1, Region: envelope.Bretagne, Establishment: est,
		Variant: forfait.Variant{Domain: forfait.DS2}, Window: window.W1, Amount: d(amount), Date: window.DateOf(2021, 12, 1), Source: "§5"}
}

// TestLedgerDuplicate: a second notification with the same identity is
// refused and changes nothing, even when its amount or date differ; one
// that differs in identity (another kind or domain) is recorded (another
// window is the same identity: TestOneFundingPerDomain).
// Book records a step as a whole or not at all.
func TestLedgerDuplicate(t *testing.T) {
	l := newLedger(t, "1000", "1000")
	first := note(envelope.Advance, "100")
	if err := l.Book(first); err != nil {
		t.Fatal(err)
	}
	again := first
	again.Amount, again.Date = d("5"), window.DateOf(2022, 1, 3)
	before := l.State()
	var le *envelope.LedgerError
	if err := l.Book(again); !errors.Is(err, envelope.ErrDuplicate) || !errors.As(err, &le) || !l.State().Equal(before) {
		t.Fatalf("second advance: %v; state %+v, was %+v", err, l.State(), before)
	}
	if strings.Contains(le.Reason.English, "a advance") || !strings.Contains(le.Reason.English, "an advance") {
		t.Errorf("reason %q: an advance", le.Reason.English)
	}
	for name, change := range map[string]func(*envelope.Notification){
		"kind":   func(n *envelope.Notification) { n.Kind = envelope.Balance },
		"domain": func(n *envelope.Notification) { n.Variant = forfait.Variant{Domain: forfait.DS3} },
	} {
		n := first
		change(&n)
		if err := l.Book(n); err != nil {
			t.Errorf("another %s: %v", name, err)
		}
	}
	// A step whose second notification repeats its first is refused whole.
	step := note(envelope.Advance, "10")
	before = l.State()
	if err := l.Book(step, step); !errors.Is(err, envelope.ErrDuplicate) || !l.State().Equal(before) {
		t.Errorf("Book of a repeated notification: %v; state changed %v", err, !l.State().Equal(before))
	}
	// A step with one notification beyond the credits records none.
	if err := l.Book(note(envelope.Advance, "10"), note(envelope.Advance, "10000")); !errors.Is(err, envelope.ErrInsufficientCredits) || !l.State().Equal(before) {
		t.Errorf("Book beyond the credits: %v", err)
	}
	adv := note(envelope.Advance, "10")
	bal := adv
	bal.Kind, bal.Amount = envelope.Balance, d("20")
	if err := l.Book(adv, bal); err != nil || l.State().Count != before.Count+2 {
		t.Errorf("Book of two good notifications: %v, count %d", err, l.State().Count)
	}
}

// after returns the notification of kind k and amount that settles n's
// dossier.
func after(n envelope.Notification, k envelope.Kind, amount string) envelope.Notification {
	n.Kind, n.Amount = k, d(amount)
	return n
}

func TestLedger(t *testing.T) {
	l := newLedger(t, "300", "700")
	a, c := note(envelope.Advance, "200"), note(envelope.Advance, "50")
	steps := []struct {
		n       envelope.Notification
		wantErr error
	}{
		{a, nil},
		{note(envelope.Advance, "101"), envelope.ErrInsufficientCredits},
		{after(a, envelope.Balance, "700"), nil},
		{c, nil},
		{after(c, envelope.Balance, "0.01"), envelope.ErrInsufficientCredits},
		{after(c, envelope.Repayment, "50"), nil}, // restores advance credits
		{note(envelope.Advance, "100"), nil},
		{after(a, envelope.Repayment, "200"), envelope.ErrOutOfOrder}, // a was balanced
		{note(envelope.Repayment, "1"), envelope.ErrOutOfOrder},
		{after(note(envelope.Advance, "1"), envelope.Balance, "1"), envelope.ErrOutOfOrder},
		{note(envelope.Advance, "0"), envelope.ErrInvalidNotification},
		{note(0, "1"), envelope.ErrInvalidNotification},
		{func() envelope.Notification { n := note(envelope.Advance, "1"); n.Region = envelope.Corse; return n }(), envelope.ErrWrongLedger},
		{func() envelope.Notification { n := note(envelope.Advance, "1"); n.Volet = envelope.Volet2; return n }(), envelope.ErrWrongLedger},
	}
	for i, s := range steps {
		before := l.State()
		err := l.Book(s.n)
		if !errors.Is(err, s.wantErr) || (err == nil) != (s.wantErr == nil) {
			t.Fatalf("step %d: Book = %v, want %v", i, err, s.wantErr)
		}
		var le *envelope.LedgerError
		if err != nil && (!errors.As(err, &le) || !l.State().Equal(before)) {
			t.Fatalf("step %d: refused, but the ledger changed or the error is untyped: %v", i, err)
		}
	}
	s := l.State()
	if !s.Used.Advance.Equal(d("300")) || !s.Remaining.Advance.IsZero() || !s.Remaining.Usage.IsZero() || s.Count != 5 || len(l.Entries()) != 5 {
		t.Errorf("final state %+v", s)
	}
}

// TestVolet2 follows a pilot's establishments (§3.3, Annexe 2 §4): an
// amount committed within the cap, split 30/70; the advance is its 30 %,
// then the usage part when the objectives are met or the advance repaid
// otherwise, never both.
func TestVolet2(t *testing.T) {
	rs, a := forfait.Instruction2021(), envelope.Instruction2021Annex2()
	l, err := envelope.OpenLedger(&a, &rs, envelope.Occitanie, envelope.Volet2)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Delegate(envelope.Tranche{Date: window.DateOf(2021, 10, 1), Credits: envelope.Credits{Advance: d("150000"), Usage: d("350000")}, Source: "circulaire FMIS 2021"}); err != nil {
		t.Fatal(err)
	}
	on := window.DateOf(2021, 11, 2)
	commit := func(est, amount string) envelope.Commitment {
		c, err := envelope.SplitVolet2(&rs, &a, d(amount))
		if err != nil {
			t.Fatal(err)
		}
		return envelope.Commitment{Establishment: forfait.MustParseFINESS(est), Date: on, Credits: c, Source: "§3.3"}
	}
	n := func(k envelope.Kind, est, amount string) envelope.Notification {
		return envelope.Notification{Kind: k, Volet: envelope.Volet2, Region: envelope.Occitanie, Establishment: forfait.MustParseFINESS(est), Amount: d(amount), Date: on}
	}
	if err := l.Commit(commit("310000012", "90000")); err != nil {
		t.Fatal(err)
	}
	if err := l.Commit(commit("310000020", "33333")); err != nil { // 9 999.9 → 10 000 advance
		t.Fatal(err)
	}
	for i, s := range []struct {
		n       envelope.Notification
		wantErr error
	}{
		{n(envelope.Advance, "310000012", "90000"), envelope.ErrVolet2Amount}, // the whole amount as an "advance"
		{n(envelope.Balance, "310000012", "63000"), envelope.ErrVolet2Amount}, // no advance yet
		{n(envelope.Advance, "310000038", "30000"), envelope.ErrVolet2Amount}, // no amount committed
		{n(envelope.Advance, "310000012", "27000"), nil},
		{n(envelope.Balance, "310000012", "62999"), envelope.ErrVolet2Amount},
		{n(envelope.Balance, "310000012", "63000"), nil}, // objectives met
		{n(envelope.Repayment, "310000012", "27000"), envelope.ErrVolet2Amount},
		{n(envelope.Advance, "310000020", "10000"), nil},
		{n(envelope.Repayment, "310000020", "10000"), nil}, // objectives missed
		{n(envelope.Balance, "310000020", "23333"), envelope.ErrVolet2Amount},
		{func() envelope.Notification {
			m := n(envelope.Advance, "310000020", "1")
			m.Volet = envelope.Volet1
			return m
		}(), envelope.ErrWrongLedger},
		{func() envelope.Notification {
			m := n(envelope.Advance, "310000020", "1")
			m.Window = window.W1
			return m
		}(), envelope.ErrInvalidNotification},
	} {
		before := l.State()
		err := l.Book(s.n)
		if !errors.Is(err, s.wantErr) || (err == nil) != (s.wantErr == nil) {
			t.Fatalf("step %d: %v, want %v", i, err, s.wantErr)
		}
		if err != nil && !l.State().Equal(before) {
			t.Fatalf("step %d: refused, but the ledger changed", i)
		}
	}
	st := l.State()
	want := envelope.Credits{Advance: d("27000"), Usage: d("63000")}
	if !st.Used.Equal(want) || !st.Committed.Equal(envelope.Credits{Advance: d("0"), Usage: d("0")}) || !st.Repaid.Advance.Equal(d("10000")) {
		t.Errorf("state: used %v committed %v repaid %v", st.Used, st.Committed, st.Repaid)
	}
	if k, amount := envelope.Volet2Settlement(commit("310000012", "90000"), false); k != envelope.Repayment || !amount.Equal(d("27000")) {
		t.Errorf("Volet2Settlement(missed) = %v %s", k, amount)
	}
	for _, bad := range []string{"100000.01", "0", "-5"} {
		if _, err := envelope.SplitVolet2(&rs, &a, d(bad)); !errors.Is(err, envelope.ErrVolet2Amount) {
			t.Errorf("SplitVolet2(%s): %v", bad, err)
		}
	}
	// A balance before any advance is out of order, committed or not.
	if err := l.Book(n(envelope.Balance, "310000038", "63000")); !errors.Is(err, envelope.ErrVolet2Amount) ||
		!strings.Contains(err.Error(), "a balance follows an advance; none was booked") {
		t.Errorf("a balance with neither commitment nor advance: %v", err)
	}
	wrong := commit("310000046", "1000")
	wrong.Credits = envelope.Credits{Advance: d("1000"), Usage: d("0")}
	if err := l.Commit(wrong); !errors.Is(err, envelope.ErrVolet2Amount) {
		t.Errorf("a volet-2 commitment not split 30/70: %v", err)
	}
}

// TestVolet2Pilots: volet-2 ledgers open for the three pilot ARS only
// (§3.3, §6.2, Annexe 2 §2), with their 500 k€ as ceiling.
func TestVolet2Pilots(t *testing.T) {
	rs, a := forfait.Instruction2021(), envelope.Instruction2021Annex2()
	for _, r := range envelope.Regions() {
		l, err := envelope.OpenLedger(&a, &rs, r, envelope.Volet2)
		pilot := r == envelope.HautsDeFrance || r == envelope.Occitanie || r == envelope.PaysDeLaLoire
		var ie *forfait.InputError
		switch {
		case pilot && (err != nil || !l.State().Credits.Equal(envelope.Credits{Advance: d("150000"), Usage: d("350000")})):
			t.Errorf("%s: %v", r, err)
		case !pilot && (!errors.Is(err, envelope.ErrNotPilot) || !errors.As(err, &ie) || ie.Field != "region" || ie.Value != r.String()):
			t.Errorf("%s: a volet-2 ledger opened: %v", r, err)
		}
	}
	if _, err := envelope.OpenLedger(&a, &rs, 0, 0); len(forfait.Problems(err)) != 2 {
		t.Errorf("OpenLedger with two problems: %v", err)
	}
	if _, err := envelope.NewLedger(0, envelope.Credits{Advance: d("-1"), Usage: d("0")}); len(forfait.Problems(err)) != 2 {
		t.Errorf("NewLedger with two problems: %v", err)
	}
}

func TestSplitCredits(t *testing.T) {
	rs := forfait.Instruction2021()
	c, err := envelope.SplitCredits(&rs, d("1132508")) // Corse: 339752.4 → 339752
	if err != nil || !c.Advance.Equal(d("339752")) || !c.Usage.Equal(d("792756")) {
		t.Errorf("SplitCredits = %+v, %v", c, err)
	}
}

// TestLedgerConcurrent: concurrent notifications never overspend and all
// that fit are recorded (run with -race).
func TestLedgerConcurrent(t *testing.T) {
	l := newLedger(t, "1000", "0")
	var wg sync.WaitGroup
	var mu sync.Mutex
	accepted := 0
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if l.Book(note(envelope.Advance, "3")) == nil {
					mu.Lock()
					accepted++
					mu.Unlock()
				}
				_ = l.State()
			}
		}()
	}
	wg.Wait()
	if s := l.State(); accepted != 333 || !s.Used.Advance.Equal(d("999")) {
		t.Errorf("accepted %d, used %s; want 333 and 999", accepted, s.Used.Advance)
	}
}

// TestLedgerMachine is a rapid state machine: random advances, and
// balances and repayments mostly of an advance not yet settled, and after
// every step the ledger agrees with a model that never lets the used
// credits exceed the given ones, settles an advance once, by a balance or
// by its whole repayment, and settles no dossier without an advance
// (§5; Annexe 2 §3).
func TestLedgerMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		adv := decimal.New(rapid.Int64Range(0, 1e6).Draw(t, "advance_credits"), 0)
		use := decimal.New(rapid.Int64Range(0, 1e6).Draw(t, "usage_credits"), 0)
		l, err := envelope.NewLedger(envelope.Bretagne, envelope.Credits{Advance: adv, Usage: use})
		if err != nil {
			t.Fatal(err)
		}
		usedAdv, usedUse, count := decimal.Zero, decimal.Zero, 0
		var open []envelope.Notification // advances neither balanced nor repaid
		t.Repeat(map[string]func(*rapid.T){
			"record": func(t *rapid.T) {
				k := envelope.Kind(rapid.IntRange(1, 3).Draw(t, "kind"))
				amount := decimal.New(rapid.Int64Range(1, 4e5).Draw(t, "cents"), -2)
				n, of := note(k, "1"), -1
				if k != envelope.Advance && len(open) > 0 && rapid.IntRange(0, 4).Draw(t, "of an advance") > 0 {
					of = rapid.IntRange(0, len(open)-1).Draw(t, "advance")
					n.Establishment = open[of].Establishment
					if k == envelope.Repayment && rapid.IntRange(0, 4).Draw(t, "whole") > 0 {
						amount = open[of].Amount
					}
				}
				n.Amount = amount
				err := l.Book(n)
				na, nu := usedAdv, usedUse
				var want error
				switch {
				case k != envelope.Advance && of < 0:
					want = envelope.ErrOutOfOrder
				case k == envelope.Repayment && !amount.Equal(open[of].Amount):
					want = envelope.ErrRepaymentAmount
				case k == envelope.Advance:
					na = na.Add(amount)
				case k == envelope.Balance:
					nu = nu.Add(amount)
				case k == envelope.Repayment:
					na = na.Sub(amount)
				}
				if want == nil && (na.GreaterThan(adv) || nu.GreaterThan(use)) {
					want = envelope.ErrInsufficientCredits
				}
				if !errors.Is(err, want) || (err == nil) != (want == nil) {
					t.Fatalf("%s of %s: want %v, Book %v", k, amount, want, err)
				}
				if err == nil {
					usedAdv, usedUse, count = na, nu, count+1
					if k == envelope.Advance {
						open = append(open, n)
					} else {
						open = slices.Delete(open, of, of+1)
					}
				}
			},
			"": func(t *rapid.T) {
				s := l.State()
				if !s.Used.Advance.Equal(usedAdv) || !s.Used.Usage.Equal(usedUse) || s.Count != count ||
					!s.Remaining.Advance.Add(s.Used.Advance).Equal(adv) || !s.Remaining.Usage.Add(s.Used.Usage).Equal(use) ||
					s.Remaining.Advance.Sign() < 0 || s.Remaining.Usage.Sign() < 0 {
					t.Fatalf("state %+v, model used %s/%s count %d", s, usedAdv, usedUse, count)
				}
			},
		})
	})
}

// BenchmarkAllocate: 100 000 weights.
func BenchmarkAllocate(b *testing.B) {
	ws := make([]decimal.Decimal, 100_000)
	for i := range ws {
		ws[i] = decimal.New(int64(i*7919%100_003), -1)
	}
	total := decimal.New(158_000_000, 0)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := envelope.Allocate(total, ws); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLedgerRecord: one notification, each for another establishment
// (a ledger refuses the same one twice).
func BenchmarkLedgerRecord(b *testing.B) {
	l, _ := envelope.NewLedger(envelope.Bretagne, envelope.Credits{Advance: d("1e15"), Usage: d("1e15")})
	ns := make([]envelope.Notification, b.N)
	for i := range ns {
		ns[i] = note(envelope.Advance, "12345")
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := l.Book(ns[i]); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTextForms: kinds, volets and region errors print and parse.
func TestTextForms(t *testing.T) {
	for _, k := range []envelope.Kind{envelope.Advance, envelope.Balance, envelope.Repayment} {
		text, err := k.MarshalText()
		var back envelope.Kind
		if err != nil || back.UnmarshalText(text) != nil || back != k || k.String() != string(text) {
			t.Errorf("%v: round trip gave %v (%v)", k, back, err)
		}
	}
	var k envelope.Kind
	if _, err := envelope.Kind(4).MarshalText(); err == nil || k.UnmarshalText([]byte("refund")) == nil || envelope.Kind(0).String() != "unset" || envelope.Kind(4).String() != "invalid kind 4" {
		t.Error("invalid kinds accepted")
	}
	if envelope.Volet1.String() != "volet 1" || envelope.Volet2.String() != "volet 2" || envelope.Volet(3).String() != "invalid volet 3" || envelope.Volet(0).IsValid() {
		t.Error("volet text forms")
	}
	_, err := envelope.ParseRegion("Nowhere")
	var ie *forfait.InputError
	if !errors.Is(err, envelope.ErrUnknownRegion) || !errors.As(err, &ie) || ie.Field != "region" || ie.Value != `"Nowhere"` {
		t.Errorf("ParseRegion(Nowhere): %v", err)
	}
	if envelope.Region(19).String() != "invalid region 19" || envelope.Region(0).String() != "unset" {
		t.Error("invalid regions' text")
	}
}

// TestBounds: exponents up to ±1000 are accepted for weights and amounts,
// not beyond.
func TestBounds(t *testing.T) {
	for exp, ok := range map[int32]bool{1000: true, -1000: true, 1001: false, -1001: false} {
		_, err := envelope.Allocate(decimal.New(10, 0), []decimal.Decimal{decimal.New(1, exp), decimal.New(1, 0)})
		if (err == nil) != ok {
			t.Errorf("weight exponent %d: %v", exp, err)
		}
		l := newLedger(t, "1e2000", "1e2000")
		n := note(envelope.Advance, "1")
		n.Amount = decimal.New(1, exp)
		if err := l.Book(n); (err == nil) != ok {
			t.Errorf("amount exponent %d: %v", exp, err)
		}
	}
}

func TestAnnex2Messages(t *testing.T) {
	a := envelope.Instruction2021Annex2()
	a.Regions[1].Region = envelope.Corse
	var ie *forfait.InputError
	if err := a.Validate(); !errors.As(err, &ie) || ie.Field != "regions[1]" || ie.Value != "Corse" || ie.Reason.English != "want Bourgogne-Franche-Comté" ||
		ie.Reason.French != "attendu : Bourgogne-Franche-Comté" {
		t.Errorf("Validate: %v", err)
	}
	parts, err := envelope.Allocate(decimal.New(1, 1000), []decimal.Decimal{decimal.New(1, 0), decimal.New(1, 0)})
	if err != nil || !parts[0].Add(parts[1]).Equal(decimal.New(1, 1000)) {
		t.Errorf("a total of 1e1000: %v", err)
	}
}

// TestEqual: amounts compare by value, as decimals do, not by
// representation.
func TestEqual(t *testing.T) {
	a := envelope.Credits{Advance: d("1.50"), Usage: d("3")}
	b := envelope.Credits{Advance: d("1.5"), Usage: d("3.00")}
	if !a.Equal(b) || a.Equal(envelope.Credits{Advance: d("1.5"), Usage: d("3.01")}) {
		t.Errorf("Credits.Equal(%v, %v)", a, b)
	}
	s := envelope.State{Region: envelope.Corse, Volet: envelope.Volet1, Credits: a, Used: a, Remaining: a}
	u := envelope.State{Region: envelope.Corse, Volet: envelope.Volet1, Credits: b, Used: b, Remaining: b}
	if !s.Equal(u) || !cmp.Equal(s, u) {
		t.Errorf("State.Equal of equal amounts written differently")
	}
	u.Count = 1
	if s.Equal(u) {
		t.Error("State.Equal ignores the count")
	}
}

// TestCharge: the credit arithmetic of Annexe 2 §3 written out case by
// case: an advance draws on the advance credits, a balance on the usage
// credits, a repayment gives advance credits back; beyond a part, what
// was left of it.
func TestCharge(t *testing.T) {
	c := envelope.Credits{Advance: d("300"), Usage: d("700")}
	tests := []struct {
		name       string
		used       envelope.Credits
		kind       envelope.Kind
		amount     string
		want       envelope.Credits
		wantLeft   string
		wantOK     bool
		wantPart   envelope.Part
		wantString string
	}{
		{"advance within", envelope.Credits{Advance: d("100"), Usage: d("0")}, envelope.Advance, "200", envelope.Credits{Advance: d("300"), Usage: d("0")}, "0", true, envelope.AdvanceCredits, "advance"},
		{"advance beyond", envelope.Credits{Advance: d("100"), Usage: d("0")}, envelope.Advance, "200.01", envelope.Credits{Advance: d("300.01"), Usage: d("0")}, "200", false, envelope.AdvanceCredits, "advance"},
		{"balance beyond", envelope.Credits{Advance: d("0"), Usage: d("800")}, envelope.Balance, "1", envelope.Credits{Advance: d("0"), Usage: d("801")}, "0", false, envelope.UsageCredits, "usage"},
		{"balance within", envelope.Credits{Advance: d("300"), Usage: d("600")}, envelope.Balance, "100", envelope.Credits{Advance: d("300"), Usage: d("700")}, "0", true, envelope.UsageCredits, "usage"},
		{"repayment", envelope.Credits{Advance: d("300"), Usage: d("0")}, envelope.Repayment, "50", envelope.Credits{Advance: d("250"), Usage: d("0")}, "0", true, envelope.AdvanceCredits, "advance"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next, left, ok := c.Charge(tt.used, tt.kind, d(tt.amount))
			if !next.Equal(tt.want) || !left.Equal(d(tt.wantLeft)) || ok != tt.wantOK {
				t.Errorf("Charge = %v, %s, %v; want %v, %s, %v", next, left, ok, tt.want, tt.wantLeft, tt.wantOK)
			}
			if p := tt.kind.Part(); p != tt.wantPart || p.String() != tt.wantString {
				t.Errorf("%v.Part() = %v", tt.kind, p)
			}
		})
	}
	if envelope.Kind(0).Part() != 0 || envelope.Part(9).String() != "invalid part 9" || !c.Of(0).IsZero() {
		t.Error("invalid parts")
	}
}
