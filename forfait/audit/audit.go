// Package audit checks money already paid against the rules: given the
// establishments of a national extract and the payments an ARS notified
// (advances, balances, repayments, in volet 1 and in the volet-2 pilot),
// [Audit] recomputes what each payment should have been and reports every
// finding with its citation. It is the one implementation of "what should
// have been paid" in the module.
//
// # What it encodes
//
// Each payment is recomputed exactly from the establishment's combined
// activity and the national maximum (Annexe 3 §1-§4; INT-01 to INT-03):
// an advance is 30 % of the forfait of its domain, CRO and window (§5,
// Annexe 2 §3; INT-04); a balance is the forfait of its window less the
// advance paid, the next window's forfait after a deferral (INT-05), the
// standard forfait after a DS1+CRO advance whose DS1.3 was missed
// (INT-06), as settlement.BalanceOf gives it; a repayment is the whole
// advance paid (Annexe 2 §3). A payment with the CRO bonus off DS1 is
// audited as its domain's standard variant, and a balance with a bonus
// its advance lacked as its advance's variant, the bonus being DS1's and
// the dossier's alone (§5; Annexe 3 §3; INT-31). Nothing is due to an
// establishment the extract does not hold, nor of a balance for a window
// other than its advance's or the deferral window (§5; Annexe 3 §1;
// Annexe 2 §3; INT-32). A domain is funded once over the programme
// (§5; INT-14): one advance, then one balance or one repayment, whatever
// the window; a second payment with the same [Payment.Identity], the
// identity a regional ledger refuses twice (envelope.Identity), is a
// duplicate. A volet-2 payment is 30 % of the amount the ARS declared,
// then the other 70 %, or the advance repaid, within 100 k€ per
// establishment, in the three pilot regions (§3.3, §6.2, Annexe 2 §2,
// §4; INT-18, INT-27). A region's advances net of repayments stay within
// its advance credits, its balances within its usage credits, per volet:
// the whole Annexe 2 envelope, or the tranches delegated by each payment's
// date when [Options] gives them (Annexe 2 §3, §5; §6.1). Payments are
// dated within the calendar, an advance within its window's application
// and review periods, a balance or a repayment after its window's
// measurement (§6.1, Annexe 1; INT-12); given the day of the
// audit and the declaration deadlines, an advance still neither balanced
// nor repaid after its deferral window's deadline is reported (§5;
// Annexe 2 §3; INT-28).
//
// # Findings
//
// One finding per problem, with a stable [Code]; each code's doc says
// what [Finding.Expected] holds:
//
//   - ADVANCE-AMOUNT: the advance the rules give.
//   - BALANCE-AMOUNT: the forfait due less the advance paid (volet 2: the
//     70 % of the declared amount).
//   - REPAYMENT-AMOUNT: the advance paid.
//   - CRO-NOT-DS1: what the payment's kind gives for its domain's
//     standard variant, reported whatever the amount paid (INT-31).
//   - BALANCE-WINDOW: 0 for a window other than the advance's or the
//     deferral window (INT-32); the balance of the advance's variant for
//     a bonus the advance lacked, reported whatever the amount (INT-31).
//   - DUPLICATE, NO-ADVANCE, BALANCE-AND-REPAYMENT, NOT-PILOT,
//     NOT-DESIGNATED, ADVANCE-KEPT, UNKNOWN-ESTABLISHMENT: 0, nothing being
//     due (INT-32 for the last).
//   - REGION-CREDITS, VOLET2-CAP: what was left under the ceiling before
//     the payment.
//   - DATE-CALENDAR: none (HasExpected is false): it judges the date, the
//     amount being audited as well.
//
// A clean history yields none.
//
// # Totals
//
// Each wrong euro is counted once (INT-26): a balance or repayment that
// carries a wrong advance's difference over is a consequence of the
// advance's finding ([Finding.Cause]); one that recovers it, or an
// ADVANCE-KEPT finding that counts the whole advance, settles the
// advance's finding ([Finding.Settled]). A balance for a wrong window
// stands as the domain's balance: a later repayment is judged against it
// (BALANCE-AND-REPAYMENT), and its advance is not reported kept (INT-32).
// [Finding.Overpaid] is what a finding adds to the money paid wrongly, and
// [TotalsBy] sums it: over a history, the totals are what was paid less
// what was due, whatever the codes (INT-26, INT-31, INT-32).
//
// # Reports and ledgers
//
// [ReadPayments] reads a payment ledger and [WritePayments] writes one
// (columns finess, domain, cro, window, kind, amount, date and volet);
// [PaymentOf] turns a booked envelope.Notification into the payment it
// records. [WriteCSV], [WriteJSON] and [WriteMarkdown] write a report;
// each finding names its payment's line in the ledger and its date, so a
// DUPLICATE is told from its original.
//
// # Errors
//
// Findings are not errors: Audit fails only on input it cannot audit (an
// invalid rule set, a malformed establishment, payment or delegation, a
// national maximum the activities contradict), reporting every problem at
// once, before any payment is audited, each a *forfait.InputError
// (ErrInvalidPayment, ErrInvalidEstablishment, or a forfait, window or
// envelope sentinel): an establishment whose combined activity the
// national maximum contradicts (INT-02) is reported at
// establishments[i].combined_activity, wrapping forfait.ErrNationalMax.
//
// # Example
//
//	in := instruction.Instruction2021()
//	report, err := audit.Audit(&in, establishments, payments, audit.Options{})
//	for _, f := range report.Findings {
//		fmt.Println(f.Code, f.Payment.FINESS, f.Expected, f.Paid, f.Overpaid(), f.Source)
//	}
package audit

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/window"
)

// Sentinel errors of input Audit cannot audit.
var (
	ErrInvalidPayment       = codec.NewSentinel("audit: invalid payment", "n'est pas une valeur admise dans un relevé de versements")
	ErrInvalidEstablishment = codec.NewSentinel("audit: invalid establishment", "n'est pas un établissement valide")
)

// Establishment is what the extract says of one establishment: its FINESS,
// its region and its 2019 combined activity (Annexe 3 §1), and, for the
// volet-2 pilot, the amount its ARS declared (§3.3, Annexe 2 §4; INT-18).
type Establishment struct {
	FINESS   forfait.FINESS  `json:"finess"`
	Region   envelope.Region `json:"region"`
	Combined decimal.Decimal `json:"combined_activity"`
	// Volet2 is the volet-2 amount its ARS declared; zero when the
	// establishment was not designated for the pilot.
	Volet2 decimal.Decimal `json:"volet2_amount,omitempty"`
}

// Equal reports whether e and f hold the same values (amounts compared by
// value, so 1.50 equals 1.5).
func (e Establishment) Equal(f Establishment) bool {
	return e.FINESS == f.FINESS && e.Region == f.Region && e.Combined.Equal(f.Combined) && e.Volet2.Equal(f.Volet2)
}

