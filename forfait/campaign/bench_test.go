package campaign_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/campaign"
	"github.com/sunes-spec/sunes/forfait/instruction"
)

// extract builds a national extract of n establishments with activities
// spread over the four categories.
func extract(n int) string {
	rng := rand.New(rand.NewSource(1))
	var b strings.Builder
	b.WriteString(header)
	for i := 0; i < n; i++ {
		region := envelope.Regions()[i%envelope.NumRegions]
		fmt.Fprintf(&b, "%02d%07d,%s", 1+i%19, i, region)
		scale := []int64{3_000, 15_000, 120_000, 300_000}[i%4]
		for j := 0; j < forfait.NumActivityFields; j++ {
			fmt.Fprintf(&b, ",%d", rng.Int63n(scale/4+1))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// BenchmarkCampaign: 5 000 establishments × 16 variants, from parsed input
// to CSV bytes.
func BenchmarkCampaign(b *testing.B) {
	ests, err := campaign.Read(strings.NewReader(extract(5000)))
	if err != nil {
		b.Fatal(err)
	}
	rs := instruction.Instruction2021()
	var buf bytes.Buffer
	buf.Grow(6 << 20) // the output's size: the benchmark measures the campaign, not the buffer
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		if _, err := campaign.Write(&buf, &rs, ests, campaign.Options{}, campaign.CSV); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/csv")
}

// BenchmarkRead: parsing the same 5 000-establishment extract.
func BenchmarkRead(b *testing.B) {
	input := []byte(extract(5000))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := campaign.Read(bytes.NewReader(input)); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzRead: on any input Read and Compute never panic, every problem is a
// *LineError, and an accepted file yields 16 records per establishment.
func FuzzRead(f *testing.F) {
	f.Add([]byte(header + annexRow))
	f.Add([]byte(extract(3)))
	f.Add([]byte(header + "750712184,Ile-de-France,-1,1.5,x,,1,1,1,1\n750712184,Corse,1\n"))
	f.Add([]byte("\uFEFFfiness,region\n\"unterminated"))
	f.Add([]byte(header + "750712184,Ile-de-France,230000,0,0,0,0,0,0,0\n"))
	f.Add([]byte(spreadsheet))
	f.Add([]byte("\xef\xbb\xbf" + plain))
	f.Add([]byte("finess;region;mco_days\r\n750712184;Corse;1\xa0000;\"x\r\n"))
	f.Add([]byte(strings.ReplaceAll(plain, ",", "\t")))
	f.Add(utf16LE(plain))
	f.Add(append([]byte(plain), "H\xf4pital\n"...))
	f.Fuzz(func(t *testing.T, data []byte) {
		ests, err := campaign.Read(bytes.NewReader(data))
		if err != nil {
			if ests != nil {
				t.Fatal("establishments returned beside an error")
			}
			for _, e := range forfait.Problems(err) {
				var le *campaign.LineError
				if !errors.As(e, &le) {
					t.Fatalf("error %v is not a *LineError", e)
				}
			}
			return
		}
		rs := instruction.Instruction2021()
		recs, err := campaign.Compute(&rs, ests, campaign.Options{})
		if err != nil {
			for _, e := range forfait.Problems(err) {
				var le *campaign.LineError
				if !errors.As(e, &le) || !errors.Is(e, forfait.ErrNationalMax) {
					t.Fatalf("Compute error %v is not a national-maximum *LineError", e)
				}
			}
			return
		}
		if len(recs) != len(ests)*16 {
			t.Fatalf("%d records for %d establishments", len(recs), len(ests))
		}
		for _, r := range recs {
			if !r.Advance.Add(r.Balance).Equal(r.Amount) {
				t.Fatalf("split does not add up: %+v", r.Forfait)
			}
		}
	})
}
