package envelope

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
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

// kindText is the text form of a kind (codec.Enum).
var kindText = codec.Enum[Kind]{Kind: "kind", Names: []string{Advance: "advance", Balance: "balance", Repayment: "repayment"}, Err: ErrInvalidNotification}

// IsValid reports whether k is one of the three kinds.
func (k Kind) IsValid() bool { return kindText.Valid(k) }

// String returns "advance", "balance" or "repayment"; "unset" for the zero
// value and "invalid kind n" for another invalid one.
func (k Kind) String() string { return kindText.String(k) }

// MarshalText encodes k as String does, the zero value as ""; another
// invalid kind is an error.
func (k Kind) MarshalText() ([]byte, error) { return kindText.Marshal(k) }

// UnmarshalText decodes the form MarshalText produces; "" is the zero value.
func (k *Kind) UnmarshalText(text []byte) error { return kindText.Unmarshal(text, k) }

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
	// Window, in volet 1, is the window whose forfait is paid; for a
	// repayment, the window whose targets were missed last (the deferral
	// window after a deferral). A balance or a repayment is booked in the
	// budget of its advance's window (Entry).
	Window window.Window
	// Amount is in euros, positive; a repayment's amount is what is paid
	// back.
	Amount decimal.Decimal
	Date   window.Date
	// Source and Interpretations cite the rule that sets the amount.
	Source          string
	Interpretations []string
}

// Identity is what makes a notification one act: over the whole
// programme an ARS notifies one advance, one balance and one repayment
// per establishment, volet and domain (§5: an establishment "ne peut
// bénéficier qu'une seule fois du financement à l'usage" of each domain,
// read by INT-14 as one funding, advance included; Annexe 2 §3). The window is not part of it: a second advance for the same domain
// in another window is a second funding, refused whether the first was
// repaid or not (INT-14), while the balance or the repayment of a dossier
// deferred to the next window, notified in that window, is still the one
// balance or repayment of the dossier (INT-05). A ledger refuses a second
// notification with the same identity (ErrDuplicate); the audit reports
// it as DUPLICATE, by the same identity.
type Identity struct {
	Establishment forfait.FINESS
	Volet         Volet
	Domain        forfait.Domain
	Kind          Kind
}

// Identity returns n's identity (§5, Annexe 2 §3; INT-14).
func (n Notification) Identity() Identity {
	return Identity{Establishment: n.Establishment, Volet: n.Volet, Domain: n.Variant.Domain, Kind: n.Kind}
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
			return &forfait.InputError{Field: "amount", Value: strconv.Quote(j.Amount), Reason: codec.Text{French: "attendu : un nombre décimal d'euros", English: "want a decimal number of euros"}, Err: ErrInvalidNotification}
		}
		amount = a
	}
	*n = Notification{j.Kind, j.Volet, j.Region, j.Establishment, j.Variant, j.Window, amount, j.Date, j.Source, j.Interpretations}
	return nil
}

// Sentinel errors of the ledger; each comes in a *LedgerError.
var (
	ErrInsufficientCredits = codec.NewSentinel("envelope: beyond the remaining credits", "dépasse les crédits restants")
	ErrWrongLedger         = codec.NewSentinel("envelope: notification for another region or volet", "concerne une autre région ou un autre volet")
	ErrInvalidNotification = codec.NewSentinel("envelope: invalid notification", "n'est pas une notification valide")
	// ErrDuplicate: a notification whose Identity the ledger already holds
	// (§5: a domain is funded once over the programme, whatever the
	// window; INT-14; money is never booked twice).
	ErrDuplicate = codec.NewSentinel("envelope: notification already recorded", "est une notification déjà enregistrée")
	// ErrOutOfOrder: a balance or a repayment with no advance recorded
	// for its establishment and domain, a balance after a repayment or a
	// repayment after a balance (§5: the advance on validation, then the
	// rest when the targets are reached; Annexe 2 §3: the advance repaid
	// when they are missed).
	ErrOutOfOrder = codec.NewSentinel("envelope: payment out of order", "ne suit pas l'ordre des versements : l'avance, puis le solde ou le remboursement")
	// ErrRepaymentAmount: a repayment other than the advance paid
	// (Annexe 2 §3: the amounts received as advance are repaid).
	ErrRepaymentAmount = codec.NewSentinel("envelope: repayment other than the advance paid", "ne rembourse pas l'avance versée")
	// ErrInvalidLedger: credits or a cap a ledger cannot be opened with.
	ErrInvalidLedger = codec.NewSentinel("envelope: invalid ledger", "n'est pas un état valide des crédits")
)

