package envelope

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

// Kind is what a notification does to the credits.
type Kind uint8

const (
	// Advance: 30 % of a domain's forfait, on validation (§5, Annexe 2 §3),
	// drawn on the advance credits.
	Advance Kind = 1
	// Balance: the rest, when the targets are reached (§5, Annexe 2 §3),
	// drawn on the usage credits.
	Balance Kind = 2
	// Repayment: the advance asked back when the targets are missed
	// (Annexe 2 §3); it restores the advance credits.
	Repayment Kind = 3
)

var kindNames = [...]string{Advance: "advance", Balance: "balance", Repayment: "repayment"}

// IsValid reports whether k is one of the three kinds.
func (k Kind) IsValid() bool { return k >= Advance && k <= Repayment }

// String returns "advance", "balance" or "repayment".
func (k Kind) String() string {
	switch {
	case k == 0:
		return "unset"
	case !k.IsValid():
		return "invalid kind " + strconv.Itoa(int(k))
	}
	return kindNames[k]
}

// MarshalText encodes k as String does.
func (k Kind) MarshalText() ([]byte, error) {
	switch {
	case k == 0:
		return []byte{}, nil
	case !k.IsValid():
		return nil, &forfait.InputError{Field: "kind", Value: k.String(), Err: ErrInvalidNotification}
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText decodes the form MarshalText produces; "" is the zero value.
func (k *Kind) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*k = 0
		return nil
	}
	for v := Advance; v <= Repayment; v++ {
		if kindNames[v] == string(text) {
			*k = v
			return nil
		}
	}
	return &forfait.InputError{Field: "kind", Value: strconv.Quote(string(text)), Reason: "want advance, balance or repayment", Err: ErrInvalidNotification}
}

// Notification is one notification of funding (or of a repayment) by an
// ARS to an establishment, the unit the envelopes are spent in (§6.1;
// Annexe 2 §3). Its JSON form gives the amount as a string, whatever
// shopspring's package settings.
type Notification struct {
	Kind          Kind
	Volet         Volet
	Region        Region
	Establishment forfait.FINESS // its FINESS géographique
	// Variant is the domain and whether the CRO bonus was granted, for
	// volet 1; the zero value for volet 2, which has no domain.
	Variant forfait.Variant
	Window  window.Window // volet 1: the window whose forfait is paid
	// Amount is in euros, positive; a repayment's amount is what is paid
	// back.
	Amount decimal.Decimal
	Date   window.Date
	// Source and Interpretations cite the rule that sets the amount.
	Source          string
	Interpretations []string
}

// Identity is what makes a notification one act: an ARS notifies one
// advance, one balance and one repayment per establishment, volet, domain
// and window (§5: a domain is funded once; Annexe 2 §3). A ledger refuses a
// second notification with the same identity (ErrDuplicate).
type Identity struct {
	Establishment forfait.FINESS
	Volet         Volet
	Domain        forfait.Domain
	Kind          Kind
	Window        window.Window
}

// Identity returns n's identity (§5, Annexe 2 §3).
func (n Notification) Identity() Identity {
	return Identity{Establishment: n.Establishment, Volet: n.Volet, Domain: n.Variant.Domain, Kind: n.Kind, Window: n.Window}
}

// Equal reports whether n and m are the same notification (amounts
// compared by value).
func (n Notification) Equal(m Notification) bool {
	return n.Kind == m.Kind && n.Volet == m.Volet && n.Region == m.Region && n.Establishment == m.Establishment &&
		n.Variant == m.Variant && n.Window == m.Window && n.Amount.Equal(m.Amount) && n.Date == m.Date &&
		n.Source == m.Source && slices.Equal(n.Interpretations, m.Interpretations)
}

type notificationJSON struct {
	Kind            Kind            `json:"kind"`
	Volet           Volet           `json:"volet"`
	Region          Region          `json:"region"`
	Establishment   forfait.FINESS  `json:"establishment"`
	Variant         forfait.Variant `json:"variant"`
	Window          window.Window   `json:"window"`
	Amount          string          `json:"amount"`
	Date            window.Date     `json:"date"`
	Source          string          `json:"source"`
	Interpretations []string        `json:"interpretations,omitempty"`
}

