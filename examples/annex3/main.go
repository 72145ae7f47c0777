package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/instruction"
)

func main() {
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "annex3 prints the worked example of Annexe 3 §4, computed by the module, with the annex's own rounding and the exact one.\n\nUsage: annex3 (no flags)")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "annex3:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	fmt.Fprintln(w, "Annexe 3 §4 — worked example: category C, combined activity 127 800")
	fmt.Fprintln(w, "DS1 with CRO in window 1, DS2 (biology) in window 4, DS3 (imaging) in window 2.")
	for _, unit := range []struct {
		euros int64
		title string
	}{
		{1000, "Base unit 1 000 €, as the annex rounds (INT-03): 99 762 € → 100 k€, 39 194 € → 39 k€"},
		{1, "Base unit 1 € (the library's default, INT-03)"},
	} {
		rs := instruction.Instruction2021().Forfait
		rs.Rounding.BaseUnit = decimal.New(unit.euros, 0)
		fmt.Fprintf(w, "\n== %s ==\n", unit.title)
		var total, advance, balance decimal.Decimal
		for _, req := range forfait.WorkedExample() {
			d, err := rs.Explain(req)
			if err != nil {
				return err
			}
			f := d.Forfait
			fmt.Fprintf(w, "\n%s (%s), window %s: forfait %s €, advance %s €, balance %s €\n",
				f.Variant, f.Variant.Domain.Label(), f.Window, forfait.Format(f.Amount), forfait.Format(f.Advance), forfait.Format(f.Balance))
			fmt.Fprint(w, d)
			total, advance, balance = total.Add(f.Amount), advance.Add(f.Advance), balance.Add(f.Balance)
		}
		fmt.Fprintf(w, "\nTotal: forfait %s €, advances %s €, balances %s €\n",
			forfait.Format(total), forfait.Format(advance), forfait.Format(balance))
	}
	fmt.Fprintln(w, `
Notes
- The annex prints the 80 % line as "Fenêtre 3"; 80 % is window 4's factor
  (Annexe 3 §4 table), so biology is computed in window 4.
- The annex shows the advances and balances rounded for display (10.5, 9,
  24.5, 22 k€); the exact split is 30 % rounded to the euro (INT-04).`)
	return nil
}
