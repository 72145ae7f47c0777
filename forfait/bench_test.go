package forfait_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

// benchRequest is the forfait every benchmark computes: category C,
// DS1 with the CRO bonus, window 2.
var benchRequest = forfait.Request{Combined: decimal.New(1278005, -1), Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W2}

func compiled(b testing.TB) *forfait.Compiled {
	rs := forfait.Instruction2021()
	c, err := rs.Compile()
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkForfait: one establishment, one domain, one window, split
// included, derivation off.
func BenchmarkForfait(b *testing.B) {
	rs := forfait.Instruction2021()
	req := benchRequest
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := rs.Compute(req); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExplain(b *testing.B) {
	rs := forfait.Instruction2021()
	req := benchRequest
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := rs.Explain(req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompiled: the same forfait on a compiled rule set, as whole
// cents, without allocating.
func BenchmarkCompiled(b *testing.B) {
	c, req := compiled(b), benchRequest
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := c.ComputeCents(req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompiledDecimal: the compiled rule set, decimal results.
func BenchmarkCompiledDecimal(b *testing.B) {
	c, req := compiled(b), benchRequest
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := c.Compute(req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTable: the 16 forfaits of one establishment (four variants,
// four windows) on a compiled rule set, as whole cents: the campaign's
// path.
func BenchmarkTable(b *testing.B) {
	c, req := compiled(b), benchRequest
	var t forfait.Table
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := c.ComputeTable(forfait.CombinedOf(req.Combined), forfait.NationalMaxOf(req.NationalMax), &t); err != nil {
			b.Fatal(err)
		}
	}
}
