package audit_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/audit"
)

// TestNationalMaxDefault: with no national maximum given, the audit uses
// the largest combined activity of the extract and names the establishment
// it comes from, the first of equal ones (INT-02); none when every
// activity is zero; a given maximum is used as given, from no
// establishment.
func TestNationalMaxDefault(t *testing.T) {
	est := func(finess, combined string) audit.Establishment {
		return audit.Establishment{FINESS: forfait.MustParseFINESS(finess), Region: envelope.Bretagne, Combined: decimal.RequireFromString(combined)}
	}
	for _, tt := range []struct {
		name     string
		ests     []audit.Establishment
		given    string
		wantMax  string
		wantFrom string
	}{
		{"largest", []audit.Establishment{est("290000017", "1200"), est("350000014", "250000.5"), est("560000012", "250000.50")}, "0", "250000.5", "350000014"},
		{"first", []audit.Establishment{est("290000017", "5000"), est("350000014", "100")}, "0", "5000", "290000017"},
		{"all zero", []audit.Establishment{est("290000017", "0"), est("350000014", "0")}, "0", "0", ""},
		{"given", []audit.Establishment{est("290000017", "1200")}, "300000", "300000", ""},
	} {
		r, err := audit.Audit(&rules, tt.ests, nil, audit.Options{NationalMax: decimal.RequireFromString(tt.given)})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		from := ""
		if r.NationalMaxFrom.IsValid() {
			from = r.NationalMaxFrom.String()
		}
		if !r.NationalMax.Equal(decimal.RequireFromString(tt.wantMax)) || from != tt.wantFrom {
			t.Errorf("%s: national maximum %s from %q, want %s from %q", tt.name, r.NationalMax, from, tt.wantMax, tt.wantFrom)
		}
	}
}
