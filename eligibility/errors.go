package eligibility

import "errors"

var (
	// ErrInvalidApplication: an application that cannot be decided because
	// it is malformed (a missing or invalid field), as opposed to one that
	// is refused.
	ErrInvalidApplication = errors.New("eligibility: invalid application")
	// ErrReviewPeriod: a decision dated before the filing or outside the
	// review period of the application's window; the ARS communicates its
	// decisions by the end of that period (§6.1).
	ErrReviewPeriod = errors.New("eligibility: decision outside the review period")
	// ErrSealed: a decision that Decide did not make, such as one read from
	// JSON.
	ErrSealed = errors.New("eligibility: decision not made by Decide")
)
