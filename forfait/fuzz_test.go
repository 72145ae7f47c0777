package forfait_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

// FuzzCompute: on arbitrary inputs Compute never panics, every error is
// typed, and every result agrees with the big.Rat reference and splits
// exactly.
func FuzzCompute(f *testing.F) {
	f.Add("127800", "0", uint8(1), true, uint8(1), "1000")
	f.Add("7", "0", uint8(2), false, uint8(4), "1")
	f.Add("230000", "230000.5", uint8(3), false, uint8(2), "0.01")
	f.Add("-1", "-1", uint8(0), true, uint8(9), "0")
	f.Add("1e400", "1e401", uint8(1), false, uint8(1), "1")
	f.Fuzz(func(t *testing.T, combined, nationalMax string, domain uint8, cro bool, win uint8, baseUnit string) {
		rs := forfait.Instruction2021()
		c, err1 := decimal.NewFromString(combined)
		m, err2 := decimal.NewFromString(nationalMax)
		u, err3 := decimal.NewFromString(baseUnit)
		if err1 != nil || err2 != nil || err3 != nil {
			return
		}
		rs.Rounding.BaseUnit = u
		req := forfait.Request{Combined: c, NationalMax: m, Variant: forfait.Variant{Domain: forfait.Domain(domain), CRO: cro}, Window: window.Window(win)}
		got, err := rs.Compute(req)
		if err != nil {
			for _, e := range forfait.Problems(err) {
				var ie *forfait.InputError
				if !errors.As(e, &ie) && !errors.Is(e, window.ErrInvalid) {
					t.Fatalf("untyped error %v", e)
				}
			}
			return
		}
		want := referenceForfait(&rs, req)
		if !ratEq(got.Amount, want.amount) || !ratEq(got.Advance, want.advance) || !got.Advance.Add(got.Balance).Equal(got.Amount) {
			t.Fatalf("Compute(%+v) = %+v; reference amount %s advance %s", req, got, want.amount.RatString(), want.advance.RatString())
		}
	})
}

// FuzzParse: ParseCategory and ParseDomain accept exactly their String
// forms and return typed errors otherwise.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"A", "D", "E", "DS1", "DS3", "ds2", "", "DS1\x00", "DS1+CRO", "DS2+CRO", "+CRO"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, err := forfait.ParseVariant(s); err == nil {
			if !v.IsValid() || v.String() != s {
				t.Fatalf("ParseVariant(%q) = %v", s, v)
			}
		} else if !errors.Is(err, forfait.ErrInvalidDomain) && !errors.Is(err, forfait.ErrBonusNotDS1) {
			t.Fatalf("ParseVariant(%q): untyped error %v", s, err)
		}
		if c, err := forfait.ParseCategory(s); err == nil {
			if c.String() != s {
				t.Fatalf("ParseCategory(%q) = %v", s, c)
			}
		} else if !errors.Is(err, forfait.ErrInvalidCategory) {
			t.Fatalf("ParseCategory(%q): untyped error %v", s, err)
		}
		if d, err := forfait.ParseDomain(s); err == nil {
			if d.String() != s {
				t.Fatalf("ParseDomain(%q) = %v", s, d)
			}
		} else if !errors.Is(err, forfait.ErrInvalidDomain) {
			t.Fatalf("ParseDomain(%q): untyped error %v", s, err)
		}
	})
}
