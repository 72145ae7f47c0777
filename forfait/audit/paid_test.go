package audit_test

import (
	"testing"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait/audit"
	"github.com/sunes-spec/sunes/window"
)

// TestPaidNet: the report's Paid is the sum of the advances and balances
// audited, less the repayments.
func TestPaidNet(t *testing.T) {
	payments := []audit.Payment{advDS2, advDS1CRO, pay(annex, ds2, window.W1, envelope.Repayment, "5000", "2022-09-01")}
	r, err := audit.Audit(&rules, establishments, payments, options)
	if err != nil {
		t.Fatal(err)
	}
	// 11 758 + 32 921 − 5 000
	if r.Payments != 3 || !r.Paid.Equal(d("39679")) {
		t.Errorf("%d payments, paid %s; want 3, 39679", r.Payments, r.Paid)
	}
}
