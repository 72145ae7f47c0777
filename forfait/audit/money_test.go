package audit_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/audit"
	"github.com/sunes-spec/sunes/window"
)

// deadline is the last day to declare a window's targets, the last day of
// its measurement semester (§5, Annexe 1).
func deadline(w window.Window) window.Date { return rules.Calendar().Terms(w).Measurement.End }

// pilot is an establishment of a volet-2 pilot region (Annexe 2 §2), with
// the 230 000 combined activity of mayotte's.
var pilot = forfait.MustParseFINESS("310000013")

// story draws one establishment's domain (or its volet-2 amount) paid as
// an ARS might, wrong amounts, duplicates, a CRO bonus on DS2 or DS3, a
// bonus the advance lacked and a balance in a wrong window included, and
// returns the payments and what was due, worked out apart from the audit:
// volet 1, the forfait of the window whose targets were reached (the next
// after a deferral, INT-05; standard after DS1.3 missed, INT-06; standard
// for DS2 and DS3, whose variant has no bonus, and when the advance had
// none, INT-31) when the balance is paid, nothing when the advance is
// repaid, the advance's 30 % while open (§5, Annexe 2 §3) or when a
// balance was paid for a window the advance could not be balanced in,
// nothing being due of that balance (INT-32); volet 2, the declared
// amount, at most the cap (INT-27), or its 30 %, rounded by hand to the
// euro; nothing of a volet-1 advance neither balanced nor repaid after its
// repayment date, the deadline of the deferral window, on the day asOf
// (INT-28).
func story(t *rapid.T, est forfait.FINESS, domain forfait.Domain, volet2 decimal.Decimal, asOf window.Date, label string) (ps []audit.Payment, due decimal.Decimal) {
	delta := func(name string) decimal.Decimal {
		if rapid.Bool().Draw(t, label+name+"_right") {
			return decimal.Zero
		}
		return decimal.New(rapid.Int64Range(-50, 50).Draw(t, label+name), 0)
	}
	var advDue, fullDue decimal.Decimal
	var adv audit.Payment
	if domain == 0 {
		amount := decimal.Min(volet2, rules.Envelopes.Volet2Cap)
		advDue, fullDue = amount.Mul(decimal.New(3, -1)).Round(0), amount
		adv = audit.Payment{FINESS: est, Volet: envelope.Volet2, Kind: envelope.Advance, Date: window.DateOf(2022, 1, 10)}
	} else {
		v := forfait.Variant{Domain: domain, CRO: rapid.Bool().Draw(t, label+"cro")}
		w := window.Window(rapid.IntRange(1, 4).Draw(t, label+"window"))
		f, err := rules.Forfait.Compute(forfait.Request{Combined: d("230000"), NationalMax: options.NationalMax, Variant: standardOff(v), Window: w})
		if err != nil {
			t.Fatal(err)
		}
		advDue = f.Advance
		adv = audit.Payment{FINESS: est, Variant: v, Window: w, Kind: envelope.Advance, Date: rules.Calendar().Terms(w).Application.Start.AddDate(0, 2, 0)}
	}
	adv.Amount = advDue.Add(delta("advance"))
	ps, due = append(ps, adv), advDue
	if last, ok := adv.Window.Deferral(); domain != 0 && !asOf.IsZero() {
		if !ok {
			last = adv.Window
		}
		if asOf.After(deadline(last)) {
			due = decimal.Zero // unless balanced or repaid below
		}
	}
	settled := adv
	switch outcome := rapid.IntRange(0, 4).Draw(t, label+"outcome"); {
	case outcome == 4 && domain != 0: // a balance for a window the advance cannot be balanced in
		var wrong []window.Window
		for w := window.W1; w <= window.W4; w++ {
			if next, _ := adv.Window.Deferral(); w != adv.Window && w != next {
				wrong = append(wrong, w)
			}
		}
		s := adv
		s.Kind, s.Window, s.Date = envelope.Balance, rapid.SampledFrom(wrong).Draw(t, label+"wrong_window"), adv.Date.AddDate(2, 0, 0)
		s.Amount, due = decimal.New(rapid.Int64Range(1, 100_000).Draw(t, label+"wrong_balance"), 0), advDue
		ps, settled = append(ps, s), s
		if rapid.Bool().Draw(t, label+"then_repaid") { // judged against that balance
			r := adv
			r.Kind, r.Date = envelope.Repayment, s.Date.AddDate(0, 1, 0)
			ps = append(ps, r)
		}
	case outcome == 1 || outcome == 2: // targets reached, or the advance repaid
		s := adv
		s.Kind, s.Date = envelope.Balance, adv.Date.AddDate(1, 0, 0)
		granted, w := standardOff(adv.Variant), adv.Window
		if domain != 0 && outcome == 1 {
			if next, ok := w.Deferral(); ok && rapid.Bool().Draw(t, label+"deferred") {
				w = next
				s.Date = s.Date.AddDate(0, 6, 0)
			}
			if granted.CRO && rapid.Bool().Draw(t, label+"ds13_missed") {
				granted = granted.Standard()
			}
			f, err := rules.Forfait.Compute(forfait.Request{Combined: d("230000"), NationalMax: options.NationalMax, Variant: granted, Window: w})
			if err != nil {
				t.Fatal(err)
			}
			fullDue = f.Amount
		}
		s.Variant, s.Window = granted, w
		if domain != 0 && !standardOff(adv.Variant).CRO && rapid.Bool().Draw(t, label+"bonus_paid") { // a bonus the advance lacked, or off DS1
			s.Variant.CRO = true
		}
		// The text measures a volet-1 balance and any repayment from the
		// advance paid; an ARS may also pay as if the advance had been
		// right, or be wrong again.
		from := rapid.SampledFrom([]decimal.Decimal{adv.Amount, advDue}).Draw(t, label+"measured_from")
		if outcome == 1 {
			s.Amount, due = fullDue.Sub(from), fullDue
			if domain == 0 {
				s.Amount = fullDue.Sub(advDue) // volet 2: the 70 %, whatever was advanced
			}
		} else {
			s.Kind, s.Amount, due = envelope.Repayment, from, decimal.Zero
		}
		s.Amount = s.Amount.Add(delta("settlement"))
		ps, settled = append(ps, s), s
	}
	if rapid.Bool().Draw(t, label+"duplicate") { // the same act paid again, in another window
		dup := rapid.SampledFrom([]audit.Payment{adv, settled}).Draw(t, label+"duplicated")
		dup.Date = dup.Date.AddDate(0, 1, 0)
		if dup.Kind == envelope.Advance && domain != 0 {
			dup.Window = window.Window(rapid.IntRange(1, 4).Draw(t, label+"duplicate_window"))
		}
		ps = append(ps, dup)
	}
	for _, p := range ps {
		if p.Amount.Sign() <= 0 {
			t.Skip("a drawn amount is not positive")
		}
	}
	return ps, due
}

