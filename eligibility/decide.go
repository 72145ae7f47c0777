package eligibility

import (
	"encoding/json"
	"errors"
	"slices"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/window"
)

// Status is the outcome of a review (§6.1): Validated or Refused. The
// zero value is a decision not taken; its text form is "" and it prints
// "unset".
type Status uint8

const (
	Validated Status = 1 // the application is validated: the advance may be notified
	Refused   Status = 2 // refused, with its reasons (motifs de non validation)
)

// statusText is the text form of a status (codec.Enum).
var statusText = codec.Enum[Status]{Kind: "status", Names: []string{Validated: "validated", Refused: "refused"}, Err: ErrInvalidApplication}

// String returns "validated" or "refused"; "unset" for the zero value and
// "invalid status n" for another invalid one.
func (s Status) String() string { return statusText.String(s) }

// IsValid reports whether s is Validated or Refused.
func (s Status) IsValid() bool { return s == Validated || s == Refused }

// MarshalText encodes s as String does, the zero value as "".
func (s Status) MarshalText() ([]byte, error) { return statusText.Marshal(s) }

// UnmarshalText decodes the form MarshalText produces.
func (s *Status) UnmarshalText(text []byte) error { return statusText.Unmarshal(text, s) }

// Reason is one reason for refusal (motif de non validation, §6.1): its
// code, the paragraph it cites, the interpretations it relies on, the
// domain it concerns (for a per-domain condition) and its message.
type Reason struct {
	Code            Code           `json:"code"`
	Source          string         `json:"source"`
	Interpretations []string       `json:"interpretations,omitempty"`
	Domain          forfait.Domain `json:"domain,omitempty"`
	French          string         `json:"message_fr"`
	English         string         `json:"message_en"`
}

// DomainDecision is the decision on one domain of an application: its
// variant, validated or refused, and every reason it is refused: the
// reasons that bind the whole application and those of the domain itself
// (§5, §6.1).
type DomainDecision struct {
	Variant forfait.Variant `json:"variant"`
	Status  Status          `json:"status"`
	Reasons []Reason        `json:"reasons,omitempty"`
}

// PendingAudit is what a decision validated on a window-1 purchase order
// for PS2.2 leaves to check (Annexe 1, PS2.2): the audit planned on
// Planned must be done by Deadline, the end of window 1's review period
// (31 December 2021).
type PendingAudit struct {
	Planned  window.Date `json:"planned"`
	Deadline window.Date `json:"deadline"`
}

// Decision is the ARS's decision on an application, domain by domain: each
// domain validated, or refused with every reason at once (§5, §6.1). It
// carries the application it decides and the day it was taken, so that a
// settlement dossier is opened from the decision itself, never from facts
// typed again.
//
// A Decision is sealed: only Decide makes one, its fields are unexported
// and its accessors return copies, so what a dossier opens is exactly what
// was decided. The zero value is no decision: its Status is unset and it
// validates nothing. A decision is written as JSON but never read back
// (UnmarshalJSON returns ErrSealed): a decision read from a file would be
// a decision nobody took.
type Decision struct {
	app     Application
	on      window.Date
	domains []DomainDecision
	reasons []Reason
	audit   *PendingAudit
}

// Status is Validated when at least one domain is validated, Refused when
// none is, and unset for the zero Decision.
func (d Decision) Status() Status {
	if len(d.domains) == 0 {
		return 0
	}
	for _, x := range d.domains {
		if x.Status == Validated {
			return Validated
		}
	}
	return Refused
}

// Date is the day the decision was taken, within the review period of the
// application's window (§6.1).
func (d Decision) Date() window.Date { return d.on }

// Application returns a copy of the application decided (§5, §6.1): the
// facts a dossier is opened from.
func (d Decision) Application() Application { return d.app.clone() }

// Domains returns the decision on each domain applied for, in the order
// of the application.
func (d Decision) Domains() []DomainDecision {
	out := slices.Clone(d.domains)
	for i := range out {
		out[i].Reasons = cloneReasons(out[i].Reasons)
	}
	return out
}

// Validated returns the variants validated, in the order of the
// application: those a dossier opens (§5, Annexe 2 §3).
func (d Decision) Validated() []forfait.Variant {
	var vs []forfait.Variant
	for _, x := range d.domains {
		if x.Status == Validated {
			vs = append(vs, x.Variant)
		}
	}
	return vs
}

// Reasons returns every reason of the decision, in the order of
// Conditions: each reason binding the whole application once (its Domain
// zero), then each per-domain reason with its domain (motifs de non
// validation, §6.1).
func (d Decision) Reasons() []Reason { return cloneReasons(d.reasons) }

// PendingAudit returns, for a decision that validates domains on a window-1
// purchase order for PS2.2, the audit's planned date and the day it must be
// done by (Annexe 1, PS2.2); ok is false otherwise.
func (d Decision) PendingAudit() (p PendingAudit, ok bool) {
	if d.audit == nil {
		return PendingAudit{}, false
	}
	return *d.audit, true
}

