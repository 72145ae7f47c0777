package forfait

import (
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/window"
)

// Sentinel errors. Every error of this package unwraps to one of them, or
// to window.ErrInvalid for a bad window; test with errors.Is.
var (
	// ErrInvalidActivity: a negative activity count or combined activity
	// (Annexe 3 §1: counts of days, sessions and stays).
	ErrInvalidActivity = codec.NewSentinel("forfait: invalid activity", "n'est pas une activité valide (un nombre positif ou nul de journées, séances ou séjours)")
	// ErrInvalidAmount: a negative amount, or one out of any plausible
	// range, given to split (§5: a forfait is a sum owed, never negative).
	ErrInvalidAmount = codec.NewSentinel("forfait: invalid amount", "n'est pas un montant valide (une somme en euros positive ou nulle)")
	// ErrBonusNotDS1: the CRO bonus was asked for on DS2 or DS3; it exists
	// for the discharge-documents domain only (§5, Annexe 3 §3).
	ErrBonusNotDS1 = codec.NewSentinel("forfait: the CRO bonus applies to DS1 only", "ne peut pas recevoir le bonus CRO, réservé au domaine DS1")
	// ErrNationalMax: the national maximum of combined activity (INT-02) is
	// missing for a category-D computation, at or below category D's lower
	// threshold, or below the establishment's activity.
	ErrNationalMax = codec.NewSentinel("forfait: national maximum of combined activity inconsistent", "n'est pas cohérent avec le maximum national de l'activité combinée")
	// ErrInvalidRuleSet: a rule set breaks one of the properties checked by
	// RuleSet.Validate.
	ErrInvalidRuleSet = codec.NewSentinel("forfait: invalid rule set", "n'est pas un paramètre valide du jeu de règles")
)

// InputError is one problem with an input or a rule-set parameter: which
// field, which value, and why; it unwraps to its sentinel. It is
// window.InputError, the one error shape of the module: forfait,
// indicator, eligibility, envelope, settlement and audit all report a bad
// input with it, each with its own sentinels, so a caller handles them
// alike with errors.As.
type InputError = window.InputError

// Problems lists the individual problems of err: the leaves of the tree
// that errors.Join builds when a function reports every problem at once
// (codec.Leaves). It returns nil for nil, and err itself when it is a
// single error.
func Problems(err error) []error { return codec.Leaves(err) }
