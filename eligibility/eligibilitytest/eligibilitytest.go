// Package eligibilitytest helps other teams test their application
// handling against the SUN-ES eligibility rules, in the manner of
// net/http/httptest: a valid application to start from, and a rapid
// generator of well-formed applications in which every condition of
// eligibility.Conditions (Annexe 1, §4.2, §5, §6.1) may or may not hold.
//
// # What it encodes
//
// Valid meets every condition; Application breaks any subset of them, so
// that a decision system can be checked against eligibility.Decide.
//
// # Sources
//
// Those of package eligibility.
//
// # Interpretations
//
// INT-09 and INT-10, through package eligibility.
//
// # Errors
//
// None: the generated applications are well formed (Application.Validate
// accepts them).
//
// # Example
//
//	rapid.Check(t, func(t *rapid.T) {
//		in := instruction.Instruction2021()
//		app := eligibilitytest.Application(&in).Draw(t, "application")
//		want, _ := eligibility.Decide(&app, &in)
//		// compare with your system's decision
//	})
package eligibilitytest

import (
	"time"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/window"
)

// Valid returns an application that meets every condition: a public GHT
// party applying in window 1 for DS1 with CRO, DS2 and DS3, with its own
// laboratory and imaging unit, every prerequisite proved.
func Valid() eligibility.Application {
	jur := forfait.MustParseFINESS("750000015")
	return eligibility.Application{
		Establishment: eligibility.Establishment{
			FINESSGeo: forfait.MustParseFINESS("750712184"), FINESSJur: jur, Name: "Centre hospitalier", Region: envelope.IleDeFrance,
			CombinedActivity: decimal.New(127800, 0),
			GHT:              &eligibility.GHTMembership{Name: "GHT Paris", Public: true},
			Lab:              &eligibility.Unit{FINESSJur: jur},
			Imaging:          &eligibility.Unit{FINESSJur: jur},
		},
		Filed:   window.DateOf(2021, time.September, 15),
		Window:  window.W1,
		Domains: []forfait.Variant{{Domain: forfait.DS1, CRO: true}, {Domain: forfait.DS2}, {Domain: forfait.DS3}},
		RELIMS:  true,
		OSIS:    eligibility.OSIS{PrerequisitesEntered: true, TargetsCommitment: true},
		Prerequisites: eligibility.Prerequisites{
			IdentityCell: eligibility.IdentityCell{MeetsEverySemester: true, ActivityReport: true},
			RNIV:         eligibility.RNIV{QuestionnaireCompleted: true},
			Security: eligibility.Security{Policy: true, RiskAnalysis: true, ActionPlan: true, Plan309Completed: true,
				RSSI: true, ManagementMeetingsPerYear: 2, IncidentProcedure: true},
			CyberAudit: eligibility.CyberAudit{Attestation: true},
			DMP:        eligibility.DMP{FeedsDMP: true},
			MSSante:    eligibility.MSSante{Connected: true},
		},
		GHT: eligibility.GHTConditions{SDSIDeposited: true, ConvergenceIndicatorsEntered: true, CIOAppointed: true,
			DirectorValidated: true, SupportDirectorValidated: true},
		History: eligibility.History{HOPEN: true, HopitalNumerique: true}, // never a reason (§5)
	}
}

// Application draws an application with every condition a coin toss
// (but well formed), so that any subset of reasons can occur; filing dates
// fall in and around the application periods of in's calendar.
func Application(in *instruction.Rules) *rapid.Generator[eligibility.Application] {
	return rapid.Custom(func(t *rapid.T) eligibility.Application {
		a := Valid()
		b := func(label string) bool { return rapid.Float64Range(0, 1).Draw(t, label) < 0.85 }
		a.Window = window.Window(rapid.IntRange(1, window.Count).Draw(t, "window"))
		app := in.Calendar().Terms(a.Window).Application
		a.Filed = app.Start.AddDate(0, 0, rapid.IntRange(-10, 70).Draw(t, "filed_offset"))
		all := []forfait.Variant{{Domain: forfait.DS1, CRO: rapid.Bool().Draw(t, "cro")}, {Domain: forfait.DS2}, {Domain: forfait.DS3}}
		a.Domains = nil
		for _, d := range all {
			if b("domain") {
				a.Domains = append(a.Domains, d)
			}
		}
		if len(a.Domains) == 0 {
			a.Domains = all[:1]
		}
		p := &a.Prerequisites
		p.IdentityCell = eligibility.IdentityCell{MeetsEverySemester: b("ps11a"), ActivityReport: b("ps11b")}
		p.RNIV.QuestionnaireCompleted = b("ps12")
		p.Security = eligibility.Security{Policy: b("ps21a"), RiskAnalysis: b("ps21b"), ActionPlan: b("ps21c"), Plan309Completed: b("ps21d"),
			RSSI: b("ps21e"), ManagementMeetingsPerYear: rapid.IntRange(0, 4).Draw(t, "meetings"), IncidentProcedure: b("ps21f")}
		p.CyberAudit = eligibility.CyberAudit{Attestation: b("attestation"), PurchaseOrder: rapid.Bool().Draw(t, "order")}
		if rapid.Bool().Draw(t, "audit_dated") {
			p.CyberAudit.AuditDate = window.DateOf(2021, time.December, 1+rapid.IntRange(0, 60).Draw(t, "audit_day"))
		}
		p.DMP.FeedsDMP, p.MSSante.Connected = b("ps31"), b("ps32")
		if !b("activity") {
			a.Establishment.CombinedActivity = decimal.Zero
		}
		if !b("lab") {
			a.Establishment.Lab = nil
		}
		if !b("imaging") {
			a.Establishment.Imaging = &eligibility.Unit{FINESSJur: forfait.MustParseFINESS("130000012")}
		}
		switch rapid.IntRange(0, 2).Draw(t, "ght") {
		case 0:
			a.Establishment.GHT = nil
		case 1:
			a.Establishment.GHT.Public = false
		}
		a.GHT = eligibility.GHTConditions{SDSIDeposited: b("sdsi"), ConvergenceIndicatorsEntered: b("conv"), CIOAppointed: b("cio"),
			DirectorValidated: b("dir"), SupportDirectorValidated: b("sdir")}
		a.RELIMS, a.OSIS.PrerequisitesEntered, a.OSIS.TargetsCommitment = b("relims"), b("osis1"), b("osis2")
		a.SoftwareOutsideConvergence = !b("convergence")
		if !b("history") {
			a.History.Applications = []eligibility.PastApplication{{Window: window.Window(rapid.IntRange(1, window.Count).Draw(t, "past"))}}
		}
		if !b("funded") {
			a.History.FundedDomains = []forfait.Domain{forfait.Domain(rapid.IntRange(1, 3).Draw(t, "funded_domain"))}
		}
		a.History.HOPEN, a.History.HopitalNumerique = rapid.Bool().Draw(t, "hopen"), rapid.Bool().Draw(t, "hn")
		return a
	})
}
