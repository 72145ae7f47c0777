package eligibility_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/eligibility/eligibilitytest"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
	"github.com/sunes-spec/sunes/window"
)

var (
	ds1CRO = forfait.Variant{Domain: forfait.DS1, CRO: true}
	ds2    = forfait.Variant{Domain: forfait.DS2}
	ds3    = forfait.Variant{Domain: forfait.DS3}
)

// domainCodes lists, domain by domain, the codes of the reasons it is
// refused for; a validated domain maps to nil.
func domainCodes(d eligibility.Decision) map[forfait.Domain][]eligibility.Code {
	m := map[forfait.Domain][]eligibility.Code{}
	for _, x := range d.Domains() {
		m[x.Variant.Domain] = nil
		for _, r := range x.Reasons {
			m[x.Variant.Domain] = append(m[x.Variant.Domain], r.Code)
		}
	}
	return m
}

// TestScenarioPerDomain: a DS1+CRO/DS2 applicant without a laboratory of
// its own is validated for DS1+CRO and refused for DS2 alone, with its
// reason (§5).
func TestScenarioPerDomain(t *testing.T) {
	a := valid()
	a.Domains = []forfait.Variant{ds1CRO, ds2}
	a.Establishment.Lab = nil
	d := decide(t, a)
	want := map[forfait.Domain][]eligibility.Code{forfait.DS1: nil, forfait.DS2: {eligibility.DS2Lab}}
	if diff := cmp.Diff(want, domainCodes(d)); diff != "" {
		t.Errorf("reasons per domain (-want +got):\n%s", diff)
	}
	if d.Status() != eligibility.Validated || !cmp.Equal(d.Validated(), []forfait.Variant{ds1CRO}) {
		t.Errorf("status %s, validated %v; want validated for DS1+CRO alone", d.Status(), d.Validated())
	}
	// A condition of the whole application refuses every domain with it.
	a.RELIMS = false
	d = decide(t, a)
	want = map[forfait.Domain][]eligibility.Code{forfait.DS1: {eligibility.RELIMS}, forfait.DS2: {eligibility.RELIMS, eligibility.DS2Lab}}
	if diff := cmp.Diff(want, domainCodes(d)); diff != "" || d.Status() != eligibility.Refused || len(d.Validated()) != 0 {
		t.Errorf("status %s; reasons per domain (-want +got):\n%s", d.Status(), diff)
	}
}

// TestReviewPeriod: the ARS decides within the review period of the
// window, on or after the filing (§6.1); any other day is an error naming
// the day, never a decision.
func TestReviewPeriod(t *testing.T) {
	a := valid() // window 1, filed on 15 September 2021; review 1 September – 31 December 2021
	for _, tt := range []struct {
		name string
		on   window.Date
		ok   bool
	}{
		{"the day of the filing", window.DateOf(2021, time.September, 15), true},
		{"the last day of the review period", window.DateOf(2021, time.December, 31), true},
		{"the day after", window.DateOf(2022, time.January, 1), false},
		{"a dossier opened on 1 May 2022", window.DateOf(2022, time.May, 1), false},
		{"before the filing", window.DateOf(2021, time.September, 14), false},
		{"no day", window.Date{}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, err := eligibility.Decide(&a, &rules, tt.on)
			if tt.ok {
				if err != nil || d.Status() != eligibility.Validated || !d.Date().Equal(tt.on) {
					t.Errorf("Decide on %s: %v %v", tt.on, d.Status(), err)
				}
				return
			}
			var ie *forfait.InputError
			if !errors.Is(err, eligibility.ErrReviewPeriod) || !errors.As(err, &ie) || ie.Field != "on" || d.Status() != 0 {
				t.Errorf("Decide on %s: %v, status %s; want ErrReviewPeriod on field on", tt.on, err, d.Status())
			}
		})
	}
	// Filed before the review period opens: not decided before it opens.
	a.Filed = window.DateOf(2021, time.August, 20)
	if _, err := eligibility.Decide(&a, &rules, window.DateOf(2021, time.August, 25)); !errors.Is(err, eligibility.ErrReviewPeriod) {
		t.Errorf("decided before the review period: %v", err)
	}
	// A malformed application and a bad day: every problem at once.
	a.Establishment.Kind = 0
	_, err := eligibility.Decide(&a, &rules, window.DateOf(2022, time.May, 1))
	if !errors.Is(err, eligibility.ErrReviewPeriod) || !errors.Is(err, eligibility.ErrInvalidApplication) || len(forfait.Problems(err)) != 2 {
		t.Errorf("both problems: %v", err)
	}
}

