package eligibility

import (
	"strconv"
	"strings"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/window"
)

// Code is the stable identifier of a reason for refusal (motif de non
// validation, §6.1). Codes never change meaning; new conditions get new
// codes.
type Code string

// The reason codes, one per condition an application must meet.
const (
	// Territory: the establishment is in a territory the instruction
	// excludes (Mention Outre-mer; INT-21).
	Territory Code = "TERRITORY"
	// HealthEstablishment: the instruction funds health establishments
	// only (§2.3).
	HealthEstablishment Code = "HEALTH-ESTABLISHMENT"
	// The six prerequisites (Annexe 1), one code per component.
	PS11Meetings     Code = "PS1.1-MEETINGS"
	PS11Report       Code = "PS1.1-REPORT"
	PS12RNIV         Code = "PS1.2-RNIV"
	PS21Policy       Code = "PS2.1-POLICY"
	PS21RiskAnalysis Code = "PS2.1-RISK-ANALYSIS"
	PS21ActionPlan   Code = "PS2.1-ACTION-PLAN"
	PS21Plan309      Code = "PS2.1-PLAN-309"
	PS21RSSI         Code = "PS2.1-RSSI"
	PS21Meetings     Code = "PS2.1-MEETINGS"
	PS21Incidents    Code = "PS2.1-INCIDENTS"
	PS22Audit        Code = "PS2.2-AUDIT"
	PS22OrderWindow  Code = "PS2.2-ORDER-WINDOW"
	PS22OrderLate    Code = "PS2.2-ORDER-LATE"
	PS31DMP          Code = "PS3.1-DMP"
	PS32MSSante      Code = "PS3.2-MSSANTE"
	// The GHT's share of the prerequisites (Annexe 1, GHT column).
	GHTIdentityCell    Code = "GHT-PS1.1-CELL"
	GHTSecurityPolicy  Code = "GHT-PS2.1-POLICY"
	GHTMemberPolicy    Code = "GHT-PS2.1-MEMBER-POLICY"
	GHTSecurityOfficer Code = "GHT-PS2.1-RSSI"
	GHTAttestedPS11    Code = "GHT-PS1.1-ATTESTED"
	GHTAttestedPS12    Code = "GHT-PS1.2-ATTESTED"
	GHTAttestedPS21    Code = "GHT-PS2.1-ATTESTED"
	GHTAttestedPS22    Code = "GHT-PS2.2-ATTESTED"
	GHTAttestedPS31    Code = "GHT-PS3.1-ATTESTED"
	GHTAttestedPS32    Code = "GHT-PS3.2-ATTESTED"
	Activity           Code = "ACTIVITY"
	FilingPeriod       Code = "FILING-PERIOD"
	OnePerWindow       Code = "ONE-PER-WINDOW"
	DomainOpen         Code = "DOMAIN-OPEN"
	DomainFunded       Code = "DOMAIN-FUNDED"
	DomainRepaid       Code = "DOMAIN-REPAID"
	DS2Lab             Code = "DS2-LAB"
	DS3Imaging         Code = "DS3-IMAGING"
	RELIMS             Code = "RELIMS"
	OSISPrerequisites  Code = "OSIS-PREREQUISITES"
	OSISCommitment     Code = "OSIS-COMMITMENT"
	GHTSDSI            Code = "GHT-SDSI"
	GHTConvergence     Code = "GHT-CONVERGENCE"
	GHTCIO             Code = "GHT-CIO"
	GHTValidation      Code = "GHT-VALIDATION"
	OutsideConvergence Code = "CONVERGENCE-PLAN"
)

// Condition is one condition of eligibility, with the reason given when it
// is not met (motif de non validation, §6.1). Exactly one of holds and holdsFor is set: holds judges the
// whole application, holdsFor one domain of it.
type Condition struct {
	Code Code
	// Source is the paragraph the condition comes from.
	Source string
	// Interpretations are the INT ids it relies on.
	Interpretations []string
	// French and English are the reason's message, in the language of the
	// ARS letters and in English.
	French, English string

	holds    func(a *Application, in *instruction.Rules) bool
	holdsFor func(a *Application, d forfait.Variant) bool
}

