package settlement_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/settlement"
)

// TestScenarioDomainRefusedAlone: a DS1+CRO/DS2 applicant without a
// laboratory keeps its DS1+CRO forfait and advance; DS2 alone is refused,
// with its reason (§5), and the dossier holds DS1+CRO only.
func TestScenarioDomainRefusedAlone(t *testing.T) {
	a := annexApplication()
	a.Domains = []forfait.Variant{ds1CRO, ds2}
	a.Establishment.Lab = nil
	d := decide(t, a)
	doms := d.Domains()
	if len(doms) != 2 || doms[0].Status != eligibility.Validated || doms[1].Status != eligibility.Refused ||
		len(doms[1].Reasons) != 1 || doms[1].Reasons[0].Code != eligibility.DS2Lab {
		t.Fatalf("domains %+v; want DS1+CRO validated, DS2 refused for DS2-LAB", doms)
	}
	st, added, err := settlement.Open(&rules, d, decimal.Zero, day(2021, 12, 1))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	// 127 800: base 99 762 (Annexe 3 §4), × 1.1 = 109 738.2 → 109 738; 30 % = 32 921.4 → 32 921.
	if len(st.Lines) != 1 || st.Lines[0].Asked != ds1CRO || len(st.Dossier.Variants) != 1 ||
		len(added) != 1 || added[0].Variant != ds1CRO || !added[0].Amount.Equal(decimal.New(32921, 0)) {
		t.Errorf("opened %+v with %+v; want the DS1+CRO advance of 32921 alone", st.Lines, added)
	}
}

// TestScenarioEditedDecision: a decision taken at a combined activity of
// 129 000 and edited to 229 999 before opening, every way a caller can,
// opens at 129 000 or not at all.
func TestScenarioEditedDecision(t *testing.T) {
	a := annexApplication()
	a.Domains = []forfait.Variant{ds1CRO}
	a.Establishment.CombinedActivity = decimal.New(129000, 0)
	d := decide(t, a)
	edited := decimal.New(229999, 0)

	// 1. The application given to Decide, edited afterwards.
	a.Establishment.CombinedActivity = edited
	a.Domains[0] = ds1
	// 2. The copies the decision hands out, edited.
	got := d.Application()
	got.Establishment.CombinedActivity = edited
	got.Domains[0] = ds2
	d.Validated()[0] = ds2
	doms := d.Domains()
	doms[0].Variant, doms[0].Status = ds2, eligibility.Refused
	// 3. A copy of the decision value shares nothing that can be edited.
	copied := d
	for name, dec := range map[string]eligibility.Decision{"decision": d, "copy": copied} {
		st, added, err := settlement.Open(&rules, dec, decimal.Zero, day(2021, 12, 1))
		// 129 000: base 48 000 + 106 500 × 102 000 / 207 500 = 100 351.8 → 100 352; × 1.1 = 110 387.2 → 110 387; 30 % = 33 116.1 → 33 116.
		if err != nil || len(added) != 1 || added[0].Variant != ds1CRO || !added[0].Amount.Equal(decimal.New(33116, 0)) ||
			!st.Dossier.Combined.Equal(decimal.New(129000, 0)) {
			t.Errorf("%s: opened %+v with %+v (%v); want the advance of 33116 at 129000", name, st.Dossier, added, err)
		}
	}

	// 4. The decision written out, edited, and read back: refused.
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	m["application"].(map[string]any)["establishment"].(map[string]any)["combined_activity"] = "229999"
	if data, err = json.Marshal(m); err != nil {
		t.Fatal(err)
	}
	var forged eligibility.Decision
	if err := json.Unmarshal(data, &forged); !errors.Is(err, eligibility.ErrSealed) {
		t.Errorf("a decision read from JSON: %v; want ErrSealed", err)
	}
	// 5. A decision written by hand: no decision at all.
	for name, dec := range map[string]eligibility.Decision{"literal": {}, "read back": forged} {
		if st, added, err := settlement.Open(&rules, dec, decimal.Zero, day(2021, 12, 1)); !errors.Is(err, settlement.ErrNotValidated) || len(added) != 0 || len(st.Lines) != 0 {
			t.Errorf("%s: Open gave %v and %d notifications; want ErrNotValidated and nothing", name, err, len(added))
		}
	}
}

// TestOpenBeforeDecision: a dossier opens on or after the day of its
// decision.
func TestOpenBeforeDecision(t *testing.T) {
	a := annexApplication()
	d, err := eligibility.Decide(&a, &rules, day(2021, 11, 2))
	if err != nil {
		t.Fatal(err)
	}
	if _, added, err := settlement.Open(&rules, d, decimal.Zero, day(2021, 11, 1)); !errors.Is(err, settlement.ErrDate) || len(added) != 0 {
		t.Errorf("opened the day before the decision: %v", err)
	}
	if _, _, err := settlement.Open(&rules, d, decimal.Zero, day(2021, 11, 2)); err != nil {
		t.Errorf("opened on the day of the decision: %v", err)
	}
}

// TestScenarioOpenAfterReview: a window-1 dossier opened on 1 May 2022,
// after the review period ended on 31 December 2021, pays no advance
// (§6.1); on the period's last day it does.
func TestScenarioOpenAfterReview(t *testing.T) {
	d := decide(t, annexApplication())
	st, added, err := settlement.Open(&rules, d, decimal.Zero, day(2022, 5, 1))
	if !errors.Is(err, eligibility.ErrReviewPeriod) || len(added) != 0 || len(st.Lines) != 0 {
		t.Errorf("opened on 1 May 2022: %v, %d notifications; want ErrReviewPeriod and nothing", err, len(added))
	}
	if _, added, err := settlement.Open(&rules, d, decimal.Zero, day(2021, 12, 31)); err != nil || len(added) != 3 {
		t.Errorf("opened on 31 December 2021: %v, %d notifications", err, len(added))
	}
}