// Payment is one notification an ARS made: to an establishment, for a
// volet, for a domain with or without the CRO bonus, in a window, of a
// kind (an advance, a balance or a repayment, the only payments of a
// domain, Annexe 2 §3), an amount in euros and a date. Variant may be
// invalid (the CRO bonus on DS2 is a finding, CRO-NOT-DS1, the payment
// audited as DS2; INT-31). A volet-2 payment has no
// domain and no window; the zero
// Volet is read as volet 1.
type Payment struct {
	FINESS  forfait.FINESS  `json:"finess"`
	Volet   envelope.Volet  `json:"volet,omitempty"`
	Variant forfait.Variant `json:"variant"`
	Window  window.Window   `json:"window"`
	Kind    envelope.Kind   `json:"kind"`
	Amount  decimal.Decimal `json:"amount"`
	Date    window.Date     `json:"date"`
	// Line is the payment's line in its file, 0 when it comes from no file.
	Line int `json:"line,omitempty"`
}

// Equal reports whether p and q hold the same values (the amount compared
// by value, so 1.50 equals 1.5; the zero volet is volet 1).
func (p Payment) Equal(q Payment) bool {
	return p.FINESS == q.FINESS && p.volet() == q.volet() && p.Variant == q.Variant && p.Window == q.Window && p.Kind == q.Kind &&
		p.Amount.Equal(q.Amount) && p.Date == q.Date && p.Line == q.Line
}

// PaymentOf returns the payment a booked notification records: its
// establishment, volet, variant, window, kind,
// amount and date; Line is 0.
func PaymentOf(n envelope.Notification) Payment {
	return Payment{FINESS: n.Establishment, Volet: n.Volet, Variant: n.Variant, Window: n.Window, Kind: n.Kind, Amount: n.Amount, Date: n.Date}
}

// volet is p's volet, the zero value read as volet 1.
func (p Payment) volet() envelope.Volet {
	if p.Volet == 0 {
		return envelope.Volet1
	}
	return p.Volet
}

// Identity is the identity of the notification p records, the ledger's
// (envelope.Notification.Identity): one advance, one balance and one
// repayment per establishment, volet and domain over the programme,
// whatever the window (§5; INT-14). A second payment with the same
// identity is a DUPLICATE.
func (p Payment) Identity() envelope.Identity {
	return envelope.Notification{Kind: p.Kind, Volet: p.volet(), Establishment: p.FINESS, Variant: p.Variant, Window: p.Window}.Identity()
}

// Code names one kind of finding; the codes are stable. Each says what
// [Finding.Expected] holds for it; a code whose Expected is "none" has
// HasExpected false.
type Code string

// The findings (see the package documentation for their rules).
const (
	// AdvanceAmount: an advance other than the rules give. Expected: 30 %
	// of the forfait of its domain, CRO and window (§5, Annexe 2 §3;
	// INT-04); in volet 2, 30 % of the declared amount, at most the cap
	// (§3.3, Annexe 2 §4; INT-18, INT-27).
	AdvanceAmount Code = "ADVANCE-AMOUNT"
	// BalanceAmount: a balance other than the rules give. Expected: the
	// forfait due (its window's, the next after a deferral, INT-05; the
	// standard one when DS1.3 was missed, INT-06) less the advance paid
	// (§5, Annexe 2 §3); in volet 2, the 70 % of the declared amount
	// (Annexe 2 §4; INT-18).
	BalanceAmount Code = "BALANCE-AMOUNT"
	// BalanceWindow: a balance for a window other than its advance's or
	// the next, or with a bonus the advance lacked (Annexe 2 §3; INT-05).
	// Expected: 0 for a wrong window, nothing being due of that balance,
	// which stands as the domain's (INT-32); for a bonus the advance
	// lacked, the balance of the advance's variant, reported whatever the
	// amount paid (INT-31).
	BalanceWindow Code = "BALANCE-WINDOW"
	// RepaymentAmount: a repayment other than the advance paid (Annexe 2
	// §3; INT-05 when in the deferral window). Expected: the advance paid.
	RepaymentAmount Code = "REPAYMENT-AMOUNT"
	// Duplicate: a second payment with the same [Payment.Identity] (§5;
	// INT-14). Expected: 0, nothing being due twice.
	Duplicate Code = "DUPLICATE"
	// NoAdvance: a balance or a repayment with no advance before it (§5,
	// Annexe 2 §3). Expected: 0.
	NoAdvance Code = "NO-ADVANCE"
	// BalanceAndRepayment: a balance after a repayment, or a repayment
	// after a balance (Annexe 2 §3). Expected: 0.
	BalanceAndRepayment Code = "BALANCE-AND-REPAYMENT"
	// UnknownEstablishment: a FINESS the extract does not hold (§5).
	// Expected: 0, nothing being due without a 2019 combined activity; the
	// whole payment is counted (INT-32).
	UnknownEstablishment Code = "UNKNOWN-ESTABLISHMENT"
	// CRONotDS1: the CRO bonus on another domain than DS1 (§5; Annexe 3
	// §3). Expected: what the payment's kind gives for its domain's
	// standard variant (its advance, its balance less the advance paid, the
	// advance paid), the payment joining its domain's history; reported
	// whatever the amount paid (INT-31). A payment a DUPLICATE,
	// NO-ADVANCE or BALANCE-AND-REPAYMENT finding counts whole is reported
	// by that finding alone.
	CRONotDS1 Code = "CRO-NOT-DS1"
	// RegionCredits: a payment that takes its region beyond its advance or
	// usage credits, the whole envelope or the tranches delegated by its
	// date (Annexe 2 §3, §5; §6.1). Expected: what was left of those
	// credits before it; its difference is not money paid beyond what the
	// establishment was due, and is not counted in the totals.
	RegionCredits Code = "REGION-CREDITS"
	// DateCalendar: a payment dated outside the calendar: an advance
	// before its window's application period or after its review period,
	// a balance or a repayment on or before the end of its window's
	// measurement period (§6.1, Annexe 1; INT-12). Expected: none, the
	// amount being audited as well.
	DateCalendar Code = "DATE-CALENDAR"
	// NotPilot: a volet-2 payment in a region that is not one of the three
	// pilots (§3.3, §6.2, Annexe 2 §2). Expected: 0.
	NotPilot Code = "NOT-PILOT"
	// NotDesignated: a volet-2 payment to an establishment with no
	// declared volet-2 amount (§6.2, Annexe 2 §4; INT-18). Expected: 0.
	NotDesignated Code = "NOT-DESIGNATED"
	// Volet2Cap: a volet-2 payment that takes the establishment's net
	// volet-2 funding beyond the cap, 100 k€ (§3.3, Annexe 2 §4).
	// Expected: what was left under the cap before it; the money beyond is
	// counted by the amount or duplicate findings, not by this one.
	Volet2Cap Code = "VOLET2-CAP"
	// AdvanceKept: a volet-1 advance neither balanced nor repaid when the
	// audit is made, after the day it had to be repaid: the declaration
	// deadline of the deferral window, or of window 4 for a window-4
	// advance (§5; Annexe 2 §3; INT-05, INT-28). Expected: 0, nothing of
	// the advance being the establishment's once its targets are missed;
	// the finding counts the whole advance, and settles the advance's own
	// wrong amount (INT-26).
	AdvanceKept Code = "ADVANCE-KEPT"
)

