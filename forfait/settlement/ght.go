package settlement

import (
	"errors"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
)

// GHT is a GHT dossier (dossier GHT, Annexe 3 §2): the dossiers of the
// members of one groupement hospitalier de territoire that applied, each
// opened from its own decision on its own combined activity and settled on
// its own targets (§5; Annexe 2 §3: funding at each member's reaching of a
// domain's targets), totalled at GHT level and paid to the support
// establishment under its delegation agreement with the ARS (INT-25). The
// zero value of Members is a GHT dossier with no member yet; grow it with
// Apply.
type GHT struct {
	Name string `json:"name,omitempty"`
	// Support is the FINESS géographique of the support establishment
	// (établissement support), which receives the funding.
	Support forfait.FINESS `json:"support"`
	// Members are the members' dossiers, in the order they were opened.
	Members []State `json:"members"`
}

// Remittance is what one step of a GHT dossier pays to, or asks back
// from, its support establishment (Annexe 3 §2; INT-25): the step's
// notifications, each naming the member and domain it funds, as the
// regional ledger books them, and their sums.
type Remittance struct {
	Support       forfait.FINESS          `json:"support"`
	Notifications []envelope.Notification `json:"notifications"`
	// Paid sums the advances and balances, Repaid the repayments.
	Paid   decimal.Decimal `json:"paid"`
	Repaid decimal.Decimal `json:"repaid"`
}

// MarshalJSON encodes r with its amounts as strings, whatever
// shopspring's settings (codec.MarshalAmounts).
func (r Remittance) MarshalJSON() ([]byte, error) { return codec.MarshalAmounts(r, forfait.Format) }

// Apply runs one step of member est's dossier and books its
// notifications on l as one, as the function Apply does: step receives the
// member's current state — the zero State for a member not yet in g, whose
// step is then Open — and returns its next state and the notifications it
// adds, as Open, Settle and Close do. It returns g with the member's new state and the
// remittance to the support establishment (Annexe 3 §2; INT-25). Each
// member's notifications keep the member's FINESS, so that each member's
// domain is funded once (§5). A GHT with no name or whose support
// establishment is not a valid FINESS (ErrInvalidDossier), a step whose
// dossier is another establishment's, of another GHT (its application's
// GHT name differs from g.Name) or of another region than the GHT's
// members (ErrMismatch), or a step or booking refused, is an error: g is
// returned unchanged and the ledger left as it was.
func (g GHT) Apply(l *envelope.Ledger, est forfait.FINESS, step func(State) (State, []envelope.Notification, error)) (GHT, Remittance, error) {
	if !g.Support.IsValid() {
		return g, Remittance{}, &forfait.InputError{Field: "support", Value: g.Support.String(), Reason: codec.Text{French: "un dossier de GHT est versé à son établissement support (Annexe 3 §2)", English: "a GHT dossier is paid to its support establishment (Annexe 3 §2)"}, Err: ErrInvalidDossier}
	}
	if g.Name == "" {
		return g, Remittance{}, &forfait.InputError{Field: "name", Value: `""`, Reason: codec.Text{French: "un dossier de GHT réunit les membres d'un GHT nommé (Annexe 3 §2)", English: "a GHT dossier takes the members of a named GHT (Annexe 3 §2)"}, Err: ErrInvalidDossier}
	}
	i := slices.IndexFunc(g.Members, func(st State) bool { return st.Dossier.Establishment == est })
	var prev State
	if i >= 0 {
		prev = g.Members[i]
	}
	next, added, err := step(prev)
	if err != nil {
		return g, Remittance{}, err
	}
	var errs []error
	if next.Dossier.Establishment != est {
		errs = append(errs, &forfait.InputError{Field: "establishment", Value: next.Dossier.Establishment.String(),
			Reason: codec.Text{French: "l'étape concerne le membre " + est.String(), English: "the step is for member " + est.String()}, Err: ErrMismatch})
	}
	if next.Dossier.GHT != g.Name {
		errs = append(errs, &forfait.InputError{Field: "ght", Value: strconv.Quote(next.Dossier.GHT),
			Reason: codec.Text{French: "la candidature de l'établissement nomme un autre GHT que « " + g.Name + " » (Annexe 3 §2)", English: "the establishment's application names another GHT than " + strconv.Quote(g.Name) + " (Annexe 3 §2)"}, Err: ErrMismatch})
	}
	if len(g.Members) > 0 && next.Dossier.Region != g.Members[0].Dossier.Region {
		errs = append(errs, &forfait.InputError{Field: "region", Value: next.Dossier.Region.String(),
			Reason: codec.Text{French: "la convention de délégation du GHT est passée avec l'ARS " + g.Members[0].Dossier.Region.String() + " (Annexe 3 §2)", English: "the GHT's delegation agreement is with the ARS of " + g.Members[0].Dossier.Region.String() + " (Annexe 3 §2)"}, Err: ErrMismatch})
	}
	if len(errs) > 0 {
		return g, Remittance{}, errors.Join(errs...)
	}
	if err := l.Book(added...); err != nil {
		return g, Remittance{}, err
	}
	out := GHT{Name: g.Name, Support: g.Support, Members: slices.Clone(g.Members)}
	if i >= 0 {
		out.Members[i] = next
	} else {
		out.Members = append(out.Members, next)
	}
	r := Remittance{Support: g.Support, Notifications: slices.Clone(added), Paid: decimal.Zero, Repaid: decimal.Zero}
	for _, n := range added {
		if n.Kind == envelope.Repayment {
			r.Repaid = r.Repaid.Add(n.Amount)
		} else {
			r.Paid = r.Paid.Add(n.Amount)
		}
	}
	return out, r, nil
}

// Total is a GHT dossier's total at GHT level (Annexe 3 §2).
type Total struct {
	// Forfait sums the forfaits of the members' domains, each computed on
	// the member's own combined activity in its dossier's window (Annexe 3
	// §2); Advance their advances, 30 % of each domain's forfait (Annexe 2
	// §3; INT-04).
	Forfait decimal.Decimal `json:"forfait"`
	Advance decimal.Decimal `json:"advance"`
	// Money is what the members' dossiers were paid and repaid.
	Money Money `json:"money"`
}

// MarshalJSON encodes t with its amounts as strings, whatever
// shopspring's settings (codec.MarshalAmounts).
func (t Total) MarshalJSON() ([]byte, error) { return codec.MarshalAmounts(t, forfait.Format) }

// Total totals g's members at GHT level (Annexe 3 §2; Annexe 2 §3: the
// advance notified to a GHT is 30 % of each domain's forfait, domain by
// domain). The errors of the forfait are reported all at once.
func (g GHT) Total(in *instruction.Rules) (Total, error) {
	t := Total{Forfait: decimal.Zero, Advance: decimal.Zero, Money: Money{Paid: decimal.Zero, Repaid: decimal.Zero, Net: decimal.Zero}}
	var errs []error
	for _, st := range g.Members {
		d := st.Dossier
		for _, v := range d.Variants {
			f, err := in.Forfait.Compute(d.request(v, d.Window))
			if err != nil {
				errs = append(errs, err)
				continue
			}
			t.Forfait, t.Advance = t.Forfait.Add(f.Amount), t.Advance.Add(f.Advance)
		}
		m := st.Money()
		t.Money.Paid, t.Money.Repaid, t.Money.Net = t.Money.Paid.Add(m.Paid), t.Money.Repaid.Add(m.Repaid), t.Money.Net.Add(m.Net)
	}
	if len(errs) > 0 {
		return Total{}, errors.Join(errs...)
	}
	return t, nil
}