// standardOff is the variant v is audited as: itself, or its standard
// variant when v carries the CRO bonus off DS1 (§5; INT-31).
func standardOff(v forfait.Variant) forfait.Variant {
	if v.CRO && v.Domain != forfait.DS1 {
		return v.Standard()
	}
	return v
}

// checkCountedOnce: over histories of several establishments, domains and
// windows, with wrong amounts, duplicates, CRO bonuses off DS1, balances
// in wrong windows and payments to an establishment the extract does not
// hold (nothing being due to it, INT-32), the totals' overpaid sum to
// the money actually paid wrongly, paid less due per establishment and
// domain, computed apart from the audit (INT-26, INT-31, INT-32); per
// region as per code.
func checkCountedOnce(t *rapid.T) {
	ests := []audit.Establishment{
		{FINESS: mayotte, Region: envelope.Mayotte, Combined: d("230000")},
		{FINESS: other, Region: envelope.Mayotte, Combined: d("230000")},
		{FINESS: pilot, Region: envelope.Occitanie, Combined: d("230000"),
			Volet2: decimal.New(rapid.Int64Range(1, 120_000).Draw(t, "volet2_amount"), 0)},
	}
	opt := options
	if rapid.Bool().Draw(t, "as_of_given") {
		opt.AsOf, opt.Deadline = window.DateOf(2022, 1, 1).AddDate(0, 0, rapid.IntRange(0, 1000).Draw(t, "as_of_days")), deadline
	}
	var payments []audit.Payment
	wrong := decimal.Zero
	stranger := forfait.MustParseFINESS("130000012")
	for _, e := range append(slices.Clone(ests), audit.Establishment{FINESS: stranger}) {
		for _, domain := range []forfait.Domain{0, forfait.DS1, forfait.DS2, forfait.DS3} {
			if domain == 0 && e.Volet2.IsZero() || !rapid.Bool().Draw(t, "funded") {
				continue
			}
			ps, due := story(t, e.FINESS, domain, e.Volet2, opt.AsOf, fmt.Sprint(e.FINESS, domain, "_"))
			if e.FINESS == stranger {
				due = decimal.Zero
			}
			paid := decimal.Zero
			for _, p := range ps {
				if p.Kind == envelope.Repayment {
					paid = paid.Sub(p.Amount)
				} else {
					paid = paid.Add(p.Amount)
				}
			}
			payments, wrong = append(payments, ps...), wrong.Add(paid.Sub(due))
		}
	}
	r, err := audit.Audit(&rules, ests, payments, opt)
	if err != nil {
		t.Fatal(err)
	}
	for name, key := range map[string]func(audit.Finding) string{
		"code":   func(f audit.Finding) string { return string(f.Code) },
		"region": func(f audit.Finding) string { return f.Region.String() },
	} {
		sum := decimal.Zero
		for _, tot := range audit.TotalsBy(r.Findings, key) {
			sum = sum.Add(tot.Overpaid)
		}
		if !sum.Equal(wrong) {
			t.Fatalf("totals per %s count %s € paid wrongly; paid − due = %s €; findings %+v", name, sum, wrong, r.Findings)
		}
	}
	for i, f := range r.Findings {
		if f.Cause > 0 && (f.Cause > i || r.Findings[f.Cause-1].Code != audit.AdvanceAmount && r.Findings[f.Cause-1].Code != audit.CRONotDS1) {
			t.Fatalf("finding %d is a consequence of %d, not an earlier wrong advance", i+1, f.Cause)
		}
	}
}

