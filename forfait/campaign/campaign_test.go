package campaign_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/campaign"
	"github.com/sunes-spec/sunes/forfait/instruction"
)

const header = "finess,region,mco_days,mco_sessions,ambulatory_surgery_stays,day_hospital_stays,ssr_days,psy_days,had_days,usld_days\n"

// annexRow is an establishment whose combined activity is the 127 800 of
// Annexe 3 §4: 100 000 + 20 000 × 0.5 + 5 000 × 1.5 + 20 600 × 0.5.
const annexRow = "750712184,Ile-de-France,100000,20000,5000,0,20600,0,0,0\n"

// annexRows are its 16 records with the default 1 € base unit, computed by
// hand (exact base 99 761.93 → 99 762 and 39 194.22 → 39 194; then × 1.1
// and × the window factor, rounded; advance = round(30 %)).
const annexRows = `750712184,Ile-de-France,127800,C,DS1,false,1,99762,99762,29929,69833
750712184,Ile-de-France,127800,C,DS1,false,2,99762,89786,26936,62850
750712184,Ile-de-France,127800,C,DS1,false,3,99762,84798,25439,59359
750712184,Ile-de-France,127800,C,DS1,false,4,99762,79810,23943,55867
750712184,Ile-de-France,127800,C,DS1,true,1,99762,109738,32921,76817
750712184,Ile-de-France,127800,C,DS1,true,2,99762,98764,29629,69135
750712184,Ile-de-France,127800,C,DS1,true,3,99762,93277,27983,65294
750712184,Ile-de-France,127800,C,DS1,true,4,99762,87791,26337,61454
750712184,Ile-de-France,127800,C,DS2,false,1,39194,39194,11758,27436
750712184,Ile-de-France,127800,C,DS2,false,2,39194,35275,10583,24692
750712184,Ile-de-France,127800,C,DS2,false,3,39194,33315,9995,23320
750712184,Ile-de-France,127800,C,DS2,false,4,39194,31355,9407,21948
750712184,Ile-de-France,127800,C,DS3,false,1,39194,39194,11758,27436
750712184,Ile-de-France,127800,C,DS3,false,2,39194,35275,10583,24692
750712184,Ile-de-France,127800,C,DS3,false,3,39194,33315,9995,23320
750712184,Ile-de-France,127800,C,DS3,false,4,39194,31355,9407,21948
`

// outputHeader is the first line of Write's CSV.
const outputHeader = "finess,region,combined_activity,category,domain,cro,window,base,forfait,advance,balance"

