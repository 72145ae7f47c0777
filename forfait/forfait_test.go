package forfait_test

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func instruction(t testing.TB) *forfait.RuleSet {
	t.Helper()
	rs := forfait.Instruction2021()
	if err := rs.Validate(); err != nil {
		t.Fatalf("Instruction2021().Validate() = %v", err)
	}
	return &rs
}

// TestBandEdges checks the base amounts at every threshold of Annexe 3 §3
// (INT-01) and at the category-D ceiling (INT-02). Expected values are
// worked out by hand from the annex table, shown in each case's comment.
func TestBandEdges(t *testing.T) {
	rs := instruction(t)
	const ceiling = "500000"
	tests := []struct {
		name     string
		combined string
		cat      forfait.Category
		ds1, ds2 string // base amounts, 1 € unit
	}{
		// 18000 + 6999.5 × 6000/7000 = 23999.57; 6500 + 6999.5 × 6500/7000 = 12999.54
		{"A top", "6999.5", forfait.A, "24000", "13000"},
		{"B bottom", "7000", forfait.B, "24000", "13000"},
		// 24000 + 15499.5 × 24000/15500 = 47999.23; 13000 + 15499.5 × 13000/15500 = 25999.58
		{"B top", "22499.5", forfait.B, "47999", "26000"},
		{"C bottom", "22500", forfait.C, "48000", "26000"},
		// 48000 + 207499.5 × 102000/207500 = 149999.75; 26000 + 207499.5 × 26000/207500 = 51999.94
		{"C top", "229999.5", forfait.C, "150000", "52000"},
		{"D bottom", "230000", forfait.D, "150000", "52000"},
		// 150000 + 135000 × 170000/270000 = 235000; 52000 + 135000 × 28000/270000 = 66000
		{"D middle", "365000", forfait.D, "235000", "66000"},
		{"D ceiling", ceiling, forfait.D, "320000", "80000"},
		{"zero activity", "0", forfait.A, "18000", "6500"},
		// 6500 + 7 × 6500/7000 = 6506.5, a tie that rounds away from zero
		{"DS2 tie at 7", "7", forfait.A, "18006", "6507"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct {
				domain forfait.Domain
				want   string
			}{{forfait.DS1, tt.ds1}, {forfait.DS2, tt.ds2}, {forfait.DS3, tt.ds2}} {
				got, err := rs.Compute(forfait.Request{Combined: d(tt.combined), NationalMax: d(ceiling), Variant: forfait.Variant{Domain: c.domain}, Window: window.W1})
				if err != nil {
					t.Fatalf("%s: Compute: %v", c.domain, err)
				}
				if got.Category != tt.cat || !got.Base.Equal(d(c.want)) || !got.Amount.Equal(d(c.want)) {
					t.Errorf("%s: category %s base %s forfait %s, want %s and %s", c.domain, got.Category, got.Base, got.Amount, tt.cat, c.want)
				}
			}
		})
	}
}

