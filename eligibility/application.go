package eligibility

import (
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

// Date is a calendar day. Its JSON and text form is "2006-01-02"; the zero
// value is "no date".
type Date struct{ t time.Time }

// DateOf returns the day y-m-d.
func DateOf(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// ParseDate reads "2006-01-02".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, &FieldError{Field: "date", Value: strconv.Quote(s), Reason: "want YYYY-MM-DD", Err: ErrInvalidApplication}
	}
	return Date{t}, nil
}

// Time returns the day at midnight UTC.
func (d Date) Time() time.Time { return d.t }

// IsZero reports whether d is "no date".
func (d Date) IsZero() bool { return d.t.IsZero() }

// After reports whether d is a later day than e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// String returns "2006-01-02", or "" for no date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// MarshalText encodes d as String does.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes "2006-01-02", or "" as no date.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Application is one establishment's application (candidature) for one
// window, as filed in oSIS and reviewed by its ARS (§5, §6.1). Its JSON
// field names are given in the struct tags; see testdata and
// examples/eligibility for complete samples.
type Application struct {
	Establishment Establishment `json:"establishment"`
	// Filed is the filing date; it must fall in the window's application
	// period (§6.1).
	Filed  Date          `json:"filed"`
	Window window.Window `json:"window"`
	// Domains are the domains applied for, each once; DS1 with or without
	// the CRO bonus (§5).
	Domains []DomainRequest `json:"domains"`
	// RELIMS: the vendors of the software used are referenced in RELIMS (§5).
	RELIMS bool `json:"relims_referenced"`
	OSIS   OSIS `json:"osis"`
	// Prerequisites is the evidence for the six prerequisites (Annex 1).
	Prerequisites Prerequisites `json:"prerequisites"`
	// GHT holds the conditions of §5 for GHT members; ignored otherwise.
	GHT GHTConditions `json:"ght_conditions"`
	// SoftwareOutsideConvergence: the targets would be reached with newly
	// bought software outside the GHT's convergence plan (§4.2).
	SoftwareOutsideConvergence bool    `json:"software_outside_convergence_plan"`
	History                    History `json:"history"`
}

