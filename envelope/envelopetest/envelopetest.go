// Package envelopetest helps other teams test their regional accounting
// against the SUN-ES envelope rules, in the manner of net/http/httptest:
// rapid generators of weights, notifications and histories of dossiers,
// and checks that report every violation with its citation.
//
// # What it encodes
//
// CheckNotifications verifies that a region's notifications stay within
// its credits: advances less repayments within the advance credits, and
// balances within the usage credits (§6.1; Annexe 2 §3), volet by volet
// (§3.3). CheckAllocation verifies an allocation: it sums exactly to the
// total, a zero weight gets zero, and each part is within 1 € of its exact
// share (Annexe 2 §1; INT-08). LedgerSteps are the steps of a state
// machine over a regional ledger: tranches, transfers, commitments and
// bookings drawn at random, for properties over what the ledger records.
//
// # Sources
//
// §3.3, §6.1 and Annexe 2, as in package envelope.
//
// # Interpretations
//
// INT-04 (credits split like forfaits) and INT-08 (largest remainder).
//
// # Errors
//
// Checks return []Violation, empty when the outputs conform.
//
// # Example
//
//	for _, v := range envelopetest.CheckNotifications(credits, notifications) {
//		t.Errorf("%v", v)
//	}
package envelopetest

import (
	"fmt"
	"math/big"

	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/window"
)

// Violation is one broken rule in another system's output.
type Violation struct {
	Row    int    // the row (from 0) or item concerned
	Rule   string // what is broken
	Source string // the paragraph and INT ids that say so
	Detail string // the values involved
}

func (v Violation) String() string {
	return fmt.Sprintf("row %d: %s [%s]: %s", v.Row, v.Rule, v.Source, v.Detail)
}

// Key is a region's envelope for one volet.
type Key struct {
	Region envelope.Region
	Volet  envelope.Volet
}

// CheckNotifications checks notifications against the credits of each
// region and volet (§6.1; Annexe 2 §3; §3.3): in notification order, a
// region's advances less repayments never exceed its advance credits and
// never go below zero, and its balances never exceed its usage credits. A
// notification for a region and volet without credits is a violation too.
func CheckNotifications(credits map[Key]envelope.Credits, ns []envelope.Notification) []Violation {
	var out []Violation
	used := map[Key]*envelope.Credits{}
	for i, n := range ns {
		k := Key{n.Region, n.Volet}
		c, ok := credits[k]
		if !ok {
			out = append(out, Violation{Row: i, Rule: "notification without an envelope", Source: "§3.3; §6.1",
				Detail: fmt.Sprintf("%s, %s", n.Region, n.Volet)})
			continue
		}
		u := used[k]
		if u == nil {
			u = &envelope.Credits{Advance: decimal.Zero, Usage: decimal.Zero}
			used[k] = u
		}
		switch n.Kind {
		case envelope.Advance:
			u.Advance = u.Advance.Add(n.Amount)
		case envelope.Repayment:
			u.Advance = u.Advance.Sub(n.Amount)
		case envelope.Balance:
			u.Usage = u.Usage.Add(n.Amount)
		}
		switch {
		case u.Advance.GreaterThan(c.Advance):
			out = append(out, Violation{Row: i, Rule: "notifications over the envelope's advance credits", Source: "§6.1; Annexe 2 §3",
				Detail: fmt.Sprintf("%s: %s € advanced, %s € of credits", n.Region, forfait.Format(u.Advance), forfait.Format(c.Advance))})
		case u.Usage.GreaterThan(c.Usage):
			out = append(out, Violation{Row: i, Rule: "notifications over the envelope's usage credits", Source: "§6.1; Annexe 2 §3",
				Detail: fmt.Sprintf("%s: %s € of balances, %s € of credits", n.Region, forfait.Format(u.Usage), forfait.Format(c.Usage))})
		case u.Advance.Sign() < 0:
			out = append(out, Violation{Row: i, Rule: "repayments beyond the advances", Source: "Annexe 2 §3",
				Detail: fmt.Sprintf("%s: net advances %s €", n.Region, forfait.Format(u.Advance))})
		}
	}
	return out
}

