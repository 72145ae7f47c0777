package eligibility

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/window"
)

// Application is one establishment's application (candidature) for one
// window, filed on Démarches simplifiées and reviewed by its ARS (§6.1), on
// the conditions of §5. Its JSON field names are given in the struct tags;
// see examples/eligibility for complete samples. Its figures and dates
// (the combined activity, the RSSI/management meetings, the filing date,
// the windows) are required: a figure left out is a problem, never a zero.
// DecodeApplication and json.Unmarshal read it the same way.
type Application struct {
	Establishment Establishment `json:"establishment"`
	// Filed is the filing date; it must fall in the window's application
	// period (§6.1).
	Filed  window.Date   `json:"filed" codec:"required"`
	Window window.Window `json:"window" codec:"required"`
	// Domains are the variants applied for, each domain once: DS1 with or
	// without the CRO bonus, DS2, DS3 (§5). In JSON, ["DS1+CRO", "DS3"].
	Domains []forfait.Variant `json:"domains"`
	// RELIMS: the vendors of the software used are referenced in RELIMS (§5).
	RELIMS bool `json:"relims_referenced"`
	OSIS   OSIS `json:"osis"`
	// Prerequisites is the evidence for the six prerequisites (Annexe 1).
	Prerequisites Prerequisites `json:"prerequisites"`
	// GHT holds the conditions of §5 for GHT members; ignored otherwise.
	GHT GHTConditions `json:"ght_conditions"`
	// SoftwareOutsideConvergence: the targets would be reached with newly
	// bought software outside the GHT's convergence plan (§4.2).
	SoftwareOutsideConvergence bool    `json:"software_outside_convergence_plan"`
	History                    History `json:"history"`
}

// Prerequisites is the evidence for the six Ségur prerequisites (Annexe 1),
// all required for the application to be validated and the advance paid
// (§5, Annexe 2 §3). For a GHT member, the support establishment sees that
// each member meets them; the evidence is still per establishment.
type Prerequisites struct {
	IdentityCell IdentityCell `json:"ps1_1_identity_cell"`
	RNIV         RNIV         `json:"ps1_2_rniv"`
	Security     Security     `json:"ps2_1_security"`
	CyberAudit   CyberAudit   `json:"ps2_2_cyber_audit"`
	DMP          DMP          `json:"ps3_1_dmp"`
	MSSante      MSSante      `json:"ps3_2_mssante"`
}

// IdentityCell is PS1.1 (Annexe 1): an identity-vigilance cell that meets at least
// once per semester and can deliver an activity report.
type IdentityCell struct {
	MeetsEverySemester bool `json:"meets_every_semester"`
	ActivityReport     bool `json:"activity_report"`
}

// RNIV is PS1.2 (Annexe 1): the national identity-vigilance framework (RNIV 1 and 2)
// adopted, its questionnaire completed.
type RNIV struct {
	QuestionnaireCompleted bool `json:"questionnaire_completed"`
}

// Security is PS2.1 (Annexe 1): a security policy, a detailed risk analysis, an action
// plan including instruction 309's plan 100 % done and followed, an RSSI,
// at least two RSSI/management meetings a year, an incident-reporting
// procedure.
type Security struct {
	Policy                    bool `json:"policy"`
	RiskAnalysis              bool `json:"risk_analysis"`
	ActionPlan                bool `json:"action_plan"`
	Plan309Completed          bool `json:"plan_309_completed"`
	RSSI                      bool `json:"rssi"`
	ManagementMeetingsPerYear int  `json:"management_meetings_per_year" codec:"required"`
	IncidentProcedure         bool `json:"incident_procedure"`
}

// CyberAudit is PS2.2 (Annexe 1): an external cyber-surveillance audit, proved by an
// attestation signed by the director; in window 1 only, by a purchase order
// instead, the audit then to be done by the end of window 1's review period
// (31 December 2021), AuditDate being the day it is planned. A decision
// validated on a purchase order records that date ([Decision.PendingAudit])
// so that the audit can be checked done when the dossier is settled.
type CyberAudit struct {
	Attestation   bool        `json:"signed_attestation"`
	PurchaseOrder bool        `json:"purchase_order"`
	AuditDate     window.Date `json:"audit_date"`
}

