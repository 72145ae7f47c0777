package envelope

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/window"
)

// Sentinel errors of delegations, budgets, commitments and volet 2.
var (
	// ErrNotPilot: a volet-2 ledger for a region that is not one of the
	// three pilots (§3.3, §6.2, Annexe 2 §2).
	ErrNotPilot = codec.NewSentinel("envelope: not a volet-2 pilot region", "n'est pas une région pilote du volet 2")
	// ErrBeyondEnvelope: tranches that together go beyond the Annexe 2
	// envelope (Annexe 2 §5; §6.1).
	ErrBeyondEnvelope = codec.NewSentinel("envelope: delegations beyond the Annexe 2 envelope", "dépasse l'enveloppe de l'annexe 2")
	// ErrInvalidDelegation: a tranche, a transfer or a commitment that is
	// malformed (undated, negative, without a source, a window missing), or
	// a part of the credits other than advance and usage.
	ErrInvalidDelegation = codec.NewSentinel("envelope: invalid delegation", "n'est pas une délégation valide")
	// ErrVolet2Amount: a volet-2 amount beyond the cap or not split 30/70,
	// or a notification that is not the part of the establishment's
	// committed amount its kind pays (§3.3, Annexe 2 §4).
	ErrVolet2Amount = codec.NewSentinel("envelope: volet-2 amount not as committed", "ne correspond pas au montant engagé au volet 2")
)

// Tranche is one delegation of credits to a region by an FMIS budget
// circular (§6.1: "dans la seule limite des crédits qui leur sont
// délégués par les circulaires FMIS"; Annexe 2 §5: funds delegated from
// 2021). Its credits can be used from its date on.
type Tranche struct {
	Date    window.Date
	Credits Credits
	// Source is the circular's reference, as the ARS writes it.
	Source string
}

// Equal reports whether t and u are the same tranche, amounts compared by
// value.
func (t Tranche) Equal(u Tranche) bool {
	return t.Date == u.Date && t.Credits.Equal(u.Credits) && t.Source == u.Source
}

// Transfer moves credits between the budgets of two funding windows, or
// between a window's budget and the credits assigned to no window (the
// zero window), from its date on (Annexe 2 §5: the ARS steer their
// envelope per funding window). It moves credits already delegated and
// never creates any.
type Transfer struct {
	Date     window.Date
	From, To window.Window
	Credits  Credits
	Source   string
}

// Equal reports whether t and u are the same transfer, amounts compared
// by value.
func (t Transfer) Equal(u Transfer) bool {
	return t.Date == u.Date && t.From == u.From && t.To == u.To && t.Credits.Equal(u.Credits) && t.Source == u.Source
}

// Commitment is what a validated decision reserves on its region's
// credits for one domain: the advance and the usage part of the domain's
// forfait (§6.1: applications are retained within the credits delegated;
// Annexe 2 §3). In volet 2 it is the establishment's amount, declared by
// its ARS, split 30/70 (§3.3, Annexe 2 §4): Domain and Window are then
// zero. Booking a notification consumes or releases it.
type Commitment struct {
	Establishment forfait.FINESS
	Domain        forfait.Domain
	Window        window.Window
	Date          window.Date
	Credits       Credits
	Source        string
}

// Equal reports whether c and e are the same commitment, amounts compared
// by value.
func (c Commitment) Equal(e Commitment) bool {
	return c.Establishment == e.Establishment && c.Domain == e.Domain && c.Window == e.Window && c.Date == e.Date &&
		c.Credits.Equal(e.Credits) && c.Source == e.Source
}

type commitKey struct {
	est    forfait.FINESS
	domain forfait.Domain
}

// CreditsError says which credits a notification, a commitment or a
// transfer would take beyond what was delegated (§6.1, Annexe 2 §5). It
// wraps ErrInsufficientCredits.
type CreditsError struct {
	// Window is the budget short of credits; zero for the credits assigned
	// to no window.
	Window window.Window
	Part   Part
	// Date is the first date at which the credits fall short.
	Date window.Date
	// Tranche is the position, from 0, of the last tranche delegated by
	// Date; -1 when none was.
	Tranche int
	// Available is what the budget holds at Date; Needed what it would
	// have to hold (committed and paid, net of repayments).
	Available, Needed decimal.Decimal
}

