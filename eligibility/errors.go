package eligibility

import "errors"

// ErrInvalidApplication: an application that cannot be decided because it
// is malformed (a missing or invalid field), as opposed to one that is
// refused.
var ErrInvalidApplication = errors.New("eligibility: invalid application")
