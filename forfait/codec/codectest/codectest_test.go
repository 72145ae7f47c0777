package codectest_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
)

// recorder is a testing.TB that records the failures it is told.
type recorder struct {
	testing.TB
	failures []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}

// TestReasonsBite: Places (through Reasons) fails a test that meets a
// reason in English only, one in French only, and a French reason with
// English words; it passes a complete reason, no reason, and French that
// quotes a code.
func TestReasonsBite(t *testing.T) {
	bad := codec.NewSentinel("bad", "ne va pas")
	problem := func(field string, reason codec.Text) error {
		return &codec.InputError{Field: field, Value: "1", Reason: reason, Err: bad}
	}
	err := errors.Join(
		problem("english", codec.Text{English: "must be positive"}),
		problem("french", codec.Text{French: "doit être positif"}),
		problem("mixed", codec.Text{French: "la window doit être positive", English: "the window must be positive"}),
		problem("complete", codec.Text{French: "doit être positif", English: "must be positive"}),
		problem("none", codec.Text{}),
		problem("code", codec.Text{French: "attendu : « paid »", English: "want paid"}),
	)
	r := &recorder{TB: t}
	places := codectest.Places(r, err)
	if diff := cmp.Diff([]string{"english", "french", "mixed", "complete", "none", "code"}, places); diff != "" {
		t.Errorf("places (-want +got):\n%s", diff)
	}
	want := []string{
		"the reason of english = 1: no French text",
		"the reason of french = 1: no English text",
		`the reason of mixed = 1: French text "la window doit être positive" holds English words ["window"]`,
	}
	if diff := cmp.Diff(want, r.failures); diff != "" {
		t.Errorf("failures (-want +got):\n%s", diff)
	}
}

// TestEnglishWords: a word in capitals or between guillemets is a code,
// not English; after a guillemet left open, words are text again.
func TestEnglishWords(t *testing.T) {
	got := codectest.EnglishWords("the ACTIVITY « paid » window « unclosed paid")
	if diff := cmp.Diff([]string{"the", "window", "paid"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
