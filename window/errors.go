package window

// InputError is one problem with an input or a parameter: which field,
// which value, and why. It unwraps to its sentinel Err. It is the one error
// shape of the module (forfait.InputError is this type): window, forfait,
// indicator, eligibility, envelope, settlement and audit report a bad input
// with it, each with its own sentinels, so a caller handles them alike with
// errors.As.
type InputError struct {
	Field  string // e.g. "window", "domain", "bands[C].amounts[DS1].max"
	Value  string // the offending value, as text
	Reason string // optional detail beyond Err
	Err    error  // the sentinel
}

func (e *InputError) Error() string {
	msg := e.Err.Error() + ": " + e.Field + " = " + e.Value
	if e.Reason != "" {
		msg += " (" + e.Reason + ")"
	}
	return msg
}

func (e *InputError) Unwrap() error { return e.Err }
