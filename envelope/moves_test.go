package envelope_test

import (
	"errors"
	"testing"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

// TestTransferWindows pins which windows a transfer may join (Annexe 2
// §5): two different windows, or a window and the credits assigned to no
// window (0) either way; never a window that does not exist.
func TestTransferWindows(t *testing.T) {
	sep := window.DateOf(2021, 9, 1)
	for _, tt := range []struct {
		name     string
		from, to window.Window
		wantErr  bool
	}{
		{"none to W1", 0, window.W1, false},
		{"W1 back to none", window.W1, 0, false},
		{"W1 to W2", window.W1, window.W2, false},
		{"W1 to window 5", window.W1, 5, true},
		{"window 5 to W1", 5, window.W1, true},
		{"none to none", 0, 0, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l := openCorse(t)
			if err := l.Delegate(envelope.Tranche{Date: sep, Credits: credits("100000", "200000"), Source: "circulaire FMIS n° 1"}); err != nil {
				t.Fatal(err)
			}
			if tt.from != 0 && tt.from.IsValid() {
				if err := l.Move(envelope.Transfer{Date: sep, To: tt.from, Credits: credits("1000", "0"), Source: "décision ARS"}); err != nil {
					t.Fatal(err)
				}
			}
			err := l.Move(envelope.Transfer{Date: sep, From: tt.from, To: tt.to, Credits: credits("1000", "0"), Source: "décision ARS"})
			if !tt.wantErr {
				if err != nil {
					t.Fatalf("Move: %v", err)
				}
				return
			}
			var ie *forfait.InputError
			if !errors.Is(err, envelope.ErrInvalidDelegation) || !errors.As(err, &ie) || ie.Field != "transfer.windows" {
				t.Errorf("Move: %v; want transfer.windows refused", err)
			}
		})
	}
}