func TestCountedOnceProperty(t *testing.T) { rapid.Check(t, checkCountedOnce) }
func FuzzCountedOnce(f *testing.F)         { f.Fuzz(rapid.MakeFuzz(checkCountedOnce)) }

// checkDuplicatesAgree: a multi-window history of advances, balances and
// repayments (deferred ones in the next window among them) booked on the
// regional ledgers and audited: the ledger refuses as a duplicate exactly
// the payments the audit reports as DUPLICATE (§5; INT-14, INT-05). A
// notification the ledger refuses for another reason was not paid, and is
// not audited. Both agree with the rule written out here: a second
// payment of a kind for an establishment's domain, whatever its window.
// They agree as well on the order of a domain's payments (§5; Annexe 2
// §3): the ledger refuses a balance or a repayment with no advance before
// it, a balance in a window other than the advance's or its deferral
// window, or after a repayment or a balance (ErrOutOfOrder), and a repayment other
// than the advance paid (ErrRepaymentAmount), exactly when the audit of
// what was paid before it, and it, reports it NO-ADVANCE, BALANCE-WINDOW,
// BALANCE-AND-REPAYMENT or REPAYMENT-AMOUNT, and when the rule written out
// here says so; what the ledger books the audit never reports so.
func checkDuplicatesAgree(t *rapid.T) {
	ledgers := map[envelope.Region]*envelope.Ledger{}
	for _, e := range establishments {
		if ledgers[e.Region] == nil {
			l, err := envelope.NewLedger(e.Region, envelope.Credits{Advance: d("1e12"), Usage: d("1e12")})
			if err != nil {
				t.Fatal(err)
			}
			ledgers[e.Region] = l
		}
	}
	var paid []audit.Payment
	refused := map[int]bool{} // by line: refused by the ledger as a duplicate
	type act struct {
		est    forfait.FINESS
		domain forfait.Domain
		kind   envelope.Kind
	}
	once := map[act]bool{} // the rule by hand: paid once over the programme
	second := map[int]bool{}
	advances := map[act]decimal.Decimal{}    // the advance paid, by establishment and domain
	advanceWindow := map[act]window.Window{} // and its window
	type attempt struct {
		p      audit.Payment
		before int   // how many payments were made before it
		err    error // the ledger's sentinel
	}
	var disorder []attempt // refused by the ledger for their order or amount
	on := window.DateOf(2021, 12, 1)
	for i := range rapid.IntRange(1, 30).Draw(t, "notifications") {
		e := rapid.SampledFrom(establishments).Draw(t, "establishment")
		p := audit.Payment{FINESS: e.FINESS, Volet: envelope.Volet1,
			Variant: forfait.Variant{Domain: forfait.Domain(rapid.IntRange(1, 3).Draw(t, "domain"))},
			Window:  window.Window(rapid.IntRange(1, 4).Draw(t, "window")),
			Kind:    envelope.Kind(rapid.IntRange(1, 3).Draw(t, "kind")),
			Amount:  decimal.New(rapid.Int64Range(1, 50_000).Draw(t, "amount"), 0),
			Date:    on, Line: i + 2}
		if a, ok := advances[act{p.FINESS, p.Variant.Domain, envelope.Advance}]; ok && p.Kind == envelope.Repayment && rapid.Bool().Draw(t, "whole") {
			p.Amount = a
		}
		on = on.AddDate(0, 0, rapid.IntRange(1, 120).Draw(t, "days"))
		n := envelope.Notification{Kind: p.Kind, Volet: p.Volet, Region: e.Region, Establishment: p.FINESS,
			Variant: p.Variant, Window: p.Window, Amount: p.Amount, Date: p.Date, Source: "§5"}
		if audit.PaymentOf(n).Identity() != n.Identity() {
			t.Fatalf("the audit's identity of %+v is not the ledger's", n)
		}
		err := ledgers[e.Region].Book(n)
		a := act{p.FINESS, p.Variant.Domain, p.Kind}
		// The order by hand: a balance or a repayment follows the advance,
		// not the other settlement, and a repayment returns the advance.
		adv, advanced := advances[act{p.FINESS, p.Variant.Domain, envelope.Advance}]
		other := envelope.Balance // the settlement p excludes
		if p.Kind == envelope.Balance {
			other = envelope.Repayment
		}
		// A balance pays the advance's window or its deferral window.
		advWindow := advanceWindow[act{p.FINESS, p.Variant.Domain, envelope.Advance}]
		next, deferrable := advWindow.Deferral()
		elsewhere := p.Kind == envelope.Balance && p.Window != advWindow && (!deferrable || p.Window != next)
		want := error(nil)
		switch {
		case once[a]:
			want = envelope.ErrDuplicate
		case p.Kind != envelope.Advance && (!advanced || elsewhere || once[act{p.FINESS, p.Variant.Domain, other}]):
			want = envelope.ErrOutOfOrder
		case p.Kind == envelope.Repayment && !p.Amount.Equal(adv):
			want = envelope.ErrRepaymentAmount
		}
		if !errors.Is(err, want) || (err == nil) != (want == nil) {
			t.Fatalf("line %d (%s %s %s € window %s): the ledger says %v, the rule %v", p.Line, p.FINESS, p.Kind, p.Amount, p.Window, err, want)
		}
		switch {
		case errors.Is(err, envelope.ErrDuplicate):
			refused[p.Line] = true
		case err != nil:
			disorder = append(disorder, attempt{p, len(paid), want})
			continue
		}
		second[p.Line], once[a] = once[a], true
		if p.Kind == envelope.Advance && !second[p.Line] {
			advances[a], advanceWindow[a] = p.Amount, p.Window
		}
		paid = append(paid, p)
	}
	orderCodes := map[audit.Code]error{audit.NoAdvance: envelope.ErrOutOfOrder, audit.BalanceAndRepayment: envelope.ErrOutOfOrder,
		audit.BalanceWindow: envelope.ErrOutOfOrder, audit.RepaymentAmount: envelope.ErrRepaymentAmount}
	for _, x := range disorder {
		r, err := audit.Audit(&rules, establishments, append(slices.Clone(paid[:x.before]), x.p), options)
		if err != nil {
			t.Fatal(err)
		}
		var codes []audit.Code
		for _, f := range r.Findings {
			if f.Payment.Line == x.p.Line {
				codes = append(codes, f.Code)
			}
		}
		if !slices.ContainsFunc(codes, func(c audit.Code) bool { return orderCodes[c] == x.err }) {
			t.Fatalf("line %d (%s %s %s € window %s): the ledger refuses it (%v); the audit reports %v", x.p.Line, x.p.FINESS, x.p.Kind, x.p.Amount, x.p.Window, x.err, codes)
		}
	}
	if len(paid) == 0 {
		return
	}
	r, err := audit.Audit(&rules, establishments, paid, options)
	if err != nil {
		t.Fatal(err)
	}
	found := map[int]bool{}
	for _, f := range r.Findings {
		if f.Code == audit.Duplicate {
			found[f.Payment.Line] = true
		}
		if orderCodes[f.Code] != nil {
			t.Fatalf("line %d (%s %s %s € window %s), booked by the ledger: the audit reports %s", f.Payment.Line, f.Payment.FINESS, f.Payment.Kind, f.Payment.Amount, f.Payment.Window, f.Code)
		}
	}
	for _, p := range paid {
		if found[p.Line] != refused[p.Line] || refused[p.Line] != second[p.Line] {
			t.Fatalf("line %d (%s %s %s window %s): the ledger refuses it as a duplicate: %v; the audit reports DUPLICATE: %v; a second one: %v",
				p.Line, p.FINESS, p.Kind, p.Variant, p.Window, refused[p.Line], found[p.Line], second[p.Line])
		}
	}
}

func TestDuplicatesAgree(t *testing.T) { rapid.Check(t, checkDuplicatesAgree) }
func FuzzDuplicatesAgree(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkDuplicatesAgree)) }
