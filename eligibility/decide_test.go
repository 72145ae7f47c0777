package eligibility_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/eligibility/eligibilitytest"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/window"
)

func valid() eligibility.Application { return eligibilitytest.Valid() }

// rules are the instruction's rules every test reads; none amends them.
var rules = instruction.Instruction2021()

// inWindow2 moves a to window 2, filed on 15 March 2022, so that an
// earlier window-1 application is not in its window.
func inWindow2(a *eligibility.Application) {
	a.Window, a.Filed = window.W2, window.DateOf(2022, time.March, 15)
}

// past gives a an earlier window-1 application whose DS3 ended at o.
func past(a *eligibility.Application, o eligibility.Outcome) {
	inWindow2(a)
	a.History.Applications = []eligibility.PastApplication{{Window: window.W1, Filed: window.DateOf(2021, time.October, 1),
		Domains: []eligibility.PastDomain{{Domain: forfait.DS1, Outcome: eligibility.OutcomeRefused}, {Domain: forfait.DS3, Outcome: o}}}}
}

// breakers break exactly one condition of valid().
var breakers = map[eligibility.Code]func(*eligibility.Application){
	eligibility.Territory: func(a *eligibility.Application) {
		a.Establishment.FINESSGeo = forfait.MustParseFINESS("987000012")
	},
	eligibility.HealthEstablishment: func(a *eligibility.Application) { a.Establishment.Kind = eligibility.MedicoSocial },
	eligibility.GHTIdentityCell:     func(a *eligibility.Application) { a.GHT.Prerequisites.IdentityCell = false },
	eligibility.GHTSecurityPolicy:   func(a *eligibility.Application) { a.GHT.Prerequisites.SecurityPolicy = false },
	eligibility.GHTMemberPolicy:     func(a *eligibility.Application) { a.GHT.Prerequisites.MemberPolicy = false },
	eligibility.GHTSecurityOfficer:  func(a *eligibility.Application) { a.GHT.Prerequisites.SecurityOfficer = false },
	eligibility.GHTAttestedPS11:     func(a *eligibility.Application) { a.GHT.Prerequisites.Attested.PS11 = false },
	eligibility.GHTAttestedPS12:     func(a *eligibility.Application) { a.GHT.Prerequisites.Attested.PS12 = false },
	eligibility.GHTAttestedPS21:     func(a *eligibility.Application) { a.GHT.Prerequisites.Attested.PS21 = false },
	eligibility.GHTAttestedPS22:     func(a *eligibility.Application) { a.GHT.Prerequisites.Attested.PS22 = false },
	eligibility.GHTAttestedPS31:     func(a *eligibility.Application) { a.GHT.Prerequisites.Attested.PS31 = false },
	eligibility.GHTAttestedPS32:     func(a *eligibility.Application) { a.GHT.Prerequisites.Attested.PS32 = false },
	eligibility.DomainOpen:          func(a *eligibility.Application) { past(a, eligibility.OutcomeOpen) },
	eligibility.DomainRepaid:        func(a *eligibility.Application) { past(a, eligibility.OutcomeRepaid) },
	eligibility.PS11Meetings:        func(a *eligibility.Application) { a.Prerequisites.IdentityCell.MeetsEverySemester = false },
	eligibility.PS11Report:          func(a *eligibility.Application) { a.Prerequisites.IdentityCell.ActivityReport = false },
	eligibility.PS12RNIV:            func(a *eligibility.Application) { a.Prerequisites.RNIV.QuestionnaireCompleted = false },
	eligibility.PS21Policy:          func(a *eligibility.Application) { a.Prerequisites.Security.Policy = false },
	eligibility.PS21RiskAnalysis:    func(a *eligibility.Application) { a.Prerequisites.Security.RiskAnalysis = false },
	eligibility.PS21ActionPlan:      func(a *eligibility.Application) { a.Prerequisites.Security.ActionPlan = false },
	eligibility.PS21Plan309:         func(a *eligibility.Application) { a.Prerequisites.Security.Plan309Completed = false },
	eligibility.PS21RSSI:            func(a *eligibility.Application) { a.Prerequisites.Security.RSSI = false },
	eligibility.PS21Meetings: func(a *eligibility.Application) {
		a.Prerequisites.Security.ManagementMeetingsPerYear = rules.Prerequisites.SecurityMeetings - 1
	},
	eligibility.PS21Incidents: func(a *eligibility.Application) { a.Prerequisites.Security.IncidentProcedure = false },
	eligibility.PS22Audit:     func(a *eligibility.Application) { a.Prerequisites.CyberAudit.Attestation = false },
	eligibility.PS22OrderWindow: func(a *eligibility.Application) {
		a.Window, a.Filed = window.W2, window.DateOf(2022, time.March, 15)
		a.Prerequisites.CyberAudit = eligibility.CyberAudit{PurchaseOrder: true, AuditDate: window.DateOf(2022, time.April, 1)}
	},
	eligibility.PS22OrderLate: func(a *eligibility.Application) {
		a.Prerequisites.CyberAudit = eligibility.CyberAudit{PurchaseOrder: true, AuditDate: window.DateOf(2022, time.January, 1)}
	},
	eligibility.PS31DMP:      func(a *eligibility.Application) { a.Prerequisites.DMP.FeedsDMP = false },
	eligibility.PS32MSSante:  func(a *eligibility.Application) { a.Prerequisites.MSSante.Connected = false },
	eligibility.Activity:     func(a *eligibility.Application) { a.Establishment.CombinedActivity = decimal.Zero },
	eligibility.FilingPeriod: func(a *eligibility.Application) { a.Filed = window.DateOf(2021, time.November, 1) },
	eligibility.OnePerWindow: func(a *eligibility.Application) {
		a.History.Applications = []eligibility.PastApplication{{Window: window.W1}}
	},
	eligibility.DomainFunded: func(a *eligibility.Application) { past(a, eligibility.OutcomePaid) },
	eligibility.DS2Lab: func(a *eligibility.Application) {
		a.Establishment.Lab = &eligibility.Unit{FINESSJur: forfait.MustParseFINESS("690000019")}
	},
	eligibility.DS3Imaging:         func(a *eligibility.Application) { a.Establishment.Imaging = nil },
	eligibility.RELIMS:             func(a *eligibility.Application) { a.RELIMS = false },
	eligibility.OSISPrerequisites:  func(a *eligibility.Application) { a.OSIS.PrerequisitesEntered = false },
	eligibility.OSISCommitment:     func(a *eligibility.Application) { a.OSIS.TargetsCommitment = false },
	eligibility.GHTSDSI:            func(a *eligibility.Application) { a.GHT.SDSIDeposited = false },
	eligibility.GHTConvergence:     func(a *eligibility.Application) { a.GHT.ConvergenceIndicatorsEntered = false },
	eligibility.GHTCIO:             func(a *eligibility.Application) { a.GHT.CIOAppointed = false },
	eligibility.GHTValidation:      func(a *eligibility.Application) { a.GHT.SupportDirectorValidated = false },
	eligibility.OutsideConvergence: func(a *eligibility.Application) { a.SoftwareOutsideConvergence = true },
}