// DMP is PS3.1 (Annexe 1): the hospital information system can feed the DMP.
type DMP struct {
	FeedsDMP bool `json:"feeds_dmp"`
}

// MSSante is PS3.2 (Annexe 1): operational messaging connected to the MSSanté trust
// space.
type MSSante struct {
	Connected bool `json:"connected"`
}

// Establishment identifies the applicant (§5: an application is made per
// establishment, on its own 2019 combined activity).
type Establishment struct {
	// FINESSGeo and FINESSJur are its FINESS numbers; a number of
	// department 98 (Wallis-and-Futuna, French Polynesia, New Caledonia)
	// is outside the instruction (mention Outre-mer).
	FINESSGeo forfait.FINESS  `json:"finess_geographique"`
	FINESSJur forfait.FINESS  `json:"finess_juridique"`
	Name      string          `json:"name,omitempty"`
	Region    envelope.Region `json:"region"`
	// Kind is what the establishment is: only health establishments
	// (établissements sanitaires) are funded (§2.3 and its note 2).
	// Required.
	Kind Kind `json:"kind"`
	// CombinedActivity is the 2019 combined activity (Annexe 3 §1); in JSON
	// a string of digits such as "127800.5" (a JSON number is read too).
	CombinedActivity decimal.Decimal `json:"combined_activity" codec:"required"`
	// GHT is the establishment's GHT membership; nil when it is in none.
	GHT *GHTMembership `json:"ght,omitempty"`
	// Lab and Imaging are its internal medical-biology laboratory and
	// imaging unit, if any, with their FINESS juridique (§5).
	Lab     *Unit `json:"biology_lab,omitempty"`
	Imaging *Unit `json:"imaging_unit,omitempty"`
}

// MarshalJSON writes CombinedActivity as a plain decimal string, whatever
// shopspring's package-level settings.
func (e Establishment) MarshalJSON() ([]byte, error) {
	type plain Establishment
	return json.Marshal(struct {
		plain
		CombinedActivity string `json:"combined_activity"`
	}{plain(e), forfait.Format(e.CombinedActivity)})
}

// GHTMembership is an establishment's place in its groupement hospitalier
// de territoire.
type GHTMembership struct {
	Name string `json:"name,omitempty"`
	// Support: the establishment is the GHT's support establishment
	// (établissement support); otherwise it is a party (établissement
	// partie).
	Support bool `json:"support"`
	// Public: a public establishment, whose application needs its director's
	// and the support establishment director's validation (§6.1).
	Public bool `json:"public"`
}

// Unit is an internal laboratory or imaging unit (§5: DS2 and DS3 need
// one with the establishment's FINESS juridique).
type Unit struct {
	FINESSJur forfait.FINESS `json:"finess_juridique"`
}

// OSIS is what the establishment entered in oSIS (§5).
type OSIS struct {
	// PrerequisitesEntered: all six prerequisites entered at application.
	PrerequisitesEntered bool `json:"prerequisites_entered"`
	// TargetsCommitment: commitment to declare the targets at the end of
	// the window.
	TargetsCommitment bool `json:"targets_commitment"`
}

// GHTConditions are the further conditions for GHT members (§5).
type GHTConditions struct {
	// SDSIDeposited: an up-to-date GHT IT master plan (SDSI), validated,
	// deposited in oSIS by the support establishment.
	SDSIDeposited bool `json:"sdsi_deposited"`
	// ConvergenceIndicatorsEntered: the convergence indicators are in oSIS.
	ConvergenceIndicatorsEntered bool `json:"convergence_indicators_entered"`
	// CIOAppointed: a GHT CIO (DSI de GHT) appointed and validated by the
	// support establishment's director.
	CIOAppointed bool `json:"cio_appointed"`
	// DirectorValidated and SupportDirectorValidated: the application is
	// validated by the establishment's director and by the support
	// establishment's director (needed for public establishments).
	DirectorValidated        bool `json:"director_validated"`
	SupportDirectorValidated bool `json:"support_director_validated"`
	// Prerequisites are the GHT's share of the six prerequisites (Annexe 1,
	// column "Déclinaison GHT").
	Prerequisites GHTPrerequisites `json:"prerequisites"`
}

