package main

import (
	"embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

//go:embed applications/*.json
var applications embed.FS

func main() {
	flag.Usage = func() {
		usage(flag.CommandLine.Output())
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "settlement:", err)
		os.Exit(1)
	}
}

// usage prints what the command does and how to run it (-h).
func usage(w io.Writer) {
	fmt.Fprintln(w, "settlement runs the whole flow of four SUN-ES applications of one region, from the application files it embeds to the regional ledger: decisions, advances, balances and repayments.\n\nUsage: settlement (no flags)")
}

// walker keeps the rules, the dossiers and the region's ledger.
type walker struct {
	w      io.Writer
	in     instruction.Rules
	ledger *envelope.Ledger
	states map[string]settlement.State
}

// step runs one step of dossier name and books its notifications on the
// ledger as one (settlement.Apply: the dossier and the ledger both stay as
// they were if either refuses), then prints them with the dossier's lines
// and the ledger.
func (k *walker) step(name, title string, run func(prev settlement.State) (settlement.State, []envelope.Notification, error)) error {
	prev := k.states[name]
	st, err := settlement.Apply(k.ledger, prev, func() (settlement.State, []envelope.Notification, error) { return run(prev) })
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	k.states[name] = st
	added := st.Timeline[len(prev.Timeline):]
	fmt.Fprintf(k.w, "\n%s — %s\n", name, title)
	for _, n := range added {
		cite := n.Source
		for _, i := range n.Interpretations {
			cite += "; " + i
		}
		fmt.Fprintf(k.w, "  %s  %-9s %s window %s  %10s €  [%s]\n", n.Date, n.Kind, n.Variant, n.Window, forfait.Format(n.Amount), cite)
	}
	if len(added) == 0 {
		fmt.Fprintln(k.w, "  no notification")
	}
	for _, l := range st.Lines {
		granted := "" // the variant paid is known once the balance is
		if l.Granted.IsValid() {
			granted = ", granted " + l.Granted.String()
		}
		fmt.Fprintf(k.w, "  %s: %s, window %s%s, paid %s €, repaid %s €\n", l.Asked, l.Stage, l.Window, granted,
			forfait.Format(l.Paid), forfait.Format(l.Repaid))
	}
	s := k.ledger.State()
	fmt.Fprintf(k.w, "  ledger %s: advance credits %s used / %s left; usage credits %s used / %s left\n", s.Region,
		forfait.Format(s.Used.Advance), forfait.Format(s.Left.Advance), forfait.Format(s.Used.Usage), forfait.Format(s.Left.Usage))
	return nil
}

// open reads the application file of dossier name, decides it domain by
// domain, prints the decision on each, opens the dossier of the validated
// domains on the day on and books their advances.
func (k *walker) open(name string, on window.Date) error {
	data, err := applications.ReadFile("applications/" + name + ".json")
	if err != nil {
		return err
	}
	var app eligibility.Application
	if err := json.Unmarshal(data, &app); err != nil {
		return fmt.Errorf("%s.json: %w", name, err)
	}
	decision, err := eligibility.Decide(&app, &k.in, on)
	if err != nil {
		return err
	}
	fmt.Fprintf(k.w, "\n%s — decision of %s, domain by domain (§5, §6.1)\n", name, on)
	for _, d := range decision.Domains() {
		fmt.Fprintf(k.w, "  %s: %s\n", d.Variant, d.Status)
		for _, r := range d.Reasons {
			fmt.Fprintf(k.w, "    %s [%s]: %s\n", r.Code, r.Source, r.English)
		}
	}
	return k.step(name, "dossier opened on "+on.String()+" for the validated domains: advance of 30 % (§5, Annexe 2 §3, INT-04)",
		func(settlement.State) (settlement.State, []envelope.Notification, error) {
			return settlement.Open(&k.in, decision, decimal.Zero, on)
		})
}

// settle settles dossier name's domain from the rates it declares for the
// window it awaits.
func (k *walker) settle(name, title string, rates map[indicator.ID]indicator.Rate, deferral bool, on window.Date) error {
	return k.step(name, title, func(prev settlement.State) (settlement.State, []envelope.Notification, error) {
		l := prev.Lines[0]
		return settlement.Settle(&k.in, prev, []settlement.Declaration{{Domain: l.Asked.Domain, Window: l.Window, Rates: rates, Defer: deferral}}, on)
	})
}