// MarshalJSON encodes n with its amount as a decimal string.
func (n Notification) MarshalJSON() ([]byte, error) {
	return json.Marshal(notificationJSON{n.Kind, n.Volet, n.Region, n.Establishment, n.Variant, n.Window,
		forfait.Format(n.Amount), n.Date, n.Source, n.Interpretations})
}

// UnmarshalJSON decodes the form MarshalJSON produces.
func (n *Notification) UnmarshalJSON(data []byte) error {
	var j notificationJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	amount := decimal.Zero
	if j.Amount != "" {
		a, err := decimal.NewFromString(j.Amount)
		if err != nil {
			return &forfait.InputError{Field: "amount", Value: strconv.Quote(j.Amount), Reason: "want a decimal number of euros", Err: ErrInvalidNotification}
		}
		amount = a
	}
	*n = Notification{j.Kind, j.Volet, j.Region, j.Establishment, j.Variant, j.Window, amount, j.Date, j.Source, j.Interpretations}
	return nil
}

// Sentinel errors of the ledger; each comes in a *LedgerError.
var (
	ErrInsufficientCredits = errors.New("envelope: beyond the remaining credits")
	ErrWrongLedger         = errors.New("envelope: notification for another region or volet")
	ErrInvalidNotification = errors.New("envelope: invalid notification")
	ErrVolet2Cap           = errors.New("envelope: beyond the volet-2 cap per establishment")
	// ErrDuplicate: a notification whose Identity the ledger already holds
	// (§5: a domain is funded once; money is never booked twice).
	ErrDuplicate = errors.New("envelope: notification already recorded")
	// ErrInvalidLedger: credits or a cap a ledger cannot be opened with.
	ErrInvalidLedger = errors.New("envelope: invalid ledger")
)

// LedgerError says why a notification was refused; the ledger is left as
// it was.
type LedgerError struct {
	Notification Notification
	Reason       string
	Err          error
}

func (e *LedgerError) Error() string {
	n := e.Notification
	return fmt.Sprintf("%v: %s of %s € to %s (%s, %s): %s", e.Err, n.Kind, forfait.Format(n.Amount), n.Establishment, n.Region, n.Volet, e.Reason)
}

func (e *LedgerError) Unwrap() error { return e.Err }

// Credits are the two parts of a regional envelope (Annexe 2 §3): the
// advance credits, round(30 %) of it, and the usage credits, the rest.
// Compare them with Equal.
type Credits struct {
	Advance, Usage decimal.Decimal
}

// Equal reports whether c and d hold the same amounts, compared by value.
func (c Credits) Equal(d Credits) bool { return c.Advance.Equal(d.Advance) && c.Usage.Equal(d.Usage) }

// Part is one of the two parts of a regional envelope (Annexe 2 §3).
type Part uint8

const (
	// AdvanceCredits are the 30 % of the envelope that pay advances.
	AdvanceCredits Part = 1
	// UsageCredits are the 70 % that pay balances.
	UsageCredits Part = 2
)

// String returns "advance" or "usage"; "unset" for the zero value and
// "invalid part n" for another invalid one.
func (p Part) String() string {
	switch p {
	case 0:
		return "unset"
	case AdvanceCredits:
		return "advance"
	case UsageCredits:
		return "usage"
	}
	return "invalid part " + strconv.Itoa(int(p))
}

// Part returns the credits a notification of kind k draws on or gives
// back (Annexe 2 §3): advances and repayments the advance credits,
// balances the usage credits; the zero Part for an invalid kind.
func (k Kind) Part() Part {
	switch k {
	case Advance, Repayment:
		return AdvanceCredits
	case Balance:
		return UsageCredits
	}
	return 0
}

// Of returns c's part p; zero for an invalid part.
func (c Credits) Of(p Part) decimal.Decimal {
	switch p {
	case AdvanceCredits:
		return c.Advance
	case UsageCredits:
		return c.Usage
	}
	return decimal.Zero
}