// LedgerError says why a notification was refused; the ledger is left as
// it was. Reason is in both languages: Error gives the English one,
// French (and so codec.Messages) the French one.
type LedgerError struct {
	Notification Notification
	Reason       codec.Text
	Err          error
}

func (e *LedgerError) Error() string {
	n := e.Notification
	return fmt.Sprintf("%v: %s of %s € to %s (%s, %s): %s", e.Err, n.Kind, forfait.Format(n.Amount), n.Establishment, n.Region, n.Volet, e.Reason.English)
}

// French is the refusal as a French reader reads it: the notification,
// what is wrong with it and why: "Avance de 30 000 € à 750712184
// (Bretagne, volet 1) : est une notification déjà enregistrée (…)".
func (e *LedgerError) French() string {
	n := e.Notification
	head := "Notification"
	if n.Kind.IsValid() {
		head = strings.ToUpper(n.Kind.french().noun[:1]) + n.Kind.french().noun[1:]
	}
	what := "n'est pas une notification acceptée"
	if t, ok := codec.SentinelText(e.Err); ok {
		what = t.French
	}
	var ce *CreditsError
	if errors.As(e.Err, &ce) {
		what += " (" + ce.frenchReason() + ")"
	}
	msg := head + " de " + codec.French.Money(n.Amount) + " à " + n.Establishment.String() + " (" + n.Region.String() + ", " + n.Volet.String() + ") : " + what
	if e.Reason.French != "" {
		msg += " (" + e.Reason.French + ")"
	}
	return msg
}

// kindWords are a kind's French noun with its articles, and the ending of
// a past participle agreeing with it.
type kindWords struct{ noun, a, the, agree string }

