package report

import (
	"cmp"
	"errors"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/window"
)

// Table is a report: a French title, its columns and its rows.
type Table struct {
	Title   string
	Columns []Column
	Rows    [][]Cell
}

// Column is one column: its JSON key and its French heading.
type Column struct {
	Key, Heading string
}

// Cell is one value: text, or an amount in euros when Money.
type Cell struct {
	Text   string
	Amount decimal.Decimal
	Money  bool
}

func text(s string) Cell           { return Cell{Text: s} }
func money(d decimal.Decimal) Cell { return Cell{Amount: d, Money: true} }
func blank() Cell                  { return Cell{} }
func frenchStatus(s eligibility.Status) string {
	if s == eligibility.Validated {
		return "validée"
	}
	return "non validée"
}

// Applications is the list of §6.1 for window w, one row per domain
// applied for: each domain of each application of decisions for that
// window, with the deadline for its usage targets (the end of the
// window's measurement period), its status (validated or refused,
// eligibility.DomainDecision), its funding when validated (its forfait,
// nationalMax per INT-02), the reasons for its
// refusal otherwise, and the GHT of a public establishment. Rows are
// sorted by FINESS géographique then FINESS juridique, the rows of one
// application together and its domains in its order. One value per cell
// lets a spreadsheet filter the refused domains or sum the funding of the
// window.
func Applications(in *instruction.Rules, decisions []eligibility.Decision, nationalMax decimal.Decimal, w window.Window) (Table, error) {
	t := Table{
		Title: "Candidatures de la fenêtre " + w.String() + " (§6.1)",
		Columns: []Column{
			{"finess_geographique", "FINESS géographique"}, {"finess_juridique", "FINESS juridique"},
			{"domaine", "Domaine de candidature"}, {"echeance", "Échéance d'atteinte des cibles d'usage"},
			{"statut", "Statut de la candidature sur le domaine"}, {"financement", "Financement (€)"},
			{"motif", "Motif de non validation"}, {"ght", "GHT d'appartenance"},
		},
	}
	type decided struct {
		e       eligibility.Establishment
		domains []eligibility.DomainDecision
	}
	var ds []decided
	for _, d := range decisions {
		if a := d.Application(); a.Window == w {
			ds = append(ds, decided{a.Establishment, d.Domains()})
		}
	}
	slices.SortStableFunc(ds, func(a, b decided) int {
		return cmp.Or(strings.Compare(a.e.FINESSGeo.String(), b.e.FINESSGeo.String()), strings.Compare(a.e.FINESSJur.String(), b.e.FINESSJur.String()))
	})
	deadline := in.Calendar().Terms(w).Measurement.End.French()
	var errs []error
	for _, x := range ds {
		e := x.e
		ght := blank()
		if g := e.GHT; g != nil && g.Public {
			ght = text(g.Name)
		}
		for _, dd := range x.domains {
			funding, reason := blank(), blank()
			if dd.Status == eligibility.Validated {
				f, err := in.Forfait.Compute(forfait.Request{Combined: e.CombinedActivity, NationalMax: nationalMax, Variant: dd.Variant, Window: w})
				if err != nil {
					errs = append(errs, err)
					continue
				}
				funding = money(f.Amount)
			} else {
				rs := make([]string, len(dd.Reasons))
				for k, r := range dd.Reasons {
					rs[k] = r.French
				}
				reason = text(strings.Join(rs, " / "))
			}
			t.Rows = append(t.Rows, []Cell{text(e.FINESSGeo.String()), text(e.FINESSJur.String()),
				text(dd.Variant.String()), text(deadline), text(frenchStatus(dd.Status)), funding, reason, ght})
		}
	}
	if len(errs) > 0 {
		return Table{}, errors.Join(errs...)
	}
	return t, nil
}

// Planned is the detail of the notifications planned per establishment,
// or per GHT for the establishments ghts names (the FINESS géographique
// to the GHT's name), advance and usage by window and domain (Annexe 2
// §5), from a forecast's PerEstablishment, sorted by region, FINESS or
// GHT name, window and domain.
func Planned(fc settlement.Forecast, ghts map[forfait.FINESS]string) Table {
	t := Table{
		Title: "Notifications prévues par établissement ou GHT (Annexe 2 §5)",
		Columns: []Column{
			{"region", "Région"}, {"etablissement_ou_ght", "Établissement (FINESS) ou GHT"}, {"fenetre", "Fenêtre"},
			{"domaine", "Domaine"}, {"avance", "Avance (€)"}, {"usage", "Soutien à l'usage (€)"},
		},
	}
	type key struct {
		region envelope.Region
		who    string
		w      window.Window
		d      forfait.Domain
	}
	at := map[key]int{}
	for _, p := range fc.PerEstablishment {
		who := p.Establishment.String()
		if g, ok := ghts[p.Establishment]; ok {
			who = g
		}
		k := key{p.Region, who, p.Window, p.Domain}
		if i, ok := at[k]; ok {
			row := t.Rows[i]
			row[4], row[5] = money(row[4].Amount.Add(p.Advance)), money(row[5].Amount.Add(p.Usage))
			continue
		}
		at[k] = len(t.Rows)
		t.Rows = append(t.Rows, []Cell{text(p.Region.String()), text(who), text(p.Window.String()), text(p.Domain.String()), money(p.Advance), money(p.Usage)})
	}
	slices.SortStableFunc(t.Rows, func(a, b []Cell) int {
		return cmp.Or(cmp.Compare(a[0].Text, b[0].Text), cmp.Compare(a[1].Text, b[1].Text), cmp.Compare(a[2].Text, b[2].Text), cmp.Compare(a[3].Text, b[3].Text))
	})
	return t
}