// tb is what decide needs of a *testing.T or a *rapid.T.
type tb interface {
	Helper()
	Fatalf(format string, args ...any)
}

// decisionDay is the last day of a's review period: a day any
// application filed in its application period may be decided on (§6.1).
func decisionDay(a *eligibility.Application) window.Date {
	return rules.Calendar().Terms(a.Window).Review.End
}

func decide(t tb, a eligibility.Application) eligibility.Decision {
	t.Helper()
	dec, err := eligibility.Decide(&a, &rules, decisionDay(&a))
	if err != nil {
		t.Fatalf("Decide: %v", err)
	}
	return dec
}

func codes(d eligibility.Decision) []eligibility.Code {
	var cs []eligibility.Code
	for _, r := range d.Reasons() {
		cs = append(cs, r.Code)
	}
	return cs
}

func TestValid(t *testing.T) {
	d := decide(t, valid())
	if d.Status() != eligibility.Validated || len(d.Reasons()) != 0 || !cmp.Equal(d.Validated(), valid().Domains) {
		t.Fatalf("valid application: %v %v %v", d.Status(), codes(d), d.Validated())
	}
	if !d.Date().Equal(window.DateOf(2021, time.December, 31)) {
		t.Errorf("decided on %s", d.Date())
	}
}

// TestEachReason: one case per reason code; breaking the condition gives
// that reason alone, citing its paragraph, in both languages; a condition
// of the whole application refuses every domain, a per-domain one its
// domain alone.
func TestEachReason(t *testing.T) {
	conds := eligibility.Conditions(&rules)
	if len(breakers) != len(conds) {
		t.Fatalf("%d breakers for %d conditions", len(breakers), len(conds))
	}
	for _, c := range conds {
		t.Run(string(c.Code), func(t *testing.T) {
			a := valid()
			breakers[c.Code](&a)
			d := decide(t, a)
			if !cmp.Equal(codes(d), []eligibility.Code{c.Code}) {
				t.Fatalf("got %s %v, want %s alone", d.Status(), codes(d), c.Code)
			}
			r := d.Reasons()[0]
			if r.Source == "" || r.French == "" || r.English == "" || r.Source != c.Source {
				t.Errorf("reason %+v lacks a citation or a message", r)
			}
			if c.PerDomain() != (r.Domain != 0) {
				t.Errorf("reason %+v: domain set %v, per-domain condition %v", r, r.Domain != 0, c.PerDomain())
			}
			for _, x := range d.Domains() {
				refused := !c.PerDomain() || x.Variant.Domain == r.Domain
				if refused != (x.Status == eligibility.Refused) || refused != (len(x.Reasons) == 1) {
					t.Errorf("domain %s: %s %v", x.Variant, x.Status, x.Reasons)
				}
			}
			if want := map[bool]eligibility.Status{true: eligibility.Validated, false: eligibility.Refused}[c.PerDomain()]; d.Status() != want {
				t.Errorf("status %s, want %s", d.Status(), want)
			}
		})
	}
}

