package window

import "github.com/sunes-spec/sunes/forfait/codec"

// InputError is one problem with an input or a parameter: where, which
// value, and why; it unwraps to its sentinel. It is the one error shape of
// the module, defined with the plumbing it shares (codec.InputError):
// window, forfait, indicator, eligibility, envelope, settlement and audit
// report a bad input with it, each with its own sentinels, so a caller
// handles them alike with errors.As. Its Pointer method gives the JSON
// pointer of the problem.
type InputError = codec.InputError