// Statement is a regional ledger's account, the envelope steered per
// funding window (Annexe 2 §5): for each window's budget (window 0: the credits assigned to no window), and
// each part of the credits, what was delegated, committed, paid, repaid
// and is left; then, per window and domain, what was committed, paid and
// repaid, a balance or repayment under the window of its advance, whose
// budget it is booked in; then the totals. Its totals are the ledger's
// State, and all its rows come from one Snapshot of the ledger, so that
// they add up to the totals while others book.
func Statement(l *envelope.Ledger) Table {
	snap := l.Snapshot()
	s, entries, commits := snap.State, snap.Entries, snap.Commitments
	t := Table{
		Title: "Situation de l'enveloppe " + s.Region.String() + ", " + s.Volet.String() + " (§6.1 ; Annexe 2 §3, §5)",
		Columns: []Column{
			{"fenetre", "Fenêtre"}, {"domaine", "Domaine"}, {"credits", "Crédits"}, {"delegue", "Délégué (€)"},
			{"engage", "Engagé (€)"}, {"paye", "Payé (€)"}, {"rembourse", "Remboursé (€)"}, {"disponible", "Disponible (€)"},
		},
	}
	parts := []envelope.Part{envelope.AdvanceCredits, envelope.UsageCredits}
	for _, w := range s.Windows {
		for _, p := range parts {
			t.Rows = append(t.Rows, []Cell{text(frenchWindow(w.Window)), text("tous"), text(frenchPart(p)), money(w.Budget.Of(p)),
				money(w.Committed.Of(p)), money(w.Paid.Of(p)), money(w.Repaid.Of(p)), money(w.Left.Of(p))})
		}
	}
	type key struct {
		w window.Window
		d forfait.Domain
	}
	type sums struct{ committed, paid, repaid envelope.Credits }
	zero := envelope.Credits{Advance: decimal.Zero, Usage: decimal.Zero}
	by := map[key]*sums{}
	get := func(k key) *sums {
		if by[k] == nil {
			by[k] = &sums{zero, zero, zero}
		}
		return by[k]
	}
	for _, c := range commits {
		x := get(key{c.Window, c.Domain})
		x.committed = x.committed.Add(c.Credits)
	}
	for _, e := range entries {
		n := e.Notification
		x := get(key{e.Account, n.Variant.Domain})
		amount := envelope.Credits{Advance: decimal.Zero, Usage: decimal.Zero}
		if n.Kind == envelope.Balance {
			amount.Usage = n.Amount
		} else {
			amount.Advance = n.Amount
		}
		if n.Kind == envelope.Repayment {
			x.repaid = x.repaid.Add(amount)
		} else {
			x.paid = x.paid.Add(amount)
		}
	}
	keys := make([]key, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(a.w, b.w), cmp.Compare(a.d, b.d)) })
	for _, k := range keys {
		x := by[k]
		for _, p := range parts {
			t.Rows = append(t.Rows, []Cell{text(frenchWindow(k.w)), text(frenchDomain(k.d)), text(frenchPart(p)), blank(),
				money(x.committed.Of(p)), money(x.paid.Of(p)), money(x.repaid.Of(p)), blank()})
		}
	}
	for _, p := range parts {
		t.Rows = append(t.Rows, []Cell{text("total"), text("tous"), text(frenchPart(p)), money(s.Delegated.Of(p)),
			money(s.Committed.Of(p)), money(s.Paid.Of(p)), money(s.Repaid.Of(p)), money(s.Left.Of(p))})
	}
	return t
}

func frenchWindow(w window.Window) string {
	if w == 0 {
		return "hors fenêtre"
	}
	return w.String()
}

func frenchDomain(d forfait.Domain) string {
	if d == 0 {
		return "sans domaine"
	}
	return d.String()
}

func frenchPart(p envelope.Part) string {
	if p == envelope.AdvanceCredits {
		return "avance"
	}
	return "usage"
}
