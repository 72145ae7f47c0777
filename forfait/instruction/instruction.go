package instruction

import (
	"errors"
	"strconv"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

// Rules is one instruction's rules, each part with its citations. Build it
// with Instruction2021 and amend a copy; check it once with Validate.
type Rules struct {
	// Forfait is the forfait computation (Annexe 3) and, in its Windows,
	// the window factors (Annexe 3 §4) and calendar (§6.1): the one
	// calendar every package reads.
	Forfait forfait.RuleSet
	// Targets are the usage targets per indicator and window (Annexe 1).
	Targets indicator.Targets
	// Envelopes are the national and regional envelopes (§3.3, Annexe 2).
	Envelopes envelope.Annex2
	// Prerequisites are the figures of the six prerequisites (Annexe 1)
	// that an application's evidence is measured against.
	Prerequisites Prerequisites
}

// Prerequisites are the figures of the Ségur prerequisites (Annexe 1)
// that eligibility checks; the rest of each prerequisite is yes or no.
type Prerequisites struct {
	// SecurityMeetings is the least number of meetings a year between the
	// information-security officer (RSSI) and the management: "au moins 2
	// rendez-vous annuels RSSI/Direction" (Annexe 1, PS2.1).
	SecurityMeetings int
}

// maxSecurityMeetings bounds Prerequisites.SecurityMeetings: more than one
// meeting a day is no meeting schedule.
const maxSecurityMeetings = 366

// Validate reports a figure that cannot be a threshold: a number of
// RSSI/management meetings (Annexe 1, PS2.1) below zero or above one a
// day, as a *forfait.InputError wrapping forfait.ErrInvalidRuleSet.
func (p Prerequisites) Validate() error {
	if p.SecurityMeetings < 0 || p.SecurityMeetings > maxSecurityMeetings {
		return &forfait.InputError{Field: "prerequisites.security_meetings", Value: strconv.Itoa(p.SecurityMeetings),
			Reason: codec.Text{French: "attendu : de 0 à " + strconv.Itoa(maxSecurityMeetings) + " réunions par an (Annexe 1, PS2.1)", English: "want 0 to " + strconv.Itoa(maxSecurityMeetings) + " meetings a year (Annexe 1, PS2.1)"}, Err: forfait.ErrInvalidRuleSet}
	}
	return nil
}

// Instruction2021 returns the rules of instruction DGOS/PF5/DNS/CTO/2021/167
// of 26 July 2021 and its three annexes (Annexes 1–3, §3.3, §6.1). Each
// call returns a new value that the caller may amend.
func Instruction2021() Rules {
	return Rules{
		Forfait:   forfait.Instruction2021(),
		Targets:   indicator.Instruction2021(),
		Envelopes: envelope.Instruction2021Annex2(),
		Prerequisites: Prerequisites{
			SecurityMeetings: 2, // Annexe 1, PS2.1
		},
	}
}

// Name is the title of the instruction the rules come from.
func (r *Rules) Name() string { return r.Forfait.Name }

// Calendar returns the window calendar (§6.1, Annexe 3 §4), the one held in
// Forfait.Windows.
func (r *Rules) Calendar() *window.Schedule { return &r.Forfait.Windows }

// Validate reports every problem of every part at once (Annexe 3 through
// forfait.RuleSet.Validate, Annexe 1 through indicator.Targets.Validate
// and Prerequisites.Validate, Annexe 2 through envelope.Annex2.Validate).
func (r *Rules) Validate() error {
	return errors.Join(r.Forfait.Validate(), r.Targets.Validate(), r.Envelopes.Validate(), r.Prerequisites.Validate())
}