// Shortfall is what the credits lack: Needed − Available.
func (e *CreditsError) Shortfall() decimal.Decimal { return e.Needed.Sub(e.Available) }

// frenchReason is reason in French: "crédits d'avance du budget de la
// fenêtre 1 au 15 janvier 2022 (tranches 0 à 1 déléguées) : 1 000 €
// disponibles, 2 000 € nécessaires en tout (engagé et versé), 1 000 € manquants".
func (e *CreditsError) frenchReason() string {
	budget := "non affectés à une fenêtre"
	if e.Window != 0 {
		budget = "du budget de la fenêtre " + e.Window.String()
	}
	tranches := "aucune tranche déléguée"
	switch {
	case e.Tranche == 0:
		tranches = "tranche 0 déléguée"
	case e.Tranche > 0:
		tranches = "tranches 0 à " + strconv.Itoa(e.Tranche) + " déléguées"
	}
	return "crédits " + e.Part.french() + " " + budget + " au " + e.Date.French() + " (" + tranches + ") : " +
		codec.French.Money(e.Available) + " disponibles, " + codec.French.Money(e.Needed) + " nécessaires en tout (engagé et versé), " +
		codec.French.Money(e.Shortfall()) + " manquants"
}

// French is the shortfall as a French reader reads it: "Dépasse les
// crédits restants (crédits d'avance du budget de la fenêtre 1 …)".
func (e *CreditsError) French() string {
	t, _ := codec.SentinelText(ErrInsufficientCredits)
	return strings.ToUpper(t.French[:1]) + t.French[1:] + " (" + e.frenchReason() + ")"
}

func (e *CreditsError) reason() string {
	budget := "the credits assigned to no window"
	if e.Window != 0 {
		budget = "window " + e.Window.String() + "'s budget"
	}
	tranches := "no tranche delegated"
	if e.Tranche >= 0 {
		tranches = "tranches 0 to " + strconv.Itoa(e.Tranche) + " delegated"
	}
	return fmt.Sprintf("%s credits of %s on %s (%s): %s € available, %s € needed, %s € short", e.Part, budget, e.Date,
		tranches, forfait.Format(e.Available), forfait.Format(e.Needed), forfait.Format(e.Shortfall()))
}

func (e *CreditsError) Error() string { return ErrInsufficientCredits.Error() + ": " + e.reason() }

func (e *CreditsError) Unwrap() error { return ErrInsufficientCredits }

// Pilot returns region's volet-2 envelope and whether region is one of the
// three pilots (§3.3, §6.2, Annexe 2 §2).
func (a *Annex2) Pilot(region Region) (decimal.Decimal, bool) {
	for _, p := range a.Pilots {
		if p.Region == region && region.IsValid() {
			return p.Amount, true
		}
	}
	return decimal.Zero, false
}

func (a *Annex2) pilotNames() string {
	names := make([]string, len(a.Pilots))
	for i, p := range a.Pilots {
		names[i] = p.Region.String()
	}
	return strings.Join(names, ", ")
}

// SplitVolet2 splits an establishment's volet-2 amount into its advance,
// paid on designation, and its usage part, paid when the pilot's
// objectives are declared met (§3.3, Annexe 2 §4), with the rule set's
// advance share and rounding, as a volet-1 forfait (INT-04). The text
// gives no formula for the amount, "calculés sur la base de l'activité
// combinée 2019": it is the ARS's input, at most the cap, 100 k€ (§3.3,
// Annexe 2 §4). A non-positive amount, or one beyond the cap, is a
// *forfait.InputError wrapping ErrVolet2Amount.
func SplitVolet2(rs *forfait.RuleSet, a *Annex2, amount decimal.Decimal) (Credits, error) {
	if amount.Sign() <= 0 || amount.GreaterThan(a.Volet2Cap) || !codec.SaneExponent(amount) {
		return Credits{}, &forfait.InputError{Field: "volet2_amount", Value: forfait.Format(amount),
			Reason: codec.Text{French: "un montant positif d'au plus " + codec.French.Money(a.Volet2Cap) + " (§3.3, Annexe 2 §4)", English: "a positive amount of at most " + forfait.Format(a.Volet2Cap) + " € (§3.3, Annexe 2 §4)"}, Err: ErrVolet2Amount}
	}
	adv, use, err := rs.Split(amount)
	return Credits{Advance: adv, Usage: use}, err
}