// PerDomain reports whether the condition is judged domain by domain, its
// reason then naming the domain.
func (c Condition) PerDomain() bool { return c.holdsFor != nil }

// Conditions lists every condition of the rules in in the order reasons
// are given: the instruction's scope (mention Outre-mer, §2.3), the six
// prerequisites (Annexe 1) and, for GHT members, the GHT's share of them
// (Annexe 1, GHT column), then the conditions of §5, §4.2 and §6.1.
// Earlier funding by HOP'EN or Hôpital numérique is not among them: it is
// never a reason to refuse (§5). The figures and dates of the conditions
// and of their messages come from in: the RSSI/management meetings of
// PS2.1 (in.Prerequisites), the end of window 1's review period for
// PS2.2's purchase order (in.Calendar).
func Conditions(in *instruction.Rules) []Condition {
	meetings := in.Prerequisites.SecurityMeetings
	reviewEnd := in.Calendar().Terms(window.W1).Review.End
	return []Condition{
		{
			Code:            Territory,
			Source:          "Mention Outre-mer",
			Interpretations: []string{"INT-21"},
			French:          "L'établissement est situé en Polynésie française, en Nouvelle-Calédonie ou à Wallis-et-Futuna (FINESS des collectivités 986 à 988), où l'instruction ne s'applique pas.",
			English:         "The establishment is in French Polynesia, New Caledonia or Wallis-and-Futuna (FINESS of collectivities 986 to 988), where the instruction does not apply.",
			holds:           func(a *Application, _ *instruction.Rules) bool { return !excludedTerritory(a.Establishment) },
		},
		{
			Code:    HealthEstablishment,
			Source:  "§2.3, note 2",
			French:  "L'établissement n'est pas un établissement sanitaire ; l'instruction ne finance que les établissements sanitaires.",
			English: "The establishment is not a health establishment; the instruction funds health establishments only.",
			holds:   func(a *Application, _ *instruction.Rules) bool { return a.Establishment.Kind == Health },
		},
		{
			Code:    PS11Meetings,
			Source:  "Annexe 1, PS1.1",
			French:  "La cellule d'identitovigilance ne se réunit pas au moins une fois par semestre.",
			English: "The identity-vigilance cell does not meet at least once per semester.",
			holds: func(a *Application, _ *instruction.Rules) bool {
				return a.Prerequisites.IdentityCell.MeetsEverySemester
			},
		},
		{
			Code:    PS11Report,
			Source:  "Annexe 1, PS1.1",
			French:  "La cellule d'identitovigilance n'est pas en capacité de livrer un rapport d'activité.",
			English: "The identity-vigilance cell cannot deliver an activity report.",
			holds:   func(a *Application, _ *instruction.Rules) bool { return a.Prerequisites.IdentityCell.ActivityReport },
		},
		{
			Code:    PS12RNIV,
			Source:  "Annexe 1, PS1.2",
			French:  "Le questionnaire d'appropriation du référentiel national d'identitovigilance (RNIV 1 et 2) n'est pas renseigné.",
			English: "The national identity-vigilance framework (RNIV 1 and 2) questionnaire is not completed.",
			holds:   func(a *Application, _ *instruction.Rules) bool { return a.Prerequisites.RNIV.QuestionnaireCompleted },
		},
		{
			Code:    PS21Policy,
			Source:  "Annexe 1, PS2.1",
			French:  "Il n'existe pas de politique de sécurité du système d'information.",
			English: "There is no information-security policy.",
			holds:   func(a *Application, _ *instruction.Rules) bool { return a.Prerequisites.Security.Policy },
		},
		{
			Code:    PS21RiskAnalysis,
			Source:  "Annexe 1, PS2.1",
			French:  "Il n'existe pas d'analyse des risques détaillée.",
			English: "There is no detailed risk analysis.",
			holds:   func(a *Application, _ *instruction.Rules) bool { return a.Prerequisites.Security.RiskAnalysis },
		},
		{
			Code:    PS21ActionPlan,
			Source:  "Annexe 1, PS2.1",
			French:  "Il n'existe pas de plan d'action sécurité associé à l'analyse des risques.",
			English: "There is no security action plan following the risk analysis.",
			holds:   func(a *Application, _ *instruction.Rules) bool { return a.Prerequisites.Security.ActionPlan },
		},
		{
			Code:    PS21Plan309,
			Source:  "Annexe 1, PS2.1",
			French:  "Le plan d'actions SSI de l'instruction N°SG/DSSIS/2016/309 n'est pas achevé à 100 % et suivi régulièrement.",
			English: "The security action plan of instruction SG/DSSIS/2016/309 is not 100 % completed and regularly followed.",
			holds:   func(a *Application, _ *instruction.Rules) bool { return a.Prerequisites.Security.Plan309Completed },
		},
		{
			Code:    PS21RSSI,
			Source:  "Annexe 1, PS2.1",
			French:  "Aucun responsable de la sécurité des systèmes d'information (RSSI) n'est désigné.",
			English: "No information-security officer (RSSI) is appointed.",
			holds:   func(a *Application, _ *instruction.Rules) bool { return a.Prerequisites.Security.RSSI },
		},
		{
			Code:    PS21Meetings,
			Source:  "Annexe 1, PS2.1",
			French:  "Il n'y a pas au moins " + strconv.Itoa(meetings) + " rendez-vous annuels entre le RSSI et la direction.",
			English: "The RSSI and the management do not meet at least " + strconv.Itoa(meetings) + " times a year.",
			holds: func(a *Application, in *instruction.Rules) bool {
				return a.Prerequisites.Security.ManagementMeetingsPerYear >= in.Prerequisites.SecurityMeetings
			},
		},
		{
			Code:    PS21Incidents,
			Source:  "Annexe 1, PS2.1",
			French:  "Il n'existe pas de procédure de remontée des incidents de sécurité (art. L.1111-8-2 CSP).",
			English: "There is no security-incident reporting procedure (art. L.1111-8-2 CSP).",
			holds:   func(a *Application, _ *instruction.Rules) bool { return a.Prerequisites.Security.IncidentProcedure },
		},
		{
			Code:    PS22Audit,
			Source:  "Annexe 1, PS2.2",
			French:  "Aucune attestation de réalisation de l'audit externe de cybersurveillance, signée par le directeur, n'est fournie.",
			English: "No director-signed attestation of the external cyber-surveillance audit is provided.",
			holds:   func(a *Application, _ *instruction.Rules) bool { return auditProof(a) != noProof },
		},
		{
			Code:    PS22OrderWindow,
			Source:  "Annexe 1, PS2.2",
			French:  "Un bon de commande d'audit ne vaut attestation que pour la fenêtre 1 ; une attestation de réalisation est requise.",
			English: "An audit purchase order stands in for the attestation in window 1 only; an attestation is required.",
			holds:   func(a *Application, _ *instruction.Rules) bool { return auditProof(a) != orderOutsideWindow1 },
		},
		{
			Code:    PS22OrderLate,
			Source:  "Annexe 1, PS2.2",
			French:  "L'audit commandé n'est pas prévu au plus tard à la fin de la période d'instruction de la fenêtre 1 (" + reviewEnd.French() + ").",
			English: "The ordered audit is not planned by the end of window 1's review period (" + reviewEnd.Time().Format("2 January 2006") + ").",
			holds: func(a *Application, in *instruction.Rules) bool {
				return auditProof(a) != order || !a.Prerequisites.CyberAudit.AuditDate.IsZero() &&
					!in.Calendar().Terms(window.W1).Review.End.Before(a.Prerequisites.CyberAudit.AuditDate)
			},
		},
		{
			Code:    PS31DMP,
			Source:  "Annexe 1, PS3.1",
			French:  "Le système d'information hospitalier n'est pas en capacité d'alimenter le DMP.",
			English: "The hospital information system cannot feed the DMP.",
			holds:   func(a *Application, _ *instruction.Rules) bool { return a.Prerequisites.DMP.FeedsDMP },
		},
		{
			Code:    PS32MSSante,
			Source:  "Annexe 1, PS3.2",
			French:  "Aucune messagerie opérationnelle n'est raccordée à l'espace de confiance MSSanté.",
			English: "No operational messaging is connected to the MSSanté trust space.",
			holds:   func(a *Application, _ *instruction.Rules) bool { return a.Prerequisites.MSSante.Connected },
		},
		{
			Code:    GHTIdentityCell,
			Source:  "Annexe 1, PS1.1 (déclinaison GHT)",
			French:  "Aucune cellule d'identitovigilance n'existe au niveau du GHT.",
			English: "There is no identity-vigilance cell at GHT level.",
			holds:   ght(func(p GHTPrerequisites) bool { return p.IdentityCell }),
		},
		{
			Code:    GHTSecurityPolicy,
			Source:  "Annexe 1, PS2.1 (déclinaison GHT)",
			French:  "Il n'existe pas de politique de sécurité cadre des systèmes d'information du GHT (PSSI GHT).",
			English: "There is no framework information-security policy of the GHT (PSSI GHT).",
			holds:   ght(func(p GHTPrerequisites) bool { return p.SecurityPolicy }),
		},
		{
			Code:    GHTMemberPolicy,
			Source:  "Annexe 1, PS2.1 (déclinaison GHT)",
			French:  "La politique de sécurité du GHT n'est pas déclinée pour l'établissement.",
			English: "The GHT's security policy has no version for the establishment.",
			holds:   ght(func(p GHTPrerequisites) bool { return p.MemberPolicy }),
		},
		{
			Code:    GHTSecurityOfficer,
			Source:  "Annexe 1, PS2.1 (déclinaison GHT)",
			French:  "Aucun responsable de la sécurité des systèmes d'information (RSSI) du GHT n'est désigné.",
			English: "No information-security officer (RSSI) of the GHT is appointed.",
			holds:   ght(func(p GHTPrerequisites) bool { return p.SecurityOfficer }),
		},
		attested(GHTAttestedPS11, "PS1.1", "l'établissement support", "the support establishment", func(t Attestations) bool { return t.PS11 }),
		attested(GHTAttestedPS12, "PS1.2", "l'établissement support", "the support establishment", func(t Attestations) bool { return t.PS12 }),
		attested(GHTAttestedPS21, "PS2.1", "le RSSI du GHT", "the GHT's security officer", func(t Attestations) bool { return t.PS21 }),
		attested(GHTAttestedPS22, "PS2.2", "l'établissement support", "the support establishment", func(t Attestations) bool { return t.PS22 }),
		attested(GHTAttestedPS31, "PS3.1", "l'établissement support", "the support establishment", func(t Attestations) bool { return t.PS31 }),
		attested(GHTAttestedPS32, "PS3.2", "l'établissement support", "the support establishment", func(t Attestations) bool { return t.PS32 }),
		{
			Code:            Activity,
			Source:          "Annexe 3 §1",
			Interpretations: []string{"INT-13"},
			French:          "L'activité combinée 2019 de l'établissement est nulle.",
			English:         "The establishment's 2019 combined activity is zero.",
			holds:           func(a *Application, _ *instruction.Rules) bool { return a.Establishment.CombinedActivity.Sign() > 0 },
		},
		{
			Code:    FilingPeriod,
			Source:  "§6.1",
			French:  "La candidature n'a pas été déposée pendant la période de candidature de la fenêtre visée.",
			English: "The application was not filed within the application period of its window.",
			holds: func(a *Application, in *instruction.Rules) bool {
				return in.Calendar().Terms(a.Window).Application.Contains(a.Filed)
			},
		},
		{
			Code:            OnePerWindow,
			Source:          "§6.1",
			Interpretations: []string{"INT-10"},
			French:          "L'établissement a déjà déposé une candidature pour cette fenêtre.",
			English:         "The establishment has already applied in this window.",
			holds: func(a *Application, _ *instruction.Rules) bool {
				for _, p := range a.History.Applications {
					if p.Window == a.Window {
						return false
					}
				}
				return true
			},
		},
		{
			Code:     DomainOpen,
			Source:   "§5",
			French:   "Un dossier antérieur de l'établissement pour ce domaine est toujours ouvert (avance versée, cibles d'usage attendues) ; un domaine n'est financé qu'une fois sur le programme.",
			English:  "An earlier dossier of the establishment for this domain is still open (advance paid, targets awaited); a domain is funded once over the programme.",
			holdsFor: earlier(OutcomeOpen),
		},
		{
			Code:     DomainFunded,
			Source:   "§5",
			French:   "Ce domaine a déjà été financé pour l'établissement ; un domaine n'est financé qu'une fois sur le programme.",
			English:  "This domain has already been funded for the establishment; a domain is funded once over the programme.",
			holdsFor: earlier(OutcomePaid),
		},
		{
			Code:            DomainRepaid,
			Source:          "§5; Annexe 2 §3",
			Interpretations: []string{"INT-14"},
			French:          "Ce domaine a déjà été financé pour l'établissement, qui en a remboursé l'avance faute d'atteindre ses cibles ; un domaine n'est financé qu'une fois sur le programme.",
			English:         "This domain has already been funded for the establishment, which repaid its advance when it missed its targets; a domain is funded once over the programme.",
			holdsFor:        earlier(OutcomeRepaid),
		},
		{
			Code:    DS2Lab,
			Source:  "§5",
			French:  "Le domaine biologie requiert un laboratoire de biologie médicale interne, de même FINESS juridique que l'établissement.",
			English: "The biology domain requires an internal medical-biology laboratory with the establishment's FINESS juridique.",
			holdsFor: func(a *Application, d forfait.Variant) bool {
				return d.Domain != forfait.DS2 || internal(a, a.Establishment.Lab)
			},
		},
		{
			Code:    DS3Imaging,
			Source:  "§5",
			French:  "Le domaine imagerie requiert un plateau d'imagerie interne, de même FINESS juridique que l'établissement.",
			English: "The imaging domain requires an internal imaging unit with the establishment's FINESS juridique.",
			holdsFor: func(a *Application, d forfait.Variant) bool {
				return d.Domain != forfait.DS3 || internal(a, a.Establishment.Imaging)
			},
		},
		{
			Code:    RELIMS,
			Source:  "§5",
			French:  "Les éditeurs des applications mises en œuvre ne sont pas référencés dans RELIMS.",
			English: "The vendors of the software used are not referenced in RELIMS.",
			holds:   func(a *Application, _ *instruction.Rules) bool { return a.RELIMS },
		},
		{
			Code:    OSISPrerequisites,
			Source:  "§5",
			French:  "Les prérequis Ségur ne sont pas tous saisis dans oSIS.",
			English: "The Ségur prerequisites are not all entered in oSIS.",
			holds:   func(a *Application, _ *instruction.Rules) bool { return a.OSIS.PrerequisitesEntered },
		},
		{
			Code:    OSISCommitment,
			Source:  "§5",
			French:  "L'établissement ne s'engage pas à renseigner les cibles d'usage dans oSIS à la fin de la fenêtre.",
			English: "The establishment does not commit to declaring its targets in oSIS at the end of the window.",
			holds:   func(a *Application, _ *instruction.Rules) bool { return a.OSIS.TargetsCommitment },
		},
		{
			Code:    GHTSDSI,
			Source:  "§5",
			French:  "Le schéma directeur du système d'information (SDSI) du GHT, validé et actualisé, n'est pas déposé dans oSIS par l'établissement support.",
			English: "The GHT's validated, up-to-date IT master plan (SDSI) is not deposited in oSIS by the support establishment.",
			holds: func(a *Application, _ *instruction.Rules) bool {
				return a.Establishment.GHT == nil || a.GHT.SDSIDeposited
			},
		},
		{
			Code:    GHTConvergence,
			Source:  "§5",
			French:  "Les indicateurs de convergence ne sont pas saisis dans oSIS.",
			English: "The convergence indicators are not entered in oSIS.",
			holds: func(a *Application, _ *instruction.Rules) bool {
				return a.Establishment.GHT == nil || a.GHT.ConvergenceIndicatorsEntered
			},
		},
		{
			Code:    GHTCIO,
			Source:  "§5",
			French:  "Aucun DSI de GHT n'est nommé et validé par le directeur de l'établissement support.",
			English: "No GHT CIO is appointed and validated by the support establishment's director.",
			holds: func(a *Application, _ *instruction.Rules) bool {
				return a.Establishment.GHT == nil || a.GHT.CIOAppointed
			},
		},
		{
			Code:    GHTValidation,
			Source:  "§6.1",
			French:  "La candidature n'est pas validée par le directeur de l'établissement et par le directeur de l'établissement support.",
			English: "The application is not validated by the establishment's director and the support establishment's director.",
			holds: func(a *Application, _ *instruction.Rules) bool {
				g := a.Establishment.GHT
				return g == nil || !g.Public || a.GHT.DirectorValidated && a.GHT.SupportDirectorValidated
			},
		},
		{
			Code:            OutsideConvergence,
			Source:          "§4.2",
			Interpretations: []string{"INT-17"},
			French:          "Les cibles d'usage seraient atteintes avec des logiciels nouvellement acquis hors du schéma de convergence du GHT.",
			English:         "The targets would be reached with newly bought software outside the GHT's convergence plan.",
			holds:           func(a *Application, _ *instruction.Rules) bool { return !a.SoftwareOutsideConvergence },
		},
	}
}

