package codec_test

import (
	"testing"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/campaign"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

// TestSentinelTexts: every sentinel of the packages whose errors people
// read has its French text, free of English words.
func TestSentinelTexts(t *testing.T) {
	for _, err := range []error{
		codec.ErrSyntax, codec.ErrInvalidLang, codec.ErrSeparator, codec.ErrEncodingName,
		window.ErrInvalid, window.ErrInvalidDate, window.ErrInvalidSchedule,
		forfait.ErrInvalidActivity, forfait.ErrInvalidAmount, forfait.ErrBonusNotDS1, forfait.ErrNationalMax,
		forfait.ErrInvalidRuleSet, forfait.ErrInvalidDomain, forfait.ErrInvalidCategory, forfait.ErrInvalidFINESS,
		eligibility.ErrInvalidApplication, eligibility.ErrReviewPeriod, eligibility.ErrSealed,
		indicator.ErrInvalidRate, indicator.ErrMissingRate, indicator.ErrInvalidTargets, indicator.ErrInvalidID,
		campaign.ErrNoSuchRecord, campaign.ErrInvalidKey, campaign.ErrEmpty, campaign.ErrSyntax, campaign.ErrSeparator,
		campaign.ErrMissingColumn, campaign.ErrDuplicateColumn, campaign.ErrShortRow, campaign.ErrInvalidCount,
		campaign.ErrDuplicateFINESS, campaign.ErrDecimalCount, campaign.ErrTooManyProblems,
		settlement.ErrNotValidated, settlement.ErrInvalidDossier, settlement.ErrDate, settlement.ErrSettled,
		settlement.ErrMismatch, settlement.ErrNoDeferral,
		envelope.ErrInvalidVolet, envelope.ErrInvalidAnnex2, envelope.ErrInvalidAllocation, envelope.ErrInsufficientCredits,
		envelope.ErrWrongLedger, envelope.ErrInvalidNotification, envelope.ErrDuplicate,
		envelope.ErrInvalidLedger, envelope.ErrUnknownRegion, envelope.ErrNotPilot, envelope.ErrBeyondEnvelope,
		envelope.ErrInvalidDelegation, envelope.ErrVolet2Amount,
		instruction.ErrInvalidRegister,
	} {
		text, ok := codec.SentinelText(err)
		if !ok {
			t.Errorf("%v: no French text", err)
			continue
		}
		if text.English != err.Error() {
			t.Errorf("%v: English text %q", err, text.English)
		}
		codectest.Check(t, err.Error(), text)
	}
}