func TestConditionsCatalog(t *testing.T) {
	known := map[string]bool{}
	for _, e := range forfait.Interpretations() {
		known[e.ID] = true
	}
	seen := map[eligibility.Code]bool{}
	for _, c := range eligibility.Conditions(&rules) {
		for _, id := range c.Interpretations {
			if !known[id] {
				t.Errorf("condition %s cites %s, not in the register", c.Code, id)
			}
		}
		if seen[c.Code] || c.Source == "" || c.French == "" || c.English == "" {
			t.Errorf("condition %s: duplicate, or without citation or message", c.Code)
		}
		seen[c.Code] = true
	}
}

// TestThreeReasons: several failures give every reason at once, in the
// order of Conditions; a per-domain reason names its domain.
func TestThreeReasons(t *testing.T) {
	a := valid()
	a.Prerequisites.RNIV.QuestionnaireCompleted = false
	a.Establishment.Lab = nil
	inWindow2(&a)
	a.History.Applications = []eligibility.PastApplication{{Window: window.W1,
		Domains: []eligibility.PastDomain{{Domain: forfait.DS1, Outcome: eligibility.OutcomePaid}, {Domain: forfait.DS2, Outcome: eligibility.OutcomePaid}}}}
	d := decide(t, a)
	type cd struct {
		Code   eligibility.Code
		Domain forfait.Domain
	}
	var got []cd
	for _, r := range d.Reasons() {
		got = append(got, cd{r.Code, r.Domain})
	}
	want := []cd{{eligibility.PS12RNIV, 0}, {eligibility.DomainFunded, forfait.DS1}, {eligibility.DomainFunded, forfait.DS2}, {eligibility.DS2Lab, forfait.DS2}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reasons (-want +got):\n%s", diff)
	}
}