// Codes lists every code, in the order of the package documentation (§5,
// Annexe 2 §3, §4; §6.1).
func Codes() []Code {
	return []Code{AdvanceAmount, BalanceAmount, BalanceWindow, RepaymentAmount, Duplicate, NoAdvance,
		BalanceAndRepayment, UnknownEstablishment, CRONotDS1, RegionCredits, DateCalendar, NotPilot, NotDesignated, Volet2Cap, AdvanceKept}
}

// Finding is one problem of one payment: what was paid, what the rules
// give, and the paragraph and interpretations that make it a finding
// (§5, Annexe 2 §3 and the others of Codes).
type Finding struct {
	Code    Code
	Payment Payment
	Region  envelope.Region // the establishment's, when the extract holds it
	// Expected is what the rules give for this payment, as its Code says;
	// HasExpected is false for a finding on the payment's date alone
	// (DATE-CALENDAR).
	Expected    decimal.Decimal
	HasExpected bool
	// Difference is Paid − Expected when HasExpected.
	Paid, Difference decimal.Decimal
	// Cause is the position, from 1, in Report.Findings of the wrong
	// advance whose amount this balance or repayment carries over: it was
	// paid as if the advance had been right, so its difference is the
	// advance's, already counted (INT-26). 0 when it stands alone.
	Cause int
	// Settled is true for a wrong advance whose wrong amount a later step
	// settles, so that it is not counted again (INT-26): its balance or
	// repayment, measured from the advance paid as the text says (Annexe 2
	// §3), recovered it, or an ADVANCE-KEPT finding counts the whole
	// advance.
	Settled         bool
	Source          string
	Interpretations []string
	// Derivation says how the expected amount, or the finding, follows
	// from the rules, in French and in English, with the numbers and
	// dates of each language.
	Derivation codec.Text
}

// Overpaid is the money this finding adds to what was paid wrongly, the
// sum the totals count (INT-26): the difference for an advance or a
// balance, its opposite for a repayment (too little asked back is money
// kept); zero for a consequence (Cause), a settled advance, a finding
// without Expected, and REGION-CREDITS and VOLET2-CAP, which say what a
// ceiling allowed, not what was due. Over a history the findings'
// Overpaid sum to what was paid less what was due.
func (f Finding) Overpaid() decimal.Decimal {
	if !f.HasExpected || f.Cause > 0 || f.Settled || f.Code == RegionCredits || f.Code == Volet2Cap {
		return decimal.Zero
	}
	return effect(f.Payment.Kind, f.Difference)
}

// effect is what a payment of kind k paid diff too much adds to the money
// an establishment holds.
func effect(k envelope.Kind, diff decimal.Decimal) decimal.Decimal {
	if k == envelope.Repayment {
		return diff.Neg()
	}
	return diff
}

// Options tune Audit.
type Options struct {
	// NationalMax is the upper end of category D (INT-02); zero means the
	// largest combined activity of the establishments, the extract being
	// national.
	NationalMax decimal.Decimal
	// Delegations are the credits delegated to a region for a volet, in
	// tranches (§6.1: "dans la seule limite des crédits qui leur sont
	// délégués par les circulaires FMIS"; Annexe 2 §5). A region and volet
	// given here is audited against the tranches dated on or before each
	// payment; the others against their whole Annexe 2 envelope (Annexe 2
	// §1, §2), split 30/70 (§3, §4).
	Delegations []Delegation
	// AsOf is the day the audit is made. With it, a volet-1 advance
	// neither balanced nor repaid after its repayment date is reported
	// (ADVANCE-KEPT; INT-28); without it, none is.
	AsOf window.Date
	// Deadline is the last day to declare the targets of each window (§5:
	// at the end of the funding window); nil means the calendar's
	// declaration deadlines (window.Terms.Declaration, INT-22).
	Deadline func(window.Window) window.Date
}

// Delegation is the tranches delegated to one region for one volet
// (§6.1, Annexe 2 §5), as a ledger holds them (envelope.State.Tranches).
type Delegation struct {
	Region   envelope.Region
	Volet    envelope.Volet
	Tranches []envelope.Tranche
}

// Report is the result of an audit.
type Report struct {
	Findings []Finding
	// NationalMax is the national maximum used (INT-02); NationalMaxFrom
	// the establishment it was read from, the zero FINESS when given.
	NationalMax     decimal.Decimal
	NationalMaxFrom forfait.FINESS
	// Payments is how many payments were audited; Paid their net sum
	// (repayments subtracted).
	Payments int
	Paid     decimal.Decimal
}

// Audit checks payments against the rules in (§5, Annexe 3, Annexe 2 §3,
// §4; §6.1; INT-01 to INT-06, INT-12, INT-14, INT-18, INT-26 to INT-28,
// INT-31, INT-32) for
// the establishments of an extract, in date order (a tie keeps the input
// order), and returns every finding.
func Audit(in *instruction.Rules, ests []Establishment, payments []Payment, opt Options) (Report, error) {
	if err := in.Validate(); err != nil {
		return Report{}, err
	}
	byFINESS, report, errs := index(&in.Forfait, ests, opt)
	errs = append(errs, checkPayments(payments)...)
	delegated, derrs := checkDelegations(in, opt.Delegations)
	errs = append(errs, derrs...)
	if len(errs) > 0 {
		return Report{}, errors.Join(errs...)
	}
	compiled, err := in.Forfait.Compile()
	if err != nil {
		return Report{}, err
	}
	a := auditor{in: in, compiled: compiled, ests: byFINESS, nationalMax: report.NationalMax, groups: map[groupKey]*group{},
		seen: map[envelope.Identity]Payment{}, used: map[budgetKey]envelope.Credits{}, delegated: delegated,
		whole: map[budgetKey]envelope.Credits{}, volet2: map[forfait.FINESS]decimal.Decimal{}}
	for _, e := range in.Envelopes.Regions {
		c, err := envelope.SplitCredits(&in.Forfait, e.Amount)
		if err != nil {
			return Report{}, err
		}
		a.whole[budgetKey{e.Region, envelope.Volet1}] = c
	}
	for _, e := range in.Envelopes.Pilots {
		c, err := envelope.SplitCredits(&in.Forfait, e.Amount)
		if err != nil {
			return Report{}, err
		}
		a.whole[budgetKey{e.Region, envelope.Volet2}] = c
	}
	order := make([]int, len(payments))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return payments[i].Date.Compare(payments[j].Date) })
	report.Paid = decimal.Zero
	for _, i := range order {
		p := payments[i]
		if p.Kind == envelope.Repayment {
			report.Paid = report.Paid.Sub(p.Amount)
		} else {
			report.Paid = report.Paid.Add(p.Amount)
		}
		if err := a.audit(p, i); err != nil {
			return Report{}, err
		}
	}
	if !opt.AsOf.IsZero() {
		deadline := opt.Deadline
		if deadline == nil {
			cal := in.Calendar()
			deadline = func(w window.Window) window.Date { return cal.Terms(w).Declaration.Date }
		}
		a.checkKept(opt.AsOf, deadline)
	}
	report.Findings, report.Payments = a.findings, len(payments)
	return report, nil
}

