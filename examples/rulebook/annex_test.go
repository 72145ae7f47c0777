package main

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

// annexes is testdata/annexes.json: the annex tables transcribed once.
type annexes struct {
	Annex3 struct {
		Weights    map[string]string `json:"weights"`
		Categories struct {
			Source string `json:"source"`
			Rows   []struct {
				Category string    `json:"category"`
				From     string    `json:"from"`
				DS1      [2]string `json:"ds1"`
				DS2      [2]string `json:"ds2"`
				DS3      [2]string `json:"ds3"`
			} `json:"rows"`
		} `json:"categories"`
		CROBonus      struct{ Source, Value string } `json:"cro_bonus"`
		WindowFactors struct {
			Source string    `json:"source"`
			Values [4]string `json:"values"`
		} `json:"window_factors"`
		AdvanceShare struct{ Source, Value string } `json:"advance_share"`
	} `json:"annex3"`
	Annex1 struct {
		Source  string               `json:"source"`
		Targets map[string][4]string `json:"targets"`
	} `json:"annex1"`
	Annex2 struct {
		Source   string            `json:"source"`
		National map[string]string `json:"national"`
		Regions  [][2]string       `json:"regions"`
		Pilots   [][2]string       `json:"pilots"`
	} `json:"annex2"`
}

func load(t *testing.T) annexes {
	t.Helper()
	data, err := os.ReadFile("testdata/annexes.json")
	if err != nil {
		t.Fatal(err)
	}
	var a annexes
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	return a
}

func same(t *testing.T, what string, got decimal.Decimal, want string) {
	t.Helper()
	if w := decimal.RequireFromString(want); !got.Equal(w) {
		t.Errorf("%s = %s, the annex says %s", what, forfait.Format(got), want)
	}
}

// TestDefaultsEqualAnnexes compares the default rule sets with the annexes,
// field by field.
func TestDefaultsEqualAnnexes(t *testing.T) {
	a := load(t)
	rs := forfait.Instruction2021()

	// Annexe 3
	if len(a.Annex3.Weights) != forfait.NumActivityFields+1 {
		t.Fatalf("transcription has %d weights", len(a.Annex3.Weights)-1)
	}
	for _, f := range forfait.ActivityFields() {
		same(t, "weight "+f.String(), rs.Weights[f].Factor, a.Annex3.Weights[f.String()])
	}
	if len(a.Annex3.Categories.Rows) != forfait.NumCategories {
		t.Fatalf("transcription has %d categories", len(a.Annex3.Categories.Rows))
	}
	for i, row := range a.Annex3.Categories.Rows {
		band := rs.Bands[i]
		if forfait.Category(i+1).String() != row.Category || band.Source != a.Annex3.Categories.Source {
			t.Errorf("category %d: %s cited %q, annex %s %q", i, forfait.Category(i+1), band.Source, row.Category, a.Annex3.Categories.Source)
		}
		same(t, row.Category+" threshold", band.Lower, row.From)
		for d, r := range [3][2]string{row.DS1, row.DS2, row.DS3} {
			same(t, row.Category+" "+forfait.Domain(d+1).String()+" min", band.Amounts[d].Min, r[0])
			same(t, row.Category+" "+forfait.Domain(d+1).String()+" max", band.Amounts[d].Max, r[1])
		}
	}
	same(t, "CRO bonus", rs.CROBonus.Value, a.Annex3.CROBonus.Value)
	same(t, "advance share", rs.Advance.Value, a.Annex3.AdvanceShare.Value)
	for i, w := range window.All() {
		same(t, "window "+w.String()+" factor", rs.Windows.Factor(w), a.Annex3.WindowFactors.Values[i])
		if rs.Windows.Terms(w).FactorSource != a.Annex3.WindowFactors.Source {
			t.Errorf("window %s factor cited %q", w, rs.Windows.Terms(w).FactorSource)
		}
	}

	// Annexe 1
	targets := indicator.Instruction2021()
	if len(a.Annex1.Targets) != indicator.NumIDs {
		t.Fatalf("transcription has %d indicators", len(a.Annex1.Targets))
	}
	for _, id := range indicator.IDs() {
		row, ok := a.Annex1.Targets[id.String()]
		if !ok {
			t.Errorf("%s not in the transcription", id)
		}
		for i, w := range window.All() {
			same(t, id.String()+" window "+w.String(), targets.Target(id, w), row[i])
		}
	}

	// Annexe 2 and §3.3
	a2 := envelope.Instruction2021Annex2()
	n := a.Annex2.National
	for _, c := range []struct {
		what string
		got  decimal.Decimal
	}{
		{"total", a2.Total}, {"volet1", a2.Volet1}, {"volet2_pilot", a2.Volet2Pilot}, {"mss_generalisation", a2.MSSGeneralisation},
		{"ds1", a2.Volet1ByDomain[0]}, {"ds2", a2.Volet1ByDomain[1]}, {"ds3", a2.Volet1ByDomain[2]}, {"volet2_cap", a2.Volet2Cap},
	} {
		same(t, c.what, c.got, n[c.what])
	}
	if len(a.Annex2.Regions) != envelope.NumRegions || len(a.Annex2.Pilots) != len(a2.Pilots) {
		t.Fatalf("transcription has %d regions, %d pilots", len(a.Annex2.Regions), len(a.Annex2.Pilots))
	}
	for i, r := range a.Annex2.Regions {
		if a2.Regions[i].Region.String() != r[0] {
			t.Errorf("region %d is %s, the annex says %s", i+1, a2.Regions[i].Region, r[0])
		}
		same(t, r[0], a2.Regions[i].Amount, r[1])
	}
	for i, r := range a.Annex2.Pilots {
		if a2.Pilots[i].Region.String() != r[0] {
			t.Errorf("pilot %d is %s, the annex says %s", i+1, a2.Pilots[i].Region, r[0])
		}
		same(t, "pilot "+r[0], a2.Pilots[i].Amount, r[1])
	}
}
