package settlement

import (
	"cmp"
	"errors"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/window"
)

// Planned is what an ARS expects to notify in one region, window and
// domain, for one establishment or for all: advances and usage
// (balances), in euros (Annexe 2 §5).
type Planned struct {
	Region envelope.Region
	// Establishment is the FINESS géographique in Forecast.PerEstablishment,
	// the zero FINESS in Forecast.Planned.
	Establishment  forfait.FINESS
	Window         window.Window
	Domain         forfait.Domain
	Advance, Usage decimal.Decimal
}

// Forecast is the report an ARS gives the DGOS and the DNS to adjust its
// delegations and avoid losing credits (Annexe 2 §5).
type Forecast struct {
	// On is the day of the forecast: a domain past its declaration
	// deadline on that day is overdue, not planned (§5; INT-22, INT-23).
	On window.Date
	// Planned lists the notifications still to come, by region, window and
	// domain, assuming every awaited target is reached by its deadline.
	Planned []Planned
	// PerEstablishment lists the same notifications per establishment,
	// window and domain, sorted by region, establishment, window and
	// domain: the detail an ARS gives per establishment or GHT (Annexe 2
	// §5).
	PerEstablishment []Planned
	// AtRisk is, per region (indexed by Region.Index), the advances paid on
	// domains still awaiting their targets: what would be repaid if they
	// were all missed (Annexe 2 §3).
	AtRisk [envelope.NumRegions]decimal.Decimal
	// Overdue is, per region, the advances paid on domains still awaiting
	// targets whose declaration deadline has passed on the day of the
	// forecast: their balance is no longer planned and the dossiers are to
	// be settled or closed (Close), which repays them unless a deferral is
	// asked (Annexe 2 §3; INT-22, INT-23).
	Overdue [envelope.NumRegions]decimal.Decimal
	// Remaining is, per region with a volet-1 ledger, the credits
	// delegated less those committed and used (the ledger's Left), less
	// the planned notifications no commitment covers; a negative part
	// means the credits delegated will not suffice (§6.1; Annexe 2 §5).
	// Volet-2 ledgers are left aside.
	Remaining map[envelope.Region]envelope.Credits
}

// NewForecast plans, on the day on, the notifications to come (Annexe 2
// §5): for each dossier of states, the balance of every domain awaiting
// targets whose declaration deadline has not passed, as BalanceOf gives
// it with the targets reached, the CRO bonus included: the forfait of its
// window, the deferral window's after a deferral, less the advance paid
// (INT-05); a domain past its deadline is counted as overdue
// instead (INT-22, INT-23); for each validated dossier of pending not yet
// opened, its advances and balances; in total per region, window and
// domain and per establishment. ledgers give the credits left: one
// volet-1 ledger per region, volet-2 ledgers being left aside
// (Forecast.Remaining).
func NewForecast(in *instruction.Rules, on window.Date, states []State, pending []Dossier, ledgers []*envelope.Ledger) (Forecast, error) {
	fc := Forecast{On: on}
	for i := range fc.AtRisk {
		fc.AtRisk[i], fc.Overdue[i] = decimal.Zero, decimal.Zero
	}
	type key struct {
		r envelope.Region
		e forfait.FINESS
		w window.Window
		d forfait.Domain
	}
	sums, perEst := map[key]*Planned{}, map[key]*Planned{}
	add := func(r envelope.Region, e forfait.FINESS, w window.Window, d forfait.Domain, adv, use decimal.Decimal) {
		for _, k := range []key{{r, forfait.FINESS{}, w, d}, {r, e, w, d}} {
			m := sums
			if k.e.IsValid() {
				m = perEst
			}
			p := m[k]
			if p == nil {
				p = &Planned{Region: r, Establishment: k.e, Window: w, Domain: d, Advance: decimal.Zero, Usage: decimal.Zero}
				m[k] = p
			}
			p.Advance, p.Usage = p.Advance.Add(adv), p.Usage.Add(use)
		}
	}
	var errs []error
	for _, st := range states {
		for _, l := range st.Lines {
			if l.Stage != Awaiting {
				continue
			}
			if Overdue(in, l, on) {
				if r := st.Dossier.Region; r.IsValid() {
					fc.Overdue[r.Index()] = fc.Overdue[r.Index()].Add(l.Paid)
				}
				continue
			}
			b, err := BalanceOf(&in.Forfait, st.Dossier.request(l.Asked, l.Window), l.Paid, l.Deferred, true)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			add(st.Dossier.Region, st.Dossier.Establishment, l.Window, l.Asked.Domain, decimal.Zero, b.Amount)
			if r := st.Dossier.Region; r.IsValid() {
				fc.AtRisk[r.Index()] = fc.AtRisk[r.Index()].Add(l.Paid)
			}
		}
	}
	for _, d := range pending {
		for _, v := range d.Variants {
			f, err := in.Forfait.Compute(d.request(v, d.Window))
			if err != nil {
				errs = append(errs, err)
				continue
			}
			add(d.Region, d.Establishment, d.Window, v.Domain, f.Advance, f.Balance)
		}
	}
	if len(errs) > 0 {
		return Forecast{}, errors.Join(errs...)
	}
	order := func(a, b Planned) int {
		return cmp.Or(cmp.Compare(a.Region, b.Region), strings.Compare(a.Establishment.String(), b.Establishment.String()),
			cmp.Compare(a.Window, b.Window), cmp.Compare(a.Domain, b.Domain))
	}
	for _, p := range sums {
		fc.Planned = append(fc.Planned, *p)
	}
	for _, p := range perEst {
		fc.PerEstablishment = append(fc.PerEstablishment, *p)
	}
	slices.SortFunc(fc.Planned, order)
	slices.SortFunc(fc.PerEstablishment, order)
	var err error
	if fc.Remaining, err = remaining(ledgers, fc.PerEstablishment); err != nil {
		return Forecast{}, err
	}
	return fc, nil
}

