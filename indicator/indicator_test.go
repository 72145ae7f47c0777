package indicator_test

import (
	"encoding/json"
	"errors"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func counts(t testing.TB, n, den int64) indicator.Rate {
	t.Helper()
	r, err := indicator.FromCounts(n, den)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestInstruction2021 compares the targets with the Annexe 1 table,
// transcribed here.
func TestInstruction2021(t *testing.T) {
	annex := map[string][4]string{
		"DS1.1": {"49", "59", "64", "69"}, "DS1.2": {"40", "48", "59", "63"}, "DS1.3": {"49", "59", "64", "69"},
		"DS2.1": {"45", "54", "59", "63"}, "DS3.1": {"45", "54", "59", "63"},
	}
	tg := indicator.Instruction2021()
	if err := tg.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, id := range indicator.IDs() {
		for _, w := range window.All() {
			if got, want := tg.Target(id, w), d(annex[id.String()][w.Index()]); !got.Equal(want) {
				t.Errorf("%s window %s: %s, want %s", id, w, got, want)
			}
		}
	}
}

func TestDescribe(t *testing.T) {
	domains := map[indicator.ID]forfait.Domain{indicator.DS11: forfait.DS1, indicator.DS12: forfait.DS1, indicator.DS13: forfait.DS1,
		indicator.DS21: forfait.DS2, indicator.DS31: forfait.DS3}
	for _, id := range indicator.IDs() {
		in := indicator.Describe(id)
		if in.ID != id || in.Domain != domains[id] || in.Bonus != (id == indicator.DS13) || !in.QualifiedINS || in.Label == "" || in.Source == "" || in.Format == "" {
			t.Errorf("Describe(%s) = %+v", id, in)
		}
		got, err := indicator.ParseID(id.String())
		text, _ := id.MarshalText()
		var back indicator.ID
		if err != nil || got != id || back.UnmarshalText(text) != nil || back != id {
			t.Errorf("%s: parse/text round trip failed (%v)", id, err)
		}
	}
	if indicator.Describe(indicator.DS21).Format != "CDA R2 niveau 3 (structuré)" {
		t.Error("DS2.1 must require structured CDA R2 level 3 reports (Annexe 1)")
	}
	for _, s := range []string{"", "DS1", "DS1.4", "ds1.1", "DS 1.1"} {
		if _, err := indicator.ParseID(s); !errors.Is(err, indicator.ErrInvalidID) {
			t.Errorf("ParseID(%q) error = %v", s, err)
		}
	}
	if _, err := indicator.ID(6).MarshalText(); !errors.Is(err, indicator.ErrInvalidID) {
		t.Error("ID(6).MarshalText accepted")
	}
	for _, c := range []struct {
		d    forfait.Domain
		cro  bool
		want []indicator.ID
	}{
		{forfait.DS1, false, []indicator.ID{indicator.DS11, indicator.DS12}},
		{forfait.DS1, true, []indicator.ID{indicator.DS11, indicator.DS12, indicator.DS13}},
		{forfait.DS2, false, []indicator.ID{indicator.DS21}},
		{forfait.DS3, false, []indicator.ID{indicator.DS31}},
		{0, false, nil},
	} {
		if diff := cmp.Diff(c.want, indicator.For(forfait.Variant{Domain: c.d, CRO: c.cro})); diff != "" {
			t.Errorf("For(%s, %v) (-want +got):\n%s", c.d, c.cro, diff)
		}
	}
}

func TestRates(t *testing.T) {
	tests := []struct {
		name      string
		rate      func() (indicator.Rate, error)
		wantErr   bool
		str       string
		target    string
		reaches   bool
		shortfall int64
		counted   bool
	}{
		{"exactly at target", func() (indicator.Rate, error) { return indicator.FromCounts(49, 100) }, false, "49/100 (49 %)", "49", true, 0, true},
		{"one stay short", func() (indicator.Rate, error) { return indicator.FromCounts(489, 1000) }, false, "489/1000 (48.9 %)", "49", false, 1, true},
		// 49 % of 333 = 163.17: 164 stays needed; 163/333 = 48.948…
		{"fractional need", func() (indicator.Rate, error) { return indicator.FromCounts(163, 333) }, false, "163/333 (48.95 %)", "49", false, 1, true},
		{"all", func() (indicator.Rate, error) { return indicator.FromCounts(7, 7) }, false, "7/7 (100 %)", "69", true, 0, true},
		{"none", func() (indicator.Rate, error) { return indicator.FromCounts(0, 9) }, false, "0/9 (0 %)", "40", false, 4, true},
		{"declared", func() (indicator.Rate, error) { return indicator.ParsePercent("48,99 %") }, false, "48.99 %", "49", false, 0, false},
		{"declared at target", func() (indicator.Rate, error) { return indicator.ParsePercent("49%") }, false, "49 %", "49", true, 0, false},
		{"declared nbsp", func() (indicator.Rate, error) { return indicator.ParsePercent("63\u00a0%") }, false, "63 %", "63", true, 0, false},
		{"zero denominator", func() (indicator.Rate, error) { return indicator.FromCounts(0, 0) }, true, "", "", false, 0, false},
		{"negative numerator", func() (indicator.Rate, error) { return indicator.FromCounts(-1, 10) }, true, "", "", false, 0, false},
		{"numerator above denominator", func() (indicator.Rate, error) { return indicator.FromCounts(11, 10) }, true, "", "", false, 0, false},
		{"above 100", func() (indicator.Rate, error) { return indicator.ParsePercent("100.01") }, true, "", "", false, 0, false},
		{"negative percent", func() (indicator.Rate, error) { return indicator.ParsePercent("-1") }, true, "", "", false, 0, false},
		{"not a number", func() (indicator.Rate, error) { return indicator.ParsePercent("quarante") }, true, "", "", false, 0, false},
		{"exponent", func() (indicator.Rate, error) { return indicator.ParsePercent("4e1") }, true, "", "", false, 0, false},
		{"too precise", func() (indicator.Rate, error) { return indicator.FromPercent(decimal.New(1, -30)) }, true, "", "", false, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.rate()
			if tt.wantErr {
				var fe *forfait.InputError
				if !errors.Is(err, indicator.ErrInvalidRate) || !errors.As(err, &fe) {
					t.Fatalf("error = %v, want a *forfait.InputError wrapping ErrInvalidRate", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			short, counted := r.Shortfall(d(tt.target))
			if r.String() != tt.str || r.Reaches(d(tt.target)) != tt.reaches || short != tt.shortfall || counted != tt.counted {
				t.Errorf("%s: reaches %s = %v, shortfall %d (%v); want %q %v %d", r, tt.target, r.Reaches(d(tt.target)), short, counted, tt.str, tt.reaches, tt.shortfall)
			}
			data, err := json.Marshal(r)
			var back indicator.Rate
			if err != nil || json.Unmarshal(data, &back) != nil || !back.Equal(r) {
				t.Errorf("JSON round trip of %s via %s gave %s", r, data, back)
			}
		})
	}
	// INT-07 edges: a zero denominator is one problem, not two; 0 % and a
	// 24-character percentage are valid; 20 decimal places are, 21 are not.
	if _, err := indicator.FromCounts(5, 0); len(forfait.Problems(err)) != 1 {
		t.Errorf("FromCounts(5, 0): %v", err)
	}
	for _, ok := range []string{"0", "0000000000000000000049.5"} {
		if _, err := indicator.ParsePercent(ok); err != nil {
			t.Errorf("ParsePercent(%q): %v", ok, err)
		}
	}
	if _, err := indicator.FromPercent(decimal.New(1, -20)); err != nil {
		t.Errorf("20 places: %v", err)
	}
	if _, err := indicator.FromPercent(decimal.New(1, -21)); !errors.Is(err, indicator.ErrInvalidRate) {
		t.Errorf("21 places: %v", err)
	}
	declared, _ := indicator.ParsePercent("50")
	if _, _, ok := declared.Counts(); ok {
		t.Error("a declared rate has counts")
	}
	if n, den, ok := counts(t, 1, 2).Counts(); !ok || n != 1 || den != 2 {
		t.Error("counts lost")
	}
	for _, bad := range []string{`{}`, `{"percent":"50","numerator":1,"denominator":2}`, `{"numerator":3,"denominator":2}`, `{"percent":"101"}`, `{"numerator":1}`} {
		var r indicator.Rate
		if err := json.Unmarshal([]byte(bad), &r); !errors.Is(err, indicator.ErrInvalidRate) {
			t.Errorf("Unmarshal(%s) error = %v", bad, err)
		}
	}
}

func TestEvaluate(t *testing.T) {
	tg := indicator.Instruction2021()
	rates := map[indicator.ID]indicator.Rate{
		indicator.DS11: counts(t, 640, 1000), // 64 %
		indicator.DS12: counts(t, 590, 1000), // 59 %
		indicator.DS13: counts(t, 630, 1000), // 63 %
		indicator.DS21: counts(t, 59, 100),
		indicator.DS31: counts(t, 58, 100),
	}
	tests := []struct {
		d                   forfait.Domain
		cro                 bool
		w                   window.Window
		reached, croReached bool
		margins             []string
		shortfalls          []int64
	}{
		{forfait.DS1, true, window.W3, true, false, []string{"0", "0", "-1"}, []int64{0, 0, 10}}, // CRO missed: INT-06
		{forfait.DS1, true, window.W2, true, true, []string{"5", "11", "4"}, []int64{0, 0, 0}},
		{forfait.DS1, false, window.W4, false, false, []string{"-5", "-4"}, []int64{50, 40}},
		{forfait.DS2, false, window.W3, true, false, []string{"0"}, []int64{0}},
		{forfait.DS3, false, window.W3, false, false, []string{"-1"}, []int64{1}},
	}
	for _, tt := range tests {
		o, err := tg.Evaluate(forfait.Variant{Domain: tt.d, CRO: tt.cro}, tt.w, rates)
		if err != nil {
			t.Fatal(err)
		}
		var margins []string
		var shortfalls []int64
		for _, r := range o.Results {
			margins = append(margins, forfait.Format(r.Margin))
			shortfalls = append(shortfalls, r.Shortfall)
		}
		if o.Reached != tt.reached || o.CROReached != tt.croReached || !cmp.Equal(margins, tt.margins) || !cmp.Equal(shortfalls, tt.shortfalls) {
			t.Errorf("%s cro=%v w%s: reached %v, CRO %v, margins %v, shortfalls %v; want %v %v %v %v",
				tt.d, tt.cro, tt.w, o.Reached, o.CROReached, margins, shortfalls, tt.reached, tt.croReached, tt.margins, tt.shortfalls)
		}
		data, err := json.Marshal(o)
		var back indicator.Outcome
		if err != nil || json.Unmarshal(data, &back) != nil || !cmp.Equal(o, back) {
			t.Errorf("Outcome JSON round trip failed: %s", data)
		}
	}
	_, err := tg.Evaluate(forfait.Variant{Domain: forfait.DS2, CRO: true}, window.Window(7), nil)
	for _, want := range []error{forfait.ErrBonusNotDS1, window.ErrInvalid} {
		if !errors.Is(err, want) {
			t.Errorf("error %v does not wrap %v", err, want)
		}
	}
	_, err = tg.Evaluate(forfait.Variant{Domain: forfait.DS1, CRO: true}, window.W1, map[indicator.ID]indicator.Rate{indicator.DS12: counts(t, 1, 2)})
	if got := len(forfait.Problems(err)); got != 2 || !errors.Is(err, indicator.ErrMissingRate) {
		t.Errorf("missing DS1.1 and DS1.3: %v", err)
	}
	if _, err := tg.Evaluate(forfait.Variant{Domain: 0, CRO: false}, window.W1, nil); !errors.Is(err, forfait.ErrInvalidDomain) {
		t.Errorf("domain 0: %v", err)
	}
	// The bounds are targets too: 0 % is reached by no document at all, 100 %
	// by every stay and not by one fewer.
	edge := tg
	edge.Percent[indicator.DS21.Index()] = [4]decimal.Decimal{d("0"), d("0"), d("100"), d("100")}
	for _, c := range []struct {
		w       window.Window
		rate    indicator.Rate
		reached bool
	}{{window.W1, counts(t, 0, 10), true}, {window.W3, counts(t, 10, 10), true}, {window.W3, counts(t, 9, 10), false}} {
		o, err := edge.Evaluate(forfait.Variant{Domain: forfait.DS2}, c.w, map[indicator.ID]indicator.Rate{indicator.DS21: c.rate})
		if err != nil || o.Reached != c.reached {
			t.Errorf("target %s, rate %s: reached %v, %v; want %v", edge.Target(indicator.DS21, c.w), c.rate, o.Reached, err, c.reached)
		}
	}
	bad := tg
	bad.Percent[indicator.DS21.Index()][0] = d("101")
	if _, err := bad.Evaluate(forfait.Variant{Domain: forfait.DS2, CRO: false}, window.W1, rates); !errors.Is(err, indicator.ErrInvalidTargets) {
		t.Errorf("target 101: %v", err)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		amend  func(*indicator.Targets)
		fields []string
	}{
		{"above 100", func(t *indicator.Targets) { t.Percent[0][3] = d("100.5") }, []string{"targets[DS1.1][window 4]"}},
		{"negative", func(t *indicator.Targets) { t.Percent[1][0] = d("-1") }, []string{"targets[DS1.2][window 1]"}},
		{"decreasing", func(t *indicator.Targets) { t.Percent[4][2] = d("50") }, []string{"targets[DS3.1][window 3]"}},
		{"decreasing last", func(t *indicator.Targets) { t.Percent[2][3] = d("60") }, []string{"targets[DS1.3][window 4]"}},
		{"absurd", func(t *indicator.Targets) { t.Percent[3][1] = decimal.New(5, -1<<30) }, []string{"targets[DS2.1][window 2]"}},
		{"bounds included", func(t *indicator.Targets) { t.Percent[0] = [4]decimal.Decimal{d("0"), d("0"), d("100"), d("100")} }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tg := indicator.Instruction2021()
			tt.amend(&tg)
			if tt.name == "decreasing last" && (!strings.Contains(tg.Validate().Error(), "below window 3's 64") ||
				!slices.Contains(codec.Messages(tg.Validate(), codec.French), "Cibles d'usage › DS1.3 › fenêtre 4 : « 60 » n'est pas une cible d'usage valide (inférieure à la cible de la fenêtre 3, 64\u00a0%)")) {
				t.Errorf("message: %v; in French %q", tg.Validate(), codec.Messages(tg.Validate(), codec.French))
			}
			var got []string
			for _, e := range forfait.Problems(tg.Validate()) {
				var fe *forfait.InputError
				if !errors.As(e, &fe) || !errors.Is(e, indicator.ErrInvalidTargets) {
					t.Fatalf("%s: %v is not a *forfait.InputError wrapping ErrInvalidTargets", tt.name, e)
				}
				got = append(got, fe.Field)
			}
			if diff := cmp.Diff(tt.fields, got); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

// checkReachesMatchesRat: the target check agrees with a big.Rat
// comparison of numerator/denominator with target/100 (INT-07), and the
// shortfall is the least number of stays that reaches it.
func checkReachesMatchesRat(t *rapid.T) {
	den := rapid.Int64Range(1, 1<<40).Draw(t, "denominator")
	num := rapid.Int64Range(0, den).Draw(t, "numerator")
	target := decimal.New(rapid.Int64Range(0, 10000).Draw(t, "target_bp"), -2)
	r, err := indicator.FromCounts(num, den)
	if err != nil {
		t.Fatal(err)
	}
	want := big.NewRat(num, den).Cmp(new(big.Rat).Quo(target.Rat(), big.NewRat(100, 1))) >= 0
	if r.Reaches(target) != want {
		t.Fatalf("%s reaches %s = %v, big.Rat says %v", r, target, !want, want)
	}
	k, _ := r.Shortfall(target)
	after, _ := indicator.FromCounts(num+k, den)
	if !after.Reaches(target) || k > 0 && func() bool { b, _ := indicator.FromCounts(num+k-1, den); return b.Reaches(target) }() {
		t.Fatalf("%s: shortfall %d to %s is not the least", r, k, target)
	}
}

// checkTargetsNonDecreasing: the default targets never decrease over
// windows (Annexe 1).
func checkTargetsNonDecreasing(t *rapid.T) {
	tg := indicator.Instruction2021()
	ids := indicator.IDs()
	id := rapid.SampledFrom(ids[:]).Draw(t, "indicator")
	a := window.Window(rapid.IntRange(1, window.Count).Draw(t, "a"))
	b := window.Window(rapid.IntRange(int(a), window.Count).Draw(t, "b"))
	if tg.Target(id, a).GreaterThan(tg.Target(id, b)) {
		t.Fatalf("%s: window %s target %s above window %s's %s", id, a, tg.Target(id, a), b, tg.Target(id, b))
	}
}

func TestProperties(t *testing.T) {
	rapid.Check(t, checkReachesMatchesRat)
	rapid.Check(t, checkTargetsNonDecreasing)
}

func FuzzReachesMatchesRat(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkReachesMatchesRat)) }

// FuzzParsePercent: never a panic; an accepted percentage is in [0, 100]
// and round-trips through JSON; a rejection is typed.
func FuzzParsePercent(f *testing.F) {
	for _, s := range []string{"49", "49,5 %", "100", "0.000", "1e2", "-0", "", "%", "9999999999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := indicator.ParsePercent(s)
		if err != nil {
			if !errors.Is(err, indicator.ErrInvalidRate) {
				t.Fatalf("ParsePercent(%q): untyped error %v", s, err)
			}
			return
		}
		if p := r.Percent(); p.Sign() < 0 || p.GreaterThan(d("100")) {
			t.Fatalf("ParsePercent(%q) = %s", s, p)
		}
		data, _ := json.Marshal(r)
		var back indicator.Rate
		if err := json.Unmarshal(data, &back); err != nil || !back.Equal(r) {
			t.Fatalf("round trip of %q via %s: %v", s, data, err)
		}
	})
}

// FuzzRateJSON: arbitrary JSON never panics and yields a valid rate or a
// typed error.
func FuzzRateJSON(f *testing.F) {
	for _, s := range []string{`{"numerator":1,"denominator":2}`, `{"percent":"49,5"}`, `{"numerator":-1,"denominator":0}`, `null`, `[]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var r indicator.Rate
		if err := json.Unmarshal(data, &r); err != nil {
			return
		}
		if n, den, ok := r.Counts(); ok && (n < 0 || n > den) {
			t.Fatalf("Unmarshal(%s) accepted %d/%d", data, n, den)
		}
	})
}

// TestUndeclaredRate: the zero Rate is a rate never declared (INT-11): it
// is not a 0 % that misses the target, but a missing rate, and it
// round-trips as JSON null.
func TestUndeclaredRate(t *testing.T) {
	var zero indicator.Rate
	if zero.IsValid() || zero.String() != "missing" {
		t.Errorf("zero Rate: valid %v, prints %q", zero.IsValid(), zero.String())
	}
	declared, err := indicator.FromPercent(decimal.Zero)
	if err != nil || !declared.IsValid() || declared.Equal(zero) {
		t.Fatalf("a declared 0 %% is valid and differs from the zero Rate: %v, %v", declared, err)
	}
	tg := indicator.Instruction2021()
	ds2 := forfait.Variant{Domain: forfait.DS2}
	if _, err := tg.Evaluate(ds2, window.W1, map[indicator.ID]indicator.Rate{indicator.DS21: zero}); !errors.Is(err, indicator.ErrMissingRate) {
		t.Errorf("Evaluate with an undeclared rate: error = %v, want ErrMissingRate", err)
	}
	o, err := tg.Evaluate(ds2, window.W1, map[indicator.ID]indicator.Rate{indicator.DS21: declared})
	if err != nil || o.Reached {
		t.Errorf("Evaluate with a declared 0 %%: %+v, %v; want a miss", o, err)
	}
	data, err := json.Marshal(zero)
	if err != nil || string(data) != "null" {
		t.Fatalf("Marshal(zero Rate) = %s, %v", data, err)
	}
	back := declared
	if err := json.Unmarshal(data, &back); err != nil || !back.Equal(zero) {
		t.Errorf("Unmarshal(null) = %v, %v", back, err)
	}
}

// TestOutcomeEqual checks that outcomes compare their rates and margins by
// value (Equal, and cmp.Equal which uses it) and differ in any field.
func TestOutcomeEqual(t *testing.T) {
	ds1 := forfait.Variant{Domain: forfait.DS1}
	mk := func(margin string) indicator.Outcome {
		return indicator.Outcome{Variant: ds1, Window: window.W1, Reached: true,
			Results: []indicator.Result{{ID: indicator.DS11, Target: d("50"), Reached: true, Margin: d(margin)}}}
	}
	if a, b := mk("2.5"), mk("2.50"); !a.Equal(b) || !cmp.Equal(a, b) {
		t.Errorf("outcomes differing only in the exponent of a margin differ:\n%s", cmp.Diff(a, b))
	}
	a := mk("2.5")
	for name, change := range map[string]func(*indicator.Outcome){
		"variant":     func(o *indicator.Outcome) { o.Variant.CRO = true },
		"window":      func(o *indicator.Outcome) { o.Window = window.W2 },
		"reached":     func(o *indicator.Outcome) { o.Reached = false },
		"cro reached": func(o *indicator.Outcome) { o.CROReached = true },
		"margin":      func(o *indicator.Outcome) { o.Results[0].Margin = d("2.51") },
		"results":     func(o *indicator.Outcome) { o.Results = nil },
	} {
		b := mk("2.5")
		change(&b)
		if a.Equal(b) || cmp.Equal(a, b) {
			t.Errorf("outcomes with another %s are Equal", name)
		}
	}
}