// Volet2Settlement is the notification that closes a volet-2 commitment
// (§3.3, Annexe 2 §4): the usage part when the pilot's objectives are
// declared met, the repayment of the advance otherwise.
func Volet2Settlement(c Commitment, met bool) (Kind, decimal.Decimal) {
	if met {
		return Balance, c.Credits.Usage
	}
	return Repayment, c.Credits.Advance
}

// checkVolet2 refuses a volet-2 notification that is not the part of the
// establishment's committed amount its kind pays (§3.3, Annexe 2 §4).
func (l *Ledger) checkVolet2(n Notification, c Commitment, committed bool, d *draft) error {
	fail := func(err error, reason codec.Text) error {
		return &LedgerError{Notification: n, Reason: reason, Err: err}
	}
	adv := Identity{Establishment: n.Establishment, Volet: Volet2, Kind: Advance}
	bal, rep := adv, adv
	bal.Kind, rep.Kind = Balance, Repayment
	_, advanced := l.recorded(adv, d)
	_, balanced := l.recorded(bal, d)
	_, repaid := l.recorded(rep, d)
	var want decimal.Decimal
	var what codec.Text
	switch {
	case n.Kind == Advance && !committed:
		return fail(ErrVolet2Amount, codec.Text{
			French:  "aucun montant du volet 2 n'est engagé pour " + n.Establishment.String(),
			English: "no volet-2 amount committed for " + n.Establishment.String()})
	case n.Kind == Advance:
		want, what = c.Credits.Advance, codec.Text{
			French:  "l'avance du montant engagé, " + codec.French.Percent(l.rs.Advance.Value) + " de celui-ci",
			English: "the committed amount's advance, " + codec.English.Percent(l.rs.Advance.Value) + " of it"}
	case !advanced:
		return fail(ErrVolet2Amount, codec.Text{
			French:  n.Kind.french().a + " suit une avance ; aucune n'a été enregistrée",
			English: "a " + n.Kind.String() + " follows an advance; none was booked"})
	case balanced || repaid:
		return fail(ErrVolet2Amount, codec.Text{
			French:  "le montant du volet 2 est réglé : par un solde quand les objectifs sont atteints, par un remboursement sinon",
			English: "the volet-2 amount is settled: a balance when the objectives are met, a repayment otherwise"})
	case n.Kind == Balance:
		want, what = c.Credits.Usage, codec.Text{French: "le reste du montant engagé", English: "the rest of the committed amount"}
	default:
		want, what = l.advanced(n.Establishment, d), codec.Text{French: "l'avance versée", English: "the advance paid"}
	}
	if !n.Amount.Equal(want) {
		return fail(ErrVolet2Amount, codec.Text{
			French:  n.Kind.french().the + " est de " + codec.French.Money(want) + " (" + what.French + ", §3.3, Annexe 2 §4)",
			English: "the " + n.Kind.String() + " is " + forfait.Format(want) + " € (" + what.English + ", §3.3, Annexe 2 §4)"})
	}
	total, ok := d.perEst[n.Establishment]
	if !ok {
		total = l.perEst[n.Establishment]
	}
	if n.Kind == Repayment {
		total = total.Sub(n.Amount)
	} else {
		total = total.Add(n.Amount)
	}
	d.perEst[n.Establishment] = total
	return nil
}

// advanced is the volet-2 advance booked for est.
func (l *Ledger) advanced(est forfait.FINESS, d *draft) decimal.Decimal {
	if t, ok := d.perEst[est]; ok {
		return t
	}
	return l.perEst[est]
}

