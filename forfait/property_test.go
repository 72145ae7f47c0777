package forfait_test

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/forfaittest"
	"github.com/sunes-spec/sunes/window"
)

// The forfait's invariants, each a rapid check over generated requests.
// Activities are drawn in half days (the finest grain of Annexe 3 §1's
// weights), half of them within a few days of a band threshold.

// halves draws a multiple of 0.5 in [lo, hi] (in half days).
func halves(t *rapid.T, label string, lo, hi int64) decimal.Decimal {
	return decimal.New(rapid.Int64Range(lo, hi).Draw(t, label), 0).Mul(decimal.New(5, -1))
}

// genCombined draws a combined activity, near a threshold half the time
// (forfaittest.Combined).
func genCombined(t *rapid.T, rs *forfait.RuleSet) decimal.Decimal {
	return forfaittest.Combined(rs).Draw(t, "combined")
}

// genNationalMax draws a national maximum above both combined and category
// D's threshold (INT-02).
func genNationalMax(t *rapid.T, rs *forfait.RuleSet, combined decimal.Decimal) decimal.Decimal {
	floor := decimal.Max(combined, rs.Bands[forfait.NumCategories-1].Lower.Add(decimal.New(5, -1)))
	return floor.Add(halves(t, "ceiling_above", 0, 1_000_000))
}

var (
	domains   = forfait.Domains()
	windows   = window.All()
	genDomain = rapid.SampledFrom(domains[:])
	genWindow = rapid.SampledFrom(windows[:])
)

// genRequest draws a valid request for rs (forfaittest.Request): below
// category D, half the time with no national maximum.
func genRequest(t *rapid.T, rs *forfait.RuleSet) forfait.Request {
	return forfaittest.Request(rs).Draw(t, "request")
}

// genRuleSet draws an amended rule set (forfaittest.RuleSet): amounts
// scaled per domain, thresholds moved, factors, bonus, advance share and
// rounding units changed as a later instruction could.
func genRuleSet(t *rapid.T) *forfait.RuleSet {
	rs := forfaittest.RuleSet().Draw(t, "rules")
	return &rs
}

func mustCompute(t *rapid.T, rs *forfait.RuleSet, req forfait.Request) forfait.Forfait {
	f, err := rs.Compute(req)
	if err != nil {
		t.Fatalf("Compute(%+v): %v", req, err)
	}
	return f
}

func ratEq(d decimal.Decimal, r *big.Rat) bool { return d.Rat().Cmp(r) == 0 }

// checkMatchesReference: Compute agrees with the big.Rat reference on every
// field, and Explain agrees with Compute.
func checkMatchesReference(t *rapid.T) {
	rs := genRuleSet(t)
	req := genRequest(t, rs)
	got := mustCompute(t, rs, req)
	want := referenceForfait(rs, req)
	if got.Category != want.category || !ratEq(got.Base, want.base) || !ratEq(got.Amount, want.amount) ||
		!ratEq(got.Advance, want.advance) || !ratEq(got.Balance, want.balance) {
		t.Fatalf("Compute(%+v) = %+v; reference %s %s %s %s %s", req, got, want.category,
			want.base.RatString(), want.amount.RatString(), want.advance.RatString(), want.balance.RatString())
	}
	d, err := rs.Explain(req)
	if err != nil || !d.Forfait.Equal(got) {
		t.Fatalf("Explain(%+v) = %+v, %v; Compute = %+v", req, d.Forfait, err, got)
	}
}

