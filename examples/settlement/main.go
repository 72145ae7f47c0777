package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "settlement:", err)
		os.Exit(1)
	}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func dossier(finess eligibility.FINESS, combined int64, d forfait.Domain, cro bool) settlement.Dossier {
	return settlement.Dossier{
		Establishment: finess, Region: envelope.Bretagne, Combined: decimal.New(combined, 0), Window: window.W1,
		Domains: []eligibility.DomainRequest{{Domain: d, CRO: cro}},
	}
}

// walker keeps the dossiers, the region's ledger and what it printed.
type walker struct {
	w       io.Writer
	rs      forfait.RuleSet
	ledger  *envelope.Ledger
	states  map[string]settlement.State
	targets indicator.Targets
}

// record books the notifications st added since before and prints them
// with the ledger.
func (k *walker) record(name, step string, before, st settlement.State) error {
	fmt.Fprintf(k.w, "\n%s — %s\n", name, step)
	for _, n := range st.Timeline[len(before.Timeline):] {
		if err := k.ledger.Record(n); err != nil {
			return err
		}
		cite := n.Source
		for _, i := range n.Interpretations {
			cite += "; " + i
		}
		fmt.Fprintf(k.w, "  %s  %-9s %s%s window %s  %10s €  [%s]\n", n.Date.Format(time.DateOnly), n.Kind, n.Domain, map[bool]string{true: "+CRO", false: ""}[n.CRO],
			n.Window, forfait.Format(n.Amount), cite)
	}
	if len(st.Timeline) == len(before.Timeline) {
		fmt.Fprintln(k.w, "  no notification")
	}
	for _, l := range st.Lines {
		fmt.Fprintf(k.w, "  %s: %s, window %s, paid %s €, repaid %s €\n", l.Domain, l.Stage, l.Window, forfait.Format(l.Paid), forfait.Format(l.Repaid))
	}
	s := k.ledger.State()
	fmt.Fprintf(k.w, "  ledger %s: advance credits %s used / %s left; usage credits %s used / %s left\n", s.Region,
		forfait.Format(s.Used.Advance), forfait.Format(s.Remaining.Advance), forfait.Format(s.Used.Usage), forfait.Format(s.Remaining.Usage))
	k.states[name] = st
	return nil
}

func (k *walker) open(name string, d settlement.Dossier, on time.Time) error {
	st, err := settlement.Open(&k.rs, d, on)
	if err != nil {
		return err
	}
	return k.record(name, "validated: advance of 30 % (§5, Annexe 2 §3, INT-04)", settlement.State{}, st)
}

// settle evaluates the rates of the domain of dossier name at the end of
// its awaited window and settles it.
func (k *walker) settle(name, step string, rates map[indicator.ID]indicator.Rate, deferral bool, on time.Time) error {
	before := k.states[name]
	l := before.Lines[0]
	o, err := k.targets.Evaluate(l.Domain, l.CRO, l.Window, rates)
	if err != nil {
		return err
	}
	var deferrals []forfait.Domain
	if deferral {
		deferrals = []forfait.Domain{o.Domain}
	}
	st, err := settlement.Settle(&k.rs, before, []indicator.Outcome{o}, deferrals, on)
	if err != nil {
		return err
	}
	return k.record(name, step, before, st)
}

func run(w io.Writer) error {
	rs := forfait.Instruction2021()
	a2 := envelope.Instruction2021Annex2()
	credits, err := envelope.SplitCredits(&rs, a2.Regions[envelope.Bretagne.Index()].Amount)
	if err != nil {
		return err
	}
	ledger, err := envelope.NewLedger(envelope.Bretagne, envelope.Volet1, credits, decimal.Zero)
	if err != nil {
		return err
	}
	k := &walker{w: w, rs: rs, ledger: ledger, states: map[string]settlement.State{}, targets: indicator.Instruction2021()}
	fmt.Fprintf(w, "Region %s, volet 1 envelope %s € (Annex 2 §1): advance credits %s €, usage credits %s € (Annexe 2 §3)\n",
		envelope.Bretagne, forfait.Format(a2.Regions[envelope.Bretagne.Index()].Amount), forfait.Format(credits.Advance), forfait.Format(credits.Usage))
	rate := func(n, d int64) indicator.Rate { r, _ := indicator.FromCounts(n, d); return r } // well-formed counts
	steps := []func() error{
		func() error { return k.open("A", dossier("350000014", 30_000, forfait.DS2, false), day(2021, 12, 15)) },
		func() error { return k.open("B", dossier("350000022", 127_800, forfait.DS1, true), day(2021, 12, 15)) },
		func() error { return k.open("C", dossier("350000030", 15_000, forfait.DS3, false), day(2021, 12, 15)) },
		func() error {
			return k.settle("A", "S1 2022: DS2.1 at 40 % misses 45 %; deferral to window 2 (INT-05)",
				map[indicator.ID]indicator.Rate{indicator.DS21: rate(400, 1000)}, true, day(2022, 9, 1))
		},
		func() error {
			return k.settle("B", "S1 2022: DS1.1 52 % and DS1.2 45 % reached, DS1.3 30 % missed: standard forfait (INT-06)",
				map[indicator.ID]indicator.Rate{indicator.DS11: rate(520, 1000), indicator.DS12: rate(450, 1000), indicator.DS13: rate(300, 1000)},
				false, day(2022, 9, 1))
		},
		func() error {
			return k.settle("C", "S1 2022: DS3.1 at 10 % misses 45 %, no deferral: the advance is repaid (Annexe 2 §3)",
				map[indicator.ID]indicator.Rate{indicator.DS31: rate(100, 1000)}, false, day(2022, 9, 1))
		},
		func() error {
			return k.settle("A", "S2 2022: DS2.1 at 56 % reaches window 2's 54 %: window 2's forfait less the advance (INT-05)",
				map[indicator.ID]indicator.Rate{indicator.DS21: rate(560, 1000)}, false, day(2023, 3, 1))
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