// excludedTerritory reports whether a FINESS number of e is of department
// 98: Wallis-and-Futuna (986), French Polynesia (987) and New Caledonia
// (988), where the instruction does not apply (mention Outre-mer).
func excludedTerritory(e Establishment) bool {
	for _, f := range []forfait.FINESS{e.FINESSGeo, e.FINESSJur} {
		if strings.HasPrefix(f.String(), "98") {
			return true
		}
	}
	return false
}

// ght makes a condition on the GHT's share of the prerequisites (Annexe 1,
// GHT column), binding GHT members only.
func ght(holds func(GHTPrerequisites) bool) func(*Application, *instruction.Rules) bool {
	return func(a *Application, _ *instruction.Rules) bool {
		return a.Establishment.GHT == nil || holds(a.GHT.Prerequisites)
	}
}

// attested is the condition that a GHT member's prerequisite ps is
// vouched for by whom Annexe 1's GHT column names.
func attested(code Code, ps, whoFR, whoEN string, holds func(Attestations) bool) Condition {
	return Condition{
		Code:    code,
		Source:  "Annexe 1, " + ps + " (déclinaison GHT)",
		French:  "L'atteinte du prérequis " + ps + " par l'établissement n'est pas attestée par " + whoFR + ".",
		English: "That the establishment meets prerequisite " + ps + " is not vouched for by " + whoEN + ".",
		holds:   ght(func(p GHTPrerequisites) bool { return holds(p.Attested) }),
	}
}