// Charge is a region's credit arithmetic (Annexe 2 §3; §6.1), the one
// the ledger and the audit both use: next is used once a notification of
// kind k and amount is booked on top of it (an advance draws on the
// advance credits, a balance on the usage credits, a repayment gives
// advance credits back). ok is false when next goes beyond c in the part
// k draws on; left is then what was left of that part before, never
// negative. A repayment is always ok here; whether it repays more than
// was advanced is the caller's rule.
func (c Credits) Charge(used Credits, k Kind, amount decimal.Decimal) (next Credits, left decimal.Decimal, ok bool) {
	next = used
	switch k {
	case Advance:
		next.Advance = used.Advance.Add(amount)
	case Balance:
		next.Usage = used.Usage.Add(amount)
	case Repayment:
		next.Advance = used.Advance.Sub(amount)
		return next, decimal.Zero, true
	}
	part := k.Part()
	if !next.Of(part).GreaterThan(c.Of(part)) {
		return next, decimal.Zero, true
	}
	return next, decimal.Max(c.Of(part).Sub(used.Of(part)), decimal.Zero), false
}

// SplitCredits divides an envelope into its advance and usage credits
// with the rule set's advance share and rounding (Annexe 2 §3; INT-04, the
// same split as a forfait's): advance + usage = envelope, to the cent.
func SplitCredits(rs *forfait.RuleSet, envelope decimal.Decimal) (Credits, error) {
	adv, use, err := rs.Split(envelope)
	return Credits{Advance: adv, Usage: use}, err
}

// Ledger is the account of one region's envelope for one volet: the
// credits it was given and the notifications recorded against them
// (§6.1: the ARS notifies within the credits delegated to it). It is safe
// for concurrent use.
type Ledger struct {
	region Region
	volet  Volet
	cap    decimal.Decimal // volet 2: most per establishment; zero for none

	mu      sync.Mutex
	credits Credits
	used    Credits                            // advance and usage credits spent, net of repayments
	perEst  map[forfait.FINESS]decimal.Decimal // volet 2: notified per establishment
	entries [][]Notification                   // in chunks, so that growing never copies them all
	ids     map[Identity]bool                  // the identities recorded
	count   int
}

const chunk = 1024