// Establishment identifies the applicant (§5: an application is made per
// establishment, on its own 2019 combined activity).
type Establishment struct {
	FINESSGeo FINESS          `json:"finess_geographique"`
	FINESSJur FINESS          `json:"finess_juridique"`
	Name      string          `json:"name,omitempty"`
	Region    envelope.Region `json:"region"`
	// CombinedActivity is the 2019 combined activity (Annexe 3 §1); in JSON
	// a string of digits such as "127800.5".
	CombinedActivity decimal.Decimal `json:"combined_activity"`
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

// UnmarshalJSON reads the form MarshalJSON writes.
func (e *Establishment) UnmarshalJSON(data []byte) error {
	type plain Establishment
	v := struct {
		*plain
		CombinedActivity string `json:"combined_activity"`
	}{plain: (*plain)(e)}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	c, err := decimal.NewFromString(v.CombinedActivity)
	if err != nil {
		return &FieldError{Field: "establishment.combined_activity", Value: strconv.Quote(v.CombinedActivity), Reason: "want a decimal number", Err: ErrInvalidApplication}
	}
	e.CombinedActivity = c
	return nil
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
	// and the support establishment director's validation (§5).
	Public bool `json:"public"`
}

// Unit is an internal laboratory or imaging unit (§5: DS2 and DS3 need
// one with the establishment's FINESS juridique).
type Unit struct {
	FINESSJur FINESS `json:"finess_juridique"`
}

// DomainRequest is one domain applied for, DS1 with or without the CRO
// bonus (§5, Annexe 3 §3).
type DomainRequest struct {
	Domain forfait.Domain `json:"domain"`
	CRO    bool           `json:"cro"`
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
}

// History is what happened to the establishment before this application.
type History struct {
	// Applications are its earlier applications, whatever their outcome.
	Applications []PastApplication `json:"applications,omitempty"`
	// FundedDomains are the domains already funded for it (§5: at most once
	// over the programme).
	FundedDomains []forfait.Domain `json:"funded_domains,omitempty"`
	// HOPEN and HopitalNumerique record earlier funding by those
	// programmes; never a reason to refuse (§5).
	HOPEN            bool `json:"hopen_funded"`
	HopitalNumerique bool `json:"hopital_numerique_funded"`
}

// PastApplication is an earlier application (§6.1: one per window; INT-10).
type PastApplication struct {
	Window window.Window `json:"window"`
	Filed  Date          `json:"filed,omitempty"`
}

// ErrInvalidApplication: an application that cannot be decided because it
// is malformed (a missing or invalid field), as opposed to one that is
// refused.
var ErrInvalidApplication = errors.New("eligibility: invalid application")

// FieldError is one problem of an input: the field (its JSON path), the
// value and why. It unwraps to its sentinel.
type FieldError struct {
	Field  string
	Value  string
	Reason string
	Err    error
}

func (e *FieldError) Error() string {
	msg := "eligibility: " + e.Field + " = " + e.Value + ": " + e.Err.Error()
	if e.Reason != "" {
		msg += " (" + e.Reason + ")"
	}
	return msg
}

func (e *FieldError) Unwrap() error { return e.Err }

// Validate reports every reason a cannot be decided at all (§5, §6.1), each a
// *FieldError wrapping ErrInvalidApplication (or a FINESS or region error):
// malformed FINESS numbers, an unknown region, a negative combined
// activity, no filing date, an invalid window, no domain, an invalid or
// repeated domain, a CRO bonus off DS1 (forfait.ErrBonusNotDS1), an invalid
// window or domain in the history.
func (a *Application) Validate() error {
	var errs []error
	bad := func(field, value, reason string, err error) {
		errs = append(errs, &FieldError{Field: field, Value: value, Reason: reason, Err: err})
	}
	e := &a.Establishment
	for _, f := range []struct {
		field string
		v     FINESS
	}{{"establishment.finess_geographique", e.FINESSGeo}, {"establishment.finess_juridique", e.FINESSJur}} {
		if _, err := ParseFINESS(string(f.v)); err != nil {
			bad(f.field, strconv.Quote(string(f.v)), "malformed FINESS", err)
		}
	}
	for _, u := range []struct {
		field string
		unit  *Unit
	}{{"establishment.biology_lab.finess_juridique", e.Lab}, {"establishment.imaging_unit.finess_juridique", e.Imaging}} {
		if u.unit == nil {
			continue
		}
		if _, err := ParseFINESS(string(u.unit.FINESSJur)); err != nil {
			bad(u.field, strconv.Quote(string(u.unit.FINESSJur)), "malformed FINESS", err)
		}
	}
	if !e.Region.IsValid() {
		bad("establishment.region", e.Region.String(), "", envelope.ErrUnknownRegion)
	}
	if e.CombinedActivity.Sign() < 0 || !forfait.SaneExponent(e.CombinedActivity) {
		bad("establishment.combined_activity", forfait.Format(e.CombinedActivity), "must be a non-negative number of days", ErrInvalidApplication)
	}
	if a.Filed.IsZero() {
		bad("filed", `""`, "the filing date is required", ErrInvalidApplication)
	}
	if !a.Window.IsValid() {
		bad("window", a.Window.String(), "", window.ErrInvalid)
	}
	if len(a.Domains) == 0 {
		bad("domains", "[]", "at least one domain", ErrInvalidApplication)
	}
	seen := map[forfait.Domain]bool{}
	for i, d := range a.Domains {
		field := "domains[" + strconv.Itoa(i) + "]"
		if !d.Domain.IsValid() {
			bad(field+".domain", d.Domain.String(), "", forfait.ErrInvalidDomain)
		} else if seen[d.Domain] {
			bad(field+".domain", d.Domain.String(), "given twice", ErrInvalidApplication)
		} else if d.CRO && d.Domain != forfait.DS1 {
			bad(field+".cro", "true", "asked on "+d.Domain.String(), forfait.ErrBonusNotDS1)
		}
		seen[d.Domain] = true
	}
	for i, p := range a.History.Applications {
		if !p.Window.IsValid() {
			bad("history.applications["+strconv.Itoa(i)+"].window", p.Window.String(), "", window.ErrInvalid)
		}
	}
	for i, d := range a.History.FundedDomains {
		if !d.IsValid() {
			bad("history.funded_domains["+strconv.Itoa(i)+"]", d.String(), "", forfait.ErrInvalidDomain)
		}
	}
	return errors.Join(errs...)
}
