package forfait_test

import (
	"testing"

	"github.com/sunes-spec/sunes/forfait"
)

// TestCompiledPathAllocatesNothing holds the compiled path's contract for
// batch callers: a forfait, a table of sixteen and their printed amounts
// cost no allocation once the rule set is compiled.
func TestCompiledPathAllocatesNothing(t *testing.T) {
	c, req := compiled(t), benchRequest
	var table forfait.Table
	buf := make([]byte, 0, 64)
	for name, f := range map[string]func(){
		"ComputeCents": func() { c.ComputeCents(req) },
		"ComputeTable": func() {
			c.ComputeTable(forfait.CombinedOf(req.Combined), forfait.NationalMaxOf(req.NationalMax), &table)
		},
		"Combine": func() { c.Combine(forfait.Activity{MCODays: 7000, SSRDays: 1234}) },
		"AppendFormat": func() {
			cents, _ := c.ComputeCents(req)
			buf = cents.Amount.AppendFormat(buf[:0])
			buf = forfait.CombinedOf(req.Combined).AppendFormat(buf)
		},
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s: %v allocations per run, want 0", name, n)
		}
	}
}
