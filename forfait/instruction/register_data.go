package instruction

// l lists names; it keeps the register's rows short.
func l(s ...string) []string { return s }

// enc is a rule the module applies as the text states it.
func enc(id string, money bool, statement string, symbols, tests []string) Rule {
	return Rule{ID: id, Statement: statement, Money: money, Status: Encoded, Symbols: symbols, Tests: tests}
}

// interp is a rule the module applies through the readings ints.
func interp(id string, money bool, statement string, ints, symbols, tests []string) Rule {
	return Rule{ID: id, Statement: statement, Money: money, Status: Interpreted, Interpretations: ints, Symbols: symbols, Tests: tests}
}

// not is a rule the module does not apply, and why.
func not(id string, money bool, statement, reason string) Rule {
	return Rule{ID: id, Statement: statement, Money: money, Status: NotEncoded, Reason: reason}
}

// Register returns the register of instruction DGOS/PF5/DNS/CTO/2021/167:
// every unit of the text and of its three annexes, in the text's order,
// each normative unit with the rules it states and how the module stands
// towards each (encoded, interpreted, not encoded). It is data: a rule ID
// never changes meaning and is never reused. Citations in the module name
// these units (Mention Outre-mer, §1 … §8, Annexe 1 and its rows PS1.1 …
// DS3.1, Annexe 2 §1 … §5, Annexe 3 §1 … §4).
func Register() []Unit {
	const outsideARS = "a duty of the ARS towards the national level, outside a rules library"
	const outsideNational = "a duty of the national level (DGOS, DNS), outside a rules library"
	return []Unit{
		{ID: "Mention Outre-mer", Heading: "Scope overseas", Kind: Normative, Rules: []Rule{
			interp("R-OM-01", true, "The rules apply overseas, except in French Polynesia, New Caledonia and Wallis and Futuna.",
				l("INT-21"), l("eligibility.Territory", "eligibility.Conditions", "eligibility.Decide"), l("TestScope", "TestEachReason")),
		}},
		{ID: "§1", Heading: "The Ségur: a chance to speed up the national e-health roadmap", Kind: Informative},
		{ID: "§2", Heading: "The digital part of the Ségur", Kind: Informative},
		{ID: "§2.1", Heading: "Mon Espace Santé for every citizen", Kind: Informative},
		{ID: "§2.2", Heading: "Work organised in task forces", Kind: Informative},
		{ID: "§2.3", Heading: "Two incentives: equipment (SONS) and usage funding", Kind: Normative, Rules: []Rule{
			enc("R-2.3-01", true, "Usage funding under this instruction goes to health establishments of the sanitaire sector only, not to health professionals or the médico-social sector.",
				l("eligibility.HealthEstablishment", "eligibility.Kind", "eligibility.Conditions", "eligibility.Decide"), l("TestScope", "TestEachReason")),
		}},
		{ID: "§3", Heading: "The SUN-ES programme: overview and steering", Kind: Informative},
		{ID: "§3.1", Heading: "Objectives of SUN-ES", Kind: Informative},
		{ID: "§3.2", Heading: "Two parts: feeding the DMP and secure messaging", Kind: Normative, Rules: []Rule{
			enc("R-3.2-01", true, "Part 1 (volet 1) has three domains: discharge documents, medical biology reports, imaging reports.",
				l("forfait.Domain", "forfait.NumDomains", "forfait.Domain.Label"), l("TestDescribe", "ExampleParse")),
			not("R-3.2-02", false, "The part-2 pilot of citizen secure messaging runs in three departments from July to November 2021; a later instruction covers generalisation.",
				"the pilot's departments and dates are chosen by the Assurance Maladie, outside the forfait rules"),
		}, Restates: l("R-5-02", "R-A1-01")},
		{ID: "§3.3", Heading: "Financial split between the two parts", Kind: Normative, Rules: []Rule{
			enc("R-3.3-01", true, "The national 210 M€ splits into 158 M€ for part 1 (123 M€ discharge documents, 11 M€ biology, 24 M€ imaging), 1.5 M€ for the part-2 pilot and 50.5 M€ for generalising secure messaging.",
				l("envelope.Annex2", "envelope.Instruction2021Annex2", "envelope.Annex2.Validate", "instruction.Instruction2021", "instruction.Rules.Validate"), l("TestAnnex2", "ExampleAnnex2_Validate")),
			enc("R-3.3-02", true, "The part-1 and part-2 envelopes are not interchangeable.",
				l("envelope.Volet", "envelope.NewLedger", "envelope.OpenLedger", "envelope.Ledger", "envelopetest.CheckNotifications"), l("TestLedger", "TestVolet2")),
			enc("R-3.3-03", true, "Only the ARS Hauts-de-France, Occitanie and Pays de la Loire take part in the part-2 pilot.",
				l("envelope.Annex2.Pilot", "envelope.OpenLedger", "envelope.ErrNotPilot", "audit.NotPilot", "audit.Audit"), l("TestVolet2Pilots", "TestVolet2")),
			not("R-3.3-04", true, "Each ARS designates the pilot establishments with the Assurance Maladie, the DNS and the DGOS, weighing legal status, activity and capacity to reach the objectives.",
				"a choice of the ARS and its partners, on criteria of their own, outside a rules library: the module takes the designation as given (R-3.3-08)"),
			not("R-3.3-05", true, "A pilot establishment's forfait is based on its 2019 combined activity.",
				"the text gives no formula below the cap: the module takes the amount the ARS declares (INT-18) and does not derive it from the combined activity"),
			interp("R-3.3-06", true, "A pilot establishment receives at most 100 k€.",
				l("INT-27"), l("envelope.SplitVolet2", "envelope.ErrVolet2Amount", "envelope.Ledger.Commit", "envelope.Ledger.Book", "audit.Volet2Cap"), l("TestVolet2", "TestVolet2Split", "checkVolet2Split")),
			interp("R-3.3-07", true, "A pilot forfait is paid 30 % in advance and 70 % when the pilot's objectives are reached.",
				l("INT-18", "INT-27"), l("envelope.SplitVolet2", "envelope.Volet2Settlement", "envelope.ErrVolet2Amount", "envelope.Ledger.Book", "audit.AdvanceAmount", "audit.BalanceAmount", "audit.Audit", "audit.Codes"),
				l("TestVolet2", "TestVolet2Split", "checkVolet2Split", "checkCountedOnce")),
			interp("R-3.3-08", true, "Part-2 funding goes to the establishments their ARS designated, on the forfait attributed to each.",
				l("INT-18"), l("audit.Establishment", "audit.NotDesignated", "envelope.Commitment", "envelope.Ledger.Commit", "envelope.SplitVolet2"), l("TestVolet2", "TestCommit")),
		}},
		{ID: "§4", Heading: "Funding terms of part 1", Kind: Informative},
		{ID: "§4.1", Heading: "Funding conditioned on usage objectives", Kind: Normative, Restates: l("R-5-09", "R-5-10")},
		{ID: "§4.2", Heading: "Consistency with GHT convergence", Kind: Normative, Rules: []Rule{
			interp("R-4.2-01", true, "Targets may not be reached with newly bought software outside the GHT's convergence plan; software already in place may be used.",
				l("INT-17"), l("eligibility.Conditions", "eligibility.Decide"), l("TestEachReason")),
		}},
		{ID: "§4.3", Heading: "Flat amounts per domain, whatever the cost", Kind: Normative, Rules: []Rule{
			enc("R-4.3-01", true, "The forfait depends on combined activity, domain and window; the earlier the window committed to, the lower its targets and the higher its forfait.",
				l("window.Schedule.Validate", "window.Schedule.Factor"), l("TestValidateWindows", "checkWindowsNonIncreasing", "checkTargetsNonDecreasing")),
		}, Restates: l("R-A3.3-01", "R-A3.4-01")},
		{ID: "§4.4", Heading: "An inclusive programme with regional envelopes", Kind: Normative, Restates: l("R-A2.1-02", "R-6.1-08")},
		{ID: "§5", Heading: "Conditions of funding", Kind: Normative, Rules: []Rule{
			enc("R-5-01", true, "An application is made per establishment (by FINESS), and its funding is computed on its own 2019 combined activity, even within a GHT or a private group.",
				l("eligibility.Application", "eligibility.Application.Validate", "eligibility.DecodeApplication", "eligibility.Establishment", "eligibility.Decision.Application", "forfait.FINESS", "forfaittest.Request", "settlementtest.Decision", "settlement.ErrInvalidDossier", "settlement.GHT", "audit.UnknownEstablishment"),
				l("TestApplication", "TestParseFINESS", "TestDecisionToDossier", "TestGHT")),
			enc("R-5-02", true, "All six prerequisites of Annexe 1 must be met.",
				l("eligibility.Prerequisites", "eligibility.Conditions", "eligibility.Decide"), l("TestEachReason", "ExampleDecide")),
			enc("R-5-03", true, "The establishment commits to the targets of the domains and the window it names, among four windows; targets are followed per establishment.",
				l("eligibility.Application", "window.Window"), l("TestApplication")),
			enc("R-5-04", true, "The vendors of the software used are referenced in RELIMS.",
				l("eligibility.Conditions"), l("TestEachReason")),
			enc("R-5-05", true, "The prerequisites are entered in oSIS when applying, and the establishment commits to declaring its targets in oSIS at the end of its window.",
				l("eligibility.OSIS", "eligibility.Conditions"), l("TestEachReason")),
			enc("R-5-06", true, "Biology and imaging need an internal laboratory or imaging unit with the establishment's FINESS juridique.",
				l("eligibility.Unit", "eligibility.Conditions", "eligibility.Decision", "eligibility.DomainDecision"), l("TestEachReason", "TestScenarioDomainRefusedAlone")),
			enc("R-5-07", true, "A GHT member also needs the GHT's up-to-date IT master plan deposited in oSIS by the support establishment, its convergence indicators entered in oSIS, and a GHT CIO validated by the support establishment's director.",
				l("eligibility.GHTConditions", "eligibility.Conditions"), l("TestEachReason")),
			enc("R-5-08", true, "Earlier Hôpital numérique or HOP'EN funding is never a reason to refuse.",
				l("eligibility.Conditions"), l("checkEarlierFundingIrrelevant", "FuzzEarlierFundingIrrelevant")),
			interp("R-5-09", true, "The advance is 30 % of the domain's forfait, notified when the application is validated, without invoices.",
				l("INT-04"), l("forfait.ErrInvalidAmount", "forfait.RuleSet.Split", "forfait.Share", "forfait.Instruction2021", "envelope.Advance", "envelope.Identity", "envelope.Notification.Identity", "eligibility.Decision.Validated", "settlement.Open", "settlement.Money", "settlement.State.Money", "settlement.Line.Entitlement", "audit.Audit", "audit.Codes", "audit.Finding", "audit.AdvanceAmount"),
				l("TestSplit", "checkSplit", "ExampleRuleSet_Split", "TestAnnexDossier", "TestEachFinding")),
			interp("R-5-10", true, "The balance (forfait less advance) is paid once the domain's targets are reached, measured on the rates declared in oSIS, after the ARS checks them.",
				l("INT-05", "INT-06", "INT-07", "INT-11"), l("envelope.Balance", "settlement.Settle", "settlement.Declaration", "settlement.Balance", "settlement.BalanceOf", "indicator.Targets.Evaluate", "indicator.Rate", "indicator.ParsePercent", "settlement.Money", "settlement.Line.Entitlement", "audit.BalanceAmount", "audit.NoAdvance", "envelope.ErrOutOfOrder", "envelopetest.History"),
				l("TestAnnexDossier", "TestUndeclaredRate", "ExampleTargets_Evaluate", "TestEachFinding", "TestOrderOfPayments")),
			interp("R-5-11", true, "The rates are those declared by the deadlines set in the funding dossier: a dossier whose declarations are late is closed.",
				l("INT-11", "INT-22", "INT-23", "INT-28"), l("settlement.Close", "settlement.Overdue", "settlement.Declaration", "settlement.ErrNoDeclaration", "settlement.NewForecast", "window.Terms", "window.Deadline", "window.Inferred", "window.Instruction2021", "window.Schedule.Validate", "audit.AdvanceKept"),
				l("TestClose", "TestCloseErrors", "TestSettleNoDeclaration", "TestInstruction2021", "TestForecast", "TestAdvanceKept", "TestProgrammeMachine")),
			enc("R-5-12", true, "Discharge documents have a standard forfait and an advanced one with a 10 % bonus, for dossiers whose operative reports feed the DMP.",
				l("forfait.RuleSet.Compute", "forfait.RuleSet.Explain", "forfait.Compiled", "forfait.Compiled.Compute", "forfait.Compiled.ComputeCents", "forfait.Compiled.ComputeTable", "forfait.Compiled.Explain", "forfait.Table", "forfait.Amounts", "campaign.Compute", "campaign.Record", "campaign.Write", "forfait.Variant", "forfait.Variants", "forfait.ParseVariant", "forfait.Variant.Check", "forfait.Variant.IsValid", "forfait.ErrBonusNotDS1", "audit.CRONotDS1"),
				l("checkCRO", "FuzzCRO", "TestWorkedExample", "TestEachFinding")),
			enc("R-5-13", true, "A domain is funded once per establishment over the programme: an application for a domain the establishment's history shows funded is refused, and a ledger never books the same notification twice.",
				l("eligibility.Conditions", "envelope.ErrDuplicate", "envelope.Identity", "envelope.Notification.Identity", "audit.Duplicate", "audit.Payment.Identity"), l("TestEachReason", "TestLedgerDuplicate", "TestMoneyNeverBookedTwice", "TestEachFinding")),
			enc("R-5-14", true, "A domain funded in one window is not funded again in another: the dossiers and the ledger themselves refuse it.",
				l("eligibility.Conditions", "eligibility.Outcome", "eligibility.PastApplication", "eligibility.PastDomain", "settlement.History", "settlement.GHT.Apply", "envelope.Identity", "envelope.ErrDuplicate", "envelope.Ledger.Book", "envelope.Ledger.Commit"),
				l("TestOneFundingPerDomain", "checkFundedOnce", "TestHistory", "TestLedgerDuplicate", "TestProgrammeMachine", "TestCommitFundedDomain")),
			interp("R-5-15", true, "A domain whose advance was repaid counts as funded: a later application for it is refused, and a second advance for it is a duplicate.",
				l("INT-14"), l("eligibility.Conditions", "audit.Audit", "audit.Codes", "audit.Duplicate", "audit.Payment.Identity", "envelope.Identity"), l("TestEachFinding", "TestOneFundingPerDomain", "TestDuplicatesAgree", "checkDuplicatesAgree")),
		}, Restates: l("R-A3.2-01")},
		{ID: "§6", Heading: "Putting the funding lever to work", Kind: Informative},
		{ID: "§6.1", Heading: "Part 1: calendar, applications, selection by the ARS", Kind: Normative, Rules: []Rule{
			enc("R-6.1-01", true, "Four funding windows, one per semester; each has an application period of at most 2 months and an ARS review period of at most 4 months, which may start at the first filing.",
				l("window.Window", "window.Schedule", "window.Instruction2021", "window.Inferred", "window.Count", "window.Date", "window.Schedule.Validate", "instruction.Rules.Calendar", "instruction.Instruction2021"),
				l("TestValidateWindows", "TestProvenance")),
			enc("R-6.1-02", true, "An establishment applies only during the application period of the window it aims at.",
				l("window.Schedule.ApplicationWindow", "window.Period.Contains", "eligibility.Conditions", "eligibility.Application"), l("TestApplicationWindow", "ExampleSchedule_ApplicationWindow", "TestEachReason")),
			interp("R-6.1-03", true, "One application per window, naming its domains; domains aimed at different windows need one application per window.",
				l("INT-10"), l("eligibility.Conditions", "eligibility.PastApplication", "eligibility.Application", "eligibility.Application.Validate", "eligibility.DecodeApplication", "settlement.History"), l("TestEachReason", "TestHistory")),
			not("R-6.1-04", true, "The evidence of the prerequisites is filed with the application; without it the ARS cannot validate.",
				"the module records whether each prerequisite is met (and, in a GHT, vouched for), not the documents filed as evidence; weighing them is the ARS's review"),
			not("R-6.1-05", false, "Applications are filed on Démarches simplifiées, through a form, by a project referent with a user account.",
				"a filing channel, outside a rules library"),
			enc("R-6.1-06", true, "For a public GHT member, the establishment's director and the support establishment's director validate the application.",
				l("eligibility.GHTConditions", "eligibility.Conditions"), l("TestEachReason")),
			enc("R-6.1-07", true, "The ARS reviews the prerequisites first, then selects; a refusal states its reasons (motifs de non validation).",
				l("forfait.FINESS", "eligibility.Decide", "eligibility.Decision", "eligibility.DomainDecision", "eligibility.Decision.Application", "eligibility.Decision.Reasons", "eligibility.Reason", "eligibility.Code", "eligibility.Condition", "eligibility.Status", "eligibility.Conditions", "settlement.ErrNotValidated", "settlementtest.Decision"),
				l("TestEachReason", "TestThreeReasons", "ExampleDecide", "TestSealed")),
			interp("R-6.1-08", true, "The ARS may validate every application meeting §4 and §5, within the credits delegated to it.",
				l("INT-16", "INT-19"), l("envelope.Ledger", "envelope.Ledger.Book", "envelope.Ledger.Commit", "envelope.Ledger.Commitments", "envelope.Ledger.Delegate", "envelope.Commitment", "envelope.Tranche", "envelope.CreditsError", "envelope.ErrBeyondEnvelope", "envelope.Credits.Charge", "envelope.State", "envelope.Snapshot", "envelope.Ledger.Snapshot", "envelope.Notification", "envelopetest.CheckNotifications", "settlement.Apply", "settlement.Commitments", "audit.Audit", "audit.Codes", "audit.RegionCredits", "audit.Delegation"),
				l("TestLedger", "ExampleLedger_Book", "TestFlowMachine", "TestTranches", "TestCommit", "TestCommitments", "checkCreditsMachine", "TestApply", "TestDelegatedCredits")),
			enc("R-6.1-09", false, "For each window the ARS presents to the DNS and the DGOS the validated and refused applications: FINESS geographic and legal, domains and deadlines, status, funding or reason, and GHT.",
				l("report.Applications", "eligibility.DomainDecision"), l("TestApplications")),
			enc("R-6.1-10", true, "The ARS tells establishments of validations and refusals, with reasons, by the end of the review period.",
				l("eligibility.Decide", "eligibility.ErrReviewPeriod", "eligibility.Decision.Date", "settlement.Open"), l("TestReviewPeriod", "checkDecisionDay", "TestScenarioOpenAfterReview")),
			interp("R-6.1-11", true, "Money follows the calendar: an advance follows an application filed in its window's application period; a balance or a repayment follows the measurement of the window's targets over its semester.",
				l("INT-12"), l("audit.DateCalendar", "audit.Audit", "settlement.Settle", "settlement.ErrDate"), l("TestEachFinding", "TestSettleBeforeMeasurement")),
			not("R-6.1-12", true, "The credits delegated from the first window are high enough not to limit the applications an ARS validates.",
				"a duty of the national level when it sizes the delegations, outside a rules library: the module checks each booking against the tranches it is given (R-6.1-08), it does not size them"),
		}},
		{ID: "§6.2", Heading: "Part 2: citizen secure messaging", Kind: Normative, Restates: l("R-3.3-03", "R-3.3-04", "R-3.3-08")},
		{ID: "§7", Heading: "Steering the funding lever", Kind: Informative},
		{ID: "§7.1", Heading: "National steering", Kind: Normative, Rules: []Rule{
			not("R-7.1-01", false, "The DGOS, under the DNS, follows the deployment and indicators, the delegations and the calendar, and provides a platform for dossiers and envelopes.", outsideNational),
		}},
		{ID: "§7.2", Heading: "Regional implementation", Kind: Normative, Rules: []Rule{
			not("R-7.2-01", false, "Each ARS names a correspondent by 31 August 2021, reports periodically to the DGOS and DNS, takes part in reviews and promotes the programme.", outsideARS),
		}, Restates: l("R-5-02", "R-5-10", "R-6.1-08")},
		{ID: "§8", Heading: "Questions and contacts", Kind: Informative},

		{ID: "Annexe 1", Heading: "Prerequisites and usage indicators of part 1", Kind: Normative, Rules: []Rule{
			enc("R-A1-01", true, "The indicators and targets may change after public consultation: they are data of the rules, per indicator and window.",
				l("indicator.Targets", "indicator.Instruction2021", "indicator.Targets.Validate", "indicator.Targets.Target", "indicator.Describe", "indicator.Indicator", "indicator.IDs", "indicator.ID", "indicator.ID.String", "indicator.For", "instruction.Instruction2021", "instruction.Rules.Validate", "forfait.Domain", "forfait.Domain.Label"),
				l("TestDescribe", "TestOneAmendmentReachesEveryPackage", "checkTargetsNonDecreasing")),
			interp("R-A1-02", true, "A domain is reached when each of its indicators reaches its window's target (DS1 by DS1.1 and DS1.2, the bonus also by DS1.3), compared exactly; a rate never declared is missing, not zero.",
				l("INT-06", "INT-07", "INT-11"), l("indicator.Targets.Evaluate", "indicator.Outcome", "indicator.Rate.Shortfall", "settlement.Settle", "settlementtest.Rates"),
				l("TestEvaluate", "checkReachesMatchesRat", "TestUndeclaredRate")),
			enc("R-A1-03", true, "Each window's targets are measured over its semester: S1 2022, S2 2022, S1 2023, S2 2023.",
				l("window.Instruction2021", "window.Schedule"), l("TestProvenance", "TestValidateWindows")),
		}, Restates: l("R-6.1-11")},
		{ID: "Annexe 1 PS1.1", Heading: "Identity-vigilance cell working", Kind: Normative, Rules: []Rule{
			enc("R-A1-PS1.1-01", true, "The identity-vigilance cell meets at least once per semester and can deliver an activity report.",
				l("eligibility.IdentityCell", "eligibility.Conditions", "eligibility.PS11Meetings"), l("TestEachReason")),
			enc("R-A1-PS1.1-02", true, "Within a GHT, a GHT-level cell relies on the members' cells.",
				l("eligibility.GHTIdentityCell", "eligibility.GHTPrerequisites", "eligibility.Conditions"), l("TestEachReason")),
			enc("R-A1-PS1.1-03", true, "Within a GHT, each prerequisite is still judged per candidate establishment.",
				l("eligibility.Decide", "eligibility.Prerequisites"), l("TestEachReason")),
			enc("R-A1-PS1.1-04", true, "Within a GHT, the support establishment ensures each candidate member meets each prerequisite.",
				l("eligibility.Attestations", "eligibility.GHTPrerequisites", "eligibility.Conditions"), l("TestEachReason")),
		}},
		{ID: "Annexe 1 PS1.2", Heading: "National identity-vigilance framework adopted", Kind: Normative, Rules: []Rule{
			enc("R-A1-PS1.2-01", true, "The RNIV 1 and 2 adoption questionnaire of the prerequisites guide is filled in.",
				l("eligibility.RNIV", "eligibility.Conditions"), l("TestEachReason")),
		}, Restates: l("R-A1-PS1.1-03", "R-A1-PS1.1-04")},
		{ID: "Annexe 1 PS2.1", Heading: "Security policy, action plan and security officer", Kind: Normative, Rules: []Rule{
			enc("R-A1-PS2.1-01", true, "A security policy, a detailed risk analysis, an action plan including the plan of instruction 309 fully done and followed, a security officer (RSSI), at least two RSSI–management meetings a year, and an incident-reporting procedure.",
				l("eligibility.Security", "instruction.Prerequisites", "instruction.Prerequisites.Validate", "eligibility.Conditions"), l("TestEachReason", "TestSecurityMeetings")),
			enc("R-A1-PS2.1-02", true, "Within a GHT, a GHT security policy declined per member and a GHT security officer who ensures each member meets the prerequisite.",
				l("eligibility.GHTPrerequisites", "eligibility.Attestations", "eligibility.Conditions"), l("TestEachReason")),
		}, Restates: l("R-A1-PS1.1-03")},
		{ID: "Annexe 1 PS2.2", Heading: "External cyber-surveillance audit", Kind: Normative, Rules: []Rule{
			enc("R-A1-PS2.2-01", true, "An attestation, signed by the director, that the external audit was done; in window 1 only, a purchase order instead, if the audit is done by the end of the review period (31 December 2021), judged on the audit date known at the decision.",
				l("eligibility.CyberAudit", "eligibility.Conditions"), l("TestEachReason")),
			interp("R-A1-PS2.2-02", true, "A window-1 dossier validated on a purchase order is checked again once the review period ends: the audit must then have been done.",
				l("INT-24"), l("eligibility.PendingAudit", "eligibility.Decision.PendingAudit", "settlement.RecordAudit", "settlement.Settle", "settlement.Close"), l("TestPendingAudit", "TestProgrammeMachine")),
		}, Restates: l("R-A1-PS1.1-03", "R-A1-PS1.1-04")},
		{ID: "Annexe 1 PS3.1", Heading: "Hospital information system able to feed the DMP", Kind: Normative, Rules: []Rule{
			enc("R-A1-PS3.1-01", true, "The hospital information system can feed the DMP.",
				l("eligibility.DMP", "eligibility.Conditions"), l("TestEachReason")),
		}, Restates: l("R-A1-PS1.1-03", "R-A1-PS1.1-04")},
		{ID: "Annexe 1 PS3.2", Heading: "Messaging in the MSSanté trust space", Kind: Normative, Rules: []Rule{
			enc("R-A1-PS3.2-01", true, "An operational messaging service is connected to the MSSanté trust space.",
				l("eligibility.MSSante", "eligibility.Conditions"), l("TestEachReason")),
		}, Restates: l("R-A1-PS1.1-03", "R-A1-PS1.1-04")},
		{ID: "Annexe 1 DS1.1", Heading: "Discharge letters sent to the DMP", Kind: Normative, Rules: []Rule{
			enc("R-A1-DS1.1-01", true, "Rate of stays whose DMP received a discharge letter (CDA R2 level 1, qualified INS), per establishment: 49, 59, 64, 69 % in windows 1 to 4.",
				l("indicator.Instruction2021", "indicator.For", "indicator.ID.String", "indicator.Targets.Evaluate"), l("TestDescribe", "TestEvaluate")),
		}},
		{ID: "Annexe 1 DS1.2", Heading: "Discharge prescriptions sent to the DMP", Kind: Normative, Rules: []Rule{
			enc("R-A1-DS1.2-01", true, "Rate of stays whose DMP received at least one discharge prescription (CDA R2 level 1, qualified INS), per establishment: 40, 48, 59, 63 %.",
				l("indicator.Instruction2021", "indicator.For", "indicator.Targets.Evaluate"), l("TestDescribe", "TestEvaluate")),
		}},
		{ID: "Annexe 1 DS1.3", Heading: "Operative reports sent to the DMP (bonus)", Kind: Normative, Rules: []Rule{
			interp("R-A1-DS1.3-01", true, "Rate of stays whose DMP received an operative report (CDA R2 level 1, qualified INS), per establishment: 49, 59, 64, 69 %; it conditions the CRO bonus only.",
				l("INT-06"), l("indicator.Instruction2021", "indicator.For", "indicator.Targets.Evaluate", "forfait.Variant.Standard", "settlement.Settle", "settlement.BalanceOf", "settlementtest.Rates", "audit.BalanceAmount"), l("TestEvaluate", "TestAnnexDossier", "TestEachFinding")),
		}},
		{ID: "Annexe 1 DS2.1", Heading: "Structured biology reports sent to the DMP", Kind: Normative, Rules: []Rule{
			enc("R-A1-DS2.1-01", true, "Rate of medical-biology reports structured in CDA R2 level 3 sent to the DMP with a qualified INS: 45, 54, 59, 63 %.",
				l("indicator.Instruction2021", "indicator.For", "indicator.Targets.Evaluate"), l("TestDescribe", "TestEvaluate")),
		}},
		{ID: "Annexe 1 DS3.1", Heading: "Imaging reports sent to the DMP", Kind: Normative, Rules: []Rule{
			enc("R-A1-DS3.1-01", true, "Rate of imaging reports in CDA R2 level 1 sent to the DMP with a qualified INS: 45, 54, 59, 63 %.",
				l("indicator.Instruction2021", "indicator.For", "indicator.ID.String", "indicator.Targets.Evaluate"), l("TestDescribe", "TestEvaluate")),
		}},

		{ID: "Annexe 2", Heading: "Regional envelopes", Kind: Informative},
		{ID: "Annexe 2 §1", Heading: "Part-1 regional envelopes", Kind: Normative, Rules: []Rule{
			enc("R-A2.1-01", true, "Each of the 18 ARS has a part-1 envelope for the whole programme, set nationally, the 18 summing to 158 M€.",
				l("envelope.Annex2.Validate", "instruction.Instruction2021", "instruction.Rules.Validate", "envelope.Instruction2021Annex2", "envelope.Annex2", "envelope.Envelope", "envelope.Region", "envelope.Regions", "envelope.NumRegions", "envelope.ParseRegion", "envelope.ErrUnknownRegion", "envelope.Region.INSEE", "envelope.Region.Index", "envelope.Region.String", "envelope.NewLedger", "envelope.OpenLedger", "campaign.AppendAllocation"),
				l("TestAnnex2", "TestRegionNames", "TestParseRegionSpellings")),
			interp("R-A2.1-02", true, "A region's envelope is its share of the national total of forfaits, as if every establishment were funded at 100 % of its part-1 forfaits, from 2019 SAE and PMSI data and the oSIS list.",
				l("INT-08", "INT-15"), l("campaign.RegionalEnvelopes", "envelope.Allocate", "envelopetest.CheckAllocation"), l("TestRegionalEnvelopes", "checkAllocation", "ExampleAllocate")),
		}},
		{ID: "Annexe 2 §2", Heading: "Part-2 pilot envelopes", Kind: Normative, Rules: []Rule{
			enc("R-A2.2-01", true, "The three pilot ARS (Hauts-de-France, Occitanie, Pays de la Loire) have 500 k€ each for part 2, 1.5 M€ in all.",
				l("envelope.Annex2", "envelope.Envelope", "envelope.Instruction2021Annex2", "envelope.OpenLedger"), l("TestAnnex2", "TestVolet2Pilots")),
		}, Restates: l("R-3.3-03")},
		{ID: "Annexe 2 §3", Heading: "Part 1: advance and usage shares of the envelope", Kind: Normative, Rules: []Rule{
			interp("R-A2.3-01", true, "Each regional envelope is 30 % advance credits and 70 % usage credits.",
				l("INT-04"), l("envelope.SplitCredits", "envelope.Credits", "envelope.Part", "envelope.Kind.Part", "envelope.Credits.Charge", "envelope.NewLedger", "envelope.OpenLedger", "envelope.State", "campaign.RegionalEnvelopes", "forfait.Instruction2021", "audit.RegionCredits"),
				l("TestSplitCredits", "TestCharge", "TestDelegatedCredits")),
			enc("R-A2.3-02", true, "No payment between the advance and the targets: a domain's money is an advance, a balance, or the advance's repayment.",
				l("envelopetest.CheckNotifications", "envelope.Advance", "envelope.Balance", "envelope.Repayment", "envelope.Notification", "envelope.Ledger.Book", "audit.Audit", "audit.Codes", "audit.Finding", "audit.Payment"),
				l("TestLedger", "TestEachFinding")),
			enc("R-A2.3-03", true, "An establishment selected for several domains gets an advance and a balance per domain, each on that domain's forfait, the advance deducted from it.",
				l("forfait.RuleSet.Split", "forfait.Share", "settlement.Open", "settlement.Settle", "settlement.Money", "settlement.State.Money", "settlement.Line.Entitlement", "settlement.Commitments", "settlement.GHT.Total", "envelope.Identity", "envelope.Notification.Identity", "envelope.Commitment", "envelope.Ledger.Commit"),
				l("TestAnnexDossier", "TestSplit", "TestCommitments", "TestGHT")),
			enc("R-A2.3-04", true, "The ARS decides domain by domain: an application may be selected for some of its domains and not others.",
				l("eligibility.Decision", "eligibility.DomainDecision", "eligibility.Decision.Validated", "eligibility.Decision.Domains", "eligibility.Condition.PerDomain", "settlement.Open"),
				l("TestScenarioPerDomain", "TestScenarioDomainRefusedAlone", "checkDomainDecisions", "ExampleDecision_Domains")),
			interp("R-A2.3-05", true, "For a GHT dossier, the support is paid at each member's attainment of a domain's targets.",
				l("INT-25"), l("settlement.GHT", "settlement.GHT.Apply", "settlement.Remittance"), l("TestGHT")),
			interp("R-A2.3-06", true, "Targets missed in the initial window, and in the deferral window when one was asked for: the ARS asks for the advance back.",
				l("INT-05", "INT-23", "INT-26", "INT-28"), l("settlement.Settle", "settlement.Close", "settlement.Declaration", "envelope.Repayment", "window.Window.Deferral", "window.Schedule.Validate", "indicator.Rate", "indicator.ParsePercent", "audit.RepaymentAmount", "audit.BalanceWindow", "audit.BalanceAndRepayment", "audit.AdvanceKept", "envelope.ErrOutOfOrder", "envelope.ErrRepaymentAmount", "envelope.Entry", "envelopetest.History"),
				l("TestAnnexDossier", "TestDeferral", "ExampleWindow_Deferral", "TestDossierMachine", "TestClose", "TestAdvanceKept", "TestEachFinding", "TestOrderOfPayments", "TestRepaymentAfterDeferral")),
			interp("R-A2.3-07", true, "A repayment gives the region back the advance credits it used.",
				l("INT-16"), l("envelope.Ledger.Book", "envelope.Repayment", "envelope.Credits.Charge"), l("TestLedger", "TestFlowMachine")),
		}, Restates: l("R-5-02", "R-5-09", "R-5-10")},
		{ID: "Annexe 2 §4", Heading: "Part 2: advance and usage shares", Kind: Normative, Restates: l("R-3.3-03", "R-3.3-04", "R-3.3-05", "R-3.3-06", "R-3.3-07", "R-3.3-08")},
		{ID: "Annexe 2 §5", Heading: "Selections and pace of spending of the regional envelope", Kind: Normative, Rules: []Rule{
			interp("R-A2.5-01", true, "The ARS steers its envelope per funding window over the programme.",
				l("INT-20", "INT-33"), l("envelope.Ledger.Move", "envelope.Ledger.Transfers", "envelope.Transfer", "envelope.WindowState", "envelope.State", "envelope.Entry", "envelope.Snapshot", "envelope.Ledger.Snapshot", "report.Statement"),
				l("TestBudgets", "checkCreditsMachine", "TestStatement", "checkStatementMachine", "TestRepaymentAfterDeferral", "TestStatementConcurrent")),
			enc("R-A2.5-02", false, "On request, the ARS reports the notifications it plans, advance and usage, by domain, so that delegations are adjusted and no credit is lost: encoded as totals per region, window and domain.",
				l("settlement.Forecast", "settlement.NewForecast", "settlement.Planned"), l("TestForecast", "ExampleNewForecast")),
			enc("R-A2.5-03", false, "The planned notifications are detailed per establishment or GHT.",
				l("report.Planned", "settlement.Forecast", "settlement.NewForecast"), l("TestPlanned", "TestForecastPerEstablishment")),
			interp("R-A2.5-04", true, "Funds reach the ARS in tranches, by FMIS budget circulars: an ARS notifies only from what has been delegated to it by then, within its Annexe 2 envelope.",
				l("INT-19"), l("envelope.Tranche", "envelope.Ledger.Delegate", "envelope.Ledger.Commit", "envelope.ErrBeyondEnvelope", "envelope.CreditsError", "audit.Delegation", "audit.RegionCredits"),
				l("TestTranches", "checkCreditsMachine", "TestDelegatedCredits")),
			not("R-A2.5-05", true, "Advance credits, and the part-2 pilots' funds, are delegated from 2021; usage credits follow by later circulars.",
				"a duty of the national level, which sets the circulars' order and dates, outside a rules library: the module takes each tranche as the ARS records it, dated"),
		}, Restates: l("R-6.1-08", "R-6.1-12")},

		{ID: "Annexe 3", Heading: "Unit amount per domain and establishment, part 1", Kind: Informative},
		{ID: "Annexe 3 §1", Heading: "Combined activity", Kind: Normative, Rules: []Rule{
			enc("R-A3.1-01", true, "Combined activity counts MCO days at 1, MCO sessions at 0.5, ambulatory-surgery day stays at 1.5, SSR, psychiatry, HAD and USLD days at 0.5, other day stays at 1.",
				l("instruction.Instruction2021", "instruction.Rules.Validate", "forfait.Compiled.Explain", "forfait.Activity", "forfait.Weight", "forfait.Combined", "forfait.CombinedOf", "forfait.NumActivityFields", "forfait.ErrInvalidActivity", "forfait.RuleSet.CombinedActivity", "forfait.RuleSet.ExplainActivity", "forfait.Compiled.Combine", "forfait.Compiled.CombinedActivity", "forfait.Instruction2021", "forfait.RuleSet.Validate", "forfaittest.Activity"),
				l("TestCombinedActivity", "checkCombinedAdditive", "ExampleRuleSet_CombinedActivity")),
			enc("R-A3.1-02", true, "Combined activity is computed nationally, once, from 2019 SAE and PMSI data, whatever the year of application or selection.",
				l("campaign.Read", "campaign.ReadDialect", "campaign.Dialect", "campaign.Establishment", "campaign.Extract", "campaign.Compute", "campaign.Explain", "campaign.Write", "audit.Establishment", "audit.FromExtract"),
				l("TestRead", "TestRecordsMatchCompute", "TestFromExtract")),
			interp("R-A3.1-03", true, "An establishment with no 2019 combined activity gets no forfait: its application is refused and no dossier opens.",
				l("INT-13"), l("eligibility.Conditions", "settlement.Open"), l("TestEachReason", "TestOpenErrors")),
			interp("R-A3.1-05", true, "The national maximum a national extract sets by itself is its largest combined activity; one standing far above the rest is taken for an error until the caller gives the maximum.",
				l("INT-02", "INT-29"), l("campaign.CheckNationalMax", "campaign.OutlierFactor", "campaign.ErrOutlierMax"), l("TestOutlierMax", "TestOutlierRefused")),
			not("R-A3.1-04", false, "Each ARS receives the combined activity of its region's establishments.",
				"a delivery of data by the national level, outside a rules library"),
		}},
		{ID: "Annexe 3 §2", Heading: "Amount per establishment and within a GHT", Kind: Normative, Rules: []Rule{
			enc("R-A3.2-01", true, "An eligible establishment may apply for any of the three domains; each domain has its own forfait, set nationally from combined activity, domain and window, decreasing with the window.",
				l("forfait.Domain", "window.Schedule.Factor", "window.Schedule.Validate"), l("ExampleSchedule_Factor", "checkWindowsNonIncreasing")),
			interp("R-A3.2-02", true, "For a GHT dossier, each member's amount is computed on its own activity and the total is made at GHT level.",
				l("INT-25"), l("settlement.GHT", "settlement.GHT.Apply", "settlement.GHT.Total", "settlement.Total", "settlement.Remittance", "settlement.ErrInvalidDossier"), l("TestGHT")),
			not("R-A3.2-03", true, "The GHT's total is paid as the delegation agreement between the ARS and the support establishment provides.",
				"the agreement's terms are the ARS's and the support establishment's, outside a rules library; and the payee is not recorded where money is booked: each step's remittance names the support establishment (settlement.Remittance), but a notification, and so the regional ledger and the audit, names the member it funds (INT-25)"),
		}},
		{ID: "Annexe 3 §3", Heading: "Minimum and maximum amounts per category and domain", Kind: Normative, Rules: []Rule{
			interp("R-A3.3-01", true, "Four categories by combined activity (A from 0, B from 7 000, C from 22 500, D from 230 000 to the national maximum), each with a minimum and maximum per domain.",
				l("INT-01", "INT-02"), l("forfait.Band", "forfait.Range", "forfait.Category", "forfait.NumCategories", "forfait.RuleSet.Category", "forfait.Compiled.Category", "forfait.Instruction2021", "forfait.RuleSet.Validate", "forfait.NationalMax", "forfait.NationalMaxOf", "forfait.LargestActivity"),
				l("TestBandEdges", "TestNationalMax", "ExampleRuleSet_Category")),
			interp("R-A3.3-02", true, "Within a category the amount grows linearly with combined activity between its minimum and maximum, the maximum of one category being the minimum of the next.",
				l("INT-01"), l("forfait.RuleSet.Compute", "forfait.RuleSet.Explain", "forfait.Compiled", "forfait.Compiled.Compute", "forfait.Compiled.ComputeCents", "forfait.Compiled.ComputeTable", "forfait.Amounts"),
				l("checkContinuousAtThresholds", "checkBaseMonotone", "checkWithinCategory")),
		}, Restates: l("R-5-12")},
		{ID: "Annexe 3 §4", Heading: "Worked example, category C", Kind: Normative, Rules: []Rule{
			enc("R-A3.4-01", true, "Window factors: 100 % in window 1, 90 % in window 2, 85 % in window 3, 80 % in window 4.",
				l("window.Schedule.Factor", "window.Schedule", "window.Instruction2021", "forfait.Instruction2021", "forfait.RuleSet.Validate", "instruction.Rules.Calendar"), l("ExampleSchedule_Factor", "TestValidateWindows")),
			interp("R-A3.4-02", true, "An establishment's support is the sum over its domains of base × (1 + bonus) × window factor; 30 % of each when the prerequisites are met, the rest at each target.",
				l("INT-03", "INT-04"), l("audit.Audit", "forfait.Compiled.RuleSet", "forfait.RuleSet.Compile", "forfait.RuleSet.Compute", "forfait.RuleSet.Explain", "forfait.Compiled", "forfait.Compiled.Compute", "forfait.Compiled.ComputeCents", "forfait.Compiled.ComputeTable", "forfait.Compiled.Explain", "forfait.Table", "forfait.Amounts", "campaign.Compute", "campaign.Explain", "campaign.Record", "campaign.Write"),
				l("TestWorkedExample", "Example_annex3", "checkMatchesReference")),
			enc("R-A3.4-03", false, "The annex's example: category C, activity 127 800, DS1 with CRO in window 1, biology in window 4, imaging in window 2, 176 k€ in all.",
				l("forfait.WorkedExample"), l("TestWorkedExample", "Example_annex3")),
		}},
	}
}
