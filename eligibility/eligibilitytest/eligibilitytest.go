// Package eligibilitytest helps other teams test their application
// handling against the SUN-ES eligibility rules, in the manner of
// net/http/httptest: a valid application to start from, and a rapid
// generator of well-formed applications in which every condition of
// eligibility.Conditions (Annexe 1, §4.2, §5, §6.1) may or may not hold.
//
// # What it encodes
//
// Valid meets every condition; Application breaks any subset of them, so
// that a decision system can be checked against eligibility.Decide; Day
// draws a day to decide on, in the review period (§6.1).
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
//		on := eligibilitytest.Day(&in, &app).Draw(t, "on")
//		want, _ := eligibility.Decide(&app, &in, on)
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

// Valid returns an application that meets every condition: a public
// health establishment, party to a GHT, applying in window 1 for DS1 with
// CRO, DS2 and DS3, with its own laboratory and imaging unit, every
// prerequisite proved and vouched for within its GHT. Decide it on a day
// of window 1's review period, such as DecisionDay.
func Valid() eligibility.Application {
	jur := forfait.MustParseFINESS("750000015")
	return eligibility.Application{
		Establishment: eligibility.Establishment{
			FINESSGeo: forfait.MustParseFINESS("750712184"), FINESSJur: jur, Name: "Centre hospitalier", Region: envelope.IleDeFrance,
			Kind:             eligibility.Health,
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
			DirectorValidated: true, SupportDirectorValidated: true, Prerequisites: GHTPrerequisites()},
		History: eligibility.History{HOPEN: true, HopitalNumerique: true}, // never a reason (§5)
	}
}

// DecisionDay is a day of window 1's review period under the instruction's
// calendar, after Valid's filing: 1 December 2021.
func DecisionDay() window.Date { return window.DateOf(2021, time.December, 1) }

// GHTPrerequisites returns the GHT's share of the prerequisites, all met.
func GHTPrerequisites() eligibility.GHTPrerequisites {
	return eligibility.GHTPrerequisites{IdentityCell: true, SecurityPolicy: true, MemberPolicy: true, SecurityOfficer: true,
		Attested: eligibility.Attestations{PS11: true, PS12: true, PS21: true, PS22: true, PS31: true, PS32: true}}
}

// Day draws a day of the review period of a's window, on or after its
// filing when the filing falls in that period: a day a decides on.
func Day(in *instruction.Rules, a *eligibility.Application) *rapid.Generator[window.Date] {
	return rapid.Custom(func(t *rapid.T) window.Date {
		review := in.Calendar().Terms(a.Window).Review
		first := review.Start
		if review.Contains(a.Filed) {
			first = a.Filed
		}
		span := int(review.End.Time().Sub(first.Time()).Hours() / 24)
		return first.AddDate(0, 0, rapid.IntRange(0, span).Draw(t, "decision_offset"))
	})
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
			DirectorValidated: b("dir"), SupportDirectorValidated: b("sdir"),
			Prerequisites: eligibility.GHTPrerequisites{IdentityCell: b("ght_cell"), SecurityPolicy: b("pssi"), MemberPolicy: b("pssi_member"),
				SecurityOfficer: b("ght_rssi"), Attested: eligibility.Attestations{PS11: b("att11"), PS12: b("att12"), PS21: b("att21"),
					PS22: b("att22"), PS31: b("att31"), PS32: b("att32")}}}
		if !b("kind") {
			a.Establishment.Kind = eligibility.Kind(rapid.IntRange(2, 3).Draw(t, "kind"))
		}
		if !b("territory") {
			a.Establishment.FINESSGeo = forfait.MustParseFINESS(rapid.SampledFrom([]string{"986000012", "987000012", "988000012"}).Draw(t, "pacific"))
		}
		a.RELIMS, a.OSIS.PrerequisitesEntered, a.OSIS.TargetsCommitment = b("relims"), b("osis1"), b("osis2")
		a.SoftwareOutsideConvergence = !b("convergence")
		if !b("history") {
			p := eligibility.PastApplication{Window: window.Window(rapid.IntRange(1, window.Count).Draw(t, "past"))}
			for _, d := range []forfait.Domain{forfait.DS1, forfait.DS2, forfait.DS3} {
				if rapid.Bool().Draw(t, "past_"+d.String()) {
					p.Domains = append(p.Domains, eligibility.PastDomain{Domain: d, Outcome: eligibility.Outcome(rapid.IntRange(1, 4).Draw(t, "outcome"))})
				}
			}
			a.History.Applications = []eligibility.PastApplication{p}
		}
		a.History.HOPEN, a.History.HopitalNumerique = rapid.Bool().Draw(t, "hopen"), rapid.Bool().Draw(t, "hn")
		return a
	})
}
