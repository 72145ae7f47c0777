package forfait

import (
	"errors"

	"github.com/sunes-spec/sunes/window"
)

// Sentinel errors. Every error of this package unwraps to one of them, or
// to window.ErrInvalid for a bad window; test with errors.Is.
var (
	// ErrInvalidActivity: a negative activity count or combined activity
	// (Annexe 3 §1: counts of days, sessions and stays).
	ErrInvalidActivity = errors.New("forfait: invalid activity")
	// ErrInvalidAmount: a negative amount, or one out of any plausible
	// range, given to split (§5: a forfait is a sum owed, never negative).
	ErrInvalidAmount = errors.New("forfait: invalid amount")
	// ErrBonusNotDS1: the CRO bonus was asked for on DS2 or DS3; it exists
	// for the discharge-documents domain only (§5, Annexe 3 §3).
	ErrBonusNotDS1 = errors.New("forfait: the CRO bonus applies to DS1 only")
	// ErrNationalMax: the national maximum of combined activity (INT-02) is
	// missing for a category-D computation, at or below category D's lower
	// threshold, or below the establishment's activity.
	ErrNationalMax = errors.New("forfait: national maximum of combined activity inconsistent")
	// ErrInvalidRuleSet: a rule set breaks one of the properties checked by
	// RuleSet.Validate.
	ErrInvalidRuleSet = errors.New("forfait: invalid rule set")
)

// InputError is one problem with an input or a rule-set parameter: which
// field, which value, and why; it unwraps to its sentinel. It is
// window.InputError, the one error shape of the module: forfait,
// indicator, eligibility, envelope, settlement and audit all report a bad
// input with it, each with its own sentinels, so a caller handles them
// alike with errors.As.
type InputError = window.InputError

// Problems lists the individual problems of err: the leaves of the tree
// that errors.Join builds when a function reports every problem at once.
// It returns nil for nil, and err itself when it is a single error.
func Problems(err error) []error {
	if err == nil {
		return nil
	}
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range j.Unwrap() {
		out = append(out, Problems(e)...)
	}
	return out
}