// remaining returns, per region with a volet-1 ledger, the credits
// delegated less those committed and used (the ledger state's Left), less
// what of each establishment's planned notifications its commitment for
// the domain does not cover (§6.1: within the credits delegated; Annexe 2
// §5). Volet-2 ledgers are left aside: the forecast plans volet-1
// notifications only. Two volet-1 ledgers of one region are an error
// (envelope.ErrInvalidLedger).
func remaining(ledgers []*envelope.Ledger, perEst []Planned) (map[envelope.Region]envelope.Credits, error) {
	type key struct {
		e forfait.FINESS
		d forfait.Domain
	}
	out := map[envelope.Region]envelope.Credits{}
	var errs []error
	for i, l := range ledgers {
		s := l.State()
		if s.Volet != envelope.Volet1 {
			continue
		}
		if _, dup := out[s.Region]; dup {
			errs = append(errs, &forfait.InputError{Path: codec.Path{codec.Name("ledgers"), codec.Index(i)}, Field: "region", Value: s.Region.String(),
				Reason: codec.Text{French: "un second état des crédits du volet 1 pour la région", English: "a second volet-1 ledger for the region"}, Err: envelope.ErrInvalidLedger})
			continue
		}
		committed := map[key]envelope.Credits{}
		for _, c := range l.Commitments() {
			committed[key{c.Establishment, c.Domain}] = c.Credits
		}
		rem := s.Left
		for _, p := range perEst {
			if p.Region != s.Region {
				continue
			}
			c, ok := committed[key{p.Establishment, p.Domain}]
			if !ok {
				c = envelope.Credits{Advance: decimal.Zero, Usage: decimal.Zero}
			}
			rem.Advance = rem.Advance.Sub(decimal.Max(decimal.Zero, p.Advance.Sub(c.Advance)))
			rem.Usage = rem.Usage.Sub(decimal.Max(decimal.Zero, p.Usage.Sub(c.Usage)))
		}
		out[s.Region] = rem
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// Commitments returns what a decision commits on its region's credits,
// one commitment per validated domain dated on: the domain's forfait in
// the decision's window, its advance and its balance (§6.1: applications
// are retained within the credits delegated; Annexe 2 §3; INT-04). A
// refused domain commits nothing, and a decision with no validated domain
// is refused (ErrNotValidated). nationalMax is the upper end of category
// D (INT-02). Given to envelope.Ledger.Commit, a decision the credits
// cannot serve is refused at decision time with the shortfall; the
// notifications of Open and Settle then consume the commitments as they
// are booked. The errors of the forfait are reported all at once.
func Commitments(in *instruction.Rules, d eligibility.Decision, nationalMax decimal.Decimal, on window.Date) ([]envelope.Commitment, error) {
	validated := d.Validated()
	if len(validated) == 0 {
		return nil, &forfait.InputError{Field: "decision.status", Value: d.Status().String(),
			Reason: codec.Text{French: "seule une décision qui valide un domaine engage des crédits", English: "only a decision that validates a domain commits credits"}, Err: ErrNotValidated}
	}
	a := d.Application()
	dossier := Dossier{Establishment: a.Establishment.FINESSGeo, Region: a.Establishment.Region,
		Combined: a.Establishment.CombinedActivity, NationalMax: nationalMax, Window: a.Window}
	var out []envelope.Commitment
	var errs []error
	for _, v := range validated {
		f, err := in.Forfait.Compute(dossier.request(v, a.Window))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, envelope.Commitment{Establishment: dossier.Establishment, Domain: v.Domain, Window: a.Window, Date: on,
			Credits: envelope.Credits{Advance: f.Advance, Usage: f.Balance}, Source: "§6.1; Annexe 2 §3"})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// MarshalJSON encodes p with its amounts as strings, whatever
// shopspring's settings (codec.MarshalAmounts).
func (p Planned) MarshalJSON() ([]byte, error) { return codec.MarshalAmounts(p, forfait.Format) }

// MarshalJSON encodes f with its amounts as strings, whatever
// shopspring's settings (codec.MarshalAmounts).
func (f Forecast) MarshalJSON() ([]byte, error) { return codec.MarshalAmounts(f, forfait.Format) }