// index checks the establishments, finds the national maximum (INT-02)
// and checks every establishment's combined activity against it (Annexe 3
// §3): one above it, or of category D with the maximum at or below that
// category's threshold, contradicts it; each is reported at its own
// combined activity, wrapping the forfait's error.
func index(rs *forfait.RuleSet, ests []Establishment, opt Options) (map[forfait.FINESS]Establishment, Report, []error) {
	var errs []error
	by := make(map[forfait.FINESS]Establishment, len(ests))
	r := Report{NationalMax: opt.NationalMax}
	for i, e := range ests {
		at := codec.Path{codec.Name("establishments"), codec.Index(i)}
		switch {
		case !e.FINESS.IsValid():
			errs = append(errs, &forfait.InputError{Path: at, Field: "finess", Value: `""`, Reason: codec.Text{French: "manquant", English: "missing"}, Err: ErrInvalidEstablishment})
		case !e.Region.IsValid():
			errs = append(errs, &forfait.InputError{Path: at, Field: "region", Value: e.Region.String(), Err: envelope.ErrUnknownRegion})
		case e.Combined.Sign() < 0 || !codec.SaneExponent(e.Combined):
			errs = append(errs, &forfait.InputError{Path: at, Field: "combined_activity", Value: forfait.Format(e.Combined), Err: forfait.ErrInvalidActivity})
		case e.Volet2.Sign() < 0 || !codec.SaneExponent(e.Volet2):
			errs = append(errs, &forfait.InputError{Path: at, Field: "volet2_amount", Value: forfait.Format(e.Volet2), Reason: codec.Text{French: "attendu : zéro ou une somme positive en euros", English: "zero or a positive sum in euros"}, Err: ErrInvalidEstablishment})
		case by[e.FINESS].FINESS.IsValid():
			errs = append(errs, &forfait.InputError{Path: at, Field: "finess", Value: e.FINESS.String(), Reason: codec.Text{French: "donné deux fois", English: "given twice"}, Err: ErrInvalidEstablishment})
		default:
			by[e.FINESS] = e
		}
	}
	if opt.NationalMax.Sign() < 0 || !codec.SaneExponent(opt.NationalMax) {
		return by, r, append(errs, &forfait.InputError{Field: "national_max", Value: forfait.Format(opt.NationalMax), Reason: codec.Text{French: "attendu : une activité combinée positive, ou zéro pour la lire dans l'extraction", English: "a positive combined activity, or zero to read it from the extract"}, Err: forfait.ErrNationalMax})
	}
	if len(errs) > 0 {
		return by, r, errs
	}
	if opt.NationalMax.IsZero() {
		if i := forfait.LargestActivity(len(ests), func(i int) forfait.Combined { return forfait.CombinedOf(ests[i].Combined) }); i >= 0 {
			r.NationalMax, r.NationalMaxFrom = ests[i].Combined, ests[i].FINESS
		}
	}
	for i, e := range ests {
		_, err := rs.Category(e.Combined, forfait.NationalMaxOf(r.NationalMax))
		for _, p := range forfait.Problems(err) {
			reason, cause := codec.Text{French: "maximum national " + codec.French.Number(r.NationalMax), English: "national maximum " + forfait.Format(r.NationalMax)}, p
			if ie := (*forfait.InputError)(nil); errors.As(p, &ie) {
				reason, cause = codec.Text{French: reason.French + " : " + ie.Reason.French, English: reason.English + ": " + ie.Reason.English}, ie.Err
			}
			errs = append(errs, &forfait.InputError{Path: codec.Path{codec.Name("establishments"), codec.Index(i)}, Field: "combined_activity",
				Value: forfait.Format(e.Combined), Reason: reason, Err: cause})
		}
	}
	return by, r, errs
}

// checkPayments reports the payments Audit cannot read: every field but
// the variant, whose CRO off DS1 is a finding, must be valid; a volet-2
// payment has no domain and no window.
func checkPayments(payments []Payment) []error {
	var errs []error
	for i, p := range payments {
		at := codec.Path{codec.Name("payments"), codec.Index(i)}
		bad := func(name, value string, reason codec.Text, err error) {
			errs = append(errs, &forfait.InputError{Path: at, Field: name, Value: value, Reason: reason, Err: err})
		}
		if !p.FINESS.IsValid() {
			bad("finess", `""`, codec.Text{French: "manquant", English: "missing"}, ErrInvalidPayment)
		}
		switch {
		case p.Volet != 0 && !p.Volet.IsValid():
			bad("volet", p.Volet.String(), codec.Text{French: "attendu : 1 ou 2", English: "want 1 or 2"}, envelope.ErrInvalidVolet)
		case p.Volet == envelope.Volet2:
			if p.Variant != (forfait.Variant{}) || p.Window != 0 {
				bad("domain", p.Variant.String()+" window "+p.Window.String(), codec.Text{French: "un versement du volet 2 n'a ni domaine ni fenêtre", English: "a volet-2 payment has no domain and no window"}, ErrInvalidPayment)
			}
		default:
			if !p.Variant.Domain.IsValid() {
				bad("domain", p.Variant.Domain.String(), codec.Text{}, forfait.ErrInvalidDomain)
			}
			if !p.Window.IsValid() {
				bad("window", p.Window.String(), codec.Text{}, window.ErrInvalid)
			}
		}
		if !p.Kind.IsValid() {
			bad("kind", p.Kind.String(), codec.Text{French: "attendu : « advance », « balance » ou « repayment »", English: "want advance, balance or repayment"}, ErrInvalidPayment)
		}
		if p.Amount.Sign() <= 0 || !codec.SaneExponent(p.Amount) {
			bad("amount", forfait.Format(p.Amount), codec.Text{French: "attendu : une somme positive en euros", English: "a positive sum in euros"}, ErrInvalidPayment)
		}
		if p.Date.IsZero() {
			bad("date", "unset", codec.Text{French: "tout versement doit être daté", English: "every payment is dated"}, ErrInvalidPayment)
		}
	}
	return errs
}