// Delegate adds a tranche of credits (§6.1, Annexe 2 §5). It is refused
// with a *forfait.InputError when it has no date or source, negative or no
// credits (ErrInvalidDelegation), or takes the tranches together beyond
// the Annexe 2 envelope, the ledger's ceiling (ErrBeyondEnvelope).
func (l *Ledger) Delegate(t Tranche) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	var errs []error
	bad := func(field, value string, reason codec.Text, err error) {
		errs = append(errs, &forfait.InputError{Field: "tranche." + field, Value: value, Reason: reason, Err: err})
	}
	if t.Date.IsZero() {
		bad("date", "unset", codec.Text{French: "une tranche doit être datée", English: "a tranche is dated"}, ErrInvalidDelegation)
	}
	if strings.TrimSpace(t.Source) == "" {
		bad("source", `""`, codec.Text{French: "attendu : la référence de la circulaire", English: "the circular's reference"}, ErrInvalidDelegation)
	}
	if !validCredits(t.Credits) || t.Credits.Advance.IsZero() && t.Credits.Usage.IsZero() {
		bad("credits", t.Credits.String(), codec.Text{French: "positifs ou nuls, pas tous deux nuls", English: "non-negative, not both zero"}, ErrInvalidDelegation)
	}
	if len(errs) == 0 {
		total := l.delegated(window.Date{}, true)
		total = Credits{total.Advance.Add(t.Credits.Advance), total.Usage.Add(t.Credits.Usage)}
		for _, p := range []Part{AdvanceCredits, UsageCredits} {
			if total.Of(p).GreaterThan(l.ceiling.Of(p)) {
				bad("credits", t.Credits.String(), codec.Text{
					French: "les crédits " + p.french() + " délégués atteindraient " + codec.French.Money(total.Of(p)) +
						", au-delà des " + codec.French.Money(l.ceiling.Of(p)) + " de l'enveloppe (Annexe 2 §5 ; §6.1)",
					English: fmt.Sprintf("%s credits delegated would be %s €, beyond the envelope's %s € (Annexe 2 §5; §6.1)",
						p, forfait.Format(total.Of(p)), forfait.Format(l.ceiling.Of(p)))}, ErrBeyondEnvelope)
			}
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	l.tranches = append(l.tranches, t)
	return nil
}

// Move transfers budget between windows (Annexe 2 §5). It is refused with
// a *forfait.InputError when undated, without a source, from or to an
// invalid window, from a window to itself or from a window without a
// budget at its date, in a volet-2 ledger (volet 2
// has no windows) or with negative or no credits (ErrInvalidDelegation);
// and with a *CreditsError when the budget it draws on would fall short of
// what is committed and paid from its date on (it never creates credits).
func (l *Ledger) Move(t Transfer) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	var errs []error
	bad := func(field, value string, reason codec.Text) {
		errs = append(errs, &forfait.InputError{Field: "transfer." + field, Value: value, Reason: reason, Err: ErrInvalidDelegation})
	}
	if t.Date.IsZero() {
		bad("date", "unset", codec.Text{French: "un transfert doit être daté", English: "a transfer is dated"})
	}
	if strings.TrimSpace(t.Source) == "" {
		bad("source", `""`, codec.Text{French: "attendu : la décision de l'ARS ou la circulaire", English: "the ARS's decision or circular"})
	}
	if l.volet == Volet2 {
		bad("volet", l.volet.String(), codec.Text{French: "le volet 2 n'a pas de fenêtres de financement", English: "volet 2 has no funding windows"})
	}
	if t.From != 0 && !t.From.IsValid() || t.To != 0 && !t.To.IsValid() || t.From == t.To {
		bad("windows", t.From.String()+" → "+t.To.String(), codec.Text{French: "attendu : deux fenêtres différentes, ou une fenêtre et aucune (0)", English: "two different windows, or a window and none (0)"})
	}
	if !validCredits(t.Credits) || t.Credits.Advance.IsZero() && t.Credits.Usage.IsZero() {
		bad("credits", t.Credits.String(), codec.Text{French: "positifs ou nuls, pas tous deux nuls", English: "non-negative, not both zero"})
	}
	if len(errs) == 0 && t.From != 0 && !budgeted(t.From, t.Date, l.transfers) {
		bad("from", t.From.String(), codec.Text{French: "la fenêtre " + t.From.String() + " n'a pas de budget au " + t.Date.French(), English: "window " + t.From.String() + " has no budget on " + t.Date.String()})
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	transfers := append(slices.Clip(l.transfers), t)
	for _, w := range []window.Window{t.From, t.To} {
		if ce := l.short(w, t.Date, l.accounts, transfers); ce != nil {
			return ce
		}
	}
	l.transfers = transfers
	return nil
}

// Commit reserves a validated decision's forfaits, one commitment per
// domain, on the region's credits (§6.1; Annexe 2 §3, §5), each from its
// date on, in its window's budget (or the credits assigned to no window
// when it has none): all of them or none. A decision the credits cannot
// serve is refused with a *CreditsError giving the shortfall; a malformed
// commitment, a second one for the same establishment and domain while
// the first holds credits, or one for a domain whose advance is recorded
// (a domain is funded once, §5; INT-14), with a *forfait.InputError
// (ErrInvalidDelegation, ErrDuplicate); in volet 2, credits that are not
// the split of an amount within the cap (ErrVolet2Amount; SplitVolet2).
// Every problem is reported; nothing changes on a refusal.
func (l *Ledger) Commit(cs ...Commitment) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	d := l.draft()
	var errs []error
	for i, c := range cs {
		if err := l.checkCommitment(c, "commitments["+strconv.Itoa(i)+"]", &d); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	l.apply(d)
	return nil
}

// checkCommitment adds c to the draft d, or says why it is refused.
func (l *Ledger) checkCommitment(c Commitment, field string, d *draft) error {
	var errs []error
	bad := func(name, value string, reason codec.Text, err error) {
		errs = append(errs, &forfait.InputError{Field: field + "." + name, Value: value, Reason: reason, Err: err})
	}
	if !c.Establishment.IsValid() {
		bad("establishment", `""`, codec.Text{French: "manquant", English: "missing"}, ErrInvalidDelegation)
	}
	if c.Date.IsZero() {
		bad("date", "unset", codec.Text{French: "un engagement doit être daté", English: "a commitment is dated"}, ErrInvalidDelegation)
	}
	if !validCredits(c.Credits) || c.Credits.Advance.IsZero() && c.Credits.Usage.IsZero() {
		bad("credits", c.Credits.String(), codec.Text{French: "positifs ou nuls, pas tous deux nuls", English: "non-negative, not both zero"}, ErrInvalidDelegation)
	}
	switch {
	case l.volet == Volet1 && (!c.Domain.IsValid() || !c.Window.IsValid()):
		bad("window", c.Domain.String()+" "+c.Window.String(), codec.Text{French: "un engagement du volet 1 a un domaine et une fenêtre", English: "a volet-1 commitment has a domain and a window"}, ErrInvalidDelegation)
	case l.volet == Volet2 && (c.Domain != 0 || c.Window != 0):
		bad("window", c.Domain.String()+" "+c.Window.String(), codec.Text{French: "un engagement du volet 2 n'a ni domaine ni fenêtre", English: "a volet-2 commitment has no domain and no window"}, ErrInvalidDelegation)
	case l.volet == Volet2 && len(errs) == 0:
		a := Annex2{Volet2Cap: l.cap}
		split, err := SplitVolet2(l.rs, &a, c.Credits.Advance.Add(c.Credits.Usage))
		if err != nil {
			errs = append(errs, err)
		} else if !split.Equal(c.Credits) {
			bad("credits", c.Credits.String(), codec.Text{French: "attendu : " + codec.French.Number(split.Advance) + " / " + codec.French.Number(split.Usage) + ", soit une avance de " + codec.French.Percent(l.rs.Advance.Value) + " du montant et le reste (§3.3, Annexe 2 §4)", English: "want " + split.String() + ": an advance of " + codec.English.Percent(l.rs.Advance.Value) + " of the amount and the rest (§3.3, Annexe 2 §4)"}, ErrVolet2Amount)
		}
	}
	key := commitKey{c.Establishment, c.Domain}
	if _, ok := l.commitment(d, key); ok {
		bad("establishment", c.Establishment.String()+" "+c.Domain.String(), codec.Text{French: "déjà engagé", English: "already committed"}, ErrDuplicate)
	} else if _, ok := l.recorded(Identity{Establishment: c.Establishment, Volet: l.volet, Domain: c.Domain, Kind: Advance}, d); ok {
		bad("establishment", c.Establishment.String()+" "+c.Domain.String(), codec.Text{French: "déjà financé : un domaine n'est financé qu'une fois sur tout le programme (§5 ; INT-14)", English: "already funded: a domain is funded once over the programme (§5; INT-14)"}, ErrDuplicate)
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	a := d.account(c.Window)
	a.committed = a.committed.Add(c.Credits)
	d.accounts[c.Window] = a
	if ce := l.short(c.Window, c.Date, d.accounts, l.transfers); ce != nil {
		return ce
	}
	d.commits[key] = c
	return nil
}

// short returns why the budget window w draws on falls short at some date
// from on, or nil (§6.1, Annexe 2 §5). At each date, w draws on its
// budget when it has received one by then, and on the credits assigned to
// no window otherwise; what it needs is everything committed and paid in
// it, whatever the date, net of the repayments made by then: so a step
// that fits is never paid with credits delegated, or given back, after its
// date.
func (l *Ledger) short(w window.Window, from window.Date, accounts map[window.Window]account, transfers []Transfer) *CreditsError {
	dates := []window.Date{from}
	for _, t := range l.tranches {
		if t.Date.After(from) {
			dates = append(dates, t.Date)
		}
	}
	for _, t := range transfers {
		if t.Date.After(from) {
			dates = append(dates, t.Date)
		}
	}
	slices.SortFunc(dates, window.Date.Compare)
	for _, at := range slices.Compact(dates) {
		b := w
		if !budgeted(w, at, transfers) {
			b = 0
		}
		need := zeroCredits
		for x, a := range accounts {
			if x == b || b == 0 && !budgeted(x, at, transfers) {
				need = need.Add(a.used.Add(a.committed))
				for _, r := range a.repayments {
					if r.date.After(at) {
						need.Advance = need.Advance.Add(r.amount)
					}
				}
			}
		}
		have := l.budget(b, at, transfers)
		for _, p := range []Part{AdvanceCredits, UsageCredits} {
			if decimal.Max(need.Of(p), decimal.Zero).GreaterThan(have.Of(p)) { // a budget never goes negative
				return &CreditsError{Window: b, Part: p, Date: at, Tranche: l.lastTranche(at), Available: have.Of(p), Needed: need.Of(p)}
			}
		}
	}
	return nil
}

// budgeted reports whether window w has received a budget by at.
func budgeted(w window.Window, at window.Date, transfers []Transfer) bool {
	if w == 0 {
		return false
	}
	for _, t := range transfers {
		if t.To == w && !t.Date.After(at) {
			return true
		}
	}
	return false
}

// budget returns the credits of window w's budget at at; for the zero
// window, the credits delegated by then and assigned to no window.
func (l *Ledger) budget(w window.Window, at window.Date, transfers []Transfer) Credits {
	c := zeroCredits
	if w == 0 {
		c = l.delegated(at, false)
	}
	for _, t := range transfers {
		if t.Date.After(at) {
			continue
		}
		if t.To == w {
			c = Credits{c.Advance.Add(t.Credits.Advance), c.Usage.Add(t.Credits.Usage)}
		}
		if t.From == w {
			c = Credits{c.Advance.Sub(t.Credits.Advance), c.Usage.Sub(t.Credits.Usage)}
		}
	}
	return c
}

// delegated sums the tranches dated by at, or all of them.
func (l *Ledger) delegated(at window.Date, all bool) Credits {
	c := zeroCredits
	for _, t := range l.tranches {
		if all || !t.Date.After(at) {
			c = Credits{c.Advance.Add(t.Credits.Advance), c.Usage.Add(t.Credits.Usage)}
		}
	}
	return c
}

func (l *Ledger) lastTranche(at window.Date) int {
	last := -1
	for i, t := range l.tranches {
		if !t.Date.After(at) {
			last = i
		}
	}
	return last
}

// WindowState is one funding window's account (Annexe 2 §5); the zero
// window holds the credits assigned to no window and, in volet 2, all the
// ledger's money.
type WindowState struct {
	Window window.Window
	// Budget is what the window was given, net of transfers; for the zero
	// window, the credits delegated and assigned to no window.
	Budget Credits
	// Committed is reserved by validated decisions; Paid the advances and
	// balances notified; Repaid the advances asked back.
	Committed, Paid, Repaid Credits
	// Left is Budget − Committed − (Paid − Repaid) for a window with a
	// budget and for the zero window (less what the windows without a
	// budget took from it); zero for a window without a budget.
	Left Credits
}

// Equal reports whether s and t are the same account, amounts compared by
// value.
func (s WindowState) Equal(t WindowState) bool {
	return s.Window == t.Window && s.Budget.Equal(t.Budget) && s.Committed.Equal(t.Committed) &&
		s.Paid.Equal(t.Paid) && s.Repaid.Equal(t.Repaid) && s.Left.Equal(t.Left)
}

// State is a ledger's account once every operation is in force (§6.1;
// Annexe 2 §3, §5). Compare states with Equal.
type State struct {
	Region Region
	Volet  Volet
	// Credits is the ceiling, the Annexe 2 envelope's credits.
	Credits Credits
	// Delegated is the credits of the tranches; Committed, Paid and Repaid
	// the sums of the windows'; Used is Paid − Repaid; Left is Delegated −
	// Committed − Used; Remaining is Credits − Used.
	Delegated, Committed, Paid, Repaid, Used, Left, Remaining Credits
	// Windows are the zero window and each window with a budget, a
	// commitment or a notification, in order.
	Windows  []WindowState
	Tranches []Tranche
	Count    int // notifications recorded
}

// Equal reports whether s and t are the same account, amounts compared by
// value.
func (s State) Equal(t State) bool {
	return s.Region == t.Region && s.Volet == t.Volet && s.Count == t.Count && s.Credits.Equal(t.Credits) &&
		s.Delegated.Equal(t.Delegated) && s.Committed.Equal(t.Committed) && s.Paid.Equal(t.Paid) &&
		s.Repaid.Equal(t.Repaid) && s.Used.Equal(t.Used) && s.Left.Equal(t.Left) && s.Remaining.Equal(t.Remaining) &&
		slices.EqualFunc(s.Windows, t.Windows, WindowState.Equal) && slices.EqualFunc(s.Tranches, t.Tranches, Tranche.Equal)
}

// Add returns c + e, part by part.
func (c Credits) Add(e Credits) Credits {
	return Credits{c.Advance.Add(e.Advance), c.Usage.Add(e.Usage)}
}
func sub(a, b Credits) Credits { return Credits{a.Advance.Sub(b.Advance), a.Usage.Sub(b.Usage)} }

// State returns the ledger's account.
func (l *Ledger) State() State {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.state()
}

// state is State; the caller holds the lock.
func (l *Ledger) state() State {
	s := State{Region: l.region, Volet: l.volet, Credits: l.ceiling, Delegated: l.delegated(window.Date{}, true),
		Committed: zeroCredits, Paid: zeroCredits, Repaid: zeroCredits, Used: zeroCredits,
		Tranches: slices.Clone(l.tranches), Count: len(l.entries)}
	var end window.Date // every tranche and transfer in force: the latest date
	for _, t := range l.tranches {
		if t.Date.After(end) {
			end = t.Date
		}
	}
	for _, t := range l.transfers {
		if t.Date.After(end) {
			end = t.Date
		}
	}
	ws := []window.Window{0}
	for w := range l.accounts {
		ws = append(ws, w)
	}
	for _, t := range l.transfers {
		ws = append(ws, t.From, t.To)
	}
	slices.Sort(ws) // window 0, the credits assigned to no window, is the first row
	for _, w := range slices.Compact(ws) {
		a, ok := l.accounts[w]
		if !ok {
			a = zeroAccount()
		}
		row := WindowState{Window: w, Budget: zeroCredits, Committed: a.committed, Paid: a.paid,
			Repaid: Credits{Advance: a.repaid, Usage: decimal.Zero}, Left: zeroCredits}
		if w == 0 || budgeted(w, end, l.transfers) {
			row.Budget = l.budget(w, end, l.transfers)
			row.Left = sub(sub(row.Budget, a.committed), a.used)
		} else { // draws on the credits assigned to no window
			s.Windows[0].Left = sub(sub(s.Windows[0].Left, a.committed), a.used)
		}
		s.Committed, s.Paid, s.Repaid, s.Used = s.Committed.Add(a.committed), s.Paid.Add(a.paid), s.Repaid.Add(row.Repaid), s.Used.Add(a.used)
		s.Windows = append(s.Windows, row)
	}
	s.Left, s.Remaining = sub(sub(s.Delegated, s.Committed), s.Used), sub(l.ceiling, s.Used)
	return s
}

// Transfers returns a copy of the transfers between windows (Annexe 2
// §5), in the order they were made.
func (l *Ledger) Transfers() []Transfer {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.transfers)
}

// Commitments returns what is still committed (§6.1), sorted by
// establishment and domain.
func (l *Ledger) Commitments() []Commitment {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.commitments()
}

// commitments is Commitments; the caller holds the lock.
func (l *Ledger) commitments() []Commitment {
	out := make([]Commitment, 0, len(l.commits))
	for _, c := range l.commits {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Commitment) int {
		return cmp.Or(strings.Compare(a.Establishment.String(), b.Establishment.String()), cmp.Compare(a.Domain, b.Domain))
	})
	return out
}
