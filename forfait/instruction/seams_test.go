package instruction_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/eligibility/eligibilitytest"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/campaign"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

func declared(t *testing.T, id indicator.ID, percent string) map[indicator.ID]indicator.Rate {
	t.Helper()
	r, err := indicator.ParsePercent(percent)
	if err != nil {
		t.Fatal(err)
	}
	return map[indicator.ID]indicator.Rate{id: r}
}

// TestOneAmendmentReachesEveryPackage amends the one instruction value once
// (window 2's factor, its application period and the DS2.1 target of
// window 1) and checks that the forfait, the eligibility decision, the
// indicator outcome, the settlement and the campaign all follow.
func TestOneAmendmentReachesEveryPackage(t *testing.T) {
	in := instruction.Instruction2021()
	in.Forfait.Windows[window.W2.Index()].Factor = decimal.New(88, -2)
	in.Forfait.Windows[window.W2.Index()].Application.End = window.DateOf(2022, 3, 31)
	in.Targets.Percent[indicator.DS21.Index()][window.W1.Index()] = decimal.New(30, 0)
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}

	// forfait: DS2 in window 2 at 127 800 is 39 194 × 0.88 = 34 490.72 → 34 491.
	req := forfait.Request{Combined: decimal.New(127800, 0), Variant: forfait.Variant{Domain: forfait.DS2}, Window: window.W2}
	if f, err := in.Forfait.Compute(req); err != nil || !f.Amount.Equal(decimal.New(34491, 0)) {
		t.Errorf("forfait = %v, %v; want 34491", f.Amount, err)
	}

	// eligibility: filed on 15 April 2022, now after window 2's period.
	app := eligibilitytest.Valid()
	app.Window, app.Filed, app.Domains = window.W2, window.DateOf(2022, 4, 15), []forfait.Variant{{Domain: forfait.DS2}}
	d, err := eligibility.Decide(&app, &in, window.DateOf(2022, 4, 20))
	if err != nil || d.Status() != eligibility.Refused || d.Reasons()[0].Code != eligibility.FilingPeriod {
		t.Errorf("decision under the amended calendar: %v %v", d.Reasons(), err)
	}

	// indicator: 35 % now reaches DS2.1 in window 1.
	o, err := in.Targets.Evaluate(forfait.Variant{Domain: forfait.DS2}, window.W1, declared(t, indicator.DS21, "35"))
	if err != nil || !o.Reached {
		t.Errorf("outcome under the amended target: %+v, %v", o, err)
	}

	// settlement: a window-1 DS2 dossier declaring 35 % is paid its balance.
	app = eligibilitytest.Valid()
	app.Domains = []forfait.Variant{{Domain: forfait.DS2}}
	d, err = eligibility.Decide(&app, &in, eligibilitytest.DecisionDay())
	if err != nil {
		t.Fatal(err)
	}
	st, _, err := settlement.Open(&in, d, decimal.Zero, window.DateOf(2021, 12, 1))
	if err != nil {
		t.Fatal(err)
	}
	_, added, err := settlement.Settle(&in, st, []settlement.Declaration{{Domain: forfait.DS2, Window: window.W1, Rates: declared(t, indicator.DS21, "35")}}, window.DateOf(2022, 9, 1))
	if err != nil || len(added) != 1 || added[0].Kind != envelope.Balance {
		t.Errorf("settlement under the amended target: %v, %v", added, err)
	}

	// campaign: the window-2 DS2 record of the same establishment.
	ests, err := campaign.Read(strings.NewReader("finess,region,mco_days,mco_sessions,ambulatory_surgery_stays,day_hospital_stays,ssr_days,psy_days,had_days,usld_days\n" +
		"750712184,Ile-de-France,127800,0,0,0,0,0,0,0\n"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := campaign.Compute(&in, ests, campaign.Options{NationalMax: decimal.New(500000, 0)})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range recs {
		if r.Variant == req.Variant && r.Window == window.W2 {
			found = r.Amount.Equal(decimal.New(34491, 0))
		}
	}
	if !found {
		t.Error("the campaign does not use the amended factor")
	}
}

// TestDecisionToDossier: a dossier is the decision's facts, never retyped.
func TestDecisionToDossier(t *testing.T) {
	in := instruction.Instruction2021()
	app := eligibilitytest.Valid()
	d, err := eligibility.Decide(&app, &in, eligibilitytest.DecisionDay())
	if err != nil {
		t.Fatal(err)
	}
	app.Establishment.CombinedActivity = decimal.New(1, 0) // the caller's copy changes; the decision's does not
	st, added, err := settlement.Open(&in, d, decimal.Zero, window.DateOf(2021, 12, 1))
	if err != nil {
		t.Fatal(err)
	}
	want := settlement.Dossier{
		Establishment: forfait.MustParseFINESS("750712184"), Region: envelope.IleDeFrance, GHT: "GHT Paris", Combined: decimal.New(127800, 0), NationalMax: decimal.Zero,
		Window: window.W1, Variants: []forfait.Variant{{Domain: forfait.DS1, CRO: true}, {Domain: forfait.DS2}, {Domain: forfait.DS3}},
		Filed: window.DateOf(2021, 9, 15), Opened: window.DateOf(2021, 12, 1),
	}
	if diff := cmp.Diff(want, st.Dossier); diff != "" {
		t.Errorf("dossier (-want +got):\n%s", diff)
	}
	if len(added) != 3 || !cmp.Equal(added, st.Timeline) {
		t.Errorf("the opening added %d notifications, the timeline holds %d", len(added), len(st.Timeline))
	}
}

// TestMoneyNeverBookedTwice: the notifications of a step booked twice on a
// ledger are refused the second time, and the ledger is unchanged.
func TestMoneyNeverBookedTwice(t *testing.T) {
	in := instruction.Instruction2021()
	app := eligibilitytest.Valid()
	d, _ := eligibility.Decide(&app, &in, eligibilitytest.DecisionDay())
	_, added, err := settlement.Open(&in, d, decimal.Zero, window.DateOf(2021, 12, 1))
	if err != nil {
		t.Fatal(err)
	}
	credits, _ := envelope.SplitCredits(&in.Forfait, in.Envelopes.Regions[envelope.IleDeFrance.Index()].Amount)
	ledger, _ := envelope.NewLedger(envelope.IleDeFrance, credits)
	if err := ledger.Book(added...); err != nil {
		t.Fatal(err)
	}
	before := ledger.State()
	if err := ledger.Book(added...); len(forfait.Problems(err)) != len(added) || !errors.Is(err, envelope.ErrDuplicate) {
		t.Errorf("second booking: %v", err)
	}
	if after := ledger.State(); !after.Used.Advance.Equal(before.Used.Advance) || after.Count != before.Count {
		t.Errorf("a refused booking changed the ledger: %+v → %+v", before, after)
	}
}

// TestValuesRoundTrip: every exported value type of the flow marshals to
// JSON and back, zero values included, amounts as strings whatever
// shopspring's package settings.
func TestValuesRoundTrip(t *testing.T) {
	decimal.MarshalJSONWithoutQuotes = true
	defer func() { decimal.MarshalJSONWithoutQuotes = false }()
	n := envelope.Notification{Kind: envelope.Balance, Volet: envelope.Volet1, Region: envelope.Corse, Establishment: forfait.MustParseFINESS("2A0000123"),
		Variant: forfait.Variant{Domain: forfait.DS1}, Window: window.W2, Amount: decimal.RequireFromString("66841.00"), Date: window.DateOf(2022, 9, 1),
		Source: "§5", Interpretations: []string{"INT-06"}}
	for _, tt := range []struct {
		name string
		v    any
		back any
	}{
		{"notification", n, new(envelope.Notification)},
		{"zero notification", envelope.Notification{}, new(envelope.Notification)},
		{"variant", forfait.Variant{Domain: forfait.DS1, CRO: true}, new(forfait.Variant)},
		{"zero variant", forfait.Variant{}, new(forfait.Variant)},
		{"finess", forfait.FINESS{}, new(forfait.FINESS)},
		{"date", window.Date{}, new(window.Date)},
		{"region", envelope.Region(0), new(envelope.Region)},
		{"volet", envelope.Volet2, new(envelope.Volet)},
		{"kind", envelope.Kind(0), new(envelope.Kind)},
		{"stage", settlement.Paid, new(settlement.Stage)},
		{"status", eligibility.Refused, new(eligibility.Status)},
		{"rate", indicator.Rate{}, new(indicator.Rate)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data, err := json.Marshal(tt.v)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, tt.back); err != nil {
				t.Fatalf("Unmarshal(%s): %v", data, err)
			}
			if diff := cmp.Diff(tt.v, derefAny(tt.back)); diff != "" {
				t.Errorf("round trip of %s (-want +got):\n%s", data, diff)
			}
		})
	}
	data, _ := json.Marshal(n)
	if !strings.Contains(string(data), `"amount":"66841"`) {
		t.Errorf("the amount is not a string: %s", data)
	}

	// A settled dossier, its money and a request: amounts as strings, and back.
	in := instruction.Instruction2021()
	app := eligibilitytest.Valid()
	d, _ := eligibility.Decide(&app, &in, eligibilitytest.DecisionDay())
	st, _, err := settlement.Open(&in, d, decimal.New(500000, 0), window.DateOf(2021, 12, 1))
	if err != nil {
		t.Fatal(err)
	}
	st, _, err = settlement.Settle(&in, st, []settlement.Declaration{{Domain: forfait.DS2, Window: window.W1, Rates: declared(t, indicator.DS21, "50")}}, window.DateOf(2022, 9, 1))
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]any{"state": st, "money": st.Money(), "request": forfait.Request{Combined: decimal.RequireFromString("127800.5"), Variant: forfait.Variant{Domain: forfait.DS2}, Window: window.W2}} {
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), `":1`) || strings.Contains(string(data), `":3`) {
			t.Errorf("%s: an amount is a bare number: %s", name, data)
		}
		back := reflect.New(reflect.TypeOf(v))
		if err := json.Unmarshal(data, back.Interface()); err != nil {
			t.Fatalf("%s: Unmarshal: %v", name, err)
		}
		if diff := cmp.Diff(v, back.Elem().Interface()); diff != "" {
			t.Errorf("%s round trip (-want +got):\n%s", name, diff)
		}
	}
	for _, s := range []string{forfait.Variant{}.String(), window.Window(0).String(), envelope.Region(0).String(), forfait.Domain(0).String(),
		envelope.Kind(0).String(), envelope.Volet(0).String(), settlement.Stage(0).String(), eligibility.Status(0).String(), forfait.FINESS{}.String()} {
		if s != "unset" {
			t.Errorf("a zero value prints %q", s)
		}
	}
}

