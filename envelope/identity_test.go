package envelope_test

import (
	"errors"
	"testing"
	"time"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

// TestOneFundingPerDomain: an establishment's domain is funded once over
// the programme (§5; INT-14): a second advance for the same
// establishment, volet and domain is refused in another window as in the
// same one, after a repayment as before it; the balance of a deferred
// dossier, booked in the next window, and a repayment after a deferral
// stay the same dossier and are booked (INT-05).
func TestOneFundingPerDomain(t *testing.T) {
	est := forfait.MustParseFINESS("350000014")
	n := func(k envelope.Kind, w window.Window, amount string, y, m, day int) envelope.Notification {
		return envelope.Notification{Kind: k, Volet: envelope.Volet1, Region: envelope.Bretagne, Establishment: est,
			Variant: forfait.Variant{Domain: forfait.DS2}, Window: w, Amount: d(amount), Date: window.DateOf(y, time.Month(m), day), Source: "§5"}
	}
	tests := []struct {
		name    string
		booked  []envelope.Notification
		next    envelope.Notification
		wantErr error
	}{
		{"second advance in another window", []envelope.Notification{n(envelope.Advance, window.W1, "100", 2021, 12, 1)},
			n(envelope.Advance, window.W2, "90", 2022, 6, 1), envelope.ErrDuplicate},
		{"second advance after a repayment", []envelope.Notification{n(envelope.Advance, window.W1, "100", 2021, 12, 1),
			n(envelope.Repayment, window.W1, "100", 2022, 9, 1)}, n(envelope.Advance, window.W3, "85", 2022, 12, 1), envelope.ErrDuplicate},
		{"deferred balance in the next window", []envelope.Notification{n(envelope.Advance, window.W1, "100", 2021, 12, 1)},
			n(envelope.Balance, window.W2, "200", 2023, 2, 1), nil},
		{"repayment after a deferral", []envelope.Notification{n(envelope.Advance, window.W1, "100", 2021, 12, 1)},
			n(envelope.Repayment, window.W2, "100", 2023, 2, 1), nil},
		{"second balance in another window", []envelope.Notification{n(envelope.Advance, window.W1, "100", 2021, 12, 1),
			n(envelope.Balance, window.W1, "200", 2022, 9, 1)}, n(envelope.Balance, window.W2, "200", 2023, 2, 1), envelope.ErrDuplicate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newLedger(t, "1000", "1000")
			for _, b := range tt.booked {
				if err := l.Book(b); err != nil {
					t.Fatal(err)
				}
			}
			before := l.State()
			err := l.Book(tt.next)
			if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Fatalf("Book: %v, want %v", err, tt.wantErr)
			}
			if err != nil && !l.State().Equal(before) {
				t.Errorf("a refused notification changed the ledger")
			}
		})
	}
}
