package envelope_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

// TestValuesEqual: Notification, Transfer and Commitment compare their
// amounts by value (1.5 equals 1.50) and differ in any other field.
func TestValuesEqual(t *testing.T) {
	on := window.MustParseDate("2022-03-15")
	note := func() envelope.Notification {
		return envelope.Notification{Kind: envelope.Advance, Volet: envelope.Volet1, Region: envelope.Corse,
			Establishment: forfait.MustParseFINESS("2A0000012"), Variant: forfait.Variant{Domain: forfait.DS1}, Window: window.W2,
			Amount: d("1.5"), Date: on, Source: "§5", Interpretations: []string{"INT-01"}}
	}
	transfer := func() envelope.Transfer {
		return envelope.Transfer{Date: on, From: window.W1, To: window.W2, Credits: credits("1.5", "2"), Source: "Annexe 2 §5"}
	}
	commitment := func() envelope.Commitment {
		return envelope.Commitment{Establishment: forfait.MustParseFINESS("2A0000012"), Domain: forfait.DS1, Window: window.W2,
			Date: on, Credits: credits("1.5", "2"), Source: "§6.1"}
	}
	n, t2, c := note(), transfer(), commitment()
	n.Amount, t2.Credits.Advance, c.Credits.Advance = d("1.50"), d("1.50"), d("1.50")
	if !note().Equal(n) || !transfer().Equal(t2) || !commitment().Equal(c) {
		t.Error("values differing only in the exponent of an amount differ")
	}
	other := window.MustParseDate("2022-03-16")
	for name, change := range map[string]func(*envelope.Notification){
		"kind":            func(n *envelope.Notification) { n.Kind = envelope.Balance },
		"volet":           func(n *envelope.Notification) { n.Volet = envelope.Volet2 },
		"region":          func(n *envelope.Notification) { n.Region = envelope.Bretagne },
		"establishment":   func(n *envelope.Notification) { n.Establishment = forfait.MustParseFINESS("2A0000020") },
		"variant":         func(n *envelope.Notification) { n.Variant.CRO = true },
		"window":          func(n *envelope.Notification) { n.Window = window.W3 },
		"amount":          func(n *envelope.Notification) { n.Amount = d("1.51") },
		"date":            func(n *envelope.Notification) { n.Date = other },
		"source":          func(n *envelope.Notification) { n.Source = "Annexe 2 §3" },
		"interpretations": func(n *envelope.Notification) { n.Interpretations = nil },
	} {
		a, b := note(), note()
		change(&b)
		if a.Equal(b) {
			t.Errorf("notifications with another %s are Equal", name)
		}
	}
	for name, change := range map[string]func(*envelope.Transfer){
		"date":    func(x *envelope.Transfer) { x.Date = other },
		"from":    func(x *envelope.Transfer) { x.From = window.W3 },
		"to":      func(x *envelope.Transfer) { x.To = window.W3 },
		"credits": func(x *envelope.Transfer) { x.Credits.Usage = d("2.01") },
		"source":  func(x *envelope.Transfer) { x.Source = "" },
	} {
		a, b := transfer(), transfer()
		change(&b)
		if a.Equal(b) {
			t.Errorf("transfers with another %s are Equal", name)
		}
	}
	for name, change := range map[string]func(*envelope.Commitment){
		"establishment": func(c *envelope.Commitment) { c.Establishment = forfait.MustParseFINESS("2A0000020") },
		"domain":        func(c *envelope.Commitment) { c.Domain = forfait.DS2 },
		"window":        func(c *envelope.Commitment) { c.Window = window.W3 },
		"date":          func(c *envelope.Commitment) { c.Date = other },
		"credits":       func(c *envelope.Commitment) { c.Credits.Advance = d("1.49") },
		"source":        func(c *envelope.Commitment) { c.Source = "" },
	} {
		a, b := commitment(), commitment()
		change(&b)
		if a.Equal(b) {
			t.Errorf("commitments with another %s are Equal", name)
		}
	}
}

// TestNotificationJSONAmount: an amount that is not a decimal number is
// refused with the field named; an absent amount decodes as zero.
func TestNotificationJSONAmount(t *testing.T) {
	var n envelope.Notification
	err := json.Unmarshal([]byte(`{"kind":"advance","amount":"12,5"}`), &n)
	var ie *forfait.InputError
	if !errors.Is(err, envelope.ErrInvalidNotification) || !errors.As(err, &ie) || ie.Field != "amount" || ie.Value != `"12,5"` {
		t.Errorf("amount 12,5: %v", err)
	}
	if err := json.Unmarshal([]byte(`{"kind":"balance"}`), &n); err != nil || n.Kind != envelope.Balance || !n.Amount.Equal(decimal.Zero) {
		t.Errorf("no amount: %+v, %v", n, err)
	}
	if err := json.Unmarshal([]byte(`{"kind":1}`), &n); err == nil {
		t.Error(`kind 1 (not text) accepted`)
	}
}

// TestCreditsErrorMessage: the refusal names the budget short of credits
// (a window's, or the credits assigned to no window), the tranches
// delegated by then, and the amounts.
func TestCreditsErrorMessage(t *testing.T) {
	on := window.MustParseDate("2022-03-15")
	for _, tt := range []struct {
		e    envelope.CreditsError
		want []string
	}{
		{envelope.CreditsError{Window: window.W2, Part: envelope.UsageCredits, Date: on, Tranche: 0, Available: d("10"), Needed: d("12.5")},
			[]string{"window 2's budget", "tranches 0 to 0 delegated", "10 € available", "12.5 € needed", "2.5 € short"}},
		{envelope.CreditsError{Part: envelope.AdvanceCredits, Date: on, Tranche: -1, Available: d("0"), Needed: d("1")},
			[]string{"the credits assigned to no window", "no tranche delegated", "1 € short"}},
	} {
		msg := tt.e.Error()
		if !errors.Is(&tt.e, envelope.ErrInsufficientCredits) || !strings.HasPrefix(msg, envelope.ErrInsufficientCredits.Error()+": ") {
			t.Errorf("%q does not wrap ErrInsufficientCredits", msg)
		}
		for _, w := range tt.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%q does not say %q", msg, w)
			}
		}
	}
}