func cloneReasons(rs []Reason) []Reason {
	out := slices.Clone(rs)
	for i := range out {
		out[i].Interpretations = slices.Clone(out[i].Interpretations)
	}
	return out
}

// decisionJSON is the written form of a Decision.
type decisionJSON struct {
	Status       Status           `json:"status"`
	Decided      window.Date      `json:"decided"`
	Domains      []DomainDecision `json:"domains"`
	Reasons      []Reason         `json:"reasons,omitempty"`
	PendingAudit *PendingAudit    `json:"pending_audit,omitempty"`
	Application  Application      `json:"application"`
}

// MarshalJSON writes the decision: its status, date, the decision on each
// domain, every reason, the audit pending if any, and the application.
func (d Decision) MarshalJSON() ([]byte, error) {
	return json.Marshal(decisionJSON{Status: d.Status(), Decided: d.on, Domains: d.domains, Reasons: d.reasons, PendingAudit: d.audit, Application: d.app})
}

// UnmarshalJSON refuses to read a decision: only Decide makes one
// (ErrSealed).
func (d *Decision) UnmarshalJSON([]byte) error {
	return &forfait.InputError{Field: "decision", Value: "JSON", Reason: codec.Text{French: "une décision ne se lit pas : seul l'examen de la candidature la produit", English: "a decision is taken by Decide, not read"}, Err: ErrSealed}
}

// Decide reviews a, on the day on, against every condition of Conditions
// (mention Outre-mer, §2.3, Annexe 1, §4.2, §5, §6.1), with the calendar of
// the instruction's rules. Each domain is decided on its own: refused when
// a condition binding the whole application fails or one of its own does,
// validated otherwise; every reason is given, in the order of Conditions.
// The decision holds a copy of a and the date on.
//
// A malformed application (see Application.Validate) is an error, not a
// refusal; so is a decision dated before the filing, before the window's
// review period or after its end, by which the ARS must have communicated
// its decisions (§6.1): a *forfait.InputError on field "on" unwrapping to
// ErrReviewPeriod. Every problem is reported at once.
func Decide(a *Application, in *instruction.Rules, on window.Date) (Decision, error) {
	var errs []error
	if err := a.Validate(); err != nil {
		errs = append(errs, err)
	}
	cal := in.Calendar()
	if a.Window.IsValid() && !a.Filed.IsZero() {
		review := cal.Terms(a.Window).Review
		switch {
		case on.IsZero():
			errs = append(errs, &forfait.InputError{Field: "on", Value: `""`, Reason: codec.Text{French: "la date de la décision est obligatoire", English: "the decision date is required"}, Err: ErrReviewPeriod})
		case on.Before(a.Filed):
			errs = append(errs, &forfait.InputError{Field: "on", Value: on.String(), Reason: codec.Text{French: "antérieure au dépôt, fait le " + a.Filed.French(), English: "before the filing on " + a.Filed.String()}, Err: ErrReviewPeriod})
		case !review.Contains(on):
			errs = append(errs, &forfait.InputError{Field: "on", Value: on.String(),
				Reason: codec.Text{French: "fenêtre " + a.Window.String() + " : " + review.In(codec.French) + " ; §6.1", English: "outside window " + a.Window.String() + "'s review period " + review.String() + " (§6.1)"}, Err: ErrReviewPeriod})
		}
	}
	if len(errs) > 0 {
		return Decision{}, errors.Join(errs...)
	}
	d := Decision{app: a.clone(), on: on, domains: make([]DomainDecision, len(a.Domains))}
	var common []Reason
	own := make([][]Reason, len(a.Domains))
	for _, c := range Conditions(in) {
		reason := func(dom forfait.Domain) Reason {
			return Reason{Code: c.Code, Source: c.Source, Interpretations: slices.Clone(c.Interpretations), Domain: dom, French: c.French, English: c.English}
		}
		if c.holds != nil {
			if !c.holds(a, in) {
				common = append(common, reason(0))
			}
			continue
		}
		for i, v := range a.Domains {
			if !c.holdsFor(a, v) {
				own[i] = append(own[i], reason(v.Domain))
			}
		}
	}
	d.reasons = cloneReasons(common)
	for i, v := range a.Domains {
		d.reasons = append(d.reasons, own[i]...)
		rs := append(cloneReasons(common), own[i]...)
		st := Validated
		if len(rs) > 0 {
			st = Refused
		}
		d.domains[i] = DomainDecision{Variant: v, Status: st, Reasons: rs}
	}
	if auditProof(a) == order && d.Status() == Validated {
		d.audit = &PendingAudit{Planned: a.Prerequisites.CyberAudit.AuditDate, Deadline: cal.Terms(window.W1).Review.End}
	}
	return d, nil
}
