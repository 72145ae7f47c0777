package codec_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
)

func TestFormat(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		name       string
		lang       codec.Lang
		in         decimal.Decimal
		num, money string
	}{
		{"annex base fr", codec.French, d("99761.92771"), "99\u202f761,927\u202f71", "99\u202f761,927\u202f71\u00a0€"},
		{"cents fr", codec.French, d("99761.93"), "99\u202f761,93", "99\u202f761,93\u00a0€"},
		{"thousands fr", codec.French, d("7000"), "7\u202f000", "7\u202f000\u00a0€"},
		{"small fr", codec.French, d("999"), "999", "999\u00a0€"},
		{"negative fr", codec.French, d("-1234.50"), "-1\u202f234,5", "-1\u202f234,5\u00a0€"},
		{"zero fr", codec.French, d("0.000"), "0", "0\u00a0€"},
		{"unset is French", 0, d("1234"), "1\u202f234", "1\u202f234\u00a0€"},
		{"annex base en", codec.English, d("99761.92771"), "99761.92771", "99761.92771 €"},
		{"thousands en", codec.English, d("7000"), "7000", "7000 €"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.lang.Number(tt.in); got != tt.num {
				t.Errorf("Number(%s) = %q, want %q", tt.in, got, tt.num)
			}
			if got := tt.lang.Money(tt.in); got != tt.money {
				t.Errorf("Money(%s) = %q, want %q", tt.in, got, tt.money)
			}
		})
	}
	if got := codec.French.Percent(d("0.3")); got != "30\u00a0%" {
		t.Errorf("Percent(0.3) = %q", got)
	}
	if got := codec.English.Percent(d("0.125")); got != "12.5 %" {
		t.Errorf("Percent(0.125) = %q", got)
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		day    time.Time
		fr, en string
	}{
		{time.Date(2021, 9, 15, 0, 0, 0, 0, time.UTC), "15 septembre 2021", "2021-09-15"},
		{time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC), "1er mars 2022", "2022-03-01"},
		{time.Date(2023, 8, 31, 0, 0, 0, 0, time.UTC), "31 août 2023", "2023-08-31"},
	}
	for _, tt := range tests {
		if got := codec.French.Date(tt.day); got != tt.fr {
			t.Errorf("French.Date(%v) = %q, want %q", tt.day, got, tt.fr)
		}
		if got := codec.English.Date(tt.day); got != tt.en {
			t.Errorf("English.Date(%v) = %q, want %q", tt.day, got, tt.en)
		}
	}
}

// parseFrench reads a number as French writes it, independently of the
// formatter: a sign, digits in groups of three separated by U+202F, a
// comma, then groups of three.
func parseFrench(t *rapid.T, s string) decimal.Decimal {
	sign := ""
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		sign, s = "-", rest
	}
	whole, frac, hasFrac := strings.Cut(s, ",")
	groups := strings.Split(whole, "\u202f")
	for i, g := range groups {
		if len(g) == 0 || len(g) > 3 || i > 0 && len(g) != 3 || len(groups) > 1 && i == 0 && g[0] == '0' {
			t.Fatalf("%q: integer group %q", s, g)
		}
	}
	text := sign + strings.Join(groups, "")
	if hasFrac {
		fgroups := strings.Split(frac, "\u202f")
		for i, g := range fgroups {
			if len(g) == 0 || len(g) > 3 || i < len(fgroups)-1 && len(g) != 3 {
				t.Fatalf("%q: fraction group %q", s, g)
			}
		}
		text += "." + strings.Join(fgroups, "")
	}
	d, err := decimal.NewFromString(text)
	if err != nil {
		t.Fatalf("%q is not a French number: %v", s, err)
	}
	return d
}

