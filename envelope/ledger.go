package envelope

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

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
	if !k.IsValid() {
		return "%!Kind(" + strconv.Itoa(int(k)) + ")"
	}
	return kindNames[k]
}

// MarshalText encodes k as String does.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.IsValid() {
		return nil, fmt.Errorf("envelope: invalid kind %d", uint8(k))
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText decodes the form MarshalText produces.
func (k *Kind) UnmarshalText(text []byte) error {
	for v := Advance; v <= Repayment; v++ {
		if kindNames[v] == string(text) {
			*k = v
			return nil
		}
	}
	return fmt.Errorf("envelope: unknown kind %q", text)
}

// Notification is one notification of funding (or of a repayment) by an
// ARS to an establishment, the unit the envelopes are spent in (§6.1;
// Annexe 2 §3).
type Notification struct {
	Kind          Kind           `json:"kind"`
	Volet         Volet          `json:"volet"`
	Region        Region         `json:"region"`
	Establishment string         `json:"establishment"` // its FINESS géographique
	Domain        forfait.Domain `json:"domain,omitempty"`
	CRO           bool           `json:"cro,omitempty"`
	Window        window.Window  `json:"window,omitempty"`
	// Amount is in euros, positive; a repayment's amount is what is paid
	// back.
	Amount decimal.Decimal `json:"amount"`
	Date   time.Time       `json:"date"`
	// Source and Interpretations justify the amount.
	Source          string   `json:"source"`
	Interpretations []string `json:"interpretations,omitempty"`
}

// Sentinel errors of the ledger; each comes in a *LedgerError.
var (
	ErrInsufficientCredits = errors.New("envelope: beyond the remaining credits")
	ErrWrongLedger         = errors.New("envelope: notification for another region or volet")
	ErrInvalidNotification = errors.New("envelope: invalid notification")
	ErrVolet2Cap           = errors.New("envelope: beyond the volet-2 cap per establishment")
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
type Credits struct {
	Advance, Usage decimal.Decimal
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
	used    Credits                    // advance and usage credits spent, net of repayments
	perEst  map[string]decimal.Decimal // volet 2: notified per establishment
	entries [][]Notification           // in chunks, so that growing never copies them all
	count   int
}

const chunk = 1024

// NewLedger opens the ledger of region's envelope for volet, with its
// credits. For volet 2, volet2Cap is the most an establishment may receive
// in advance and usage together (100 k€, §3.3); it is ignored for volet 1.
func NewLedger(region Region, volet Volet, credits Credits, volet2Cap decimal.Decimal) (*Ledger, error) {
	var errs []error
	if !region.IsValid() {
		errs = append(errs, fmt.Errorf("%w: region %s", ErrInvalidNotification, region))
	}
	if !volet.IsValid() {
		errs = append(errs, fmt.Errorf("%w: %s", ErrInvalidNotification, volet))
	}
	if credits.Advance.Sign() < 0 || credits.Usage.Sign() < 0 {
		errs = append(errs, fmt.Errorf("%w: negative credits", ErrInvalidNotification))
	}
	if volet == Volet2 && volet2Cap.Sign() <= 0 {
		errs = append(errs, fmt.Errorf("%w: a volet-2 ledger needs a positive cap", ErrInvalidNotification))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	l := &Ledger{region: region, volet: volet, credits: credits, used: Credits{decimal.Zero, decimal.Zero}}
	if volet == Volet2 {
		l.cap, l.perEst = volet2Cap, map[string]decimal.Decimal{}
	}
	return l, nil
}

// Record records n against the credits: an advance against the advance
// credits, a balance against the usage credits; a repayment gives back
// advance credits (Annexe 2 §3). It refuses, with a *LedgerError and
// without changing anything, a notification for another region or volet,
// one that is malformed (no kind, a non-positive amount), one beyond the
// remaining credits, a repayment beyond what was advanced, and in volet 2
// one that takes an establishment beyond the cap.
func (l *Ledger) Record(n Notification) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	fail := func(err error, reason string) error { return &LedgerError{Notification: n, Reason: reason, Err: err} }
	if n.Region != l.region || n.Volet != l.volet {
		return fail(ErrWrongLedger, "this ledger is "+l.region.String()+", "+l.volet.String())
	}
	if !n.Kind.IsValid() || n.Amount.Sign() <= 0 || n.Amount.Exponent() < -1000 || n.Amount.Exponent() > 1000 {
		return fail(ErrInvalidNotification, "needs a kind and a positive amount")
	}
	used := l.used
	switch n.Kind {
	case Advance:
		used.Advance = used.Advance.Add(n.Amount)
	case Balance:
		used.Usage = used.Usage.Add(n.Amount)
	case Repayment:
		used.Advance = used.Advance.Sub(n.Amount)
	}
	if used.Advance.GreaterThan(l.credits.Advance) {
		return fail(ErrInsufficientCredits, "advance credits left: "+forfait.Format(l.credits.Advance.Sub(l.used.Advance)))
	}
	if used.Usage.GreaterThan(l.credits.Usage) {
		return fail(ErrInsufficientCredits, "usage credits left: "+forfait.Format(l.credits.Usage.Sub(l.used.Usage)))
	}
	if used.Advance.Sign() < 0 {
		return fail(ErrInvalidNotification, "repays more than was advanced in this region")
	}
	if l.perEst != nil {
		total := l.perEst[n.Establishment]
		if n.Kind == Repayment {
			total = total.Sub(n.Amount)
		} else {
			total = total.Add(n.Amount)
		}
		if total.GreaterThan(l.cap) {
			return fail(ErrVolet2Cap, "at most "+forfait.Format(l.cap)+" € per establishment")
		}
		l.perEst[n.Establishment] = total
	}
	l.used = used
	if last := len(l.entries) - 1; last < 0 || len(l.entries[last]) == chunk {
		l.entries = append(l.entries, make([]Notification, 0, chunk))
	}
	last := len(l.entries) - 1
	l.entries[last] = append(l.entries[last], n)
	l.count++
	return nil
}

// State is a ledger's account at one moment.
type State struct {
	Region    Region
	Volet     Volet
	Credits   Credits // given
	Used      Credits // spent, net of repayments
	Remaining Credits // Credits − Used
	Count     int     // notifications recorded
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