// CheckAllocation checks parts allocated from total among weights (Annexe 2
// §1; INT-08): as many parts as weights, whole euros, summing exactly to
// total, zero for a zero weight, each within 1 € of its exact share.
func CheckAllocation(total decimal.Decimal, weights, parts []decimal.Decimal) []Violation {
	const src = "Annexe 2 §1; INT-08"
	if len(parts) != len(weights) {
		return []Violation{{Row: -1, Rule: "allocation of another length", Source: src, Detail: fmt.Sprintf("%d parts for %d weights", len(parts), len(weights))}}
	}
	var out []Violation
	sumW, sumP := new(big.Rat), decimal.Zero
	for _, w := range weights {
		sumW.Add(sumW, w.Rat())
	}
	for i, p := range parts {
		sumP = sumP.Add(p)
		if !p.IsInteger() || p.Sign() < 0 {
			out = append(out, Violation{Row: i, Rule: "part not a whole number of euros", Source: src, Detail: forfait.Format(p)})
		}
		if weights[i].IsZero() && !p.IsZero() {
			out = append(out, Violation{Row: i, Rule: "zero weight with a non-zero part", Source: src, Detail: forfait.Format(p)})
		}
		if sumW.Sign() > 0 {
			exact := new(big.Rat).Quo(new(big.Rat).Mul(total.Rat(), weights[i].Rat()), sumW)
			gap := new(big.Rat).Sub(p.Rat(), exact)
			if gap.Abs(gap).Cmp(big.NewRat(1, 1)) >= 0 {
				out = append(out, Violation{Row: i, Rule: "part 1 € or more from its exact share", Source: src,
					Detail: fmt.Sprintf("%s, exact share %s", forfait.Format(p), exact.FloatString(2))})
			}
		}
	}
	if !sumP.Equal(total) {
		out = append(out, Violation{Row: -1, Rule: "allocations that do not sum to the total", Source: src,
			Detail: fmt.Sprintf("%s ≠ %s", forfait.Format(sumP), forfait.Format(total))})
	}
	return out
}

// Weights draws from lo to hi non-negative weights (Weights(n, n): exactly
// n), not all zero, a quarter of them zero, with up to three decimals.
// Half the draws take every weight from a pool of three values, so that
// equal remainders, and INT-08's tie rule, come up often.
func Weights(lo, hi int) *rapid.Generator[[]decimal.Decimal] {
	return rapid.Custom(func(t *rapid.T) []decimal.Decimal {
		ws := make([]decimal.Decimal, rapid.IntRange(max(lo, 1), max(hi, 1)).Draw(t, "n"))
		weight := func(label string) decimal.Decimal {
			return decimal.New(rapid.Int64Range(1, 1e9).Draw(t, label), -int32(rapid.IntRange(0, 3).Draw(t, label+"_places")))
		}
		var pool []decimal.Decimal
		if rapid.Bool().Draw(t, "ties") {
			pool = []decimal.Decimal{weight("pool0"), weight("pool1"), weight("pool2")}
		}
		for i := range ws {
			switch {
			case rapid.IntRange(0, 3).Draw(t, "zero") == 0:
				ws[i] = decimal.Zero
			case pool != nil:
				ws[i] = rapid.SampledFrom(pool).Draw(t, "w")
			default:
				ws[i] = weight("w")
			}
		}
		ws[rapid.IntRange(0, len(ws)-1).Draw(t, "positive")] = decimal.New(rapid.Int64Range(1, 1e6).Draw(t, "p"), 0)
		return ws
	})
}

// History draws the volet-1 notifications of up to 20 dossiers in region
// r, in an order a ledger accepts (§5; Annexe 2 §3): each dossier, one
// establishment's domain, has an advance of up to 30 000 €, then, or not
// yet, either its balance of up to 70 000 € or the repayment of the whole
// advance, in the advance's window or, after a deferral, the next
// (INT-05). The dossiers' notifications are interleaved at random.
func History(r envelope.Region) *rapid.Generator[[]envelope.Notification] {
	variants, windows := forfait.Variants(), window.All()
	return rapid.Custom(func(t *rapid.T) []envelope.Notification {
		var ready, out []envelope.Notification // ready: what may come next, advances first
		var then [][]envelope.Notification     // then[i]: what follows ready[i]
		base := rapid.IntRange(0, 9_000_000).Draw(t, "establishments")
		for i := range rapid.IntRange(0, 20).Draw(t, "dossiers") {
			adv := envelope.Notification{Kind: envelope.Advance, Volet: envelope.Volet1, Region: r,
				Establishment: forfait.MustParseFINESS(fmt.Sprintf("35%07d", base+i)),
				Variant:       rapid.SampledFrom(variants[:]).Draw(t, "variant"), Window: rapid.SampledFrom(windows[:]).Draw(t, "window"),
				Amount: decimal.New(rapid.Int64Range(1, 30_000).Draw(t, "advance"), 0), Source: "§5; Annexe 2 §3"}
			var next []envelope.Notification
			if k := envelope.Kind(rapid.IntRange(1, 3).Draw(t, "settled")); k != envelope.Advance {
				s := adv
				s.Kind, s.Source = k, "Annexe 2 §3"
				if k == envelope.Balance {
					s.Amount, s.Source = decimal.New(rapid.Int64Range(1, 70_000).Draw(t, "balance"), 0), "§5; Annexe 2 §3"
				}
				if w, ok := adv.Window.Deferral(); ok && rapid.Bool().Draw(t, "deferred") {
					s.Window, s.Source = w, s.Source+"; INT-05"
				}
				next = []envelope.Notification{s}
			}
			ready, then = append(ready, adv), append(then, next)
		}
		for len(ready) > 0 {
			i := rapid.IntRange(0, len(ready)-1).Draw(t, "next")
			out = append(out, ready[i])
			if len(then[i]) > 0 {
				ready[i], then[i] = then[i][0], nil
				continue
			}
			ready, then = append(ready[:i], ready[i+1:]...), append(then[:i], then[i+1:]...)
		}
		return out
	})
}

