package envelope_test

import (
	"math/big"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"errors"
	"testing"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/envelope/envelopetest"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

func credits(adv, use string) envelope.Credits {
	return envelope.Credits{Advance: d(adv), Usage: d(use)}
}

// openCorse opens Corse's volet-1 ledger with no credits delegated
// (ceiling 339 752 / 792 756, Annexe 2 §1, §3).
func openCorse(t *testing.T) *envelope.Ledger {
	t.Helper()
	rs, a := forfait.Instruction2021(), envelope.Instruction2021Annex2()
	l, err := envelope.OpenLedger(&a, &rs, envelope.Corse, envelope.Volet1)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func advance(est string, w window.Window, amount string, on window.Date) envelope.Notification {
	return envelope.Notification{Kind: envelope.Advance, Volet: envelope.Volet1, Region: envelope.Corse, Establishment: forfait.MustParseFINESS(est),
		Variant: forfait.Variant{Domain: forfait.DS1}, Window: w, Amount: d(amount), Date: on, Source: "§5; Annexe 2 §3"}
}

// TestTranches: a booking is served by the tranches delegated by its date
// only (§6.1, Annexe 2 §5); the refusal names the last tranche in force and
// the shortfall; the tranches together stay within the Annexe 2 envelope.
func TestTranches(t *testing.T) {
	l := openCorse(t)
	oct, dec, feb := window.DateOf(2021, 10, 1), window.DateOf(2021, 12, 1), window.DateOf(2022, 2, 1)
	var ce *envelope.CreditsError
	if err := l.Book(advance("2A0000011", window.W1, "1", oct)); !errors.As(err, &ce) || ce.Tranche != -1 || !errors.Is(err, envelope.ErrInsufficientCredits) {
		t.Fatalf("a booking with nothing delegated: %v", err)
	}
	if err := l.Delegate(envelope.Tranche{Date: oct, Credits: credits("100000", "0"), Source: "circulaire FMIS n° 1"}); err != nil {
		t.Fatal(err)
	}
	if err := l.Delegate(envelope.Tranche{Date: feb, Credits: credits("50000", "300000"), Source: "circulaire FMIS n° 2"}); err != nil {
		t.Fatal(err)
	}
	if err := l.Book(advance("2A0000011", window.W1, "80000", dec)); err != nil {
		t.Fatal(err)
	}
	// 80 000 + 30 000 > 100 000 in December: the second tranche comes in February.
	err := l.Book(advance("2A0000029", window.W1, "30000", dec))
	if !errors.As(err, &ce) || ce.Tranche != 0 || ce.Part != envelope.AdvanceCredits || !ce.Date.Equal(dec) || !ce.Shortfall().Equal(d("10000")) || ce.Window != 0 {
		t.Fatalf("beyond the first tranche: %v", err)
	}
	if err := l.Book(advance("2A0000029", window.W1, "30000", feb)); err != nil {
		t.Errorf("after the second tranche: %v", err)
	}
	// Beyond the ceiling: 339 752 advance credits in all.
	err = l.Delegate(envelope.Tranche{Date: feb, Credits: credits("189753", "0"), Source: "circulaire FMIS n° 3"})
	if !errors.Is(err, envelope.ErrBeyondEnvelope) {
		t.Errorf("a tranche beyond the envelope: %v", err)
	}
	if err := l.Delegate(envelope.Tranche{}); len(forfait.Problems(err)) != 3 || !errors.Is(err, envelope.ErrInvalidDelegation) {
		t.Errorf("an empty tranche: %v", err)
	}
	s := l.State()
	if !s.Delegated.Equal(credits("150000", "300000")) || !s.Used.Equal(credits("110000", "0")) || !s.Left.Equal(credits("40000", "300000")) || len(s.Tranches) != 2 {
		t.Errorf("state %+v", s)
	}
}

// TestBudgets: windows draw on their budgets once they have one; moving
// budget between windows is dated and never creates credits (Annexe 2
// §5).
func TestBudgets(t *testing.T) {
	l := openCorse(t)
	sep, oct, mar := window.DateOf(2021, 9, 1), window.DateOf(2021, 10, 1), window.DateOf(2022, 3, 1)
	if err := l.Delegate(envelope.Tranche{Date: sep, Credits: credits("100000", "200000"), Source: "circulaire FMIS n° 1"}); err != nil {
		t.Fatal(err)
	}
	move := func(on window.Date, from, to window.Window, adv string) error {
		return l.Move(envelope.Transfer{Date: on, From: from, To: to, Credits: credits(adv, "0"), Source: "décision ARS"})
	}
	if err := move(sep, 0, window.W1, "60000"); err != nil {
		t.Fatal(err)
	}
	if err := move(sep, 0, window.W2, "40000"); err != nil {
		t.Fatal(err)
	}
	var ce *envelope.CreditsError
	if err := move(sep, 0, window.W3, "1"); !errors.As(err, &ce) || ce.Window != 0 {
		t.Errorf("a budget from nothing: %v", err)
	}
	if err := l.Book(advance("2A0000011", window.W1, "50000", oct)); err != nil {
		t.Fatal(err)
	}
	err := l.Book(advance("2A0000029", window.W1, "20000", oct))
	if !errors.As(err, &ce) || ce.Window != window.W1 || !ce.Shortfall().Equal(d("10000")) {
		t.Fatalf("beyond W1's budget: %v", err)
	}
	if err := move(oct, window.W1, window.W2, "10001"); !errors.As(err, &ce) || ce.Window != window.W1 {
		t.Errorf("moving more than W1 has left: %v", err)
	}
	if err := move(mar, window.W2, window.W1, "10000"); err != nil {
		t.Fatal(err)
	}
	// The budget moved in March does not serve a booking dated October.
	if err := l.Book(advance("2A0000029", window.W1, "20000", oct)); !errors.As(err, &ce) {
		t.Errorf("served by a later transfer: %v", err)
	}
	if err := l.Book(advance("2A0000029", window.W1, "20000", mar)); err != nil {
		t.Errorf("after the transfer: %v", err)
	}
	if err := l.Move(envelope.Transfer{Date: mar, From: window.W1, To: window.W1, Credits: credits("1", "0")}); len(forfait.Problems(err)) != 2 {
		t.Errorf("a transfer to itself without source: %v", err)
	}
	s := l.State()
	want := []envelope.WindowState{
		{Window: 0, Budget: credits("0", "200000"), Committed: credits("0", "0"), Paid: credits("0", "0"), Repaid: credits("0", "0"), Left: credits("0", "200000")},
		{Window: window.W1, Budget: credits("70000", "0"), Committed: credits("0", "0"), Paid: credits("70000", "0"), Repaid: credits("0", "0"), Left: credits("0", "0")},
		{Window: window.W2, Budget: credits("30000", "0"), Committed: credits("0", "0"), Paid: credits("0", "0"), Repaid: credits("0", "0"), Left: credits("30000", "0")},
	}
	if len(s.Windows) != len(want) {
		t.Fatalf("windows %+v", s.Windows)
	}
	for i := range want {
		if !s.Windows[i].Equal(want[i]) {
			t.Errorf("window %d = %+v, want %+v", i, s.Windows[i], want[i])
		}
	}
}

// TestCommit: a validated decision's forfait is committed; one the credits
// cannot serve is refused at decision time with the shortfall; bookings
// consume commitments, a repayment releases the usage part (§6.1, Annexe
// 2 §3).
func TestCommit(t *testing.T) {
	l := openCorse(t)
	oct, jul := window.DateOf(2021, 10, 1), window.DateOf(2022, 7, 15)
	if err := l.Delegate(envelope.Tranche{Date: oct, Credits: credits("30000", "70000"), Source: "circulaire FMIS n° 1"}); err != nil {
		t.Fatal(err)
	}
	c := envelope.Commitment{Establishment: forfait.MustParseFINESS("2A0000011"), Domain: forfait.DS1, Window: window.W1, Date: oct, Credits: credits("24000", "56000"), Source: "§6.1"}
	if err := l.Commit(c); err != nil {
		t.Fatal(err)
	}
	other := c
	other.Establishment = forfait.MustParseFINESS("2A0000029")
	var ce *envelope.CreditsError
	if err := l.Commit(other); !errors.As(err, &ce) || !ce.Shortfall().Equal(d("18000")) || ce.Part != envelope.AdvanceCredits {
		t.Fatalf("a decision beyond the credits: %v", err)
	}
	if err := l.Commit(c); !errors.Is(err, envelope.ErrDuplicate) {
		t.Errorf("committed twice: %v", err)
	}
	// Uncommitted money cannot take what is committed.
	if err := l.Book(advance("2A0000029", window.W1, "6001", oct)); !errors.As(err, &ce) {
		t.Errorf("an advance eating a commitment: %v", err)
	}
	if err := l.Book(advance("2A0000011", window.W1, "24000", oct)); err != nil {
		t.Fatal(err)
	}
	if s := l.State(); !s.Committed.Equal(credits("0", "56000")) || !s.Used.Equal(credits("24000", "0")) || !s.Left.Equal(credits("6000", "14000")) {
		t.Errorf("after the advance: committed %v used %v left %v", s.Committed, s.Used, s.Left)
	}
	rep := advance("2A0000011", window.W1, "24000", jul)
	rep.Kind = envelope.Repayment
	if err := l.Book(rep); err != nil {
		t.Fatal(err)
	}
	if s := l.State(); !s.Committed.Equal(credits("0", "0")) || !s.Used.Equal(credits("0", "0")) || !s.Repaid.Equal(credits("24000", "0")) || len(l.Commitments()) != 0 {
		t.Errorf("after the repayment: %+v", s)
	}
}

// checkCreditsMachine is a state machine over a regional ledger: tranches
// arriving, budgets moved between windows, decisions committing, dossiers
// paid and repaid, all on random dates. After every step, checked against
// the ledger's public record recomputed by hand: at every date, each
// budget holds what is committed and paid in it by then (§6.1, Annexe 2
// §5); committed + paid never exceeds delegated, nor delegated the
// envelope; no identity is booked twice; a balance or a repayment
// follows its advance, a repayment returns it whole, and they exclude
// each other, each booked in its advance's window (§5; Annexe 2 §3;
// INT-05); the state's totals are the sums of its windows and of its
// entries.
func checkCreditsMachine(t *rapid.T) {
	rs, a := forfait.Instruction2021(), envelope.Instruction2021Annex2()
	l, err := envelope.OpenLedger(&a, &rs, envelope.Corse, envelope.Volet1)
	if err != nil {
		t.Fatal(err)
	}
	ests := []forfait.FINESS{forfait.MustParseFINESS("2A0000011"), forfait.MustParseFINESS("2A0000029"), forfait.MustParseFINESS("2B0000010"), forfait.MustParseFINESS("2B0000028")}
	bookings := 0
	steps := envelopetest.LedgerSteps(l, ests, &bookings)
	steps[""] = func(t *rapid.T) { checkLedgerRecord(t, l, bookings) }
	t.Repeat(steps)
}

func checkLedgerRecord(t *rapid.T, l *envelope.Ledger, bookings int) {
	s, entries, commits, transfers := l.State(), l.Entries(), l.Commitments(), l.Transfers()
	zero := envelope.Credits{Advance: decimal.Zero, Usage: decimal.Zero}
	plus := func(a, b envelope.Credits) envelope.Credits {
		return envelope.Credits{Advance: a.Advance.Add(b.Advance), Usage: a.Usage.Add(b.Usage)}
	}
	within := func(a, b envelope.Credits) bool {
		return !a.Advance.GreaterThan(b.Advance) && !a.Usage.GreaterThan(b.Usage)
	}
	if s.Count != bookings || len(entries) != bookings {
		t.Fatalf("count %d, entries %d, bookings accepted %d", s.Count, len(entries), bookings)
	}
	ids := map[envelope.Identity]envelope.Notification{}
	account := map[envelope.Identity]window.Window{} // the window whose budget an entry draws on
	used, paid := zero, zero
	for _, n := range entries {
		id := n.Identity()
		if _, ok := ids[id]; ok {
			t.Fatalf("booked twice: %+v", id)
		}
		ids[id], account[id] = n, n.Window
		adv, bal, rep := id, id, id
		adv.Kind, bal.Kind, rep.Kind = envelope.Advance, envelope.Balance, envelope.Repayment
		if n.Kind != envelope.Advance {
			a, advanced := ids[adv]
			_, balanced := ids[bal]
			_, repaid := ids[rep]
			if !advanced || balanced && repaid || n.Kind == envelope.Repayment && !n.Amount.Equal(a.Amount) {
				t.Fatalf("%s of %s € booked out of order: advance %v, balanced %v, repaid %v", n.Kind, n.Amount, a, balanced, repaid)
			}
			account[id] = a.Window
		}
		switch n.Kind {
		case envelope.Advance:
			used.Advance, paid.Advance = used.Advance.Add(n.Amount), paid.Advance.Add(n.Amount)
		case envelope.Balance:
			used.Usage, paid.Usage = used.Usage.Add(n.Amount), paid.Usage.Add(n.Amount)
		case envelope.Repayment:
			used.Advance = used.Advance.Sub(n.Amount)
		}
	}
	committed, delegated := zero, zero
	for _, c := range commits {
		committed = plus(committed, c.Credits)
	}
	for _, tr := range s.Tranches {
		delegated = plus(delegated, tr.Credits)
	}
	var wPaid, wCommitted envelope.Credits = zero, zero
	for _, w := range s.Windows {
		wPaid, wCommitted = plus(wPaid, w.Paid), plus(wCommitted, w.Committed)
		if w.Left.Advance.Sign() < 0 || w.Left.Usage.Sign() < 0 {
			t.Fatalf("window %v left %v", w.Window, w.Left)
		}
	}
	if !s.Used.Equal(used) || !s.Paid.Equal(paid) || !wPaid.Equal(paid) || !s.Committed.Equal(committed) || !wCommitted.Equal(committed) ||
		!s.Delegated.Equal(delegated) || !within(plus(committed, used), delegated) || !within(delegated, s.Credits) {
		t.Fatalf("state %+v; entries used %v paid %v, committed %v, delegated %v", s, used, paid, committed, delegated)
	}
	// At every date, every budget holds what is committed and paid in it by then.
	var dates []window.Date
	for _, n := range entries {
		dates = append(dates, n.Date)
	}
	for _, tr := range s.Tranches {
		dates = append(dates, tr.Date)
	}
	for _, tr := range transfers {
		dates = append(dates, tr.Date)
	}
	for _, at := range dates {
		budgets := map[window.Window]envelope.Credits{0: zero}
		has := map[window.Window]bool{}
		for _, tr := range s.Tranches {
			if !tr.Date.After(at) {
				budgets[0] = plus(budgets[0], tr.Credits)
			}
		}
		for _, tr := range transfers {
			if !tr.Date.After(at) {
				neg := envelope.Credits{Advance: tr.Credits.Advance.Neg(), Usage: tr.Credits.Usage.Neg()}
				budgets[tr.From], budgets[tr.To] = plus(budgets[tr.From], neg), plus(budgets[tr.To], tr.Credits)
				has[tr.To] = true
			}
		}
		need := map[window.Window]envelope.Credits{}
		bucket := func(w window.Window) window.Window {
			if has[w] {
				return w
			}
			return 0
		}
		for _, n := range entries {
			if n.Date.After(at) {
				continue
			}
			b := bucket(account[n.Identity()])
			c := need[b]
			if c.Advance.Exponent() == 0 && c.Advance.IsZero() && c.Usage.IsZero() {
				c = zero
			}
			switch n.Kind {
			case envelope.Advance:
				c.Advance = c.Advance.Add(n.Amount)
			case envelope.Balance:
				c.Usage = c.Usage.Add(n.Amount)
			case envelope.Repayment:
				c.Advance = c.Advance.Sub(n.Amount)
			}
			need[b] = c
		}
		for _, c := range commits {
			if !c.Date.After(at) {
				b := bucket(c.Window)
				need[b] = plus(plusZero(need[b]), c.Credits)
			}
		}
		for b, c := range need {
			if !within(plusZero(c), plusZero(budgets[b])) {
				t.Fatalf("on %s, window %v needs %v, has %v", at, b, c, budgets[b])
			}
		}
	}
}

func plusZero(c envelope.Credits) envelope.Credits {
	return envelope.Credits{Advance: c.Advance.Add(decimal.Zero), Usage: c.Usage.Add(decimal.Zero)}
}

func TestCreditsMachine(t *testing.T) { rapid.Check(t, checkCreditsMachine) }
func FuzzCreditsMachine(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkCreditsMachine)) }