// TestWorkedExample checks Annexe 3 §4 to the euro, with the annex's base
// unit of 1 000 € (INT-03).
func TestWorkedExample(t *testing.T) {
	rs := instruction(t)
	rs.Rounding.BaseUnit = d("1000")
	combined := d("127800")
	tests := []struct {
		req  forfait.Request
		want forfait.Forfait
	}{
		{
			forfait.Request{Combined: combined, Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W1},
			forfait.Forfait{Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W1, Category: forfait.C, Combined: combined,
				Base: d("100000"), Amount: d("110000"), Advance: d("33000"), Balance: d("77000")},
		},
		{
			forfait.Request{Combined: combined, Variant: forfait.Variant{Domain: forfait.DS2}, Window: window.W4},
			forfait.Forfait{Variant: forfait.Variant{Domain: forfait.DS2}, Window: window.W4, Category: forfait.C, Combined: combined,
				Base: d("39000"), Amount: d("31200"), Advance: d("9360"), Balance: d("21840")},
		},
		{
			forfait.Request{Combined: combined, Variant: forfait.Variant{Domain: forfait.DS3}, Window: window.W2},
			forfait.Forfait{Variant: forfait.Variant{Domain: forfait.DS3}, Window: window.W2, Category: forfait.C, Combined: combined,
				Base: d("39000"), Amount: d("35100"), Advance: d("10530"), Balance: d("24570")},
		},
	}
	total := decimal.Zero
	for _, tt := range tests {
		got, err := rs.Compute(tt.req)
		if err != nil {
			t.Fatalf("Compute(%+v): %v", tt.req, err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Compute(%s) (-want +got):\n%s", tt.req.Variant, diff)
		}
		total = total.Add(got.Amount)
	}
	if !total.Equal(d("176300")) {
		t.Errorf("total = %s, want 176300 (the annex's \"176 K€\")", total)
	}
}

func TestComputeErrors(t *testing.T) {
	rs := instruction(t)
	ok := forfait.Request{Combined: d("127800"), Variant: forfait.Variant{Domain: forfait.DS1}, Window: window.W1}
	with := func(f func(*forfait.Request)) forfait.Request { r := ok; f(&r); return r }
	tests := []struct {
		name     string
		req      forfait.Request
		wantErrs []error
	}{
		{"negative activity", with(func(r *forfait.Request) { r.Combined = d("-0.5") }), []error{forfait.ErrInvalidActivity}},
		{"absurd exponent", with(func(r *forfait.Request) { r.Combined = decimal.New(1, 1<<30) }), []error{forfait.ErrInvalidActivity}},
		{"no domain", with(func(r *forfait.Request) { r.Variant.Domain = 0 }), []error{forfait.ErrInvalidDomain}},
		{"domain 4", with(func(r *forfait.Request) { r.Variant.Domain = 4 }), []error{forfait.ErrInvalidDomain}},
		{"no window", with(func(r *forfait.Request) { r.Window = 0 }), []error{window.ErrInvalid}},
		{"window 5", with(func(r *forfait.Request) { r.Window = 5 }), []error{window.ErrInvalid}},
		{"CRO on DS2", with(func(r *forfait.Request) { r.Variant = forfait.Variant{Domain: forfait.DS2, CRO: true} }), []error{forfait.ErrBonusNotDS1}},
		{"CRO on DS3", with(func(r *forfait.Request) { r.Variant = forfait.Variant{Domain: forfait.DS3, CRO: true} }), []error{forfait.ErrBonusNotDS1}},
		{"D without ceiling", with(func(r *forfait.Request) { r.Combined = d("230000") }), []error{forfait.ErrNationalMax}},
		{"D ceiling at threshold", with(func(r *forfait.Request) { r.Combined, r.NationalMax = d("230000"), d("230000") }), []error{forfait.ErrNationalMax}},
		{"activity above ceiling", with(func(r *forfait.Request) { r.NationalMax = d("100000") }), []error{forfait.ErrNationalMax}},
		{"negative ceiling", with(func(r *forfait.Request) { r.NationalMax = d("-1") }), []error{forfait.ErrNationalMax}},
		{"all at once", forfait.Request{Combined: d("300000"), Variant: forfait.Variant{Domain: forfait.DS3, CRO: true}, Window: 9},
			[]error{forfait.ErrBonusNotDS1, window.ErrInvalid, forfait.ErrNationalMax}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := rs.Compute(tt.req)
			if err == nil {
				t.Fatalf("Compute = %+v, want errors %v", got, tt.wantErrs)
			}
			for _, want := range tt.wantErrs {
				if !errors.Is(err, want) {
					t.Errorf("error %v does not wrap %v", err, want)
				}
			}
			var ie *forfait.InputError
			if !errors.As(err, &ie) || ie.Field == "" {
				t.Errorf("error %v is not an *InputError naming its field", err)
			}
			if _, err2 := rs.Explain(tt.req); err2 == nil {
				t.Errorf("Explain accepted what Compute refused")
			}
		})
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		amend  func(*forfait.RuleSet)
		fields []string // the fields named by the errors, in order
	}{
		{"default", func(*forfait.RuleSet) {}, nil},
		{"negative weight", func(rs *forfait.RuleSet) { rs.Weights[forfait.SSRDays].Factor = d("-0.5") }, []string{"weights.ssr_days"}},
		{"first band not at 0", func(rs *forfait.RuleSet) { rs.Bands[0].Lower = d("1") }, []string{"bands[A].lower"}},
		{"overlapping bands", func(rs *forfait.RuleSet) { rs.Bands[2].Lower = d("7000") }, []string{"bands[C].lower"}},
		{"decreasing within band", func(rs *forfait.RuleSet) { rs.Bands[1].Amounts[1].Max = d("12000") },
			[]string{"bands[B].amounts[DS2].max", "bands[C].amounts[DS2].min"}},
		{"jump between bands", func(rs *forfait.RuleSet) { rs.Bands[3].Amounts[0].Min = d("151000") }, []string{"bands[D].amounts[DS1].min"}},
		{"negative amount", func(rs *forfait.RuleSet) { rs.Bands[0].Amounts[2].Min = d("-1") }, []string{"bands[A].amounts[DS3].min"}},
		{"bonus above 1", func(rs *forfait.RuleSet) { rs.CROBonus.Value = d("1.1") }, []string{"cro_bonus"}},
		{"negative advance", func(rs *forfait.RuleSet) { rs.Advance.Value = d("-0.3") }, []string{"advance"}},
		{"zero unit", func(rs *forfait.RuleSet) { rs.Rounding.ForfaitUnit = decimal.Zero }, []string{"rounding.forfait_unit"}},
		{"several at once", func(rs *forfait.RuleSet) { rs.Weights[0].Factor = d("-1"); rs.Rounding.BaseUnit = d("-1") },
			[]string{"weights.mco_days", "rounding.base_unit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := forfait.Instruction2021()
			tt.amend(&rs)
			err := rs.Validate()
			var got []string
			for _, e := range forfait.Problems(err) {
				var ie *forfait.InputError
				if !errors.As(e, &ie) || !errors.Is(e, forfait.ErrInvalidRuleSet) {
					t.Errorf("error %v is not an *InputError wrapping ErrInvalidRuleSet", e)
					continue
				}
				got = append(got, ie.Field)
			}
			if diff := cmp.Diff(tt.fields, got); diff != "" {
				t.Errorf("Validate fields (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidateWindows(t *testing.T) {
	rs := forfait.Instruction2021()
	rs.Windows[2].Factor = d("0.95") // above window 2's 0.90
	err := rs.Validate()
	if !errors.Is(err, forfait.ErrInvalidRuleSet) || !errors.Is(err, window.ErrInvalidSchedule) {
		t.Fatalf("Validate = %v, want ErrInvalidRuleSet and window.ErrInvalidSchedule", err)
	}
}

// TestUnvalidatedRuleSet: the methods never panic on a rule set nobody
// validated; they report it.
func TestUnvalidatedRuleSet(t *testing.T) {
	req := forfait.Request{Combined: d("5000"), Variant: forfait.Variant{Domain: forfait.DS1}, Window: window.W1}
	for name, amend := range map[string]func(*forfait.RuleSet){
		"zero base unit":    func(rs *forfait.RuleSet) { rs.Rounding.BaseUnit = decimal.Zero },
		"equal thresholds":  func(rs *forfait.RuleSet) { rs.Bands[1].Lower = decimal.Zero },
		"huge exponent":     func(rs *forfait.RuleSet) { rs.CROBonus.Value = decimal.New(1, 1<<30) },
		"zero advance unit": func(rs *forfait.RuleSet) { rs.Rounding.AdvanceUnit = decimal.Zero },
	} {
		rs := forfait.Instruction2021()
		amend(&rs)
		if _, err := rs.Compute(req); !errors.Is(err, forfait.ErrInvalidRuleSet) {
			t.Errorf("%s: Compute error = %v, want ErrInvalidRuleSet", name, err)
		}
		if _, _, err := rs.Split(d("100")); name != "equal thresholds" /* Split uses no band */ && !errors.Is(err, forfait.ErrInvalidRuleSet) {
			t.Errorf("%s: Split error = %v, want ErrInvalidRuleSet", name, err)
		}
	}
}

func TestCombinedActivity(t *testing.T) {
	rs := instruction(t)
	a := forfait.Activity{MCODays: 100_000, MCOSessions: 10_001, AmbulatorySurgeryStays: 3_000, DayHospitalStays: 2_000,
		SSRDays: 20_000, PSYDays: 1_000, HADDays: 500, USLDDays: 1}
	// 100000 + 5000.5 + 4500 + 2000 + 10000 + 500 + 250 + 0.5
	got, err := rs.CombinedActivity(a)
	if err != nil || !got.Equal(d("122251")) {
		t.Fatalf("CombinedActivity = %s, %v; want 122251", got, err)
	}
	_, err = rs.CombinedActivity(forfait.Activity{MCODays: -1, USLDDays: -2})
	var fields []string
	for _, e := range forfait.Problems(err) {
		var ie *forfait.InputError
		if errors.As(e, &ie) && errors.Is(e, forfait.ErrInvalidActivity) {
			fields = append(fields, ie.Field)
		}
	}
	if diff := cmp.Diff([]string{"mco_days", "usld_days"}, fields); diff != "" {
		t.Errorf("negative counts (-want +got):\n%s", diff)
	}
	if got := forfait.ActivityFromCounts(a.Counts()); got != a {
		t.Errorf("ActivityFromCounts(Counts()) = %+v, want %+v", got, a)
	}
}

func TestSplit(t *testing.T) {
	rs := instruction(t)
	tests := []struct{ amount, advance, balance string }{
		{"110000", "33000", "77000"},
		{"31355", "9407", "21948"}, // 9406.5 rounds away from zero
		{"1", "0", "1"},            // 0.3 rounds to 0
		{"0", "0", "0"},
		{"12345678901234567890123", "3703703670370370367037", "8641975230864197523086"}, // beyond int64
	}
	for _, tt := range tests {
		adv, bal, err := rs.Split(d(tt.amount))
		if err != nil || !adv.Equal(d(tt.advance)) || !bal.Equal(d(tt.balance)) {
			t.Errorf("Split(%s) = %s, %s, %v; want %s, %s", tt.amount, adv, bal, err, tt.advance, tt.balance)
		}
	}
}

func TestParse(t *testing.T) {
	for _, s := range []string{"", "a", "E", "AB", " A", "A ", "ds1", "DS4", "DS", "DS1 "} {
		if got, err := forfait.ParseCategory(s); !errors.Is(err, forfait.ErrInvalidCategory) {
			t.Errorf("ParseCategory(%q) = %v, %v; want ErrInvalidCategory", s, got, err)
		}
		if got, err := forfait.ParseDomain(s); !errors.Is(err, forfait.ErrInvalidDomain) {
			t.Errorf("ParseDomain(%q) = %v, %v; want ErrInvalidDomain", s, got, err)
		}
	}
	for _, c := range []forfait.Category{forfait.A, forfait.B, forfait.C, forfait.D} {
		if got, err := forfait.ParseCategory(c.String()); err != nil || got != c {
			t.Errorf("ParseCategory(%q) = %v, %v", c.String(), got, err)
		}
	}
	for _, bad := range []forfait.Category{5, 255} {
		if _, err := bad.MarshalText(); !errors.Is(err, forfait.ErrInvalidCategory) {
			t.Errorf("Category(%d).MarshalText error = %v", bad, err)
		}
	}
	for _, bad := range []forfait.Domain{4} {
		if _, err := bad.MarshalText(); !errors.Is(err, forfait.ErrInvalidDomain) || bad.Label() != bad.String() {
			t.Errorf("Domain(%d): MarshalText error = %v, label %q", bad, err, bad.Label())
		}
	}
}

func TestForfaitJSON(t *testing.T) {
	rs := instruction(t)
	f, err := rs.Compute(forfait.Request{Combined: d("127800.5"), Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W3})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	// 48000 + 105300.5 × 102000/207500 = 99762.17 → 99762; × 1.1 = 109738.2;
	// × 0.85 = 93277.47 → 93277; 30 % = 27983.1 → 27983; 93277 − 27983 = 65294.
	const want = `{"combined_activity":"127800.5","category":"C","domain":"DS1","cro":true,"window":"3","base":"99762","forfait":"93277","advance":"27983","balance":"65294"}`
	if string(data) != want {
		t.Errorf("Marshal =\n%s\nwant\n%s", data, want)
	}
	var back forfait.Forfait
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatalf("Unmarshal(%s): %v", data, err)
	}
	if diff := cmp.Diff(f, back); diff != "" {
		t.Errorf("JSON round trip (-want +got):\n%s", diff)
	}
	for _, bad := range []string{`{"base":"x"}`, `{"domain":"DS9"}`, `{"window":"0"}`, `[`} {
		if err := json.Unmarshal([]byte(bad), &back); err == nil {
			t.Errorf("Unmarshal(%s) accepted", bad)
		}
	}
}

func TestFormat(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"0", "0"}, {"176300", "176300"}, {"1.50", "1.5"}, {"-0.30", "-0.3"}, {"1e3", "1000"}, {"0.000", "0"}, {"-0.0", "0"},
		{"12345678901234567890.1200", "12345678901234567890.12"},
	} {
		if got := forfait.Format(d(tt.in)); got != tt.want {
			t.Errorf("Format(%s) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAppendFormat(t *testing.T) {
	for _, in := range []string{"0", "176300", "1e3", "12e16", "1e18", "999999999999999999", "-42", "1.5", "-0.30", "123456789012345678901",
		"0.05", "-0.05", "127800.5", "1.000000000000000001", "99999999999999999.9", "-123.4560", "1e-19", "5e-18", "1234567890123456789", "12.00"} {
		if got, want := string(forfait.AppendFormat([]byte("x"), d(in))), "x"+forfait.Format(d(in)); got != want {
			t.Errorf("AppendFormat(%s) = %q, want %q", in, got, want)
		}
	}
}

// ratText renders c × 10^e through big.Rat, independently of Format: plain
// notation, no trailing fractional zeros.
func ratText(c int64, e int32) string {
	r := new(big.Rat).SetInt64(c)
	p := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(max(e, -e))), nil))
	if e >= 0 {
		return r.Mul(r, p).FloatString(0)
	}
	s := r.Quo(r, p).FloatString(int(-e))
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}

// TestAppendFormatDigits: amounts and cents print as the big.Rat rendering
// at every number of digits and every exponent the int64 path serves.
func TestAppendFormatDigits(t *testing.T) {
	edges := []int64{math.MinInt64, math.MaxInt64}
	for p := int64(1); p <= 1e18; p *= 10 { // every number of digits, and its ends
		edges = append(edges, p-1, p, p+1, -p)
	}
	rapid.Check(t, func(t *rapid.T) {
		c := rapid.OneOf(rapid.Int64(), rapid.Int64Range(-1000, 1000), rapid.SampledFrom(edges)).Draw(t, "coefficient")
		e := int32(rapid.IntRange(-18, 18).Draw(t, "exponent"))
		if got, want := string(forfait.AppendFormat([]byte("x"), decimal.New(c, e))), "x"+ratText(c, e); got != want {
			t.Fatalf("AppendFormat(%de%d) = %q, want %q", c, e, got, want)
		}
		if got, want := string(forfait.Cents(c).AppendFormat(nil)), ratText(c, -2); got != want {
			t.Fatalf("Cents(%d).AppendFormat = %q, want %q", c, got, want)
		}
	})
}

// TestDiff: two rule sets (base unit 1 € and 1 000 €) and two variants
// (CRO or not); steps on one side only are reported with no delta.
func TestDiff(t *testing.T) {
	a1 := instruction(t)
	a1000 := forfait.Instruction2021()
	a1000.Rounding.BaseUnit = d("1000")
	req := forfait.Request{Combined: d("127800"), Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W1}
	x, _ := a1.Explain(req)
	y, _ := a1000.Explain(req)
	type row struct {
		Name, Delta string
		Both        bool
	}
	var got []row
	for _, s := range forfait.Diff(x, y) {
		got = append(got, row{s.Name, forfait.Format(s.Delta), s.A != nil && s.B != nil})
	}
	// 99 762 → 100 000 (+238); × 1.1: +261.8; forfait +262; advance 33 000 − 32 921 = +79; balance +183.
	want := []row{{"base.rounded", "238", true}, {"bonus", "261.8", true}, {"window_factor", "261.8", true},
		{"forfait", "262", true}, {"advance", "79", true}, {"balance", "183", true}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rule-set diff (-want +got):\n%s", diff)
	}
	req.Variant.CRO = false
	z, _ := a1.Explain(req)
	diffs := forfait.Diff(x, z)
	var bonus *forfait.StepDiff
	for i := range diffs {
		if diffs[i].Name == "bonus" {
			bonus = &diffs[i]
		}
	}
	if bonus == nil || bonus.B != nil || bonus.HasDelta {
		t.Errorf("the bonus step exists on one side only: %+v", bonus)
	}
	if len(forfait.Diff(x, x)) != 0 || forfait.FormatDiff(nil) != "  no difference\n" {
		t.Error("a derivation differs from itself")
	}
	if s := forfait.FormatDiff(forfait.Diff(z, x)); !strings.Contains(s, "bonus") || !strings.Contains(s, "(none) → 109738.2") {
		t.Errorf("FormatDiff:\n%s", s)
	}
}

// TestEdgesOfValidity pins the edges of validity: zero is a
// valid weight, minimum and share; exponents of ±1000 are accepted, not
// beyond; the first threshold's problem is named as such; an invalid
// activity field prints safely.
func TestEdgesOfValidity(t *testing.T) {
	rs := forfait.Instruction2021()
	rs.Weights[forfait.USLDDays].Factor = decimal.Zero
	rs.Bands[0].Amounts[forfait.DS2.Index()].Min = decimal.Zero
	rs.CROBonus.Value, rs.Advance.Value = decimal.Zero, decimal.Zero
	if err := rs.Validate(); err != nil {
		t.Errorf("zeros are valid: %v", err)
	}
	base := instruction(t)
	for exp, ok := range map[int32]bool{-1000: true, 1000: false /* category D without ceiling */, -1001: false} {
		_, err := base.Compute(forfait.Request{Combined: decimal.New(1, exp), Variant: forfait.Variant{Domain: forfait.DS1}, Window: window.W1})
		if (err == nil) != ok || !ok && exp == -1001 && !errors.Is(err, forfait.ErrInvalidActivity) {
			t.Errorf("exponent %d: %v", exp, err)
		}
	}
	if _, err := base.Compute(forfait.Request{Combined: d("1"), NationalMax: decimal.New(1, 1000), Variant: forfait.Variant{Domain: forfait.DS1}, Window: window.W1}); err != nil {
		t.Errorf("ceiling 1e1000: %v", err)
	}
	first := forfait.Instruction2021()
	first.Bands[0].Lower = d("1")
	_, err := first.Compute(forfait.Request{Combined: d("5000"), Variant: forfait.Variant{Domain: forfait.DS1}, Window: window.W1})
	var ie *forfait.InputError
	if !errors.As(err, &ie) || ie.Field != "bands[A].lower" || ie.Reason.English != "the first band must start at 0" {
		t.Errorf("first threshold: %v", err)
	}
	if s := forfait.ActivityField(8).String(); s != "invalid activity field 8" {
		t.Errorf("ActivityField(8) = %q", s)
	}
}

// TestFormatDiffSourcesOnly: steps that differ only in their citation show
// a zero delta and both citations.
func TestFormatDiffSourcesOnly(t *testing.T) {
	a := instruction(t)
	b := forfait.Instruction2021()
	b.CROBonus.Source = "amended §5"
	req := forfait.Request{Combined: d("127800"), Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W1}
	x, _ := a.Explain(req)
	y, _ := b.Explain(req)
	if got := forfait.FormatDiff(forfait.Diff(x, y)); got != "  bonus  109738.2 → 109738.2  (+0)  [§5; Annexe 3 §3 → amended §5]\n" {
		t.Errorf("FormatDiff = %q", got)
	}
}

// TestWorkedExampleRequests: the exported worked example is the annex's
// (Annexe 3 §4: DS1 + CRO in window 1, DS2 in window 4, DS3 in window 2, 127 800).
func TestWorkedExampleRequests(t *testing.T) {
	want := []forfait.Request{
		{Combined: d("127800"), Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W1},
		{Combined: d("127800"), Variant: forfait.Variant{Domain: forfait.DS2}, Window: window.W4},
		{Combined: d("127800"), Variant: forfait.Variant{Domain: forfait.DS3}, Window: window.W2},
	}
	if diff := cmp.Diff(want, forfait.WorkedExample(), cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("WorkedExample (-want +got):\n%s", diff)
	}
}

// TestCompile: an invalid rule set is refused with every problem; a
// compiled one is a copy that later amendments do not reach.
func TestCompile(t *testing.T) {
	bad := forfait.Instruction2021()
	bad.CROBonus.Value, bad.Rounding.BaseUnit = d("2"), decimal.Zero
	if _, err := bad.Compile(); len(forfait.Problems(err)) != 2 || !errors.Is(err, forfait.ErrInvalidRuleSet) {
		t.Errorf("Compile of an invalid rule set: %v", err)
	}
	rs := forfait.Instruction2021()
	c, err := rs.Compile()
	if err != nil {
		t.Fatal(err)
	}
	rs.Windows[0].Factor = d("0.5")
	req := forfait.Request{Combined: d("127800"), Variant: forfait.Variant{Domain: forfait.DS2}, Window: window.W1}
	if f, err := c.Compute(req); err != nil || !f.Amount.Equal(d("39194")) {
		t.Errorf("after amending the source: %v, %v; want 39194", f.Amount, err)
	}
	if a, err := c.ComputeCents(req); err != nil || a.Amount != 3919400 || a.Advance+a.Balance != a.Amount || a.Category != forfait.C {
		t.Errorf("ComputeCents = %+v, %v", a, err)
	}
	if got := c.RuleSet(); !got.Windows[0].Factor.Equal(d("1")) {
		t.Errorf("RuleSet() factor %s, want 1", got.Windows[0].Factor)
	}
}

// TestLastBandDerivation: category D includes its upper end, the national
// maximum (INT-02), and its derivation says so; the others exclude theirs.
func TestLastBandDerivation(t *testing.T) {
	rs := forfait.Instruction2021()
	for _, tt := range []struct {
		name, combined, want string
	}{
		{"the largest establishment", "4805000", "230000 ≤ 4805000 ≤ 4805000: category D"},
		{"category C", "127800", "22500 ≤ 127800 < 230000: category C"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, err := rs.Explain(forfait.Request{Combined: d(tt.combined), NationalMax: d("4805000"), Variant: forfait.Variant{Domain: forfait.DS2}, Window: window.W1})
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range d.Steps {
				if s.Name == "category" && s.Formula != tt.want {
					t.Errorf("category step %q, want %q", s.Formula, tt.want)
				}
			}
		})
	}
}
