// Command report builds, on sample data, the reports an ARS owes the DNS
// and the DGOS: the list of §6.1 per funding window, the notifications
// planned per establishment or GHT (Annexe 2 §5) and the statement of its
// regional envelope, delegated in tranches, per window and domain.
//
//	go run ./examples/report                                   # Markdown on the standard output
//	go run ./examples/report -format csv -out /tmp/sunes-reports  # CSV files for a French spreadsheet
//	go run ./examples/report -format json -out /tmp/sunes-reports
//
// -out names a directory outside the repository (a temporary one): the
// reports are output, not source.
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/forfait/report"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/window"
)

//go:embed samples/validated.json
var validated []byte

func main() {
	format := flag.String("format", "md", "csv, json or md")
	out := flag.String("out", "", "directory to write one file per report (the standard output when empty)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "report builds, on sample data, the reports an ARS owes the DNS and the DGOS: the list of §6.1 per window, the notifications planned (Annexe 2 §5) and the statement of its envelope.\n\nUsage: report [-format csv|json|md] [-out DIR]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout, *format, *out); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

// applications are the sample's: the establishment of Annexe 3 §4 in
// window 1, a second member of its GHT (DS2, validated, and DS3, refused
// for want of an imaging unit of its own), a private clinic whose
// software vendors are not referenced in RELIMS, and the first
// establishment's second hospital applying in window 2.
func applications() ([]eligibility.Application, error) {
	base, err := eligibility.DecodeApplication(validated)
	if err != nil {
		return nil, err
	}
	member := base
	member.Establishment.FINESSGeo = forfait.MustParseFINESS("750000023")
	member.Domains = []forfait.Variant{{Domain: forfait.DS2}, {Domain: forfait.DS3}}
	member.Establishment.Imaging = nil
	clinic := base
	clinic.Establishment.FINESSGeo, clinic.Establishment.FINESSJur = forfait.MustParseFINESS("750300006"), forfait.MustParseFINESS("750300014")
	clinic.Establishment.Name, clinic.Establishment.GHT, clinic.Establishment.Lab = "Clinique de l'exemple", nil, nil
	clinic.Domains, clinic.RELIMS = []forfait.Variant{{Domain: forfait.DS1}}, false
	later := base
	later.Establishment.FINESSGeo = forfait.MustParseFINESS("750100018")
	later.Window, later.Filed = window.W2, window.DateOf(2022, 3, 15)
	later.Domains = []forfait.Variant{{Domain: forfait.DS3}}
	later.Prerequisites.CyberAudit = eligibility.CyberAudit{Attestation: true} // a purchase order serves in window 1 only
	return []eligibility.Application{base, member, clinic, later}, nil
}

func run(w io.Writer, format, dir string) error {
	write := map[string]func(io.Writer, report.Table) error{"csv": report.WriteCSV, "json": report.WriteJSON, "md": report.WriteMarkdown}[format]
	if write == nil {
		return fmt.Errorf("format %q: want csv, json or md", format)
	}
	in := instruction.Instruction2021()
	apps, err := applications()
	if err != nil {
		return err
	}
	a := in.Envelopes
	ledger, err := envelope.OpenLedger(&a, &in.Forfait, envelope.IleDeFrance, envelope.Volet1)
	if err != nil {
		return err
	}
	// Two tranches and a budget per window (Annexe 2 §5).
	c := func(adv, use int64) envelope.Credits {
		return envelope.Credits{Advance: decimal.New(adv, 0), Usage: decimal.New(use, 0)}
	}
	steps := []error{
		ledger.Delegate(envelope.Tranche{Date: window.DateOf(2021, 10, 1), Credits: c(300_000, 500_000), Source: "circulaire FMIS 2021, 1re délégation"}),
		ledger.Move(envelope.Transfer{Date: window.DateOf(2021, 10, 1), To: window.W1, Credits: c(200_000, 400_000), Source: "budget de la fenêtre 1"}),
		ledger.Delegate(envelope.Tranche{Date: window.DateOf(2022, 3, 1), Credits: c(100_000, 200_000), Source: "circulaire FMIS 2022, 1re délégation"}),
		ledger.Move(envelope.Transfer{Date: window.DateOf(2022, 3, 1), To: window.W2, Credits: c(150_000, 250_000), Source: "budget de la fenêtre 2"}),
	}
	if err := errors.Join(steps...); err != nil {
		return err
	}
	var decisions []eligibility.Decision
	var states []settlement.State
	var last window.Date // the forecast's day: the last decision's
	for _, app := range apps {
		on := in.Calendar().Terms(app.Window).Review.End
		if on.After(last) {
			last = on
		}
		d, err := eligibility.Decide(&app, &in, on)
		if err != nil {
			return err
		}
		decisions = append(decisions, d)
		if d.Status() != eligibility.Validated {
			continue // a decision with no validated domain commits and opens nothing
		}
		cs, err := settlement.Commitments(&in, d, decimal.Zero, on)
		if err != nil {
			return err
		}
		if err := ledger.Commit(cs...); err != nil {
			return err
		}
		st, added, err := settlement.Open(&in, d, decimal.Zero, on)
		if err != nil {
			return err
		}
		if err := ledger.Book(added...); err != nil {
			return err
		}
		states = append(states, st)
	}
	fc, err := settlement.NewForecast(&in, last, states, nil, []*envelope.Ledger{ledger})
	if err != nil {
		return err
	}
	ghts := map[forfait.FINESS]string{}
	for _, app := range apps {
		if g := app.Establishment.GHT; g != nil {
			ghts[app.Establishment.FINESSGeo] = g.Name
		}
	}
	tables := map[string]report.Table{}
	names := []string{}
	for _, win := range []window.Window{window.W1, window.W2} {
		t, err := report.Applications(&in, decisions, decimal.Zero, win)
		if err != nil {
			return err
		}
		name := "candidatures-fenetre-" + win.String()
		tables[name], names = t, append(names, name)
	}
	tables["notifications-prevues"], tables["situation-enveloppe"] = report.Planned(fc, ghts), report.Statement(ledger)
	names = append(names, "notifications-prevues", "situation-enveloppe")
	for _, name := range names {
		if dir == "" {
			if err := write(w, tables[name]); err != nil {
				return err
			}
			fmt.Fprintln(w)
			continue
		}
		if err := writeFile(filepath.Join(dir, name+"."+format), tables[name], write); err != nil {
			return err
		}
		fmt.Fprintln(w, filepath.Join(dir, name+"."+format))
	}
	return nil
}

func writeFile(path string, t report.Table, write func(io.Writer, report.Table) error) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f, t); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
