package audit_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait/audit"
	"github.com/sunes-spec/sunes/window"
)

// TestEqual checks that establishments and payments compare their amounts
// by value: 127800 equals 127800.00 (Equal and cmp.Equal, which uses it),
// and any other field or amount makes them differ.
func TestEqual(t *testing.T) {
	e := audit.Establishment{FINESS: annex, Region: envelope.IleDeFrance, Combined: d("127800")}
	if f := (audit.Establishment{FINESS: annex, Region: envelope.IleDeFrance, Combined: d("127800.00")}); !e.Equal(f) || !cmp.Equal(e, f) {
		t.Errorf("%v and %v differ", e, f)
	}
	for name, f := range map[string]audit.Establishment{
		"finess":   {FINESS: mayotte, Region: envelope.IleDeFrance, Combined: d("127800")},
		"region":   {FINESS: annex, Region: envelope.Mayotte, Combined: d("127800")},
		"combined": {FINESS: annex, Region: envelope.IleDeFrance, Combined: d("127800.01")},
	} {
		if e.Equal(f) || cmp.Equal(e, f) {
			t.Errorf("establishments with another %s are Equal", name)
		}
	}
	p := audit.Payment{FINESS: annex, Variant: ds1, Window: window.W1, Kind: envelope.Advance, Amount: d("12542"), Date: window.DateOf(2021, 10, 1), Line: 2}
	q := p
	q.Amount = d("12542.00")
	if !p.Equal(q) || !cmp.Equal(p, q) {
		t.Errorf("%v and %v differ", p, q)
	}
	for name, change := range map[string]func(*audit.Payment){
		"finess":  func(q *audit.Payment) { q.FINESS = mayotte },
		"variant": func(q *audit.Payment) { q.Variant = ds1CRO },
		"window":  func(q *audit.Payment) { q.Window = window.W2 },
		"kind":    func(q *audit.Payment) { q.Kind = envelope.Balance },
		"amount":  func(q *audit.Payment) { q.Amount = d("12542.01") },
		"date":    func(q *audit.Payment) { q.Date = window.DateOf(2021, 10, 2) },
		"line":    func(q *audit.Payment) { q.Line = 3 },
	} {
		q := p
		change(&q)
		if p.Equal(q) || cmp.Equal(p, q) {
			t.Errorf("payments with another %s are Equal", name)
		}
	}
}
