package eligibility

import (
	"github.com/sunes-spec/sunes/forfait/codec"
)

var (
	// ErrInvalidApplication: an application that cannot be decided because
	// it is malformed (a missing or invalid field), as opposed to one that
	// is refused.
	ErrInvalidApplication = codec.NewSentinel("eligibility: invalid application", "n'est pas une valeur admise dans une candidature")
	// ErrReviewPeriod: a decision dated before the filing or outside the
	// review period of the application's window; the ARS communicates its
	// decisions by the end of that period (§6.1).
	ErrReviewPeriod = codec.NewSentinel("eligibility: decision outside the review period", "tombe hors de la période d'instruction")
	// ErrSealed: a decision that Decide did not make, such as one read from
	// JSON.
	ErrSealed = codec.NewSentinel("eligibility: decision not made by Decide", "n'est pas une décision issue de l'examen de la candidature")
)