// checkVolet2Split: a volet-2 amount within the cap splits into an
// advance of 30 % rounded half away from zero to the euro and the rest
// (§3.3, Annexe 2 §4; INT-04), computed here with big.Rat; beyond the cap
// or not positive it is refused.
func checkVolet2Split(t *rapid.T) {
	rs, a := forfait.Instruction2021(), envelope.Instruction2021Annex2()
	cents := rapid.Int64Range(-100, 10_000_100).Draw(t, "cents")
	amount := decimal.New(cents, -2)
	c, err := envelope.SplitVolet2(&rs, &a, amount)
	if cents <= 0 || cents > 10_000_000 {
		if !errors.Is(err, envelope.ErrVolet2Amount) {
			t.Fatalf("SplitVolet2(%s) = %v, %v", amount, c, err)
		}
		return
	}
	exact := new(big.Rat).Mul(amount.Rat(), big.NewRat(3, 10))
	whole, rem := new(big.Int).QuoRem(exact.Num(), exact.Denom(), new(big.Int))
	if new(big.Rat).SetFrac(new(big.Int).Mul(rem, big.NewInt(2)), exact.Denom()).Cmp(big.NewRat(1, 1)) >= 0 {
		whole.Add(whole, big.NewInt(1))
	}
	want := decimal.NewFromBigInt(whole, 0)
	if err != nil || !c.Advance.Equal(want) || !c.Advance.Add(c.Usage).Equal(amount) {
		t.Fatalf("SplitVolet2(%s) = %v, %v; want advance %s", amount, c, err, want)
	}
}

func TestVolet2Split(t *testing.T) { rapid.Check(t, checkVolet2Split) }
func FuzzVolet2Split(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkVolet2Split)) }