// checkCompiledMatchesReference: a compiled rule set computes what the
// big.Rat reference computes, as decimals and, when every amount is whole
// cents, as cents; requests the fast path cannot take (invalid ones
// included) give the rule set's own answer and errors.
func checkCompiledMatchesReference(t *rapid.T) {
	rs := genRuleSet(t)
	c, err := rs.Compile()
	if err != nil {
		t.Fatal(err)
	}
	req := genRequest(t, rs)
	if rapid.IntRange(0, 9).Draw(t, "invalid") == 0 {
		req.Variant.CRO, req.Variant.Domain = true, forfait.Domain(rapid.IntRange(0, 4).Draw(t, "domain"))
	}
	got, gotErr := c.Compute(req)
	want, wantErr := rs.Compute(req)
	if (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() || !got.Equal(want) {
		t.Fatalf("Compiled.Compute(%+v) = %+v, %v; RuleSet.Compute = %+v, %v", req, got, gotErr, want, wantErr)
	}
	cents, centsErr := c.ComputeCents(req)
	if wantErr != nil {
		if centsErr == nil || centsErr.Error() != wantErr.Error() {
			t.Fatalf("ComputeCents(%+v) = %+v, %v; Compute's error %v", req, cents, centsErr, wantErr)
		}
		return
	}
	ref := referenceForfait(rs, req)
	if !ratEq(got.Amount, ref.amount) || !ratEq(got.Advance, ref.advance) || !ratEq(got.Base, ref.base) {
		t.Fatalf("Compiled.Compute(%+v) = %+v; reference %s", req, got, ref.amount.RatString())
	}
	hundred := big.NewRat(100, 1)
	whole := func(r *big.Rat) bool { return new(big.Rat).Mul(r, hundred).IsInt() }
	ok := whole(ref.base) && whole(ref.amount) && whole(ref.advance)
	if ok && centsErr != nil || !ok && !errors.Is(centsErr, forfait.ErrNotCents) {
		t.Fatalf("ComputeCents(%+v): %v, for base %s", req, centsErr, ref.base.RatString())
	}
	if ok {
		checkCents(t, req, cents, ref)
	}
	var table forfait.Table
	switch err := c.ComputeTable(forfait.CombinedOf(req.Combined), forfait.NationalMaxOf(req.NationalMax), &table); {
	case errors.Is(err, forfait.ErrNotCents):
		return // some variant of the table is not whole cents: Compute serves it
	case err != nil:
		t.Fatalf("ComputeTable(%+v): %v", req, err)
	}
	for k, v := range forfait.Variants() {
		if v != req.Variant {
			continue
		}
		if got := table[k][req.Window.Index()]; !ok || got != cents {
			t.Fatalf("ComputeTable[%s][%s] = %+v; ComputeCents = %+v, %v", v, req.Window, got, cents, centsErr)
		}
	}
}

// checkCents checks cents against the big.Rat reference.
func checkCents(t *rapid.T, req forfait.Request, cents forfait.Amounts, ref reference) {
	hundred := big.NewRat(100, 1)
	for _, p := range [...]struct {
		got  forfait.Cents
		want *big.Rat
	}{{cents.Base, ref.base}, {cents.Amount, ref.amount}, {cents.Advance, ref.advance}, {cents.Balance, ref.balance}} {
		if new(big.Rat).SetInt64(int64(p.got)).Cmp(new(big.Rat).Mul(p.want, hundred)) != 0 {
			t.Fatalf("ComputeCents(%+v) = %+v; reference %s", req, cents, p.want.RatString())
		}
	}
	if cents.Category != ref.category {
		t.Fatalf("ComputeCents category %s, reference %s", cents.Category, ref.category)
	}
}

// checkHugeMatchesReference forces the arbitrary-precision path: activities
// and ceilings far beyond int64 still agree with the reference.
func checkHugeMatchesReference(t *rapid.T) {
	rs := genRuleSet(t)
	scale := int32(rapid.IntRange(12, 40).Draw(t, "scale"))
	c := decimal.New(rapid.Int64Range(1, 1<<62).Draw(t, "combined"), scale)
	req := forfait.Request{
		Combined: c, NationalMax: c.Add(decimal.New(rapid.Int64Range(0, 1<<62).Draw(t, "above"), scale)),
		Variant: forfait.Variant{Domain: forfait.DS1, CRO: rapid.Bool().Draw(t, "cro")}, Window: genWindow.Draw(t, "window"),
	}
	got := mustCompute(t, rs, req)
	want := referenceForfait(rs, req)
	if !ratEq(got.Amount, want.amount) || !ratEq(got.Advance, want.advance) {
		t.Fatalf("Compute(%+v) = %+v; reference amount %s advance %s", req, got, want.amount.RatString(), want.advance.RatString())
	}
	// The compiled rules fall back to the exact path, and give its amounts
	// in cents when they are whole cents.
	compiled, err := rs.Compile()
	if err != nil {
		t.Fatal(err)
	}
	cents, err := compiled.ComputeCents(req)
	if errors.Is(err, forfait.ErrNotCents) {
		return
	}
	if err != nil {
		t.Fatalf("ComputeCents(%+v): %v", req, err)
	}
	checkCents(t, req, cents, want)
	var table forfait.Table
	if err := compiled.ComputeTable(forfait.CombinedOf(req.Combined), forfait.NationalMaxOf(req.NationalMax), &table); err != nil && !errors.Is(err, forfait.ErrNotCents) {
		t.Fatalf("ComputeTable(%+v): %v", req, err)
	} else if err == nil {
		variants := forfait.Variants()
		if got := table[slices.Index(variants[:], req.Variant)][req.Window.Index()]; got != cents {
			t.Fatalf("ComputeTable(%+v) = %+v; ComputeCents = %+v", req, got, cents)
		}
	}
}

// checkBaseMonotone: the base is non-decreasing in activity, per domain
// (Annexe 3 §3: amounts grow with activity; INT-01).
func checkBaseMonotone(t *rapid.T) {
	rs := genRuleSet(t)
	a, b := genCombined(t, rs), genCombined(t, rs)
	if a.GreaterThan(b) {
		a, b = b, a
	}
	ceiling := genNationalMax(t, rs, b)
	dom := genDomain.Draw(t, "domain")
	fa := mustCompute(t, rs, forfait.Request{Combined: a, NationalMax: ceiling, Variant: forfait.Variant{Domain: dom}, Window: window.W1})
	fb := mustCompute(t, rs, forfait.Request{Combined: b, NationalMax: ceiling, Variant: forfait.Variant{Domain: dom}, Window: window.W1})
	if fa.Base.GreaterThan(fb.Base) {
		t.Fatalf("%s: base(%s) = %s > base(%s) = %s", dom, a, fa.Base, b, fb.Base)
	}
}

// checkContinuousAtThresholds: just below a threshold T, the base is within
// slope × ε + one base unit of the base at T, where slope is the lower
// band's (max − min)/(upper − lower) (Annexe 3 §3: the maximum of a category
// is the minimum of the next).
func checkContinuousAtThresholds(t *rapid.T) {
	rs := genRuleSet(t)
	i := rapid.IntRange(1, forfait.NumCategories-1).Draw(t, "threshold")
	dom := genDomain.Draw(t, "domain")
	T := rs.Bands[i].Lower
	eps := halves(t, "epsilon", 1, 4)
	ceiling := T.Add(decimal.New(100_000, 0))
	below := mustCompute(t, rs, forfait.Request{Combined: T.Sub(eps), NationalMax: ceiling, Variant: forfait.Variant{Domain: dom}, Window: window.W1})
	at := mustCompute(t, rs, forfait.Request{Combined: T, NationalMax: ceiling, Variant: forfait.Variant{Domain: dom}, Window: window.W1})
	r := rs.Bands[i-1].Amounts[dom.Index()]
	slope := new(big.Rat).Quo(r.Max.Sub(r.Min).Rat(), T.Sub(rs.Bands[i-1].Lower).Rat())
	bound := new(big.Rat).Add(new(big.Rat).Mul(slope, eps.Rat()), rs.Rounding.BaseUnit.Rat())
	gap := at.Base.Sub(below.Base).Abs().Rat()
	if gap.Cmp(bound) > 0 {
		t.Fatalf("%s at %s: base jumps from %s to %s, more than %s", dom, T, below.Base, at.Base, bound.FloatString(2))
	}
}

// checkWithinCategory: the base stays within its category's min and max,
// each rounded to the base unit (Annexe 3 §3, INT-03).
func checkWithinCategory(t *rapid.T) {
	rs := genRuleSet(t)
	req := genRequest(t, rs)
	f := mustCompute(t, rs, req)
	r := rs.Bands[f.Category.Index()].Amounts[req.Variant.Domain.Index()]
	unit := rs.Rounding.BaseUnit.Rat()
	lo, hi := ratRound(r.Min.Rat(), unit), ratRound(r.Max.Rat(), unit)
	if b := f.Base.Rat(); b.Cmp(lo) < 0 || b.Cmp(hi) > 0 {
		t.Fatalf("%+v: base %s outside [%s, %s]", req, f.Base, lo.RatString(), hi.RatString())
	}
}

// checkSplit: advance + balance = forfait and advance = round(30 %)
// (§5, INT-04), for Compute and for Split on any non-negative amount.
func checkSplit(t *rapid.T) {
	rs := genRuleSet(t)
	f := mustCompute(t, rs, genRequest(t, rs))
	amount := decimal.New(rapid.Int64Range(0, 1<<40).Draw(t, "cents"), -2)
	adv, bal, err := rs.Split(amount)
	if err != nil {
		t.Fatalf("Split(%s): %v", amount, err)
	}
	for _, s := range []struct{ amount, advance, balance decimal.Decimal }{
		{f.Amount, f.Advance, f.Balance}, {amount, adv, bal},
	} {
		want := ratRound(new(big.Rat).Mul(s.amount.Rat(), rs.Advance.Value.Rat()), rs.Rounding.AdvanceUnit.Rat())
		if !s.advance.Add(s.balance).Equal(s.amount) || !ratEq(s.advance, want) {
			t.Fatalf("split of %s = %s + %s; want advance %s and a sum equal to the amount", s.amount, s.advance, s.balance, want.RatString())
		}
	}
}

// checkCRO: the CRO forfait is round(base × (1 + bonus) × factor), 1.1
// under the instruction, and never below the standard forfait (§5,
// Annexe 3 §3-§4).
func checkCRO(t *rapid.T) {
	rs := genRuleSet(t)
	req := genRequest(t, rs)
	req.Variant = forfait.Variant{Domain: forfait.DS1}
	std := mustCompute(t, rs, req)
	req.Variant.CRO = true
	cro := mustCompute(t, rs, req)
	bonus := new(big.Rat).Add(big.NewRat(1, 1), rs.CROBonus.Value.Rat())
	x := new(big.Rat).Mul(cro.Base.Rat(), bonus)
	x.Mul(x, rs.Windows.Factor(req.Window).Rat())
	if want := ratRound(x, rs.Rounding.ForfaitUnit.Rat()); !ratEq(cro.Amount, want) {
		t.Fatalf("CRO forfait %s, want round(%s × %s × factor) = %s", cro.Amount, cro.Base, bonus.RatString(), want.RatString())
	}
	if cro.Amount.LessThan(std.Amount) || !cro.Base.Equal(std.Base) {
		t.Fatalf("CRO %+v below standard %+v", cro, std)
	}
}

// checkWindowsNonIncreasing: the later the window, the smaller or equal the
// forfait (Annexe 3 §4).
func checkWindowsNonIncreasing(t *rapid.T) {
	rs := genRuleSet(t)
	req := genRequest(t, rs)
	prev := decimal.Zero
	for i, w := range window.All() {
		req.Window = w
		f := mustCompute(t, rs, req)
		if i > 0 && f.Amount.GreaterThan(prev) {
			t.Fatalf("%+v: window %s forfait %s above the previous window's %s", req, w, f.Amount, prev)
		}
		prev = f.Amount
	}
}

func genActivity(t *rapid.T, label string) forfait.Activity {
	var c [forfait.NumActivityFields]int64
	for i := range c {
		c[i] = rapid.Int64Range(0, 1<<61).Draw(t, label)
	}
	return forfait.ActivityFromCounts(c)
}

// checkCombinedAdditive: combined(a + b) = combined(a) + combined(b), and
// combined(a) equals the big.Rat reference (Annexe 3 §1).
func checkCombinedAdditive(t *rapid.T) {
	rs := forfait.Instruction2021()
	a, b := genActivity(t, "a"), genActivity(t, "b")
	ca, errA := rs.CombinedActivity(a)
	cb, errB := rs.CombinedActivity(b)
	var sum [forfait.NumActivityFields]int64
	ac, bc := a.Counts(), b.Counts()
	for i := range sum {
		sum[i] = ac[i] + bc[i] // < 2^62, no overflow
	}
	cs, errS := rs.CombinedActivity(forfait.ActivityFromCounts(sum))
	if err := errors.Join(errA, errB, errS); err != nil {
		t.Fatal(err)
	}
	if !cs.Equal(ca.Add(cb)) || !ratEq(ca, referenceCombined(&rs, a)) {
		t.Fatalf("combined(a+b) = %s, combined(a) + combined(b) = %s, reference(a) = %s",
			cs, ca.Add(cb), referenceCombined(&rs, a).RatString())
	}
}

// checkCompiledCombined: compiled rules combine an activity as the rule set
// does, the same sum and the same errors (Annexe 3 §1), and a Combined
// compares and prints as its decimal, whether it fits the fixed-point
// form or not.
func checkCompiledCombined(t *rapid.T) {
	rs := genRuleSet(t)
	c, err := rs.Compile()
	if err != nil {
		t.Fatal(err)
	}
	var edges []int64 // counts whose weighted values reach 2^63 and 2^64 alone or in pairs
	for _, k := range []int64{1, 2, 5, 10, 15, 20} {
		edges = append(edges, math.MaxInt64/k, math.MaxInt64/k+1, math.MaxInt64/(2*k)+1)
	}
	var counts [forfait.NumActivityFields]int64
	for i := range counts {
		counts[i] = rapid.OneOf(rapid.Int64Range(-2, 400_000), rapid.Int64Range(0, math.MaxInt64), rapid.SampledFrom(edges)).Draw(t, "count")
	}
	a := forfait.ActivityFromCounts(counts)
	got, gotErr := c.Combine(a)
	want, wantErr := rs.CombinedActivity(a)
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || wantErr == nil && (!got.Decimal().Equal(want) || !ratEq(want, referenceCombined(rs, a))) {
		t.Fatalf("Combine(%+v) = %s, %v; RuleSet.CombinedActivity = %s, %v", a, got, gotErr, want, wantErr)
	}
	d := decimal.New(rapid.Int64().Draw(t, "coefficient"), int32(rapid.IntRange(-40, 40).Draw(t, "exponent")))
	x := forfait.CombinedOf(d)
	if !x.Decimal().Equal(d) || x.String() != forfait.Format(d) || string(x.AppendFormat([]byte("#"))) != "#"+forfait.Format(d) {
		t.Fatalf("CombinedOf(%s) = %s, prints %q", d, x.Decimal(), x.String())
	}
	if got.Compare(x) != want.Cmp(d) || x.Compare(got) != d.Cmp(want) || x.Compare(x) != 0 {
		t.Fatalf("Compare(%s, %s) = %d, want %d", want, d, got.Compare(x), want.Cmp(d))
	}
}

func TestProperties(t *testing.T) {
	for name, check := range map[string]func(*rapid.T){
		"matches reference":          checkMatchesReference,
		"huge matches reference":     checkHugeMatchesReference,
		"base monotone":              checkBaseMonotone,
		"continuous at thresholds":   checkContinuousAtThresholds,
		"within category":            checkWithinCategory,
		"split":                      checkSplit,
		"CRO":                        checkCRO,
		"windows non-increasing":     checkWindowsNonIncreasing,
		"combined additive":          checkCombinedAdditive,
		"compiled matches reference": checkCompiledMatchesReference,
		"compiled combined":          checkCompiledCombined,
	} {
		t.Run(name, func(t *testing.T) { rapid.Check(t, check) })
	}
}

// The same properties as fuzz targets (go test -fuzz), driving rapid's
// generators from the fuzzer's bytes.
func FuzzMatchesReference(f *testing.F)       { f.Fuzz(rapid.MakeFuzz(checkMatchesReference)) }
func FuzzHugeMatchesReference(f *testing.F)   { f.Fuzz(rapid.MakeFuzz(checkHugeMatchesReference)) }
func FuzzBaseMonotone(f *testing.F)           { f.Fuzz(rapid.MakeFuzz(checkBaseMonotone)) }
func FuzzContinuousAtThresholds(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkContinuousAtThresholds)) }
func FuzzWithinCategory(f *testing.F)         { f.Fuzz(rapid.MakeFuzz(checkWithinCategory)) }
func FuzzSplit(f *testing.F)                  { f.Fuzz(rapid.MakeFuzz(checkSplit)) }
func FuzzCRO(f *testing.F)                    { f.Fuzz(rapid.MakeFuzz(checkCRO)) }
func FuzzWindowsNonIncreasing(f *testing.F)   { f.Fuzz(rapid.MakeFuzz(checkWindowsNonIncreasing)) }
func FuzzCombinedAdditive(f *testing.F)       { f.Fuzz(rapid.MakeFuzz(checkCombinedAdditive)) }
func FuzzCompiledCombined(f *testing.F)       { f.Fuzz(rapid.MakeFuzz(checkCompiledCombined)) }
func FuzzCompiledMatchesReference(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(checkCompiledMatchesReference))
}