// checkDelegations reports the delegations Audit cannot use and returns
// them by region and volet: each names a region and a volet once (a
// volet-2 one, a pilot region), and its tranches are dated, with credits
// that are not negative (§6.1, Annexe 2 §5).
func checkDelegations(in *instruction.Rules, ds []Delegation) (map[budgetKey][]envelope.Tranche, []error) {
	var errs []error
	out := map[budgetKey][]envelope.Tranche{}
	for i, d := range ds {
		at := codec.Path{codec.Name("delegations"), codec.Index(i)}
		bad := func(name, value string, reason codec.Text, err error) {
			errs = append(errs, &forfait.InputError{Path: at, Field: name, Value: value, Reason: reason, Err: err})
		}
		k := budgetKey{d.Region, d.Volet}
		_, pilot := in.Envelopes.Pilot(d.Region)
		switch _, twice := out[k]; {
		case !d.Region.IsValid():
			bad("region", d.Region.String(), codec.Text{}, envelope.ErrUnknownRegion)
		case !d.Volet.IsValid():
			bad("volet", d.Volet.String(), codec.Text{French: "attendu : 1 ou 2", English: "want 1 or 2"}, envelope.ErrInvalidVolet)
		case d.Volet == envelope.Volet2 && !pilot:
			bad("region", d.Region.String(), codec.Text{French: "le volet 2 est un pilote réservé à trois régions (§3.3, §6.2, Annexe 2 §2)", English: "volet 2 is a pilot of three regions (§3.3, §6.2, Annexe 2 §2)"}, envelope.ErrNotPilot)
		case twice:
			bad("region", d.Region.String()+" "+d.Volet.String(), codec.Text{French: "donnée deux fois", English: "given twice"}, envelope.ErrInvalidDelegation)
		}
		for j, t := range d.Tranches {
			if t.Date.IsZero() || t.Credits.Advance.Sign() < 0 || t.Credits.Usage.Sign() < 0 {
				bad("tranches["+strconv.Itoa(j)+"]", t.Date.String()+" "+t.Credits.String(), codec.Text{French: "attendu : une tranche datée, aux crédits positifs ou nuls", English: "a dated tranche, credits not negative"}, envelope.ErrInvalidDelegation)
			}
		}
		out[k] = d.Tranches
	}
	return out, errs
}

// groupKey is one establishment's domain in one volet: funded once (§5).
type groupKey struct {
	finess forfait.FINESS
	volet  envelope.Volet
	domain forfait.Domain
}

// group is what was paid so far for one establishment's domain, and the
// position from 1 of its advance's ADVANCE-AMOUNT finding (0 when none).
type group struct {
	advance, balance, repayment *Payment
	advanceFinding              int
}

// budgetKey is a region's envelope for one volet.
type budgetKey struct {
	region envelope.Region
	volet  envelope.Volet
}

type auditor struct {
	in          *instruction.Rules
	compiled    *forfait.Compiled // in.Forfait, for the forfaits
	ests        map[forfait.FINESS]Establishment
	nationalMax decimal.Decimal
	groups      map[groupKey]*group
	keys        []groupKey                         // the groups in the order of their first payment
	seen        map[envelope.Identity]Payment      // the first payment of each identity (§5; INT-14)
	used        map[budgetKey]envelope.Credits     // paid net of repayments
	whole       map[budgetKey]envelope.Credits     // the Annexe 2 envelopes, split once
	delegated   map[budgetKey][]envelope.Tranche   // Options.Delegations
	volet2      map[forfait.FINESS]decimal.Decimal // net volet-2 funding per establishment
	findings    []Finding
}

// finding records one finding; expected is nil for a finding on the
// payment's date alone (DATE-CALENDAR).
func (a *auditor) finding(code Code, p Payment, expected *decimal.Decimal, source string, derivation phrase, interps ...string) {
	f := Finding{Code: code, Payment: p, Region: a.ests[p.FINESS].Region, Paid: p.Amount, Source: source,
		Interpretations: interps, Derivation: derivation.text()}
	if expected != nil {
		f.Expected, f.HasExpected, f.Difference = *expected, true, p.Amount.Sub(*expected)
	}
	a.findings = append(a.findings, f)
}

// request is the forfait request of p's establishment for variant v in
// window w (Annexe 3 §3-§4).
func (a *auditor) request(p Payment, v forfait.Variant, w window.Window) forfait.Request {
	return forfait.Request{Combined: a.ests[p.FINESS].Combined, NationalMax: a.nationalMax, Variant: v, Window: w}
}

// fail reports that the forfait of the payment at index i cannot be
// computed, each problem located under payments[i]; index has already
// refused what makes it so (a national maximum the activities contradict),
// so it is not expected.
func (a *auditor) fail(i int, err error) error {
	var errs []error
	for _, e := range forfait.Problems(err) {
		if ie := (*forfait.InputError)(nil); errors.As(e, &ie) {
			e = ie.In(codec.Name("payments"), codec.Index(i))
		}
		errs = append(errs, e)
	}
	return errors.Join(errs...)
}