// GHTPrerequisites is the GHT column of Annexe 1: what the GHT itself
// provides, and who vouches for each of the member's six prerequisites.
type GHTPrerequisites struct {
	// IdentityCell: an identity-vigilance cell also exists at GHT level,
	// relying on the establishments' cells (PS1.1).
	IdentityCell bool `json:"ps1_1_ght_identity_cell"`
	// SecurityPolicy: a framework security policy of the GHT (PSSI GHT)
	// exists; MemberPolicy: with its version for this member (PS2.1).
	SecurityPolicy bool `json:"ps2_1_ght_security_policy"`
	MemberPolicy   bool `json:"ps2_1_member_policy"`
	// SecurityOfficer: a security officer of the GHT (RSSI de GHT) is
	// appointed (PS2.1).
	SecurityOfficer bool `json:"ps2_1_ght_rssi"`
	// Attested records who vouches that this member meets each
	// prerequisite: the support establishment for PS1.1, PS1.2, PS2.2,
	// PS3.1 and PS3.2, the GHT's security officer for PS2.1.
	Attested Attestations `json:"attested"`
}

// Attestations record, prerequisite by prerequisite, that the member's
// evidence is vouched for within its GHT (Annexe 1, GHT column).
type Attestations struct {
	PS11 bool `json:"ps1_1"`
	PS12 bool `json:"ps1_2"`
	PS21 bool `json:"ps2_1"`
	PS22 bool `json:"ps2_2"`
	PS31 bool `json:"ps3_1"`
	PS32 bool `json:"ps3_2"`
}

// History is what happened to the establishment before this application.
type History struct {
	// Applications are its earlier applications, whatever their outcome,
	// each with what became of its domains: whether a domain may be funded
	// again is decided from them (§5).
	Applications []PastApplication `json:"applications,omitempty"`
	// HOPEN and HopitalNumerique record earlier funding by those
	// programmes; never a reason to refuse (§5).
	HOPEN            bool `json:"hopen_funded"`
	HopitalNumerique bool `json:"hopital_numerique_funded"`
}

// PastApplication is an earlier application (§6.1: one per window; INT-10)
// and what became of each of its domains (§5).
type PastApplication struct {
	Window  window.Window `json:"window" codec:"required"`
	Filed   window.Date   `json:"filed,omitempty"`
	Domains []PastDomain  `json:"domains,omitempty"`
}

// PastDomain is one domain of an earlier application and where its
// dossier stands: what decides whether the domain may be funded again
// (§5).
type PastDomain struct {
	Domain  forfait.Domain `json:"domain"`
	Outcome Outcome        `json:"outcome"`
}