// recordsCSV renders records as Write's CSV, independently of Write:
// decimals printed by forfait.Format.
func recordsCSV(recs []campaign.Record) string {
	var b strings.Builder
	b.WriteString(outputHeader + "\n")
	for _, r := range recs {
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s,%t,%s", r.FINESS, r.Region, forfait.Format(r.Combined), r.Category, r.Variant.Domain, r.Variant.CRO, r.Window)
		for _, d := range []decimal.Decimal{r.Base, r.Amount, r.Advance, r.Balance} {
			b.WriteString("," + forfait.Format(d))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func run(t *testing.T, input string, opt campaign.Options) ([]campaign.Record, error) {
	t.Helper()
	ests, err := campaign.Read(strings.NewReader(input))
	if err != nil {
		return nil, err
	}
	rs := instruction.Instruction2021()
	return campaign.Compute(&rs, ests, opt)
}

func TestAnnexEstablishment(t *testing.T) {
	recs, err := run(t, header+annexRow, campaign.Options{NationalMax: decimal.New(500000, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(outputHeader+"\n"+annexRows, recordsCSV(recs)); diff != "" {
		t.Errorf("CSV (-want +got):\n%s", diff)
	}
}

// TestRead: columns in any order, extra columns ignored, a byte-order mark
// skipped, quoted fields read.
func TestRead(t *testing.T) {
	input := "\uFEFFname,usld_days,had_days,psy_days,ssr_days,day_hospital_stays,ambulatory_surgery_stays,mco_sessions,mco_days,region,finess\n" +
		`"Centre, hospitalier",8,7,6,5,4,3,2,1,"Provence-Alpes-Côte d'Azur",2B0000123` + "\n"
	ests, err := campaign.Read(strings.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	want := []campaign.Establishment{{
		Line: 2, FINESS: forfait.MustParseFINESS("2B0000123"), Region: envelope.ProvenceAlpesCoteDAzur,
		Activity: forfait.Activity{MCODays: 1, MCOSessions: 2, AmbulatorySurgeryStays: 3, DayHospitalStays: 4, SSRDays: 5, PSYDays: 6, HADDays: 7, USLDDays: 8},
	}}
	if diff := cmp.Diff(want, ests); diff != "" {
		t.Errorf("Read (-want +got):\n%s", diff)
	}
}

// TestReadAnyReader: an input read through a reader that does not say its
// size, or one byte at a time, gives the establishments a sized one gives.
func TestReadAnyReader(t *testing.T) {
	input := extract(3000)
	want, err := campaign.Read(strings.NewReader(input))
	if err != nil || len(want) != 3000 {
		t.Fatalf("%d establishments, %v", len(want), err)
	}
	for name, r := range map[string]io.Reader{
		"unsized":          struct{ io.Reader }{strings.NewReader(input)},
		"one byte at once": iotest.OneByteReader(strings.NewReader(input)),
	} {
		got, err := campaign.Read(r)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-sized +%s):\n%s", name, name, diff)
		}
	}
}

type located struct {
	Line, Column int
	Field        string
	Is           error
}

func TestReadErrors(t *testing.T) {
	ok := "750712184,Ile-de-France,1,1,1,1,1,1,1,1\n"
	tests := []struct {
		name  string
		input string
		want  []located
	}{
		{"empty file", "", []located{{1, 0, "", campaign.ErrEmpty}}},
		{"header only", header, []located{{2, 0, "", campaign.ErrEmpty}}},
		{"missing columns", "finess,region,mco_days,mco_sessions,ambulatory_surgery_stays,day_hospital_stays,ssr_days,psy_days\n" + ok,
			[]located{{1, 0, "had_days", campaign.ErrMissingColumn}, {1, 0, "usld_days", campaign.ErrMissingColumn}}},
		{"duplicate column", strings.TrimSuffix(header, "\n") + ",region\n" + ok, []located{{1, 11, "region", campaign.ErrDuplicateColumn}}},
		{"negative count", header + "750712184,Ile-de-France,-1,1,1,1,1,1,1,1\n", []located{{2, 3, "mco_days", campaign.ErrInvalidCount}}},
		{"non-integer count", header + "750712184,Ile-de-France,1,1.5,1,1,1,1,1,1\n", []located{{2, 4, "mco_sessions", campaign.ErrInvalidCount}}},
		{"overflowing count", header + "750712184,Ile-de-France,1,1,9223372036854775808,1,1,1,1,1\n",
			[]located{{2, 5, "ambulatory_surgery_stays", campaign.ErrInvalidCount}}},
		{"empty count", header + "750712184,Ile-de-France,1,1,1,,1,1,1,1\n", []located{{2, 6, "day_hospital_stays", campaign.ErrInvalidCount}}},
		{"unknown region", header + "750712184,Paris,1,1,1,1,1,1,1,1\n", []located{{2, 2, "region", envelope.ErrUnknownRegion}}},
		{"malformed FINESS", header + "75071218X,Ile-de-France,1,1,1,1,1,1,1,1\n", []located{{2, 1, "finess", forfait.ErrInvalidFINESS}}},
		{"duplicate FINESS", header + ok + ok, []located{{3, 1, "finess", campaign.ErrDuplicateFINESS}}},
		{"short row", header + "750712184,Ile-de-France,1,1\n", []located{{2, 5, "", campaign.ErrShortRow}}},
		{"bad quote", header + "750712184,\"Ile-de-France,1,1,1,1,1,1,1,1\n", []located{{2, 0, "", campaign.ErrSyntax}}},
		{"every problem at once", header + "7507,Nowhere,-1,1,1,1,1,1,1,x\n" + ok + "750712184,Corse,1\n",
			[]located{
				{2, 1, "finess", forfait.ErrInvalidFINESS}, {2, 2, "region", envelope.ErrUnknownRegion},
				{2, 3, "mco_days", campaign.ErrInvalidCount}, {2, 10, "usld_days", campaign.ErrInvalidCount},
				{4, 4, "", campaign.ErrShortRow},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ests, err := campaign.Read(strings.NewReader(tt.input))
			if ests != nil {
				t.Errorf("Read returned %d establishments beside its errors", len(ests))
			}
			got := locate(t, err)
			for i := range got {
				if i < len(tt.want) && tt.want[i].Column == 0 && tt.want[i].Is == campaign.ErrSyntax {
					got[i].Column = 0 // the byte column of encoding/csv is not ours to fix
				}
			}
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
				t.Errorf("errors (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

// TestDuplicateFINESS: every row whose FINESS an earlier row holds is
// reported, in row order, naming the line of the first, as a map over the
// rows finds them; Corsican and overseas numbers included, and tables from
// nearly empty to two thirds full.
func TestDuplicateFINESS(t *testing.T) {
	pool := []string{"750712184", "2A0000018", "2B0000017", "2A0000019", "971000011", "010000000", "750712185", "020000001"}
	numbered := rapid.Custom(func(t *rapid.T) string {
		return fmt.Sprintf("%02d%07d", rapid.IntRange(1, 19).Draw(t, "department"), rapid.IntRange(0, 30).Draw(t, "number"))
	})
	rapid.Check(t, func(t *rapid.T) {
		rows := rapid.SliceOfN(rapid.OneOf(rapid.SampledFrom(pool), numbered), 1, 40).Draw(t, "rows")
		var in strings.Builder
		in.WriteString(header)
		var want []string
		first := map[string]int{}
		for i, f := range rows {
			fmt.Fprintf(&in, "%s,Bretagne,1,1,1,1,1,1,1,1\n", f)
			if line, dup := first[f]; dup {
				want = append(want, fmt.Sprintf("line %d: %s first on line %d", i+2, f, line))
			} else {
				first[f] = i + 2
			}
		}
		_, err := campaign.Read(strings.NewReader(in.String()))
		var got []string
		for _, e := range forfait.Problems(err) {
			var le *campaign.LineError
			if !errors.As(e, &le) || !errors.Is(e, campaign.ErrDuplicateFINESS) {
				t.Fatalf("unexpected error %v", e)
			}
			var line int
			if _, err := fmt.Sscanf(e.Error()[strings.Index(e.Error(), "(first on line ")+len("(first on line "):], "%d", &line); err != nil {
				t.Fatalf("no first line in %q", e)
			}
			got = append(got, fmt.Sprintf("line %d: %s first on line %d", le.Line, le.Value, line))
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("duplicates (-want +got):\n%s", diff)
		}
	})
}

// locate lists err's *LineError leaves with the sentinel each wraps.
func locate(t *testing.T, err error) []located {
	t.Helper()
	sentinels := []error{campaign.ErrEmpty, campaign.ErrSyntax, campaign.ErrMissingColumn, campaign.ErrDuplicateColumn,
		campaign.ErrShortRow, campaign.ErrInvalidCount, campaign.ErrDuplicateFINESS,
		envelope.ErrUnknownRegion, forfait.ErrInvalidFINESS, forfait.ErrNationalMax, forfait.ErrInvalidRuleSet}
	var out []located
	for _, e := range forfait.Problems(err) {
		var le *campaign.LineError
		if !errors.As(e, &le) {
			t.Errorf("error %v is not a *LineError", e)
			continue
		}
		l := located{Line: le.Line, Column: le.Column, Field: le.Field}
		for _, s := range sentinels {
			if errors.Is(e, s) {
				l.Is = s
				break
			}
		}
		if l.Is == nil {
			t.Errorf("error %v wraps no known sentinel", e)
		}
		out = append(out, l)
	}
	return out
}

// TestNationalMax: by default the ceiling of category D is the largest
// combined activity in the file (INT-02), where D pays its maximum; an
// explicit ceiling below an activity, or a file whose largest activity is
// exactly category D's threshold, is an error on the establishment's line.
func TestNationalMax(t *testing.T) {
	input := header +
		"750712184,Ile-de-France,300000,0,0,0,0,0,0,0\n" + // D at the ceiling: DS1 320000, DS2 80000
		"130000012,Corse,250000,0,0,0,0,0,0,0\n" // 150000 + 20000 × 170000/70000 = 198571.43; 52000 + 20000 × 28000/70000 = 60000
	recs, err := run(t, input, campaign.Options{})
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		finess forfait.FINESS
		domain forfait.Domain
	}
	bases := map[key]string{}
	for _, r := range recs {
		bases[key{r.FINESS, r.Variant.Domain}] = forfait.Format(r.Base)
	}
	want := map[key]string{
		{forfait.MustParseFINESS("750712184"), forfait.DS1}: "320000", {forfait.MustParseFINESS("750712184"), forfait.DS2}: "80000", {forfait.MustParseFINESS("750712184"), forfait.DS3}: "80000",
		{forfait.MustParseFINESS("130000012"), forfait.DS1}: "198571", {forfait.MustParseFINESS("130000012"), forfait.DS2}: "60000", {forfait.MustParseFINESS("130000012"), forfait.DS3}: "60000",
	}
	if diff := cmp.Diff(want, bases, cmp.AllowUnexported(key{})); diff != "" {
		t.Errorf("bases (-want +got):\n%s", diff)
	}

	_, err = run(t, input, campaign.Options{NationalMax: decimal.New(260000, 0)})
	if diff := cmp.Diff([]located{{2, 0, "combined_activity", forfait.ErrNationalMax}}, locate(t, err),
		cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
		t.Errorf("explicit ceiling below an activity (-want +got):\n%s", diff)
	}
	_, err = run(t, header+"750712184,Ile-de-France,230000,0,0,0,0,0,0,0\n"+"130000012,Corse,1000,0,0,0,0,0,0,0\n", campaign.Options{})
	if diff := cmp.Diff([]located{{2, 0, "combined_activity", forfait.ErrNationalMax}}, locate(t, err),
		cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
		t.Errorf("largest activity at D's threshold (-want +got):\n%s", diff)
	}
}

// TestRecordsMatchCompute: every record is the forfait Compute gives for its
// establishment, variant and window, in input, variant, window order.
func TestRecordsMatchCompute(t *testing.T) {
	input := header + annexRow + "2A0000123,Corse,3000,100,50,20,7,3,1,1\n" + "971000012,Guadeloupe,7000,0,0,0,0,0,0,0\n"
	ceiling := decimal.New(400000, 0)
	recs, err := run(t, input, campaign.Options{NationalMax: ceiling})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3*16 {
		t.Fatalf("%d records, want %d", len(recs), 3*16)
	}
	rs := instruction.Instruction2021()
	for i, r := range recs {
		v := forfait.Variants()[i%16/4]
		want, err := rs.Forfait.Compute(forfait.Request{Combined: r.Combined, NationalMax: ceiling, Variant: v, Window: r.Window})
		if err != nil || !want.Equal(r.Forfait) || int(r.Window) != i%4+1 {
			t.Errorf("record %d = %+v, want %+v (%v)", i, r.Forfait, want, err)
		}
	}
}

func TestWriteJSON(t *testing.T) {
	ests, err := campaign.Read(strings.NewReader(header + annexRow))
	if err != nil {
		t.Fatal(err)
	}
	rs := instruction.Instruction2021()
	var buf bytes.Buffer
	if _, err := campaign.Write(&buf, &rs, ests, campaign.Options{NationalMax: decimal.New(500000, 0), Explain: true}, campaign.JSON); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		NationalMax string           `json:"national_max"`
		Records     []map[string]any `json:"records"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, buf.Bytes())
	}
	got := doc.Records
	if doc.NationalMax != "500000" {
		t.Errorf("national_max %q, want 500000", doc.NationalMax)
	}
	lines := strings.Split(strings.TrimSpace(annexRows), "\n")
	if len(got) != len(lines) {
		t.Fatalf("%d JSON records, want %d", len(got), len(lines))
	}
	keys := strings.Split(outputHeader, ",")
	for i, line := range lines {
		for j, v := range strings.Split(line, ",") {
			if s := fmt.Sprint(got[i][keys[j]]); s != v {
				t.Errorf("record %d %s = %s, want %s", i, keys[j], s, v)
			}
		}
		if steps, ok := got[i]["derivation"].([]any); !ok || len(steps) < 10 {
			t.Errorf("record %d: derivation missing or short: %v", i, got[i]["derivation"])
		}
	}
}

// TestRegionalEnvelopes: weights are the window-1 standard forfaits
// (99 762 + 39 194 + 39 194 = 178 150 for the annex establishment), all 18
// regions are listed in Annexe 2 order, and the envelopes sum to the total.
func TestRegionalEnvelopes(t *testing.T) {
	ests, err := campaign.Read(strings.NewReader(header + annexRow + "2A0000123,Corse,5000,0,0,0,0,0,0,0\n"))
	if err != nil {
		t.Fatal(err)
	}
	rs := instruction.Instruction2021()
	opt := campaign.Options{NationalMax: decimal.New(500000, 0)}
	envs, err := campaign.RegionalEnvelopes(&rs, ests, opt, decimal.New(1_000_000, 0))
	if err != nil {
		t.Fatal(err)
	}
	sum := decimal.Zero
	for i, e := range envs {
		if e.Region != envelope.Regions()[i] || !e.Advance.Add(e.Usage).Equal(e.Envelope) {
			t.Errorf("row %d: %+v", i, e)
		}
		sum = sum.Add(e.Envelope)
	}
	// Corse (5 000, category A): 18000 + 5000 × 6000/7000 = 22285.71 → 22286; 6500 + 5000 × 6500/7000 = 11142.86 → 11143 (twice).
	idf, corse := envs[envelope.IleDeFrance.Index()], envs[envelope.Corse.Index()]
	if !idf.Weight.Equal(decimal.New(178150, 0)) || !corse.Weight.Equal(decimal.New(44572, 0)) || !sum.Equal(decimal.New(1_000_000, 0)) {
		t.Errorf("weights %s, %s; sum %s", idf.Weight, corse.Weight, sum)
	}
	// 1e6 × 178150/222722 = 799876.08…, 1e6 × 44572/222722 = 200123.92…: the euro left goes to Corse.
	if !idf.Envelope.Equal(decimal.New(799876, 0)) || !corse.Envelope.Equal(decimal.New(200124, 0)) {
		t.Errorf("envelopes %s, %s", idf.Envelope, corse.Envelope)
	}
	out := string(campaign.AppendAllocation(nil, envs))
	if !strings.HasPrefix(out, "region,weight,envelope,advance_credits,usage_credits\nAuvergne-Rhône-Alpes,0,0,0,0\n") || !strings.Contains(out, "Corse,44572,200124,60037,140087\n") {
		t.Errorf("allocation CSV:\n%s", out)
	}
	if _, err := campaign.RegionalEnvelopes(&rs, nil, opt, decimal.New(10, 0)); !errors.Is(err, campaign.ErrEmpty) {
		t.Errorf("no establishment: %v", err)
	}
	if _, err := campaign.RegionalEnvelopes(&rs, ests, opt, decimal.RequireFromString("10.5")); !errors.Is(err, envelope.ErrInvalidAllocation) {
		t.Errorf("a total in cents: %v", err)
	}
	if _, err := campaign.RegionalEnvelopes(&rs, ests, campaign.Options{NationalMax: decimal.New(100000, 0)}, decimal.New(10, 0)); !errors.Is(err, forfait.ErrNationalMax) {
		t.Errorf("an activity above the national maximum: %v", err)
	}
}

// TestWriteMatchesCompute: the streaming writer's CSV (whole cents from the
// compiled rules, decimals where an amount is finer than a cent) is byte
// for byte the CSV of the records Compute returns, on generated extracts,
// base units and DS3 amounts.
func TestWriteMatchesCompute(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 40).Draw(t, "establishments")
		var b strings.Builder
		b.WriteString(header)
		for i := range n {
			fmt.Fprintf(&b, "75%07d,Bretagne,%d,%d,%d,0,%d,0,0,0\n", i, rapid.IntRange(0, 400_000).Draw(t, "mco"),
				rapid.IntRange(0, 3).Draw(t, "sessions"), rapid.IntRange(0, 3).Draw(t, "ambulatory"), rapid.IntRange(0, 3).Draw(t, "ssr"))
		}
		ests, err := campaign.Read(strings.NewReader(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		rs := instruction.Instruction2021()
		rs.Forfait.Rounding.BaseUnit = rapid.SampledFrom([]decimal.Decimal{decimal.New(1, 0), decimal.New(1, 3), decimal.New(1, -2), decimal.New(1, -3)}).Draw(t, "base_unit")
		if rapid.Bool().Draw(t, "ds3_amounts_doubled") { // DS3 no longer shares DS2's rows
			for i := range rs.Forfait.Bands {
				r := &rs.Forfait.Bands[i].Amounts[forfait.DS3.Index()]
				r.Min, r.Max = r.Min.Add(r.Min), r.Max.Add(r.Max)
			}
		}
		opt := campaign.Options{}
		if rapid.Bool().Draw(t, "national_max_given") {
			opt.NationalMax = decimal.New(500_000, 0)
		}
		recs, err := campaign.Compute(&rs, ests, opt)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if _, err := campaign.Write(&got, &rs, ests, opt, campaign.CSV); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(recordsCSV(recs), got.String()); diff != "" {
			t.Fatalf("Write and Compute differ (-compute +write):\n%s", diff)
		}
	})
}

// TestWriteKeepsOrder: however many processors format the chunks of a
// large extract, and in whatever order they finish, Write's output is the
// records' CSV in input order.
func TestWriteKeepsOrder(t *testing.T) {
	ests, err := campaign.Read(strings.NewReader(extract(2000)))
	if err != nil {
		t.Fatal(err)
	}
	rs := instruction.Instruction2021()
	recs, err := campaign.Compute(&rs, ests, campaign.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := recordsCSV(recs)
	for _, procs := range []int{1, 2, 3, 8} {
		prev := runtime.GOMAXPROCS(procs)
		for range 5 {
			var got bytes.Buffer
			if _, err := campaign.Write(&got, &rs, ests, campaign.Options{}, campaign.CSV); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got.String()); diff != "" {
				t.Fatalf("GOMAXPROCS %d: Write's output is not the records' CSV in order (-want +got):\n%s", procs, diff)
			}
		}
		runtime.GOMAXPROCS(prev)
	}
}

// failAfter accepts n bytes, then fails every write.
type failAfter struct{ n int }

var errDiskFull = errors.New("disk full")

func (w *failAfter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

// TestWriteStopsOnWriterError: a writer failing anywhere in the stream ends
// Write with its error. Write returns only once every worker has stopped,
// so its return is the event that none is left: a worker stuck waiting
// would keep it from returning.
func TestWriteStopsOnWriterError(t *testing.T) {
	ests, err := campaign.Read(strings.NewReader(extract(1000)))
	if err != nil {
		t.Fatal(err)
	}
	rs := instruction.Instruction2021()
	for _, f := range []campaign.Format{campaign.CSV, campaign.JSON} {
		for _, n := range []int{0, 10, 100_000, 700_000} {
			done := make(chan error, 1)
			go func() {
				_, err := campaign.Write(&failAfter{n}, &rs, ests, campaign.Options{}, f)
				done <- err
			}()
			select {
			case err := <-done:
				if !errors.Is(err, errDiskFull) {
					t.Errorf("format %d, failing after %d bytes: %v", f, n, err)
				}
			case <-time.After(time.Minute):
				t.Fatalf("format %d, failing after %d bytes: Write has not returned after a minute", f, n)
			}
		}
	}
}
