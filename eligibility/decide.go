package eligibility

import (
	"encoding/json"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
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

// Decision is the ARS's decision on an application: validated, or refused
// with every reason at once (§6.1). It carries the application it decides,
// so that a settlement dossier is opened from the decision itself, never
// from facts typed again.
type Decision struct {
	Status      Status      `json:"status"`
	Reasons     []Reason    `json:"reasons,omitempty"`
	Application Application `json:"application"`
}

// UnmarshalJSON decodes a decision, checking that its status agrees with
// its reasons.
func (d *Decision) UnmarshalJSON(data []byte) error {
	type plain Decision
	var v plain
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	if (v.Status == Validated) != (len(v.Reasons) == 0) || v.Status != Validated && v.Status != Refused {
		return &forfait.InputError{Field: "status", Value: v.Status.String(),
			Reason: "validated without reasons, or refused with some", Err: ErrInvalidApplication}
	}
	*d = Decision(v)
	return nil
}

// Decide reviews a against every condition of Conditions (Annexe 1, §4.2,
// §5, §6.1), with the calendar of the instruction's rules: validated when
// all hold, refused otherwise with one reason per condition not met (and
// per domain, for the per-domain ones), in the order of Conditions. The
// decision holds a copy of a. A malformed application (see
// Application.Validate) is an error, not a refusal.
func Decide(a *Application, in *instruction.Rules) (Decision, error) {
	if err := a.Validate(); err != nil {
		return Decision{}, err
	}
	cal := in.Calendar()
	var reasons []Reason
	for _, c := range Conditions() {
		reason := func(d forfait.Domain) Reason {
			return Reason{Code: c.Code, Source: c.Source, Interpretations: c.Interpretations, Domain: d, French: c.French, English: c.English}
		}
		if c.holds != nil {
			if !c.holds(a, cal) {
				reasons = append(reasons, reason(0))
			}
			continue
		}
		for _, d := range a.Domains {
			if !c.holdsFor(a, d) {
				reasons = append(reasons, reason(d.Domain))
			}
		}
	}
	if len(reasons) > 0 {
		return Decision{Status: Refused, Reasons: reasons, Application: a.clone()}, nil
	}
	return Decision{Status: Validated, Application: a.clone()}, nil
}
