package eligibility

import (
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
)

// Text returns the reason's message in French and English, the shape of
// every catalogue of texts people read: Text().In(lang) is the message in
// one language.
func (r Reason) Text() codec.Text { return codec.Text{French: r.French, English: r.English} }

// Text returns the condition's message in French and English.
func (c Condition) Text() codec.Text { return codec.Text{French: c.French, English: c.English} }

// ReasonText returns the message of the refusal code c under the rules in,
// in French and English, and false for a code no condition has: the
// catalogue of the refusal reasons, keyed by their stable codes.
func ReasonText(in *instruction.Rules, c Code) (codec.Text, bool) {
	for _, cond := range Conditions(in) {
		if cond.Code == c {
			return cond.Text(), true
		}
	}
	return codec.Text{}, false
}