// earlier makes the condition that no earlier application of the
// establishment left the domain at outcome o (§5).
func earlier(o Outcome) func(*Application, forfait.Variant) bool {
	return func(a *Application, d forfait.Variant) bool {
		for _, p := range a.History.Applications {
			for _, pd := range p.Domains {
				if pd.Domain == d.Domain && pd.Outcome == o {
					return false
				}
			}
		}
		return true
	}
}

// internal reports whether unit exists and shares the establishment's
// FINESS juridique (§5).
func internal(a *Application, unit *Unit) bool {
	return unit != nil && unit.FINESSJur == a.Establishment.FINESSJur
}

// proof is what an application shows for PS2.2 (Annexe 1).
type proof uint8

const (
	attestation         proof = iota // a signed attestation: PS2.2 met
	order                            // a window-1 purchase order: met if the audit is done in time
	orderOutsideWindow1              // a purchase order outside window 1: not met
	noProof                          // neither: not met
)

// auditProof classifies the PS2.2 evidence: the attestation, or, in
// window 1 only, a purchase order (Annexe 1, PS2.2).
func auditProof(a *Application) proof {
	c := a.Prerequisites.CyberAudit
	switch {
	case c.Attestation:
		return attestation
	case !c.PurchaseOrder:
		return noProof
	case a.Window == window.W1:
		return order
	}
	return orderOutsideWindow1
}