// audit checks one payment, in date order; i is its index in the input.
func (a *auditor) audit(p Payment, i int) error {
	zero := decimal.Zero
	e, ok := a.ests[p.FINESS]
	if !ok {
		a.finding(UnknownEstablishment, p, &zero, "§5; Annexe 3 §1", func(l codec.Lang) string {
			return "FINESS " + p.FINESS.String() + say(l, " absent de l'extraction : aucune activité combinée 2019, rien n'est dû"+
				" (une extraction à laquelle manque sa ligne est à compléter, et le contrôle à refaire)",
				" is not in the extract: no 2019 combined activity, nothing due"+
					" (an extract that lacks its row is to be completed, and the audit run again)")
		}, "INT-32")
		return nil
	}
	v2 := p.volet() == envelope.Volet2
	switch {
	case v2 && !a.pilot(e.Region):
		a.finding(NotPilot, p, &zero, "§3.3, §6.2; Annexe 2 §2", func(l codec.Lang) string {
			return say(l, "les régions pilotes du volet 2 sont ", "volet 2 is a pilot of ") + a.pilotNames() + sep(l) + e.Region.String() +
				say(l, " n'en est pas une", " is not one")
		})
		return nil
	case v2 && !e.Volet2.IsPositive():
		a.finding(NotDesignated, p, &zero, "§6.2; Annexe 2 §4", func(l codec.Lang) string {
			return say(l, "aucun montant du volet 2 n'a été déclaré pour ", "no volet-2 amount was declared for ") + p.FINESS.String()
		}, "INT-18")
		return nil
	}
	if !v2 {
		a.checkDate(p)
	}
	a.checkCredits(p)
	if v2 {
		a.checkCap(p)
	}
	id := p.Identity()
	if first, dup := a.seen[id]; dup {
		a.finding(Duplicate, p, &zero, "§5", phrase(func(l codec.Lang) string {
			what := kindOf(p.Kind, l)
			if !v2 {
				what += say(l, " pour ", " for ") + p.Variant.Domain.String()
			} else {
				what = say(l, what+" du volet 2", "volet-2 "+what)
			}
			return say(l, "un second versement ("+what+"), quelle que soit la fenêtre ; le premier était de ", "a second "+what+", whatever the window; the first was ") +
				l.Money(first.Amount) + say(l, " le ", " on ") + where(first, l) + windowOf(first, l)
		}).then(bonusOff(p)), "INT-14")
		return nil
	}
	a.seen[id] = p
	k := groupKey{p.FINESS, p.volet(), p.Variant.Domain}
	g := a.groups[k]
	if g == nil {
		g = &group{}
		a.groups[k], a.keys = g, append(a.keys, k)
	}
	what := func(l codec.Lang) string {
		if v2 {
			return say(l, "le volet 2", "volet 2")
		}
		return p.Variant.Domain.String()
	}
	switch p.Kind {
	case envelope.Advance:
		g.advance = &p
		if v2 {
			split, cite, interps := a.volet2Split(e)
			if !split.Advance.Equal(p.Amount) {
				a.finding(AdvanceAmount, p, &split.Advance, "§3.3; Annexe 2 §4", cite.then(func(l codec.Lang) string {
					return sep(l) + say(l, "avance", "advance") + " = " + a.advanceRule(l) + " = " + l.Money(split.Advance)
				}), append([]string{"INT-04"}, interps...)...)
				g.advanceFinding = len(a.findings)
			}
			return nil
		}
		f, err := a.compiled.Compute(a.request(p, auditedAs(p.Variant), p.Window))
		if err != nil {
			return a.fail(i, err)
		}
		c := claim{code: AdvanceAmount, expected: f.Advance, source: "§5; Annexe 2 §3",
			derivation: describe(f).then(func(l codec.Lang) string {
				return sep(l) + say(l, "avance", "advance") + " = " + a.advanceRule(l) + " = " + l.Money(f.Advance)
			}), interps: []string{"INT-04"}}
		c = c.offDS1(p)
		if !f.Advance.Equal(p.Amount) || c.always {
			a.finding(c.code, p, &c.expected, c.source, c.derivation, c.interps...)
		}
		if !f.Advance.Equal(p.Amount) {
			g.advanceFinding = len(a.findings)
		}
	case envelope.Balance:
		switch {
		case g.advance == nil:
			a.finding(NoAdvance, p, &zero, "§5; Annexe 2 §3", phrase(func(l codec.Lang) string {
				return say(l, "un solde suit une avance ; aucune n'a été versée pour ", "a balance follows an advance; none was paid for ") + what(l)
			}).then(bonusOff(p)))
			return nil
		case g.repayment != nil:
			a.finding(BalanceAndRepayment, p, &zero, "Annexe 2 §3", phrase(func(l codec.Lang) string {
				return say(l, "l'avance a été remboursée le ", "the advance was repaid on ") + where(*g.repayment, l) +
					say(l, " : aucun solde n'est dû", ": no balance is due")
			}).then(bonusOff(p)))
			return nil
		}
		g.balance = &p
		adv := g.advance
		if v2 {
			split, cite, interps := a.volet2Split(e)
			if !split.Usage.Equal(p.Amount) {
				a.finding(BalanceAmount, p, &split.Usage, "§3.3; Annexe 2 §4", cite.then(func(l codec.Lang) string {
					return sep(l) + say(l, "solde = le reste, ", "balance = the rest, ") + l.Money(split.Usage)
				}), interps...)
			}
			return nil
		}
		if next, _ := adv.Window.Deferral(); p.Window != adv.Window && p.Window != next {
			a.finding(BalanceWindow, p, &zero, "Annexe 2 §3", phrase(func(l codec.Lang) string {
				return say(l, "avance ", "advance ") + adv.Variant.String() + say(l, " fenêtre ", " window ") + adv.Window.String() +
					say(l, " : un solde est de la même fenêtre ou, après un report, de la suivante (INT-05) ; rien n'est dû d'un solde de la fenêtre ",
						": a balance is for the same window or, after a deferral, the next (INT-05); nothing is due of a balance for window ") + p.Window.String()
			}).then(bonusOff(p)), "INT-05", "INT-32")
			return nil
		}
		// The variant and window paid are the ones granted: the bonus kept
		// or lost (INT-06), the advance's window or the next (INT-05); a
		// bonus the advance lacked, or off DS1, is not (INT-31).
		granted, paid := auditedAs(adv.Variant), auditedAs(p.Variant)
		b, err := settlement.BalanceOf(&a.in.Forfait, a.request(p, granted, p.Window), adv.Amount, p.Window != adv.Window, paid.CRO || !granted.CRO)
		if err != nil {
			return a.fail(i, err)
		}
		c := claim{code: BalanceAmount, expected: b.Amount, source: "§5; Annexe 2 §3",
			derivation: describe(b.Forfait).then(func(l codec.Lang) string {
				return sep(l) + say(l, "moins l'avance versée ", "less the advance paid ") + l.Money(adv.Amount) + " = " + l.Money(b.Amount)
			}), interps: b.Interpretations}
		if paid.CRO && !granted.CRO {
			c.code, c.always, c.interps = BalanceWindow, true, append(slices.Clip(c.interps), "INT-31")
			c.derivation = phrase(func(l codec.Lang) string {
				return say(l, "un bonus que l'avance ", "a bonus the advance ") + adv.Variant.String() + say(l, " n'avait pas : contrôlé comme ", " did not have: audited as ") +
					granted.String() + " (INT-31)" + sep(l)
			}).then(c.derivation)
		}
		a.settle(g, p, c.offDS1(p))
	case envelope.Repayment:
		switch {
		case g.advance == nil:
			a.finding(NoAdvance, p, &zero, "§5; Annexe 2 §3", phrase(func(l codec.Lang) string {
				return say(l, "un remboursement rend une avance ; aucune n'a été versée pour ", "a repayment returns an advance; none was paid for ") + what(l)
			}).then(bonusOff(p)))
			return nil
		case g.balance != nil:
			a.finding(BalanceAndRepayment, p, &zero, "Annexe 2 §3", phrase(func(l codec.Lang) string {
				return say(l, "un solde a été versé le ", "a balance was paid on ") + where(*g.balance, l) +
					say(l, " : l'avance n'est pas remboursée", ": the advance is not repaid")
			}).then(bonusOff(p)))
			return nil
		}
		g.repayment = &p
		adv := *g.advance
		c := claim{code: RepaymentAmount, expected: adv.Amount, source: "Annexe 2 §3", derivation: func(l codec.Lang) string {
			return say(l, "l'avance entière de ", "the whole advance of ") + l.Money(adv.Amount) + say(l, " versée le ", " paid on ") + where(adv, l) +
				say(l, " est remboursée", " is repaid")
		}}
		switch {
		case v2:
			c.source, c.interps = "§3.3; Annexe 2 §4", []string{"INT-18"}
		case p.Window != g.advance.Window: // after a deferral
			c.interps = []string{"INT-05"}
		}
		a.settle(g, p, c.offDS1(p))
	}
	return nil
}