// checkFormatExact: a number or an amount written the French way reads
// back as the exact value, with nothing rounded, no trailing fractional
// zero, and no character beside digits, the separators, the sign and
// "€"; the English text is forfait.Format's.
func checkFormatExact(t *rapid.T) {
	d := decimal.New(rapid.Int64().Draw(t, "coefficient"), int32(rapid.IntRange(-30, 12).Draw(t, "exponent")))
	fr := codec.French.Number(d)
	if got := parseFrench(t, fr); !got.Equal(d) {
		t.Fatalf("French.Number(%s) = %q, reads back as %s", d, fr, got)
	}
	if strings.HasSuffix(fr, "0") && strings.Contains(fr, ",") {
		t.Fatalf("French.Number(%s) = %q: trailing zero", d, fr)
	}
	money := codec.French.Money(d)
	amount, ok := strings.CutSuffix(money, "\u00a0€")
	if !ok || parseFrench(t, amount).Cmp(d) != 0 {
		t.Fatalf("French.Money(%s) = %q", d, money)
	}
	if en := codec.English.Number(d); en != forfait.Format(d) {
		t.Fatalf("English.Number(%s) = %q, Format gives %q", d, en, forfait.Format(d))
	}
}

func TestFormatExact(t *testing.T) { rapid.Check(t, checkFormatExact) }

func FuzzFormatExact(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkFormatExact)) }

func TestFieldLabels(t *testing.T) {
	for _, name := range codec.FieldLabels() {
		l, _ := codec.FieldLabel(name)
		codectest.Check(t, name, l)
	}
}

var errCount = codec.NewSentinel("test: not a count", "n'est pas un nombre entier")

func TestProblems(t *testing.T) {
	type doc struct {
		Requests []struct {
			Combined decimal.Decimal `json:"combined_activity"`
			Days     int64           `json:"mco_days"`
		} `json:"requests"`
	}
	var v doc
	err := codec.DecodeJSON([]byte(`{"requests": [{"combined_activity": "127 800", "mco_days": "100 000 x"}], "extra": 1}`), &v, errCount)
	want := []string{
		"Demande n° 1 › Activité combinée 2019 : « 127 800 » n'est pas un nombre en notation simple (par exemple « 127800 » ou « 12.5 »)",
		"Demande n° 1 › Journées MCO : « 100 000 x » n'est pas un nombre entier",
		"Extra : champ inconnu",
	}
	got := codec.Messages(err, codec.French)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("French problems (-want +got):\n%s", diff)
	}
	if en := codec.Messages(err, codec.English); len(en) != 3 || !strings.Contains(en[1], "requests[0].mco_days") {
		t.Errorf("English problems: %q", en)
	}
	field := &codec.InputError{Field: "mco_days", Value: `"100 000 x"`, Err: errCount}
	if got := codec.Messages(errors.Join(field, errCount), codec.French); !cmp.Equal(got, []string{
		"Journées MCO : « 100 000 x » n'est pas un nombre entier", "N'est pas un nombre entier"}) {
		t.Errorf("got %q", got)
	}
	for _, w := range want {
		if e := codectest.EnglishWords(w); len(e) > 0 {
			t.Errorf("%q holds English words %q", w, e)
		}
	}
}

// TestProblemsStrict: what the strict decoder refuses (a key given twice,
// a null, an absent figure, a number beyond the bound) reads in French
// without English words.
func TestProblemsStrict(t *testing.T) {
	type request struct {
		Combined decimal.Decimal `json:"combined_activity"`
		Days     int64           `json:"mco_days" codec:"required"`
		Window   string          `json:"window"`
	}
	var v struct {
		Requests []request `json:"requests"`
	}
	err := codec.DecodeJSON([]byte(`{"requests": [{"combined_activity": "1234567890123", "window": "1", "window": "2"}, {"combined_activity": null, "mco_days": 1}]}`), &v, errCount)
	want := []string{
		"Demande n° 1 › Activité combinée 2019 : « 1234567890123 » dépasse la borne : au plus 12 chiffres avant la virgule",
		"Demande n° 1 › Journées MCO : obligatoire (un chiffre absent n'est pas zéro)",
		"Demande n° 1 › Fenêtre de financement : « 2 » est donné deux fois : chaque champ ne se donne qu'une fois",
		"Demande n° 2 › Activité combinée 2019 : « null » n'est pas une valeur (null) : donnez-en une, ou omettez le champ s'il est facultatif",
	}
	got := codec.Messages(err, codec.French)
	slices.Sort(want)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("French problems (-want +got):\n%s", diff)
	}
	for _, p := range got {
		if w := codectest.EnglishWords(p); len(w) > 0 {
			t.Errorf("%q holds English words %q", p, w)
		}
	}
}