// NewLedger opens the ledger of region's envelope for volet, with its
// credits. For volet 2, volet2Cap is the most an establishment may receive
// in advance and usage together (100 k€, §3.3); it is ignored for volet 1.
func NewLedger(region Region, volet Volet, credits Credits, volet2Cap decimal.Decimal) (*Ledger, error) {
	var errs []error
	if !region.IsValid() {
		errs = append(errs, &forfait.InputError{Field: "region", Value: region.String(), Err: ErrUnknownRegion})
	}
	if !volet.IsValid() {
		errs = append(errs, &forfait.InputError{Field: "volet", Value: volet.String(), Err: ErrInvalidVolet})
	}
	if credits.Advance.Sign() < 0 || credits.Usage.Sign() < 0 {
		errs = append(errs, &forfait.InputError{Field: "credits", Value: forfait.Format(credits.Advance) + " / " + forfait.Format(credits.Usage), Reason: "credits cannot be negative", Err: ErrInvalidLedger})
	}
	if volet == Volet2 && volet2Cap.Sign() <= 0 {
		errs = append(errs, &forfait.InputError{Field: "volet2_cap", Value: forfait.Format(volet2Cap), Reason: "a volet-2 ledger needs a positive cap", Err: ErrInvalidLedger})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	l := &Ledger{region: region, volet: volet, credits: credits, used: Credits{decimal.Zero, decimal.Zero}, ids: map[Identity]bool{}}
	if volet == Volet2 {
		l.cap, l.perEst = volet2Cap, map[forfait.FINESS]decimal.Decimal{}
	}
	return l, nil
}

// Book records the notifications of one step (a dossier's opening or
// settlement) as a whole: either every one is recorded, in order, or none
// is and the ledger is left as it was. Each is refused with a
// *LedgerError when it is for another region or volet (ErrWrongLedger),
// has no kind, establishment or positive amount (ErrInvalidNotification),
// repeats the Identity of one recorded or booked before it (ErrDuplicate),
// goes beyond the advance or usage credits left (ErrInsufficientCredits,
// §6.1), repays more than was advanced in the region, or takes an
// establishment beyond the volet-2 cap (ErrVolet2Cap, Annexe 2 §4). Every
// refusal is reported.
func (l *Ledger) Book(ns ...Notification) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	used := l.used
	var perEst map[forfait.FINESS]decimal.Decimal
	if l.perEst != nil {
		perEst = map[forfait.FINESS]decimal.Decimal{}
	}
	booked := map[Identity]bool{}
	var errs []error
	for _, n := range ns {
		next, err := l.check(n, used, perEst, booked)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		used = next
		booked[n.Identity()] = true
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	l.used = used
	for id, total := range perEst {
		l.perEst[id] = total
	}
	for _, n := range ns {
		l.append(n)
	}
	return nil
}

// check returns the credits used once n is recorded on top of used, or why
// n is refused; perEst (volet 2) and booked carry the step's earlier
// notifications.
func (l *Ledger) check(n Notification, used Credits, perEst map[forfait.FINESS]decimal.Decimal, booked map[Identity]bool) (Credits, error) {
	fail := func(err error, reason string) (Credits, error) {
		return used, &LedgerError{Notification: n, Reason: reason, Err: err}
	}
	switch {
	case n.Region != l.region || n.Volet != l.volet:
		return fail(ErrWrongLedger, "this ledger is "+l.region.String()+", "+l.volet.String())
	case !n.Kind.IsValid() || !n.Establishment.IsValid() || n.Amount.Sign() <= 0 || !forfait.SaneExponent(n.Amount):
		return fail(ErrInvalidNotification, "needs a kind, an establishment and a positive amount")
	case n.Volet == Volet1 && (!n.Variant.IsValid() || !n.Window.IsValid()):
		return fail(ErrInvalidNotification, "a volet-1 notification needs a domain and a window")
	case l.ids[n.Identity()] || booked[n.Identity()]:
		return fail(ErrDuplicate, "a "+n.Kind.String()+" for "+n.Establishment.String()+" "+n.Variant.Domain.String()+
			" window "+n.Window.String()+" is already recorded")
	}
	next, left, ok := l.credits.Charge(used, n.Kind, n.Amount)
	switch {
	case !ok:
		return fail(ErrInsufficientCredits, n.Kind.Part().String()+" credits left: "+forfait.Format(left))
	case next.Advance.Sign() < 0:
		return fail(ErrInvalidNotification, "repays more than was advanced in this region")
	}
	used = next
	if perEst != nil {
		total, ok := perEst[n.Establishment]
		if !ok {
			total = l.perEst[n.Establishment]
		}
		if n.Kind == Repayment {
			total = total.Sub(n.Amount)
		} else {
			total = total.Add(n.Amount)
		}
		if total.GreaterThan(l.cap) {
			return fail(ErrVolet2Cap, "at most "+forfait.Format(l.cap)+" € per establishment")
		}
		perEst[n.Establishment] = total
	}
	return used, nil
}

// append stores n; the caller holds the lock.
func (l *Ledger) append(n Notification) {
	if last := len(l.entries) - 1; last < 0 || len(l.entries[last]) == chunk {
		l.entries = append(l.entries, make([]Notification, 0, chunk))
	}
	last := len(l.entries) - 1
	l.entries[last] = append(l.entries[last], n)
	l.ids[n.Identity()] = true
	l.count++
}

// State is a ledger's account at one moment. Compare states with Equal.
type State struct {
	Region    Region
	Volet     Volet
	Credits   Credits // given
	Used      Credits // spent, net of repayments
	Remaining Credits // Credits − Used
	Count     int     // notifications recorded
}

// Equal reports whether s and t are the same account, amounts compared by
// value.
func (s State) Equal(t State) bool {
	return s.Region == t.Region && s.Volet == t.Volet && s.Count == t.Count &&
		s.Credits.Equal(t.Credits) && s.Used.Equal(t.Used) && s.Remaining.Equal(t.Remaining)
}

// State returns the ledger's current account.
func (l *Ledger) State() State {
	l.mu.Lock()
	defer l.mu.Unlock()
	return State{
		Region: l.region, Volet: l.volet, Credits: l.credits, Used: l.used, Count: l.count,
		Remaining: Credits{l.credits.Advance.Sub(l.used.Advance), l.credits.Usage.Sub(l.used.Usage)},
	}
}

// Entries returns a copy of the notifications recorded, in order.
func (l *Ledger) Entries() []Notification {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]Notification, 0, l.count)
	for _, c := range l.entries {
		out = append(out, c...)
	}
	return out
}

// MarshalJSON encodes c with its amounts as strings, whatever
// shopspring's settings (forfait.MarshalAmounts).
func (c Credits) MarshalJSON() ([]byte, error) { return forfait.MarshalAmounts(c) }