func derefAny(p any) any {
	switch v := p.(type) {
	case *envelope.Notification:
		return *v
	case *forfait.Variant:
		return *v
	case *forfait.FINESS:
		return *v
	case *window.Date:
		return *v
	case *envelope.Region:
		return *v
	case *envelope.Volet:
		return *v
	case *envelope.Kind:
		return *v
	case *settlement.Stage:
		return *v
	case *eligibility.Status:
		return *v
	case *indicator.Rate:
		return *v
	}
	return p
}

// TestCampaignRecordJSON: json.Marshal of a campaign record keeps its
// FINESS, region and derivation.
func TestCampaignRecordJSON(t *testing.T) {
	in := instruction.Instruction2021()
	ests, err := campaign.Read(strings.NewReader("finess,region,mco_days,mco_sessions,ambulatory_surgery_stays,day_hospital_stays,ssr_days,psy_days,had_days,usld_days\n" +
		"350000014,Bretagne,30000,0,0,0,0,0,0,0\n"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := campaign.Compute(&in, ests, campaign.Options{NationalMax: decimal.New(500000, 0), Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(recs[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"finess":"350000014"`, `"region":"Bretagne"`, `"derivation":[`, `"forfait":"51687"`} {
		if !strings.Contains(string(data), key) {
			t.Errorf("record JSON lacks %s: %s", key, data)
		}
	}
}

// TestRequestEqual: Request.Equal compares decimals by value, where ==
// would compare their representations.
func TestRequestEqual(t *testing.T) {
	a := forfait.Request{Combined: decimal.RequireFromString("1.50"), Variant: forfait.Variant{Domain: forfait.DS2}, Window: window.W1}
	b := a
	b.Combined = decimal.RequireFromString("1.5")
	if !a.Equal(b) {
		t.Error("1.50 and 1.5 differ for Request.Equal")
	}
	b.Window = window.W2
	if a.Equal(b) {
		t.Error("two windows equal for Request.Equal")
	}
}
