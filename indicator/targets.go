package indicator

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/window"
)

// Targets is the Annexe 1 table of usage targets (cibles d'usage): for each
// indicator, the rate in percent to reach in each window. It is data of the
// rule set, not code: Annexe 1 warns that the indicators may change after
// public consultation, and a caller can amend a copy.
type Targets struct {
	Name string
	// Percent[id.Index()][w.Index()] is id's target in window w, in percent.
	Percent [NumIDs][window.Count]decimal.Decimal
	Source  string
}

// Instruction2021 returns the targets of Annexe 1 of instruction
// DGOS/PF5/DNS/CTO/2021/167: windows 1 to 4 measured in S1 2022, S2 2022,
// S1 2023 and S2 2023.
func Instruction2021() Targets {
	row := func(w1, w2, w3, w4 int64) [window.Count]decimal.Decimal {
		return [window.Count]decimal.Decimal{decimal.New(w1, 0), decimal.New(w2, 0), decimal.New(w3, 0), decimal.New(w4, 0)}
	}
	return Targets{
		Name: "Instruction N° DGOS/PF5/DNS/CTO/2021/167 du 26 juillet 2021, Annexe 1",
		Percent: [NumIDs][window.Count]decimal.Decimal{
			row(49, 59, 64, 69), // DS1.1
			row(40, 48, 59, 63), // DS1.2
			row(49, 59, 64, 69), // DS1.3
			row(45, 54, 59, 63), // DS2.1
			row(45, 54, 59, 63), // DS3.1
		},
		Source: "Annexe 1, volet 1, columns « Fenêtre 1 - S1 2022 » to « Fenêtre 4 - S2 2023 »",
	}
}

// Target returns id's target in window w, in percent (Annexe 1). id and w
// must be valid.
func (t *Targets) Target(id ID, w window.Window) decimal.Decimal {
	return t.Percent[id.Index()][w.Index()]
}

// Validate reports every problem of t at once, each a *forfait.InputError wrapping
// ErrInvalidTargets: every target is a percentage in [0, 100], and no
// indicator's target decreases from one window to the next (the later the
// window, the higher the target, Annexe 1).
func (t *Targets) Validate() error {
	var errs []error
	for _, id := range IDs() {
		for i, p := range t.Percent[id.Index()] {
			field := fmt.Sprintf("targets[%s][window %d]", id, i+1)
			switch {
			case !precise(p):
				errs = append(errs, &forfait.InputError{Field: field, Value: forfait.Format(p), Reason: codec.Text{French: "plus de 20 décimales", English: "more than 20 decimal places"}, Err: ErrInvalidTargets})
			case p.Sign() < 0 || p.GreaterThan(hundred):
				errs = append(errs, &forfait.InputError{Field: field, Value: forfait.Format(p), Reason: codec.Text{French: "doit être comprise entre 0 et 100", English: "must be between 0 and 100"}, Err: ErrInvalidTargets})
			case i > 0 && precise(t.Percent[id.Index()][i-1]) && p.LessThan(t.Percent[id.Index()][i-1]):
				errs = append(errs, &forfait.InputError{Field: field, Value: forfait.Format(p),
					Reason: codec.Text{French: "inférieure à la cible de la fenêtre " + fmt.Sprint(i) + ", " + codec.French.Percent(t.Percent[id.Index()][i-1].Shift(-2)), English: "below window " + fmt.Sprint(i) + "'s " + forfait.Format(t.Percent[id.Index()][i-1])}, Err: ErrInvalidTargets})
			}
		}
	}
	return errors.Join(errs...)
}

// precise reports whether p has at most maxPlaces decimal places (and an
// exponent as small), so that comparing it costs nothing unusual.
func precise(p decimal.Decimal) bool {
	return p.Exponent() >= -maxPlaces && p.Exponent() <= maxPlaces
}
