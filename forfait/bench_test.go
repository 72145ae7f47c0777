package forfait_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

// BenchmarkForfait: one establishment, one domain, one window, split
// included, derivation off.
func BenchmarkForfait(b *testing.B) {
	rs := forfait.Instruction2021()
	req := forfait.Request{Combined: decimal.New(1278005, -1), Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W2}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := rs.Compute(req); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExplain(b *testing.B) {
	rs := forfait.Instruction2021()
	req := forfait.Request{Combined: decimal.New(1278005, -1), Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W2}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := rs.Explain(req); err != nil {
			b.Fatal(err)
		}
	}
}