// Validate reports every reason a cannot be decided at all (§5, §6.1), each a
// *forfait.InputError wrapping ErrInvalidApplication (or a FINESS or region error):
// malformed FINESS numbers, an unknown region, a negative combined
// activity, no filing date, an invalid window, no domain, an invalid or
// repeated domain, a CRO bonus off DS1 (forfait.ErrBonusNotDS1), an invalid
// window, domain or outcome in the history, no establishment kind.
func (a *Application) Validate() error {
	var errs []error
	bad := func(field, value string, reason codec.Text, err error) {
		errs = append(errs, &forfait.InputError{Field: field, Value: value, Reason: reason, Err: err})
	}
	e := &a.Establishment
	for _, f := range []struct {
		field string
		v     forfait.FINESS
	}{{"establishment.finess_geographique", e.FINESSGeo}, {"establishment.finess_juridique", e.FINESSJur}} {
		if !f.v.IsValid() {
			bad(f.field, `""`, codec.Text{French: "manquant", English: "missing"}, forfait.ErrInvalidFINESS)
		}
	}
	for _, u := range []struct {
		field string
		unit  *Unit
	}{{"establishment.biology_lab.finess_juridique", e.Lab}, {"establishment.imaging_unit.finess_juridique", e.Imaging}} {
		if u.unit == nil {
			continue
		}
		if !u.unit.FINESSJur.IsValid() {
			bad(u.field, `""`, codec.Text{French: "manquant", English: "missing"}, forfait.ErrInvalidFINESS)
		}
	}
	if !e.Region.IsValid() {
		bad("establishment.region", e.Region.String(), codec.Text{}, envelope.ErrUnknownRegion)
	}
	if kind := e.Kind.String(); !e.Kind.IsValid() {
		if e.Kind == 0 {
			kind = `""` // not given
		}
		bad("establishment.kind", kind, codec.Text{French: "attendu : « health », « medico-social » ou « other »", English: "want health, medico-social or other"}, ErrInvalidApplication)
	}
	if e.CombinedActivity.Sign() < 0 || !codec.SaneExponent(e.CombinedActivity) {
		bad("establishment.combined_activity", forfait.Format(e.CombinedActivity), codec.Text{French: "doit être un nombre de journées positif ou nul", English: "must be a non-negative number of days"}, ErrInvalidApplication)
	}
	if n := a.Prerequisites.Security.ManagementMeetingsPerYear; n < 0 {
		bad("prerequisites.ps2_1_security.management_meetings_per_year", strconv.Itoa(n),
			codec.Text{French: "un nombre de rendez-vous n'est pas négatif", English: "a number of meetings is not negative"}, ErrInvalidApplication)
	}
	if a.Filed.IsZero() {
		bad("filed", `""`, codec.Text{French: "la date de dépôt est obligatoire", English: "the filing date is required"}, ErrInvalidApplication)
	}
	if !a.Window.IsValid() {
		bad("window", a.Window.String(), codec.Text{}, window.ErrInvalid)
	}
	if len(a.Domains) == 0 {
		bad("domains", "[]", codec.Text{French: "attendu : au moins un domaine", English: "at least one domain"}, ErrInvalidApplication)
	}
	seen := map[forfait.Domain]bool{}
	for i, d := range a.Domains {
		field := "domains[" + strconv.Itoa(i) + "]"
		var ie *forfait.InputError
		if err := d.Check(); errors.As(err, &ie) {
			errs = append(errs, ie.In(codec.Name("domains"), codec.Index(i)))
		} else if seen[d.Domain] {
			bad(field, d.String(), codec.Text{French: "le domaine " + d.Domain.String() + " est donné deux fois", English: "domain " + d.Domain.String() + " given twice"}, ErrInvalidApplication)
		}
		seen[d.Domain] = true
	}
	for i, p := range a.History.Applications {
		field := "history.applications[" + strconv.Itoa(i) + "]"
		if !p.Window.IsValid() {
			bad(field+".window", p.Window.String(), codec.Text{}, window.ErrInvalid)
		}
		for j, d := range p.Domains {
			field := field + ".domains[" + strconv.Itoa(j) + "]"
			if !d.Domain.IsValid() {
				bad(field+".domain", d.Domain.String(), codec.Text{}, forfait.ErrInvalidDomain)
			}
			if !d.Outcome.IsValid() {
				bad(field+".outcome", d.Outcome.String(), codec.Text{French: "attendu : « refused », « open », « paid » ou « repaid »", English: "want refused, open, paid or repaid"}, ErrInvalidApplication)
			}
		}
	}
	return errors.Join(errs...)
}

// clone returns a deep copy of a: a decision keeps the application as it
// was decided, whatever the caller does with a afterwards.
func (a *Application) clone() Application {
	c := *a
	c.Domains = slices.Clone(a.Domains)
	c.History.Applications = slices.Clone(a.History.Applications)
	for i := range c.History.Applications {
		c.History.Applications[i].Domains = slices.Clone(c.History.Applications[i].Domains)
	}
	for _, p := range []**Unit{&c.Establishment.Lab, &c.Establishment.Imaging} {
		if *p != nil {
			u := **p
			*p = &u
		}
	}
	if g := c.Establishment.GHT; g != nil {
		m := *g
		c.Establishment.GHT = &m
	}
	return c
}