// TestConditionsThatDoNotApply: GHT conditions (§5 and Annexe 1's GHT
// column) bind GHT members only, the
// directors' validation public members only, the lab and imaging unit the
// domains that need them, the purchase order window 1 only.
func TestConditionsThatDoNotApply(t *testing.T) {
	a := valid()
	a.Establishment.GHT = nil
	a.GHT = eligibility.GHTConditions{}
	if d := decide(t, a); d.Status() != eligibility.Validated || len(d.Reasons()) != 0 {
		t.Errorf("outside any GHT: %v", codes(d))
	}
	a = valid()
	a.Establishment.GHT.Public = false
	a.GHT.DirectorValidated, a.GHT.SupportDirectorValidated = false, false
	if d := decide(t, a); d.Status() != eligibility.Validated || len(d.Reasons()) != 0 {
		t.Errorf("private GHT member without directors' validation: %v", codes(d))
	}
	a = valid()
	a.Domains = []forfait.Variant{{Domain: forfait.DS1}}
	a.Establishment.Lab, a.Establishment.Imaging = nil, nil
	if d := decide(t, a); d.Status() != eligibility.Validated || len(d.Reasons()) != 0 {
		t.Errorf("DS1 only, without lab or imaging: %v", codes(d))
	}
	a = valid()
	a.Prerequisites.CyberAudit = eligibility.CyberAudit{PurchaseOrder: true, AuditDate: window.DateOf(2021, time.December, 31)}
	if d := decide(t, a); d.Status() != eligibility.Validated || len(d.Reasons()) != 0 {
		t.Errorf("window-1 purchase order, audit on 31 Dec 2021: %v", codes(d))
	}
	a.Prerequisites.CyberAudit.AuditDate = window.Date{}
	if d := decide(t, a); !cmp.Equal(codes(d), []eligibility.Code{eligibility.PS22OrderLate}) {
		t.Errorf("window-1 purchase order without an audit date: %v", codes(d))
	}
}

func TestInvalidApplication(t *testing.T) {
	a := valid()
	a.Establishment.FINESSGeo = forfait.FINESS{}
	a.Establishment.Region = 0
	a.Establishment.CombinedActivity = decimal.New(-1, 0)
	a.Filed = window.Date{}
	a.Window = 5
	a.Domains = []forfait.Variant{{Domain: forfait.DS2, CRO: true}, {Domain: forfait.DS2}, {Domain: 9}}
	a.Establishment.Lab = &eligibility.Unit{}
	a.Establishment.Kind = 0
	a.Prerequisites.Security.ManagementMeetingsPerYear = -1
	a.History.Applications = []eligibility.PastApplication{{Window: 0, Domains: []eligibility.PastDomain{{Domain: 7, Outcome: 9}}}}
	_, err := eligibility.Decide(&a, &rules, window.Date{})
	fields := codectest.Places(t, err)
	want := []string{
		"establishment.finess_geographique", "establishment.biology_lab.finess_juridique", "establishment.region", "establishment.kind",
		"establishment.combined_activity", "prerequisites.ps2_1_security.management_meetings_per_year", "filed", "window", "domains[0].cro", "domains[1]", "domains[2].domain",
		"history.applications[0].window", "history.applications[0].domains[0].domain", "history.applications[0].domains[0].outcome",
	}
	if diff := cmp.Diff(want, fields); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
	for _, sentinel := range []error{forfait.ErrInvalidFINESS, envelope.ErrUnknownRegion, eligibility.ErrInvalidApplication,
		window.ErrInvalid, forfait.ErrBonusNotDS1, forfait.ErrInvalidDomain} {
		if !errors.Is(err, sentinel) {
			t.Errorf("error does not wrap %v", sentinel)
		}
	}
	// A kind not given shows no value; an unknown one shows what it is.
	for kind, value := range map[eligibility.Kind]string{0: `""`, 9: eligibility.Kind(9).String()} {
		a := valid()
		a.Establishment.Kind = kind
		var ie *forfait.InputError
		if err := a.Validate(); !errors.As(err, &ie) || ie.Where() != "establishment.kind" || ie.Value != value {
			t.Errorf("kind %d: %v; want the value %s", kind, err, value)
		}
	}
	a = eligibility.Application{}
	if _, err := eligibility.Decide(&a, &rules, window.DateOf(2021, time.December, 1)); !errors.Is(err, eligibility.ErrInvalidApplication) {
		t.Errorf("zero application: %v", err)
	}
}