// french names k in French: "avance" (une, l'), "solde" (un, le),
// "remboursement" (un, le).
func (k Kind) french() kindWords {
	switch k {
	case Advance:
		return kindWords{"avance", "une avance", "l'avance", "e"}
	case Balance:
		return kindWords{"solde", "un solde", "le solde", ""}
	case Repayment:
		return kindWords{"remboursement", "un remboursement", "le remboursement", ""}
	}
	return kindWords{k.String(), k.String(), k.String(), ""}
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

// partText is the text form of a part (codec.Enum).
var partText = codec.Enum[Part]{Kind: "part", Names: []string{AdvanceCredits: "advance", UsageCredits: "usage"}, Err: ErrInvalidDelegation}

// IsValid reports whether p is AdvanceCredits or UsageCredits.
func (p Part) IsValid() bool { return partText.Valid(p) }

// String returns "advance" or "usage"; "unset" for the zero value and
// "invalid part n" for another invalid one.
func (p Part) String() string { return partText.String(p) }

// french names the credits of p in a French message: "d'avance",
// "d'usage".
func (p Part) french() string {
	if p == AdvanceCredits {
		return "d'avance"
	}
	return "d'usage"
}

// MarshalText encodes p as String does, the zero value as ""; another
// invalid part is an error.
func (p Part) MarshalText() ([]byte, error) { return partText.Marshal(p) }

// UnmarshalText decodes the form MarshalText produces; "" is the zero value.
func (p *Part) UnmarshalText(text []byte) error { return partText.Unmarshal(text, p) }

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
// ceiling of its credits (the Annexe 2 envelope), the tranches delegated
// within it, the budgets of its funding windows, the commitments of
// validated decisions and the notifications booked against them (§6.1:
// the ARS retains applications within the credits delegated to it by the
// FMIS circulars; Annexe 2 §5). It is safe for concurrent use.
type Ledger struct {
	region Region
	volet  Volet
	cap    decimal.Decimal  // volet 2: most per establishment (§3.3, Annexe 2 §4)
	rs     *forfait.RuleSet // volet 2: the split of a declared amount

	mu        sync.Mutex
	ceiling   Credits
	tranches  []Tranche
	transfers []Transfer
	accounts  map[window.Window]account          // per budget window (an advance's for its balance or repayment); zero for volet 2
	commits   map[commitKey]Commitment           // what is still committed, per establishment and domain
	perEst    map[forfait.FINESS]decimal.Decimal // volet 2: notified per establishment
	entries   []Notification                     // in the order booked
	ids       map[Identity]act                   // the identities recorded, with the window and amount of each
}

// account is what one window's notifications and commitments hold.
type account struct {
	used      Credits         // paid net of repayments
	paid      Credits         // advances and balances paid
	repaid    decimal.Decimal // advances repaid
	committed Credits
	// repayments are the repayments' dates and amounts: a repayment gives
	// advance credits back from its date only.
	repayments []dated
}

// act is what the ledger keeps of a recorded identity: the window it was
// notified for and its amount.
type act struct {
	window window.Window
	amount decimal.Decimal
}

type dated struct {
	date   window.Date
	amount decimal.Decimal
}

func zeroAccount() account {
	return account{used: zeroCredits, paid: zeroCredits, repaid: decimal.Zero, committed: zeroCredits}
}

var zeroCredits = Credits{Advance: decimal.Zero, Usage: decimal.Zero}

// NewLedger opens the ledger of region's volet-1 envelope with its credits
// delegated in full from the start: one undated tranche of all of them
// (Annexe 2 §1, §3). OpenLedger opens a ledger whose credits arrive in
// tranches, and the volet-2 ledgers.
func NewLedger(region Region, credits Credits) (*Ledger, error) {
	l, err := newLedger(region, Volet1, credits)
	if err != nil {
		return nil, err
	}
	l.tranches = []Tranche{{Credits: credits, Source: "Annexe 2 §1, §3"}}
	return l, nil
}

// OpenLedger opens the ledger of region's envelope for volet, under the
// figures of a and the split of rs, with no credits delegated yet
// (Delegate adds the tranches). Its ceiling is the region's envelope
// split into advance and usage credits (Annexe 2 §1, §3; volet 2: Annexe 2
// §2, §4). Volet 2 is a pilot of three ARS (§3.3, §6.2, Annexe 2 §2): for
// another region OpenLedger returns a *forfait.InputError wrapping
// ErrNotPilot.
func OpenLedger(a *Annex2, rs *forfait.RuleSet, region Region, volet Volet) (*Ledger, error) {
	if !region.IsValid() || !volet.IsValid() {
		_, err := newLedger(region, volet, zeroCredits)
		return nil, err
	}
	amount, ok := a.Regions[region.Index()].Amount, true
	if volet == Volet2 {
		amount, ok = a.Pilot(region)
		if !ok {
			return nil, &forfait.InputError{Field: "region", Value: region.String(),
				Reason: codec.Text{French: "le volet 2 est un pilote réservé à " + a.pilotNames() + " (§3.3, §6.2, Annexe 2 §2)", English: "volet 2 is a pilot of " + a.pilotNames() + " only (§3.3, §6.2, Annexe 2 §2)"}, Err: ErrNotPilot}
		}
	}
	credits, err := SplitCredits(rs, amount)
	if err != nil {
		return nil, err
	}
	l, err := newLedger(region, volet, credits)
	if err != nil {
		return nil, err
	}
	if volet == Volet2 {
		r := *rs
		l.cap, l.rs, l.perEst = a.Volet2Cap, &r, map[forfait.FINESS]decimal.Decimal{}
	}
	return l, nil
}

func newLedger(region Region, volet Volet, credits Credits) (*Ledger, error) {
	var errs []error
	if !region.IsValid() {
		errs = append(errs, &forfait.InputError{Field: "region", Value: region.String(), Err: ErrUnknownRegion})
	}
	if !volet.IsValid() {
		errs = append(errs, &forfait.InputError{Field: "volet", Value: volet.String(), Err: ErrInvalidVolet})
	}
	if !validCredits(credits) {
		errs = append(errs, &forfait.InputError{Field: "credits", Value: credits.String(), Reason: codec.Text{French: "les crédits ne peuvent pas être négatifs", English: "credits cannot be negative"}, Err: ErrInvalidLedger})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &Ledger{region: region, volet: volet, ceiling: credits, accounts: map[window.Window]account{},
		commits: map[commitKey]Commitment{}, ids: map[Identity]act{}}, nil
}

func validCredits(c Credits) bool {
	return c.Advance.Sign() >= 0 && c.Usage.Sign() >= 0
}

// String writes c as "advance / usage" in euros.
func (c Credits) String() string { return forfait.Format(c.Advance) + " / " + forfait.Format(c.Usage) }

// Book records the notifications of one step (a dossier's opening or
// settlement) as a whole: either every one is recorded, in order, or none
// is and the ledger is left as it was. Each is refused with a
// *LedgerError when it is for another region or volet (ErrWrongLedger),
// has no kind, establishment or positive amount (ErrInvalidNotification),
// repeats the Identity of one recorded or booked before it (ErrDuplicate),
// goes beyond the credits delegated at its date to its window's budget, or
// to no window's when its window has none (§6.1, Annexe 2 §5; a
// *CreditsError wrapping ErrInsufficientCredits), or, in volet 1, is a
// balance or a repayment with no advance of its establishment and domain
// before it, a balance after a repayment or a repayment after a balance
// (ErrOutOfOrder), or a repayment other than the whole advance
// (ErrRepaymentAmount; §5, Annexe 2 §3), or, in volet 2, is not the part
// of its establishment's committed amount its kind pays (ErrVolet2Amount,
// §3.3, Annexe 2 §4: an amount committed is within the cap, Commit
// refusing one beyond it, so no booking can exceed it). A balance
// or a repayment is booked in its advance's window, the budget that paid
// the advance, whatever window it is notified for (Annexe 2 §3, §5;
// INT-05, INT-33). A notification
// consumes the commitment of its establishment and domain: an advance its
// advance part, a balance its usage part; a repayment releases the usage
// part. Every refusal is reported.
func (l *Ledger) Book(ns ...Notification) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	st := l.draft()
	var errs []error
	for _, n := range ns {
		if err := l.check(n, &st); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	l.apply(st)
	for _, n := range ns {
		l.append(n)
	}
	return nil
}

// draft is a step's changes before they are applied: the windows'
// accounts, copied (there are at most five), and the commitments and
// volet-2 totals it changes.
type draft struct {
	accounts map[window.Window]account
	commits  map[commitKey]Commitment
	perEst   map[forfait.FINESS]decimal.Decimal
	booked   map[Identity]act
}

func (l *Ledger) draft() draft {
	d := draft{accounts: make(map[window.Window]account, len(l.accounts)), commits: map[commitKey]Commitment{},
		perEst: map[forfait.FINESS]decimal.Decimal{}, booked: map[Identity]act{}}
	for w, a := range l.accounts {
		d.accounts[w] = a
	}
	return d
}

func (d *draft) account(w window.Window) account {
	a, ok := d.accounts[w]
	if !ok {
		a = zeroAccount()
	}
	return a
}

func (l *Ledger) commitment(d *draft, k commitKey) (Commitment, bool) {
	if c, ok := d.commits[k]; ok {
		return c, true
	}
	c, ok := l.commits[k]
	return c, ok
}

// apply makes a checked draft the ledger's; the caller holds the lock.
func (l *Ledger) apply(d draft) {
	l.accounts = d.accounts
	for k, c := range d.commits {
		if c.Credits.Advance.IsZero() && c.Credits.Usage.IsZero() {
			delete(l.commits, k)
			continue
		}
		l.commits[k] = c
	}
	for e, total := range d.perEst {
		l.perEst[e] = total
	}
}

// check applies n to the draft d, or says why n is refused.
func (l *Ledger) check(n Notification, d *draft) error {
	fail := func(err error, reason codec.Text) error {
		return &LedgerError{Notification: n, Reason: reason, Err: err}
	}
	switch {
	case n.Region != l.region || n.Volet != l.volet:
		return fail(ErrWrongLedger, codec.Text{
			French:  "cet état des crédits est celui de la région " + l.region.String() + ", " + l.volet.String(),
			English: "this ledger is " + l.region.String() + ", " + l.volet.String()})
	case !n.Kind.IsValid() || !n.Establishment.IsValid() || n.Amount.Sign() <= 0 || !codec.SaneExponent(n.Amount):
		return fail(ErrInvalidNotification, codec.Text{
			French:  "il faut une nature, un établissement et un montant positif",
			English: "needs a kind, an establishment and a positive amount"})
	case n.Volet == Volet1 && (!n.Variant.IsValid() || !n.Window.IsValid()):
		return fail(ErrInvalidNotification, codec.Text{
			French:  "une notification du volet 1 a un domaine et une fenêtre",
			English: "a volet-1 notification needs a domain and a window"})
	case n.Volet == Volet2 && (n.Window != 0 || n.Variant != forfait.Variant{}):
		return fail(ErrInvalidNotification, codec.Text{
			French:  "une notification du volet 2 n'a ni domaine ni fenêtre",
			English: "a volet-2 notification has no domain and no window"})
	}
	if first, ok := l.recorded(n.Identity(), d); ok {
		what, quoi := n.Establishment.String(), n.Establishment.String()
		if n.Volet == Volet1 {
			what += " " + n.Variant.Domain.String() + ", window " + first.window.String()
			quoi += " " + n.Variant.Domain.String() + ", fenêtre " + first.window.String()
		}
		k := n.Kind.french()
		return fail(ErrDuplicate, codec.Text{
			French:  k.a + " est déjà enregistré" + k.agree + " pour " + quoi + " : un domaine n'est financé qu'une fois sur tout le programme (§5 ; INT-14)",
			English: article(n.Kind) + " " + n.Kind.String() + " is already recorded for " + what + ": a domain is funded once over the programme (§5; INT-14)"})
	}
	key := commitKey{n.Establishment, n.Variant.Domain}
	c, committed := l.commitment(d, key)
	w := n.Window
	if n.Volet == Volet2 {
		if err := l.checkVolet2(n, c, committed, d); err != nil {
			return err
		}
	} else if n.Kind != Advance {
		adv, err := l.checkOrder(n, d)
		if err != nil {
			return err
		}
		w = adv.window
	}
	a := d.account(w)
	a.used, _, _ = l.ceiling.Charge(a.used, n.Kind, n.Amount)
	switch n.Kind {
	case Advance:
		a.paid.Advance = a.paid.Advance.Add(n.Amount)
	case Balance:
		a.paid.Usage = a.paid.Usage.Add(n.Amount)
	case Repayment:
		a.repaid = a.repaid.Add(n.Amount)
		a.repayments = append(slices.Clip(a.repayments), dated{n.Date, n.Amount})
	}
	d.accounts[w] = a
	if committed { // the commitment's part is consumed, or released, in its own window
		release := Credits{Advance: decimal.Zero, Usage: c.Credits.Usage}
		if n.Kind == Advance {
			release = Credits{Advance: c.Credits.Advance, Usage: decimal.Zero}
		}
		ca := d.account(c.Window)
		ca.committed = Credits{ca.committed.Advance.Sub(release.Advance), ca.committed.Usage.Sub(release.Usage)}
		d.accounts[c.Window] = ca
		c.Credits = Credits{c.Credits.Advance.Sub(release.Advance), c.Credits.Usage.Sub(release.Usage)}
		d.commits[key] = c
	}
	if ce := l.short(w, n.Date, d.accounts, l.transfers); ce != nil {
		return &LedgerError{Notification: n, Reason: codec.Text{
			French:  "les crédits délégués à sa date ne peuvent pas la servir",
			English: "the credits delegated by its date cannot serve it"}, Err: ce}
	}
	d.booked[n.Identity()] = act{n.Window, n.Amount}
	return nil
}

// checkOrder checks a volet-1 balance or repayment n against the advance
// of its establishment and domain, and returns that advance: n follows it
// (the balance or repayment of a dossier deferred to the next window is
// notified in that window, INT-05); a balance is paid in the advance's
// window or its deferral window only, whose forfait it pays; a balance and
// a repayment exclude each other (§5; Annexe 2 §3: the rest is paid when
// the targets are reached, the advance repaid when they are missed; each
// ErrOutOfOrder); a repayment is the whole advance paid (Annexe 2 §3: the
// amounts received as advance are repaid; ErrRepaymentAmount). n is booked
// against the budget of its advance's window, which paid the advance and
// holds its commitment (INT-33).
func (l *Ledger) checkOrder(n Notification, d *draft) (act, error) {
	fail := func(err error, reason codec.Text) (act, error) {
		return act{}, &LedgerError{Notification: n, Reason: reason, Err: err}
	}
	id := n.Identity()
	id.Kind = Advance
	adv, ok := l.recorded(id, d)
	if !ok {
		return fail(ErrOutOfOrder, codec.Text{
			French: n.Kind.french().a + " suit une avance ; aucune n'est enregistrée pour " +
				n.Establishment.String() + " " + n.Variant.Domain.String() + " (§5 ; Annexe 2 §3)",
			English: article(n.Kind) + " " + n.Kind.String() + " follows an advance; none is recorded for " +
				n.Establishment.String() + " " + n.Variant.Domain.String() + " (§5; Annexe 2 §3)"})
	}
	if next, ok := adv.window.Deferral(); n.Kind == Balance && n.Window != adv.window && (!ok || n.Window != next) {
		return fail(ErrOutOfOrder, codec.Text{
			French: "un solde se verse dans la fenêtre de l'avance, " + adv.window.String() +
				", ou dans sa fenêtre de report, avec le forfait de cette fenêtre (Annexe 2 §3 ; INT-05)",
			English: "a balance is paid in the advance's window " + adv.window.String() +
				" or in its deferral window, with that window's forfait (Annexe 2 §3; INT-05)"})
	}
	other := id
	other.Kind = Balance
	if n.Kind == Balance {
		other.Kind = Repayment
	}
	if o, ok := l.recorded(other, d); ok {
		k := other.Kind.french()
		return fail(ErrOutOfOrder, codec.Text{
			French: k.a + " est déjà enregistré" + k.agree + " pour " + n.Establishment.String() + " " +
				n.Variant.Domain.String() + ", fenêtre " + o.window.String() + " : l'avance est suivie soit du solde, soit de son remboursement (Annexe 2 §3)",
			English: "a " + other.Kind.String() + " is already recorded for " + n.Establishment.String() + " " +
				n.Variant.Domain.String() + ", window " + o.window.String() + ": the advance is either followed by the balance or repaid (Annexe 2 §3)"})
	}
	if n.Kind == Repayment && !n.Amount.Equal(adv.amount) {
		return fail(ErrRepaymentAmount, codec.Text{
			French:  "l'avance versée, " + codec.French.Money(adv.amount) + " en fenêtre " + adv.window.String() + ", se rembourse en entier (Annexe 2 §3)",
			English: "the advance paid, " + forfait.Format(adv.amount) + " € in window " + adv.window.String() + ", is repaid whole (Annexe 2 §3)"})
	}
	return adv, nil
}

// article is "an" before "advance", "a" otherwise.
func article(k Kind) string {
	if k == Advance {
		return "an"
	}
	return "a"
}

// recorded reports whether a notification with identity id is recorded,
// or booked earlier in the step d, and the window it was notified for and
// its amount.
func (l *Ledger) recorded(id Identity, d *draft) (act, bool) {
	if a, ok := l.ids[id]; ok {
		return a, true
	}
	a, ok := d.booked[id]
	return a, ok
}

// append stores n; the caller holds the lock.
func (l *Ledger) append(n Notification) {
	l.entries = append(l.entries, n)
	if _, ok := l.ids[n.Identity()]; !ok {
		l.ids[n.Identity()] = act{n.Window, n.Amount}
	}
}

// Entries returns a copy of the notifications recorded, in order.
func (l *Ledger) Entries() []Notification {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.entries)
}

// Entry is a recorded notification and the window whose budget it is
// booked in (Annexe 2 §3, §5; INT-05): its own for an advance, its
// advance's for a balance or a repayment, even one notified in the
// deferral window; zero in volet 2.
type Entry struct {
	Notification Notification
	Account      window.Window
}

// Snapshot is a ledger's whole record at one instant (§6.1; Annexe 2
// §5): its State, its entries in order and what is still committed
// (sorted as Commitments sorts them), taken together so that they agree
// whatever is booked meanwhile.
type Snapshot struct {
	State       State
	Entries     []Entry
	Commitments []Commitment
}

// Snapshot returns the ledger's state, entries and commitments, taken
// under one lock (§6.1; Annexe 2 §5).
func (l *Ledger) Snapshot() Snapshot {
	l.mu.Lock()
	defer l.mu.Unlock()
	entries := make([]Entry, 0, len(l.entries))
	for _, n := range l.entries {
		e := Entry{Notification: n, Account: n.Window}
		if adv := n.Identity(); n.Kind != Advance {
			adv.Kind = Advance
			if a, ok := l.ids[adv]; ok {
				e.Account = a.window
			}
		}
		entries = append(entries, e)
	}
	return Snapshot{State: l.state(), Entries: entries, Commitments: l.commitments()}
}

// MarshalJSON encodes c with its amounts as strings, whatever
// shopspring's settings (codec.MarshalAmounts).
func (c Credits) MarshalJSON() ([]byte, error) { return codec.MarshalAmounts(c, forfait.Format) }