// TestOneFundingPerDomain: an earlier dossier of the domain still open,
// paid, or whose advance was repaid refuses the domain (§5); an earlier
// refusal of it, or another domain's history, does not.
func TestOneFundingPerDomain(t *testing.T) {
	for _, tt := range []struct {
		outcome eligibility.Outcome
		want    []eligibility.Code
	}{
		{eligibility.OutcomeRefused, nil},
		{eligibility.OutcomeOpen, []eligibility.Code{eligibility.DomainOpen}},
		{eligibility.OutcomePaid, []eligibility.Code{eligibility.DomainFunded}},
		{eligibility.OutcomeRepaid, []eligibility.Code{eligibility.DomainRepaid}},
	} {
		t.Run(tt.outcome.String(), func(t *testing.T) {
			a := valid()
			inWindow2(&a)
			a.History.Applications = []eligibility.PastApplication{{Window: window.W1, Filed: window.DateOf(2021, time.September, 20),
				Domains: []eligibility.PastDomain{{Domain: forfait.DS2, Outcome: tt.outcome}}}}
			d := decide(t, a)
			want := map[forfait.Domain][]eligibility.Code{forfait.DS1: nil, forfait.DS2: tt.want, forfait.DS3: nil}
			if diff := cmp.Diff(want, domainCodes(d)); diff != "" {
				t.Errorf("reasons per domain (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPendingAudit: a decision validated on a window-1 purchase order
// records the audit's planned day and the day it must be done by, the
// end of window 1's review period (Annexe 1, PS2.2); an attestation, or a
// refusal, records nothing.
func TestPendingAudit(t *testing.T) {
	a := valid()
	a.Prerequisites.CyberAudit = eligibility.CyberAudit{PurchaseOrder: true, AuditDate: window.DateOf(2021, time.December, 20)}
	d := decide(t, a)
	p, ok := d.PendingAudit()
	want := eligibility.PendingAudit{Planned: window.DateOf(2021, time.December, 20), Deadline: window.DateOf(2021, time.December, 31)}
	if !ok || p != want {
		t.Errorf("pending audit %+v %v; want %+v", p, ok, want)
	}
	data, _ := json.Marshal(d)
	if !strings.Contains(string(data), `"pending_audit":{"planned":"2021-12-20","deadline":"2021-12-31"}`) {
		t.Errorf("the decision's JSON lacks its pending audit: %s", data)
	}
	a.Prerequisites.CyberAudit.AuditDate = window.DateOf(2022, time.January, 3)
	if _, ok := decide(t, a).PendingAudit(); ok {
		t.Error("an audit planned too late is a refusal (PS2.2-ORDER-LATE), not a pending audit")
	}
	a.Prerequisites.CyberAudit = eligibility.CyberAudit{Attestation: true}
	if _, ok := decide(t, a).PendingAudit(); ok {
		t.Error("an attestation leaves no audit pending")
	}
}

// TestSealed: what a decision hands out are copies; editing them, or the
// application it was taken on, changes nothing; a decision is not read
// from JSON; the zero Decision validates nothing.
func TestSealed(t *testing.T) {
	a := valid()
	a.Establishment.Lab = nil
	d := decide(t, a)
	before, _ := json.Marshal(d)
	a.Domains[0] = ds3
	a.Establishment.Imaging.FINESSJur = forfait.MustParseFINESS("690000019")
	got := d.Application()
	got.Domains[0], got.Establishment.GHT.Public = ds3, false
	got.Establishment.Imaging.FINESSJur = forfait.MustParseFINESS("690000019")
	d.Validated()[0] = ds2
	d.Reasons()[0].Interpretations = append(d.Reasons()[0].Interpretations, "INT-99")
	doms := d.Domains()
	doms[1].Status, doms[1].Reasons[0].Code = eligibility.Validated, eligibility.RELIMS
	if after, _ := json.Marshal(d); string(after) != string(before) {
		t.Errorf("a decision changed through a copy:\n%s\n%s", before, after)
	}
	var back eligibility.Decision
	if err := json.Unmarshal(before, &back); !errors.Is(err, eligibility.ErrSealed) || back.Status() != 0 {
		t.Errorf("a decision read from JSON: %v", err)
	}
	var zero eligibility.Decision
	if zero.Status() != 0 || zero.Status().String() != "unset" || len(zero.Validated()) != 0 || !zero.Date().IsZero() {
		t.Errorf("the zero decision: %s %v", zero.Status(), zero.Validated())
	}
	if _, ok := zero.PendingAudit(); ok {
		t.Error("the zero decision has a pending audit")
	}
}

// TestScope: the excluded territories (mention Outre-mer) and kinds other
// than health establishments (§2.3) are refusals with their own reasons,
// and read from JSON like any other application.
func TestScope(t *testing.T) {
	for _, finess := range []string{"986000012", "987000012", "988000012"} {
		for _, field := range []string{"finess_geographique", "finess_juridique"} {
			a := valid()
			data, _ := json.Marshal(a)
			var m map[string]any
			_ = json.Unmarshal(data, &m)
			m["establishment"].(map[string]any)[field] = finess
			data, _ = json.Marshal(m)
			got, err := eligibility.DecodeApplication(data)
			if err != nil {
				t.Fatalf("%s %s: %v", field, finess, err)
			}
			if field == "finess_juridique" { // its units share its FINESS juridique
				got.Establishment.Lab.FINESSJur, got.Establishment.Imaging.FINESSJur = got.Establishment.FINESSJur, got.Establishment.FINESSJur
			}
			if c := codes(decide(t, got)); !cmp.Equal(c, []eligibility.Code{eligibility.Territory}) {
				t.Errorf("%s %s: %v; want TERRITORY", field, finess, c)
			}
		}
	}
	for _, k := range []eligibility.Kind{eligibility.MedicoSocial, eligibility.OtherKind} {
		a := valid()
		a.Establishment.Kind = k
		if c := codes(decide(t, a)); !cmp.Equal(c, []eligibility.Code{eligibility.HealthEstablishment}) {
			t.Errorf("%s: %v; want HEALTH-ESTABLISHMENT", k, c)
		}
	}
}

// TestEnumText: Kind and Outcome read what they write; other text, and
// values out of range, are typed errors.
func TestEnumText(t *testing.T) {
	for _, k := range []eligibility.Kind{0, eligibility.Health, eligibility.MedicoSocial, eligibility.OtherKind} {
		text, err := k.MarshalText()
		var back eligibility.Kind
		if err != nil || back.UnmarshalText(text) != nil || back != k {
			t.Errorf("kind %s: %q %v → %s", k, text, err, back)
		}
	}
	for _, o := range []eligibility.Outcome{0, eligibility.OutcomeRefused, eligibility.OutcomeOpen, eligibility.OutcomePaid, eligibility.OutcomeRepaid} {
		text, err := o.MarshalText()
		var back eligibility.Outcome
		if err != nil || back.UnmarshalText(text) != nil || back != o {
			t.Errorf("outcome %s: %q %v → %s", o, text, err, back)
		}
	}
	if _, err := eligibility.Kind(4).MarshalText(); !errors.Is(err, eligibility.ErrInvalidApplication) || eligibility.Kind(4).String() != "invalid kind 4" {
		t.Errorf("kind 4: %v %s", err, eligibility.Kind(4))
	}
	if _, err := eligibility.Outcome(5).MarshalText(); !errors.Is(err, eligibility.ErrInvalidApplication) || eligibility.Outcome(5).String() != "invalid outcome 5" {
		t.Errorf("outcome 5: %v %s", err, eligibility.Outcome(5))
	}
	var k eligibility.Kind
	var o eligibility.Outcome
	if !errors.Is(k.UnmarshalText([]byte("hospital")), eligibility.ErrInvalidApplication) || !errors.Is(o.UnmarshalText([]byte("closed")), eligibility.ErrInvalidApplication) {
		t.Error("unknown text accepted")
	}
}

// TestDecodeNewFields: the new parts of an application are read strictly,
// every problem at its JSON path.
func TestDecodeNewFields(t *testing.T) {
	in := []byte(`{
  "establishment": {"kind": "hospital"},
  "ght_conditions": {"prerequisites": {"ps1_1_ght_identity_cell": "yes", "attested": {"ps4_1": true}}},
  "history": {"applications": [{"window": "1", "domains": [{"domain": "DS4", "outcome": "closed", "when": "2021"}]}]}
}`)
	_, err := eligibility.DecodeApplication(in)
	fields := codectest.Places(t, err)
	for _, want := range []string{"establishment.kind", "ght_conditions.prerequisites.ps1_1_ght_identity_cell", "ght_conditions.prerequisites.attested.ps4_1",
		"history.applications[0].domains[0].domain", "history.applications[0].domains[0].outcome", "history.applications[0].domains[0].when"} {
		if !slices.Contains(fields, want) {
			t.Errorf("no problem at %s: %v", want, fields)
		}
	}
}

// checkDomainDecisions: a decision is validated when one of its domains
// is; a domain is refused exactly when it has reasons, every reason of the
// whole application among them; Validated lists the validated domains in
// the order applied for; Reasons is every reason, each once.
func checkDomainDecisions(t *rapid.T) {
	a := genApplication(t)
	d := decide(t, a)
	doms := d.Domains()
	if len(doms) != len(a.Domains) {
		t.Fatalf("%d domain decisions for %d domains", len(doms), len(a.Domains))
	}
	var validated []forfait.Variant
	var all []eligibility.Reason
	for _, r := range d.Reasons() {
		if r.Domain == 0 {
			all = append(all, r)
		}
	}
	for i, x := range doms {
		if x.Variant != a.Domains[i] || (x.Status == eligibility.Refused) != (len(x.Reasons) > 0) || !x.Status.IsValid() {
			t.Fatalf("domain %d: %+v", i, x)
		}
		if x.Status == eligibility.Validated {
			validated = append(validated, x.Variant)
		}
		for _, r := range x.Reasons {
			if r.Domain != 0 && r.Domain != x.Variant.Domain {
				t.Fatalf("domain %s refused for another domain's reason %+v", x.Variant, r)
			}
			if r.Domain != 0 {
				all = append(all, r)
			}
		}
		for _, r := range d.Reasons() {
			if r.Domain == 0 && !slices.ContainsFunc(x.Reasons, func(y eligibility.Reason) bool { return y.Code == r.Code }) {
				t.Fatalf("domain %s lacks the application's reason %s", x.Variant, r.Code)
			}
		}
	}
	if !cmp.Equal(validated, d.Validated()) || (d.Status() == eligibility.Validated) != (len(validated) > 0) {
		t.Fatalf("status %s, validated %v; domains %+v", d.Status(), d.Validated(), doms)
	}
	if !cmp.Equal(all, d.Reasons()) {
		t.Fatalf("reasons %v; the domains' %v", codes(d), all)
	}
}

// checkFundedOnce: a domain whose earlier dossier is open, paid or repaid
// is never validated (§5), whatever else the application holds; one whose
// earlier applications were all refused is not refused for its history.
func checkFundedOnce(t *rapid.T) {
	a := genApplication(t)
	d := decide(t, a)
	for _, x := range d.Domains() {
		var funded bool
		for _, p := range a.History.Applications {
			for _, pd := range p.Domains {
				funded = funded || pd.Domain == x.Variant.Domain && pd.Outcome != eligibility.OutcomeRefused
			}
		}
		history := slices.ContainsFunc(x.Reasons, func(r eligibility.Reason) bool {
			return r.Code == eligibility.DomainOpen || r.Code == eligibility.DomainFunded || r.Code == eligibility.DomainRepaid
		})
		if funded != history || funded && x.Status == eligibility.Validated {
			t.Fatalf("domain %s: funded before %v, refused for it %v (%s)", x.Variant, funded, history, x.Status)
		}
	}
}

// checkDecisionDay: drawn days of the review period decide; any day
// after it is ErrReviewPeriod.
func checkDecisionDay(t *rapid.T) {
	a := genApplication(t)
	on := eligibilitytest.Day(&rules, &a).Draw(t, "on")
	if _, err := eligibility.Decide(&a, &rules, on); err != nil {
		t.Fatalf("Decide on %s: %v", on, err)
	}
	late := rules.Calendar().Terms(a.Window).Review.End.AddDate(0, 0, rapid.IntRange(1, 900).Draw(t, "days_late"))
	if _, err := eligibility.Decide(&a, &rules, late); !errors.Is(err, eligibility.ErrReviewPeriod) {
		t.Fatalf("Decide on %s: %v", late, err)
	}
}

func TestDomainProperties(t *testing.T) {
	t.Run("domain decisions", func(t *testing.T) { rapid.Check(t, checkDomainDecisions) })
	t.Run("funded once", func(t *testing.T) { rapid.Check(t, checkFundedOnce) })
	t.Run("decision day", func(t *testing.T) { rapid.Check(t, checkDecisionDay) })
}

func FuzzDomainDecisions(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkDomainDecisions)) }
func FuzzFundedOnce(f *testing.F)      { f.Fuzz(rapid.MakeFuzz(checkFundedOnce)) }
func FuzzDecisionDay(f *testing.F)     { f.Fuzz(rapid.MakeFuzz(checkDecisionDay)) }

// FuzzEnumText: Kind and Outcome read any text without panicking, accept
// only their own forms, and write back what they read.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"", "health", "medico-social", "other", "refused", "open", "paid", "repaid", "Health", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var k eligibility.Kind
		if err := k.UnmarshalText([]byte(s)); err != nil {
			if !errors.Is(err, eligibility.ErrInvalidApplication) {
				t.Fatalf("kind %q: untyped error %v", s, err)
			}
		} else if text, err := k.MarshalText(); err != nil || string(text) != s {
			t.Fatalf("kind %q wrote %q, %v", s, text, err)
		}
		var o eligibility.Outcome
		if err := o.UnmarshalText([]byte(s)); err != nil {
			if !errors.Is(err, eligibility.ErrInvalidApplication) {
				t.Fatalf("outcome %q: untyped error %v", s, err)
			}
		} else if text, err := o.MarshalText(); err != nil || string(text) != s {
			t.Fatalf("outcome %q wrote %q, %v", s, text, err)
		}
	})
}