// close closes dossier name on the day on: what is overdue then is
// settled by the rules (§5, Annexe 2 §3; INT-22, INT-23), with the
// deferrals the establishment asked for.
func (k *walker) close(name, title string, on window.Date, deferrals ...forfait.Domain) error {
	return k.step(name, title, func(prev settlement.State) (settlement.State, []envelope.Notification, error) {
		return settlement.Close(&k.in, prev, on, deferrals...)
	})
}

func run(w io.Writer) error {
	in := instruction.Instruction2021()
	envelopeBretagne := in.Envelopes.Regions[envelope.Bretagne.Index()].Amount
	credits, err := envelope.SplitCredits(&in.Forfait, envelopeBretagne)
	if err != nil {
		return err
	}
	ledger, err := envelope.NewLedger(envelope.Bretagne, credits)
	if err != nil {
		return err
	}
	k := &walker{w: w, in: in, ledger: ledger, states: map[string]settlement.State{}}
	fmt.Fprintf(w, "Region %s, volet 1 envelope %s € (Annexe 2 §1): advance credits %s €, usage credits %s € (Annexe 2 §3)\n",
		envelope.Bretagne, forfait.Format(envelopeBretagne), forfait.Format(credits.Advance), forfait.Format(credits.Usage))
	rate := func(n, d int64) indicator.Rate { r, _ := indicator.FromCounts(n, d); return r } // well-formed counts
	decided := window.DateOf(2021, 12, 15)
	steps := []func() error{
		func() error { return k.open("a", decided) },
		func() error { return k.open("b", decided) },
		func() error { return k.open("c", decided) },
		func() error { return k.open("d", decided) },
		func() error {
			return k.close("d", "closed on 2022-07-01: DS3 undeclared after window 1's deadline of 2022-06-30; deferral asked (INT-05, INT-22, INT-23)",
				window.DateOf(2022, 7, 1), forfait.DS3)
		},
		func() error {
			return k.settle("a", "S1 2022: DS2.1 at 40 % misses 45 %; deferral to window 2 (INT-05)",
				map[indicator.ID]indicator.Rate{indicator.DS21: rate(400, 1000)}, true, window.DateOf(2022, 9, 1))
		},
		func() error {
			return k.settle("b", "S1 2022: DS1.1 52 % and DS1.2 45 % reached, DS1.3 30 % missed: standard forfait (INT-06)",
				map[indicator.ID]indicator.Rate{indicator.DS11: rate(520, 1000), indicator.DS12: rate(450, 1000), indicator.DS13: rate(300, 1000)},
				false, window.DateOf(2022, 9, 1))
		},
		func() error {
			return k.settle("c", "S1 2022: DS3.1 at 10 % misses 45 %, no deferral: the advance is repaid (Annexe 2 §3)",
				map[indicator.ID]indicator.Rate{indicator.DS31: rate(100, 1000)}, false, window.DateOf(2022, 9, 1))
		},
		func() error {
			return k.close("d", "closed on 2023-01-02: DS3 still undeclared after window 2's deadline of 2022-12-31: the advance is repaid (Annexe 2 §3; INT-23)",
				window.DateOf(2023, 1, 2))
		},
		func() error {
			return k.settle("a", "S2 2022: DS2.1 at 56 % reaches window 2's 54 %: window 2's forfait less the advance (INT-05)",
				map[indicator.ID]indicator.Rate{indicator.DS21: rate(560, 1000)}, false, window.DateOf(2023, 3, 1))
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	net := decimal.Zero
	for _, name := range []string{"a", "b", "c", "d"} {
		net = net.Add(k.states[name].Money().Net)
	}
	s := ledger.State()
	fmt.Fprintf(w, "\nDossiers' net %s € = ledger's advance and usage credits used %s €\n", forfait.Format(net), forfait.Format(s.Used.Advance.Add(s.Used.Usage)))
	return nil
}