// claim is what the rules give for a balance or a repayment (or an
// advance): the finding its amount makes when it differs, the amount
// expected, and its citation; always is true for a finding reported
// whatever the amount (CRO-NOT-DS1, a bonus the advance lacked).
type claim struct {
	code       Code
	expected   decimal.Decimal
	always     bool
	source     string
	derivation phrase
	interps    []string
}

// offDS1 returns c as a CRO-NOT-DS1 finding when p carries the CRO bonus
// off DS1: reported whatever its amount, which is audited as its domain's
// standard variant, the bonus being DS1's alone (§5; Annexe 3 §3; INT-31).
func (c claim) offDS1(p Payment) claim {
	if p.volet() == envelope.Volet2 || p.Variant.IsValid() {
		return c
	}
	c.code, c.always, c.source = CRONotDS1, true, "§5; Annexe 3 §3; Annexe 2 §3"
	c.derivation = phrase(func(l codec.Lang) string {
		return say(l, "le bonus CRO n'existe que pour DS1 : contrôlé comme ", "the CRO bonus exists for DS1 only: audited as ") +
			p.Variant.Domain.String() + " (INT-31)" + sep(l)
	}).then(c.derivation)
	c.interps = append(slices.Clip(c.interps), "INT-31")
	return c
}

// auditedAs is the variant a volet-1 payment of variant v is audited as:
// v, or its standard variant when v carries the CRO bonus off DS1 (§5;
// Annexe 3 §3; INT-31).
func auditedAs(v forfait.Variant) forfait.Variant {
	if !v.IsValid() {
		return v.Standard()
	}
	return v
}

// settle judges s, a balance or a repayment whose amount the text
// measures from the advance paid (Annexe 2 §3: the advance is deducted
// from the balance, the repayment returns it), against c, so that a wrong
// advance is counted once (INT-26): when s carries the advance's wrong
// amount over (it was paid as if the advance had been right), its finding
// is a consequence of the advance's; otherwise s settled the advance's
// wrong amount, which is no longer counted, and s's own difference, if
// any, is.
func (a *auditor) settle(g *group, s Payment, c claim) {
	own := effect(s.Kind, s.Amount.Sub(c.expected))
	if g.advanceFinding == 0 {
		if !own.IsZero() || c.always {
			a.finding(c.code, s, &c.expected, c.source, c.derivation, c.interps...)
		}
		return
	}
	adv := &a.findings[g.advanceFinding-1]
	if own.Equal(adv.Overpaid()) {
		a.finding(c.code, s, &c.expected, c.source, c.derivation.then(func(l codec.Lang) string {
			return say(l, " ; versé comme si l'avance avait été de ", "; paid as if the advance had been ") + l.Money(adv.Expected) +
				say(l, " : l'écart de l'avance reporté, compté une fois, sur l'avance", ": the advance's difference carried over, counted once, on the advance")
		}), append(slices.Clone(c.interps), "INT-26")...)
		a.findings[len(a.findings)-1].Cause = g.advanceFinding
		return
	}
	adv.Settled, adv.Interpretations = true, append(slices.Clip(adv.Interpretations), "INT-26")
	adv.Derivation = extend(adv.Derivation, func(l codec.Lang) string {
		return say(l, " ; régularisée par le ", "; recovered by the ") + kindOf(s.Kind, l) + say(l, " du ", " of ") + where(s, l) +
			say(l, ", mesuré à partir de l'avance versée (INT-26)", ", measured from the advance paid (INT-26)")
	})
	if !own.IsZero() || c.always {
		a.finding(c.code, s, &c.expected, c.source, c.derivation, c.interps...)
	}
}

// extend returns t followed by p in each language.
func extend(t codec.Text, p phrase) codec.Text {
	return codec.Text{French: t.French + p(codec.French), English: t.English + p(codec.English)}
}

// checkKept reports, in the order of their first payment, the volet-1
// advances neither balanced nor repaid on asOf, after their repayment
// date: the deadline of the deferral window (a deferral may have been
// asked, INT-05), of window 4 for a window-4 advance (§5; Annexe 2 §3;
// INT-28). The finding counts the whole advance and settles the advance's
// own wrong amount (INT-26).
func (a *auditor) checkKept(asOf window.Date, deadline func(window.Window) window.Date) {
	for _, k := range a.keys {
		g := a.groups[k]
		if k.volet != envelope.Volet1 || g.advance == nil || g.balance != nil || g.repayment != nil {
			continue
		}
		adv := *g.advance
		last := adv.Window
		if next, ok := last.Deferral(); ok {
			last = next
		}
		due := deadline(last)
		if !asOf.After(due) {
			continue
		}
		zero := decimal.Zero
		if g.advanceFinding > 0 {
			f := &a.findings[g.advanceFinding-1]
			f.Settled, f.Interpretations = true, append(slices.Clip(f.Interpretations), "INT-26")
			f.Derivation = extend(f.Derivation, func(l codec.Lang) string {
				return say(l, " ; l'avance entière est comptée par ADVANCE-KEPT (INT-26)", "; the whole advance is counted by ADVANCE-KEPT (INT-26)")
			})
		}
		a.finding(AdvanceKept, adv, &zero, "§5; Annexe 2 §3", func(l codec.Lang) string {
			return say(l, "avance de la fenêtre "+adv.Window.String()+" versée le ", "advance of window "+adv.Window.String()+" paid ") + where(adv, l) +
				say(l, " : ni soldée ni remboursée le "+asOf.In(l)+", après la date limite de déclaration de la fenêtre "+last.String()+", le "+due.In(l),
					": neither balanced nor repaid on "+asOf.String()+", after window "+last.String()+"'s declaration deadline "+due.String())
		}, "INT-05", "INT-28")
	}
}

// volet2Split is the split of e's declared volet-2 amount, at most the
// cap (§3.3, Annexe 2 §4; INT-18, INT-27), how it follows and the
// interpretations it relies on.
func (a *auditor) volet2Split(e Establishment) (envelope.Credits, phrase, []string) {
	ceiling := a.in.Envelopes.Volet2Cap
	amount, interps := e.Volet2, []string{"INT-18"}
	capped := amount.GreaterThan(ceiling)
	if capped {
		amount, interps = ceiling, append(interps, "INT-27")
	}
	cite := func(l codec.Lang) string {
		s := say(l, "montant du volet 2 déclaré ", "volet-2 amount declared ") + l.Money(e.Volet2)
		if capped {
			s += say(l, ", dû au plafond ", ", due at the cap ") + l.Money(ceiling)
		}
		return s
	}
	split, _ := envelope.SplitVolet2(&a.in.Forfait, &a.in.Envelopes, amount) // positive, within the cap
	return split, cite, interps
}

