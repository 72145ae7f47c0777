package envelope_test

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

// Three equal weights share 100 €: 33.33… each; the euro left over goes to
// the first (INT-08).
func ExampleAllocate() {
	parts, err := envelope.Allocate(decimal.New(100, 0), []decimal.Decimal{decimal.New(1, 0), decimal.New(1, 0), decimal.New(1, 0), decimal.Zero})
	fmt.Println(parts, err)
	// Output: [34 33 33 0] <nil>
}

func ExampleLedger_Book() {
	rs := forfait.Instruction2021()
	a := envelope.Instruction2021Annex2()
	credits, _ := envelope.SplitCredits(&rs, a.Regions[envelope.Mayotte.Index()].Amount) // 220 222 €
	ledger, _ := envelope.NewLedger(envelope.Mayotte, credits)
	advance := envelope.Notification{Kind: envelope.Advance, Volet: envelope.Volet1, Region: envelope.Mayotte,
		Establishment: forfait.MustParseFINESS("976000019"), Variant: forfait.Variant{Domain: forfait.DS1}, Window: window.W1, Amount: decimal.New(60_000, 0), Source: "§5; Annexe 2 §3"}
	fmt.Println(ledger.Book(advance))
	err := ledger.Book(advance) // the same advance again: money is never booked twice
	fmt.Println(errors.Is(err, envelope.ErrDuplicate))
	other := advance
	other.Establishment = forfait.MustParseFINESS("976000027") // 120 000 € of advances: beyond the 66 067 € of credits
	fmt.Println(errors.Is(ledger.Book(other), envelope.ErrInsufficientCredits))
	s := ledger.State()
	fmt.Println(forfait.Format(s.Credits.Advance), forfait.Format(s.Remaining.Advance), s.Count)
	// Output:
	// <nil>
	// true
	// true
	// 66067 6067 1
}

func ExampleAnnex2_Validate() {
	a := envelope.Instruction2021Annex2()
	fmt.Println(a.Validate())
	a.Regions[0].Amount = a.Regions[0].Amount.Add(decimal.New(1, 0))
	fmt.Println(a.Validate())
	// Output:
	// <nil>
	// envelope: Annexe 2 figures do not add up: the 18 regional envelopes = 158000001 (want 158000000)
}

// Credits arrive in tranches (§6.1, Annexe 2 §5): a decision is committed
// within the credits delegated by its date, or refused with the
// shortfall and the last tranche in force.
func ExampleLedger_Commit() {
	rs, a := forfait.Instruction2021(), envelope.Instruction2021Annex2()
	ledger, _ := envelope.OpenLedger(&a, &rs, envelope.Mayotte, envelope.Volet1) // ceiling 66 067 / 154 155 €
	_ = ledger.Delegate(envelope.Tranche{Date: window.DateOf(2021, 10, 1), Credits: envelope.Credits{Advance: decimal.New(20_000, 0), Usage: decimal.New(50_000, 0)},
		Source: "circulaire FMIS 2021"})
	c := envelope.Commitment{Establishment: forfait.MustParseFINESS("976000019"), Domain: forfait.DS1, Window: window.W1, Date: window.DateOf(2021, 12, 1),
		Credits: envelope.Credits{Advance: decimal.New(24_000, 0), Usage: decimal.New(56_000, 0)}, Source: "§6.1"}
	var short *envelope.CreditsError
	if err := ledger.Commit(c); errors.As(err, &short) {
		fmt.Println(short.Part, "credits short by", short.Shortfall(), "with tranches 0 to", short.Tranche)
	}
	_ = ledger.Delegate(envelope.Tranche{Date: window.DateOf(2021, 11, 15), Credits: envelope.Credits{Advance: decimal.New(10_000, 0), Usage: decimal.New(10_000, 0)},
		Source: "circulaire FMIS 2021, 2e délégation"})
	fmt.Println(ledger.Commit(c))
	s := ledger.State()
	fmt.Println("delegated", s.Delegated, "committed", s.Committed, "left", s.Left)
	// Output:
	// advance credits short by 4000 with tranches 0 to 0
	// <nil>
	// delegated 30000 / 60000 committed 24000 / 56000 left 6000 / 4000
}
