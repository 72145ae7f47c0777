package settlement_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/window"
)

// TestBalanceOf: the balance by hand for a category B establishment of
// 18 500 (base DS1 41 806 €, Annexe 3 §3): window 1 pays 41 806 €, window
// 2 41 806 × 0.90 = 37 625 € (§6.1), DS1+CRO 41 806 × 1.10 = 45 987 €
// (§5); the advances are 30 % of these, to the euro: 12 542 € and
// 13 796 € (INT-04).
func TestBalanceOf(t *testing.T) {
	dec := decimal.RequireFromString
	for _, tt := range []struct {
		name              string
		asked             forfait.Variant
		w                 window.Window
		advance           string
		deferred, reached bool
		granted           forfait.Variant
		forfait, balance  string
		interpretations   []string
	}{
		{"reached", ds1, window.W1, "12542", false, true, ds1, "41806", "29264", nil},
		{"after a deferral", ds1, window.W2, "12542", true, true, ds1, "37625", "25083", []string{"INT-05"}},
		{"CRO reached", ds1CRO, window.W1, "13796", false, true, ds1CRO, "45987", "32191", nil},
		{"DS1.3 missed", ds1CRO, window.W1, "13796", false, false, ds1, "41806", "28010", []string{"INT-06"}},
		{"deferred, DS1.3 missed", ds1CRO, window.W2, "13796", true, false, ds1, "37625", "23829", []string{"INT-05", "INT-06"}},
		{"advance above the forfait", ds1, window.W1, "50000", false, true, ds1, "41806", "-8194", nil},
	} {
		req := forfait.Request{Combined: dec("18500"), Variant: tt.asked, Window: tt.w}
		b, err := settlement.BalanceOf(&rules.Forfait, req, dec(tt.advance), tt.deferred, tt.reached)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if b.Forfait.Variant != tt.granted || b.Forfait.Window != tt.w || !b.Forfait.Amount.Equal(dec(tt.forfait)) ||
			!b.Amount.Equal(dec(tt.balance)) || !cmp.Equal(b.Interpretations, tt.interpretations) {
			t.Errorf("%s: %s %s forfait %s, balance %s %v; want %s %s, %s %v", tt.name, b.Forfait.Variant, b.Forfait.Window,
				b.Forfait.Amount, b.Amount, b.Interpretations, tt.granted, tt.forfait, tt.balance, tt.interpretations)
		}
	}
	if _, err := settlement.BalanceOf(&rules.Forfait, forfait.Request{Combined: dec("-1"), Variant: ds1, Window: window.W1}, dec("1"), false, true); err == nil {
		t.Error("a negative activity has a balance")
	}
}