func TestJSON(t *testing.T) {
	a := valid()
	a.Prerequisites.CyberAudit = eligibility.CyberAudit{PurchaseOrder: true, AuditDate: window.DateOf(2021, time.November, 30)}
	a.History.Applications = []eligibility.PastApplication{{Window: window.W1, Filed: window.DateOf(2021, time.September, 2)}}
	data, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var back eligibility.Application
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatalf("Unmarshal(%s): %v", data, err)
	}
	if diff := cmp.Diff(a, back); diff != "" {
		t.Errorf("application round trip (-want +got):\n%s", diff)
	}
	for _, key := range []string{`"finess_geographique":"750712184"`, `"combined_activity":"127800"`, `"filed":"2021-09-15"`,
		`"window":"1"`, `"domains":["DS1+CRO","DS2","DS3"]`, `"ps2_2_cyber_audit":{"signed_attestation":false,"purchase_order":true,"audit_date":"2021-11-30"}`,
		`"region":"Ile-de-France"`} {
		if !json.Valid(data) || !strings.Contains(string(data), key) {
			t.Errorf("JSON lacks %s:\n%s", key, data)
		}
	}
	b := valid()
	b.Establishment.Lab = nil
	d := decide(t, b)
	data, err = json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"status":"validated"`, `"decided":"2021-12-31"`, `{"variant":"DS1+CRO","status":"validated"}`,
		`{"variant":"DS2","status":"refused","reasons":[{"code":"DS2-LAB"`, `"reasons":[{"code":"DS2-LAB"`, `"application":{`} {
		if !json.Valid(data) || !strings.Contains(string(data), key) {
			t.Errorf("decision JSON lacks %s:\n%s", key, data)
		}
	}
	for _, bad := range []string{`{"establishment":{"combined_activity":"lots"}}`, `{"filed":"15/09/2021"}`, `{"establishment":{"finess_juridique":"1"}}`,
		`{"establishment":{"kind":"hospital"}}`, `{"history":{"applications":[{"domains":[{"outcome":"closed"}]}]}}`} {
		if err := json.Unmarshal([]byte(bad), &eligibility.Application{}); err == nil {
			t.Errorf("Unmarshal(%s) accepted", bad)
		}
	}
}

func genApplication(t *rapid.T) eligibility.Application {
	return eligibilitytest.Application(&rules).Draw(t, "application")
}

// fixers make one reason's condition hold without touching any other.
var fixers = map[eligibility.Code]func(*eligibility.Application){
	eligibility.PS11Meetings:     func(a *eligibility.Application) { a.Prerequisites.IdentityCell.MeetsEverySemester = true },
	eligibility.PS11Report:       func(a *eligibility.Application) { a.Prerequisites.IdentityCell.ActivityReport = true },
	eligibility.PS12RNIV:         func(a *eligibility.Application) { a.Prerequisites.RNIV.QuestionnaireCompleted = true },
	eligibility.PS21Policy:       func(a *eligibility.Application) { a.Prerequisites.Security.Policy = true },
	eligibility.PS21RiskAnalysis: func(a *eligibility.Application) { a.Prerequisites.Security.RiskAnalysis = true },
	eligibility.PS21ActionPlan:   func(a *eligibility.Application) { a.Prerequisites.Security.ActionPlan = true },
	eligibility.PS21Plan309:      func(a *eligibility.Application) { a.Prerequisites.Security.Plan309Completed = true },
	eligibility.PS21RSSI:         func(a *eligibility.Application) { a.Prerequisites.Security.RSSI = true },
	eligibility.PS21Meetings: func(a *eligibility.Application) {
		a.Prerequisites.Security.ManagementMeetingsPerYear = rules.Prerequisites.SecurityMeetings
	},
	eligibility.PS21Incidents:   func(a *eligibility.Application) { a.Prerequisites.Security.IncidentProcedure = true },
	eligibility.PS22Audit:       func(a *eligibility.Application) { a.Prerequisites.CyberAudit.Attestation = true },
	eligibility.PS22OrderWindow: func(a *eligibility.Application) { a.Prerequisites.CyberAudit.Attestation = true },
	eligibility.PS22OrderLate: func(a *eligibility.Application) {
		a.Prerequisites.CyberAudit.AuditDate = window.DateOf(2021, time.December, 1)
	},
	eligibility.PS31DMP:     func(a *eligibility.Application) { a.Prerequisites.DMP.FeedsDMP = true },
	eligibility.PS32MSSante: func(a *eligibility.Application) { a.Prerequisites.MSSante.Connected = true },
	eligibility.Activity:    func(a *eligibility.Application) { a.Establishment.CombinedActivity = decimal.New(1, 0) },
	eligibility.FilingPeriod: func(a *eligibility.Application) {
		a.Filed = rules.Calendar().Terms(a.Window).Application.Start
	},
	eligibility.OnePerWindow: func(a *eligibility.Application) {
		a.History.Applications = slices.DeleteFunc(slices.Clone(a.History.Applications), func(p eligibility.PastApplication) bool { return p.Window == a.Window })
	},
	eligibility.DomainOpen:   func(a *eligibility.Application) { forget(a, eligibility.OutcomeOpen) },
	eligibility.DomainFunded: func(a *eligibility.Application) { forget(a, eligibility.OutcomePaid) },
	eligibility.DomainRepaid: func(a *eligibility.Application) { forget(a, eligibility.OutcomeRepaid) },
	eligibility.Territory: func(a *eligibility.Application) {
		a.Establishment.FINESSGeo = forfait.MustParseFINESS("750712184")
		a.Establishment.FINESSJur = forfait.MustParseFINESS("750000015")
	},
	eligibility.HealthEstablishment: func(a *eligibility.Application) { a.Establishment.Kind = eligibility.Health },
	eligibility.GHTIdentityCell:     func(a *eligibility.Application) { a.GHT.Prerequisites.IdentityCell = true },
	eligibility.GHTSecurityPolicy:   func(a *eligibility.Application) { a.GHT.Prerequisites.SecurityPolicy = true },
	eligibility.GHTMemberPolicy:     func(a *eligibility.Application) { a.GHT.Prerequisites.MemberPolicy = true },
	eligibility.GHTSecurityOfficer:  func(a *eligibility.Application) { a.GHT.Prerequisites.SecurityOfficer = true },
	eligibility.GHTAttestedPS11:     func(a *eligibility.Application) { a.GHT.Prerequisites.Attested.PS11 = true },
	eligibility.GHTAttestedPS12:     func(a *eligibility.Application) { a.GHT.Prerequisites.Attested.PS12 = true },
	eligibility.GHTAttestedPS21:     func(a *eligibility.Application) { a.GHT.Prerequisites.Attested.PS21 = true },
	eligibility.GHTAttestedPS22:     func(a *eligibility.Application) { a.GHT.Prerequisites.Attested.PS22 = true },
	eligibility.GHTAttestedPS31:     func(a *eligibility.Application) { a.GHT.Prerequisites.Attested.PS31 = true },
	eligibility.GHTAttestedPS32:     func(a *eligibility.Application) { a.GHT.Prerequisites.Attested.PS32 = true },
	eligibility.DS2Lab: func(a *eligibility.Application) {
		a.Establishment.Lab = &eligibility.Unit{FINESSJur: a.Establishment.FINESSJur}
	},
	eligibility.DS3Imaging: func(a *eligibility.Application) {
		a.Establishment.Imaging = &eligibility.Unit{FINESSJur: a.Establishment.FINESSJur}
	},
	eligibility.RELIMS:             func(a *eligibility.Application) { a.RELIMS = true },
	eligibility.OSISPrerequisites:  func(a *eligibility.Application) { a.OSIS.PrerequisitesEntered = true },
	eligibility.OSISCommitment:     func(a *eligibility.Application) { a.OSIS.TargetsCommitment = true },
	eligibility.GHTSDSI:            func(a *eligibility.Application) { a.GHT.SDSIDeposited = true },
	eligibility.GHTConvergence:     func(a *eligibility.Application) { a.GHT.ConvergenceIndicatorsEntered = true },
	eligibility.GHTCIO:             func(a *eligibility.Application) { a.GHT.CIOAppointed = true },
	eligibility.GHTValidation:      func(a *eligibility.Application) { a.GHT.DirectorValidated, a.GHT.SupportDirectorValidated = true, true },
	eligibility.OutsideConvergence: func(a *eligibility.Application) { a.SoftwareOutsideConvergence = false },
}

// forget drops from a's history every domain that ended at o.
func forget(a *eligibility.Application, o eligibility.Outcome) {
	apps := slices.Clone(a.History.Applications)
	for i := range apps {
		apps[i].Domains = slices.DeleteFunc(slices.Clone(apps[i].Domains), func(d eligibility.PastDomain) bool { return d.Outcome == o })
	}
	a.History.Applications = apps
}

// checkEarlierFundingIrrelevant: earlier HOP'EN or Hôpital numérique
// funding never changes the decision (§5).
func checkEarlierFundingIrrelevant(t *rapid.T) {
	a := genApplication(t)
	d := decide(t, a)
	a.History.HOPEN, a.History.HopitalNumerique = !a.History.HOPEN, !a.History.HopitalNumerique
	if other := decide(t, a); other.Status() != d.Status() || !cmp.Equal(d.Reasons(), other.Reasons()) {
		t.Fatalf("earlier funding changed the decision: %v → %v", codes(d), codes(other))
	}
}

// checkBreakOne: breaking one condition of a valid application yields
// exactly that condition's reason.
func checkBreakOne(t *rapid.T) {
	conds := eligibility.Conditions(&rules)
	c := conds[rapid.IntRange(0, len(conds)-1).Draw(t, "condition")]
	a := valid()
	breakers[c.Code](&a)
	if got := codes(decide(t, a)); !cmp.Equal(got, []eligibility.Code{c.Code}) {
		t.Fatalf("breaking %s gave %v", c.Code, got)
	}
}

// checkFixNeverAdds: fixing the condition behind one reason removes that
// reason and adds none.
func checkFixNeverAdds(t *rapid.T) {
	a := genApplication(t)
	before := decide(t, a)
	reasons := before.Reasons()
	if len(reasons) == 0 {
		return
	}
	r := reasons[rapid.IntRange(0, len(reasons)-1).Draw(t, "reason")]
	fixers[r.Code](&a)
	after := decide(t, a)
	for _, x := range after.Reasons() {
		if x.Code == r.Code && x.Domain == r.Domain {
			t.Fatalf("fixing %s left it: %v", r.Code, codes(after))
		}
		if !slices.ContainsFunc(reasons, func(y eligibility.Reason) bool { return y.Code == x.Code && y.Domain == x.Domain }) {
			t.Fatalf("fixing %s added %s: %v → %v", r.Code, x.Code, codes(before), codes(after))
		}
	}
}

func TestProperties(t *testing.T) {
	if len(fixers) != len(eligibility.Conditions(&rules)) {
		t.Fatalf("%d fixers for %d conditions", len(fixers), len(eligibility.Conditions(&rules)))
	}
	t.Run("earlier funding irrelevant", func(t *testing.T) { rapid.Check(t, checkEarlierFundingIrrelevant) })
	t.Run("break one", func(t *testing.T) { rapid.Check(t, checkBreakOne) })
	t.Run("fix never adds", func(t *testing.T) { rapid.Check(t, checkFixNeverAdds) })
}

func FuzzEarlierFundingIrrelevant(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(checkEarlierFundingIrrelevant))
}
func FuzzBreakOne(f *testing.F)     { f.Fuzz(rapid.MakeFuzz(checkBreakOne)) }
func FuzzFixNeverAdds(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkFixNeverAdds)) }

// FuzzApplicationJSON: any JSON either fails to decode, is reported
// malformed with typed errors, or gets a decision consistent with its
// reasons; nothing panics.
func FuzzApplicationJSON(f *testing.F) {
	v := valid()
	data, _ := json.Marshal(v)
	f.Add(data)
	f.Add([]byte(`{"establishment":{"combined_activity":"1e99999"},"window":"1"}`))
	f.Add([]byte(`{"domains":[{"domain":"DS9"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var a eligibility.Application
		if err := json.Unmarshal(data, &a); err != nil {
			return
		}
		on := window.DateOf(2021, time.December, 1)
		if a.Window.IsValid() {
			on = rules.Calendar().Terms(a.Window).Review.End
		}
		d, err := eligibility.Decide(&a, &rules, on)
		if err != nil {
			for _, e := range forfait.Problems(err) {
				var fe *forfait.InputError
				if !errors.As(e, &fe) {
					t.Fatalf("untyped error %v", e)
				}
			}
			return
		}
		if !d.Status().IsValid() {
			t.Fatalf("decision without a status: %+v", d)
		}
	})
}

// TestEdges: the exponent bound of the combined activity is ±1000 inclusive.
func TestEdges(t *testing.T) {
	for exp, ok := range map[int32]bool{-1000: true, 1000: true, -1001: false, 1001: false} {
		a := valid()
		a.Establishment.CombinedActivity = decimal.New(1, exp)
		if err := a.Validate(); (err == nil) != ok {
			t.Errorf("exponent %d: %v", exp, err)
		}
	}
}

// TestSecurityMeetings: the PS2.1 minimum of RSSI/management meetings and
// the deadline of a window-1 audit order come from the rules, and so do
// the messages that name them (Annexe 1, PS2.1 and PS2.2): amending the
// rules moves the check and the letter together.
func TestSecurityMeetings(t *testing.T) {
	amended := instruction.Instruction2021()
	amended.Prerequisites.SecurityMeetings = 3
	amended.Forfait.Windows[0].Review.End = window.DateOf(2021, time.December, 20)
	if err := amended.Validate(); err != nil {
		t.Fatal(err)
	}
	on := window.DateOf(2021, time.December, 15)
	for _, tt := range []struct {
		name     string
		meetings int
		audit    window.Date
		want     []eligibility.Code
		fr, en   string
	}{
		{"2 meetings of 3", 2, window.DateOf(2021, time.November, 30), []eligibility.Code{eligibility.PS21Meetings},
			"Il n'y a pas au moins 3 rendez-vous annuels entre le RSSI et la direction.", "The RSSI and the management do not meet at least 3 times a year."},
		{"3 meetings", 3, window.DateOf(2021, time.November, 30), nil, "", ""},
		{"audit after the amended review end", 3, window.DateOf(2021, time.December, 24), []eligibility.Code{eligibility.PS22OrderLate},
			"L'audit commandé n'est pas prévu au plus tard à la fin de la période d'instruction de la fenêtre 1 (20 décembre 2021).",
			"The ordered audit is not planned by the end of window 1's review period (20 December 2021)."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := valid()
			a.Prerequisites.Security.ManagementMeetingsPerYear = tt.meetings
			a.Prerequisites.CyberAudit = eligibility.CyberAudit{PurchaseOrder: true, AuditDate: tt.audit}
			d, err := eligibility.Decide(&a, &amended, on)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, codes(d)); diff != "" {
				t.Fatalf("reasons (-want +got):\n%s", diff)
			}
			if tt.want != nil {
				if r := d.Reasons()[0]; r.French != tt.fr || r.English != tt.en {
					t.Errorf("messages %q / %q", r.French, r.English)
				}
			}
		})
	}
	p := instruction.Instruction2021()
	for _, n := range []int{-1, 367} {
		p.Prerequisites.SecurityMeetings = n
		if err := p.Validate(); !errors.Is(err, forfait.ErrInvalidRuleSet) {
			t.Errorf("%d meetings: %v", n, err)
		}
	}
}