// Notification draws a volet-1 notification in region r: an advance, a
// balance or a repayment of up to 100 000 €, of an establishment drawn
// among ten million, with no regard to what came before: a ledger
// refuses nearly all its balances and repayments, which have no advance
// (History draws notifications a ledger accepts).
func Notification(r envelope.Region) *rapid.Generator[envelope.Notification] {
	variants, windows := forfait.Variants(), window.All()
	return rapid.Custom(func(t *rapid.T) envelope.Notification {
		return envelope.Notification{
			Kind: envelope.Kind(rapid.IntRange(1, 3).Draw(t, "kind")), Volet: envelope.Volet1, Region: r,
			Establishment: forfait.MustParseFINESS(fmt.Sprintf("35%07d", rapid.IntRange(0, 9_999_999).Draw(t, "establishment"))),
			Variant:       rapid.SampledFrom(variants[:]).Draw(t, "variant"), Window: rapid.SampledFrom(windows[:]).Draw(t, "window"),
			Amount: decimal.New(rapid.Int64Range(1, 100_000).Draw(t, "euros"), 0), Source: "§5; Annexe 2 §3",
		}
	})
}

// LedgerSteps are the steps of a state machine over l, a volet-1 ledger
// (rapid.T.Repeat): tranches delegated, credits moved between windows,
// commitments, and notifications booked for ests, often the committed
// amount or the settlement of an advance booked (its window or the
// deferral window, a repayment for the whole advance), each dated a whole
// number of 30 days after 1 September 2021. A refused booking must leave
// the state as it was; *booked counts the bookings accepted. Add the
// invariant ("") before calling Repeat.
func LedgerSteps(l *envelope.Ledger, ests []forfait.FINESS, booked *int) map[string]func(*rapid.T) {
	date := func(t *rapid.T) window.Date {
		return window.DateOf(2021, 9, 1).AddDate(0, 0, 30*rapid.IntRange(0, 12).Draw(t, "day"))
	}
	credits := func(t *rapid.T) envelope.Credits {
		return envelope.Credits{Advance: decimal.New(rapid.Int64Range(0, 60_000).Draw(t, "adv"), 0), Usage: decimal.New(rapid.Int64Range(0, 60_000).Draw(t, "use"), 0)}
	}
	domain := func(t *rapid.T) forfait.Domain { return forfait.Domain(rapid.IntRange(1, 3).Draw(t, "domain")) }
	region := l.State().Region
	return map[string]func(*rapid.T){
		"delegate": func(t *rapid.T) {
			_ = l.Delegate(envelope.Tranche{Date: date(t), Credits: credits(t), Source: "circulaire FMIS"})
		},
		"move": func(t *rapid.T) {
			_ = l.Move(envelope.Transfer{Date: date(t), From: window.Window(rapid.IntRange(0, 4).Draw(t, "from")), To: window.Window(rapid.IntRange(0, 4).Draw(t, "to")),
				Credits: credits(t), Source: "décision ARS"})
		},
		"commit": func(t *rapid.T) {
			_ = l.Commit(envelope.Commitment{Establishment: rapid.SampledFrom(ests).Draw(t, "est"), Domain: domain(t),
				Window: window.Window(rapid.IntRange(1, 4).Draw(t, "window")), Date: date(t), Credits: credits(t), Source: "§6.1"})
		},
		"book": func(t *rapid.T) {
			n := envelope.Notification{Kind: envelope.Kind(rapid.IntRange(1, 3).Draw(t, "kind")), Volet: envelope.Volet1, Region: region,
				Establishment: rapid.SampledFrom(ests).Draw(t, "est"), Variant: forfait.Variant{Domain: domain(t)},
				Window: window.Window(rapid.IntRange(1, 4).Draw(t, "window")), Amount: decimal.New(rapid.Int64Range(0, 60_000).Draw(t, "amount"), 0), Date: date(t)}
			for _, c := range l.Commitments() { // often the committed amount
				if c.Establishment == n.Establishment && c.Domain == n.Variant.Domain && rapid.Bool().Draw(t, "as committed") {
					n.Amount, n.Window = c.Credits.Of(n.Kind.Part()), c.Window
				}
			}
			var advances []envelope.Notification
			for _, e := range l.Entries() {
				if e.Kind == envelope.Advance {
					advances = append(advances, e)
				}
			}
			if n.Kind != envelope.Advance && len(advances) > 0 && rapid.IntRange(0, 3).Draw(t, "of an advance") > 0 { // often a dossier's settlement
				adv := rapid.SampledFrom(advances).Draw(t, "advance")
				n.Establishment, n.Variant, n.Window = adv.Establishment, adv.Variant, adv.Window
				if next, ok := adv.Window.Deferral(); ok && rapid.Bool().Draw(t, "deferred") {
					n.Window = next
				}
				if n.Kind == envelope.Repayment {
					n.Amount = adv.Amount
				}
			}
			before := l.State()
			if err := l.Book(n); err == nil {
				*booked++
			} else if !l.State().Equal(before) {
				t.Fatalf("refused (%v), but the state changed", err)
			}
		},
	}
}