// pilot reports whether r is one of the volet-2 pilots (§3.3, §6.2,
// Annexe 2 §2).
func (a *auditor) pilot(r envelope.Region) bool {
	_, ok := a.in.Envelopes.Pilot(r)
	return ok
}

func (a *auditor) pilotNames() string {
	var names []string
	for _, p := range a.in.Envelopes.Pilots {
		names = append(names, p.Region.String())
	}
	return strings.Join(names, ", ")
}

// checkCap reports a volet-2 payment that takes its establishment's net
// volet-2 funding beyond the cap (§3.3, Annexe 2 §4).
func (a *auditor) checkCap(p Payment) {
	ceiling := a.in.Envelopes.Volet2Cap
	net, ok := a.volet2[p.FINESS]
	if !ok {
		net = decimal.Zero
	}
	next := net.Add(p.Amount)
	if p.Kind == envelope.Repayment {
		next = net.Sub(p.Amount)
	}
	if next.GreaterThan(ceiling) {
		left := decimal.Max(ceiling.Sub(net), decimal.Zero)
		a.finding(Volet2Cap, p, &left, "§3.3; Annexe 2 §4", func(l codec.Lang) string {
			return say(l, "au plus ", "at most ") + l.Money(ceiling) + say(l, " par établissement ; ", " per establishment; ") + l.Money(net) +
				say(l, " déjà versés nets", " already paid net")
		}, "INT-27")
	}
	a.volet2[p.FINESS] = next
}

// checkDate reports a payment dated outside the calendar (§6.1, Annexe 1;
// INT-12): an advance before its window's application period opens or
// after its review period ends (it follows an application validated in
// that period, as settlement.Open requires); a balance or a repayment
// dated on or before the end of its window's measurement period (they
// follow the targets' measurement).
func (a *auditor) checkDate(p Payment) {
	t := a.in.Calendar().Terms(p.Window)
	switch {
	case p.Kind == envelope.Advance && p.Date.Before(t.Application.Start):
		a.finding(DateCalendar, p, nil, "§6.1", func(l codec.Lang) string {
			return say(l, "une avance datée d'avant l'ouverture de la période de candidature de la fenêtre "+p.Window.String()+", le ",
				"an advance dated before window "+p.Window.String()+"'s application period opens on ") + t.Application.Start.In(l)
		}, "INT-12")
	case p.Kind == envelope.Advance && p.Date.After(t.Review.End):
		a.finding(DateCalendar, p, nil, "§6.1", func(l codec.Lang) string {
			return say(l, "une avance datée d'après la fin de la période d'instruction de la fenêtre "+p.Window.String()+", le ",
				"an advance dated after window "+p.Window.String()+"'s review period ends on ") + t.Review.End.In(l)
		}, "INT-12")
	case p.Kind != envelope.Advance && !p.Date.After(t.Measurement.End):
		a.finding(DateCalendar, p, nil, "Annexe 1; Annexe 2 §3", func(l codec.Lang) string {
			return say(l, "un "+kindFR[p.Kind]+" daté au plus tard de la fin de la période de mesure de la fenêtre "+p.Window.String()+", le ",
				"a "+p.Kind.String()+" dated on or before the end of window "+p.Window.String()+"'s measurement period, ") + t.Measurement.End.In(l)
		}, "INT-12")
	}
}

// credits returns the credits p's region has for p's volet at p's date:
// the tranches delegated by then when Options.Delegations gives them, the
// whole Annexe 2 envelope otherwise (Annexe 2 §1-§5; §6.1), and how they
// are named in a derivation.
func (a *auditor) credits(k budgetKey, on window.Date) (envelope.Credits, phrase) {
	ts, ok := a.delegated[k]
	if !ok {
		return a.whole[k], func(l codec.Lang) string { return say(l, "enveloppe de l'Annexe 2", "Annexe 2 envelope") }
	}
	c := envelope.Credits{Advance: decimal.Zero, Usage: decimal.Zero}
	n := 0
	for _, t := range ts {
		if !t.Date.After(on) {
			c, n = c.Add(t.Credits), n+1
		}
	}
	return c, func(l codec.Lang) string {
		return strconv.Itoa(n) + say(l, " des ", " of ") + strconv.Itoa(len(ts)) + say(l, " tranches déléguées au ", " tranches delegated by ") + on.In(l)
	}
}

// checkCredits reports a payment that takes its region beyond its advance
// or usage credits (Annexe 2 §3, §5; §6.1): advances net of repayments
// within the advance credits, balances within the usage credits, the
// whole envelope's or those delegated by the payment's date
// (Options.Delegations).
func (a *auditor) checkCredits(p Payment) {
	r := a.ests[p.FINESS].Region
	k := budgetKey{r, p.volet()}
	used, ok := a.used[k]
	if !ok {
		used = envelope.Credits{Advance: decimal.Zero, Usage: decimal.Zero}
	}
	credits, of := a.credits(k, p.Date)
	next, left, fits := credits.Charge(used, p.Kind, p.Amount)
	if !fits {
		part := p.Kind.Part()
		a.finding(RegionCredits, p, &left, "Annexe 2 §3, §5; §6.1", func(l codec.Lang) string {
			return r.String() + ", " + k.volet.String() + colon(l) + partOf(part, l) + " " + l.Money(credits.Of(part)) + " (" + of(l) + "), " +
				say(l, "reste ", "") + l.Money(left) + say(l, "", " left")
		})
	}
	a.used[k] = next
}

// Totals is the count of the findings of one key (a region, a code) and
// the money they show paid wrongly (INT-26).
type Totals[K comparable] struct {
	Key   K
	Count int
	// Overpaid is the sum of the findings' Overpaid: each wrong euro
	// counted once, a consequence or a settled advance not at all
	// (INT-26).
	Overpaid decimal.Decimal
}

// TotalsBy groups findings by key(f), sorted by key: the sums an auditor
// reports per region and per finding code, each wrong euro counted once
// (INT-26).
func TotalsBy[K cmp.Ordered](findings []Finding, key func(Finding) K) []Totals[K] {
	at := map[K]int{}
	var out []Totals[K]
	for _, f := range findings {
		k := key(f)
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, Totals[K]{Key: k, Overpaid: decimal.Zero})
		}
		out[i].Count++
		out[i].Overpaid = out[i].Overpaid.Add(f.Overpaid())
	}
	slices.SortFunc(out, func(a, b Totals[K]) int { return cmp.Compare(a.Key, b.Key) })
	return out
}

// MarshalJSON encodes e with its amounts as strings, whatever
// shopspring's settings (codec.MarshalAmounts).
func (e Establishment) MarshalJSON() ([]byte, error) { return codec.MarshalAmounts(e, forfait.Format) }

// MarshalJSON encodes p with its amounts as strings, whatever
// shopspring's settings (codec.MarshalAmounts).
func (p Payment) MarshalJSON() ([]byte, error) { return codec.MarshalAmounts(p, forfait.Format) }
