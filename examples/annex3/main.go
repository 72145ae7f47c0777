package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
)

func main() {
	fs := flag.NewFlagSet("annex3", flag.ContinueOnError)
	lang := fs.String("lang", "en", "language of the example: `fr` or en")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "annex3 computes the worked example of Annexe 3 §4 with its derivations.\n\nUsage: annex3 [-lang fr|en]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		os.Exit(2)
	}
	if fs.NArg() > 0 {
		fs.Usage()
		os.Exit(2)
	}
	l, err := codec.ParseLang(*lang)
	if err != nil {
		fmt.Fprintf(os.Stderr, "annex3: -lang %q: want fr or en\n", *lang)
		os.Exit(2)
	}
	if err := run(os.Stdout, l); err != nil {
		fmt.Fprintln(os.Stderr, "annex3:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, l codec.Lang) error {
	t := func(fr, en string) string { return codec.Text{French: fr, English: en}.In(l) }
	m := l.Money
	if l == codec.English {
		m = func(d decimal.Decimal) string { return forfait.Format(d) + " €" }
	}
	fmt.Fprintln(w, t("Annexe 3 §4 — exemple chiffré : catégorie C, activité combinée 127 800",
		"Annexe 3 §4 — worked example: category C, combined activity 127 800"))
	fmt.Fprintln(w, t("DS1 avec CRO en fenêtre 1, DS2 (biologie) en fenêtre 4, DS3 (imagerie) en fenêtre 2.",
		"DS1 with CRO in window 1, DS2 (biology) in window 4, DS3 (imaging) in window 2."))
	for _, unit := range []struct {
		euros int64
		title codec.Text
	}{
		{1000, codec.Text{French: "Unité de base 1 000 €, comme l'annexe arrondit (INT-03) : 99 762 € → 100 k€, 39 194 € → 39 k€",
			English: "Base unit 1 000 €, as the annex rounds (INT-03): 99 762 € → 100 k€, 39 194 € → 39 k€"}},
		{1, codec.Text{French: "Unité de base 1 € (le défaut de la bibliothèque, INT-03)", English: "Base unit 1 € (the library's default, INT-03)"}},
	} {
		rs := instruction.Instruction2021().Forfait
		rs.Rounding.BaseUnit = decimal.New(unit.euros, 0)
		fmt.Fprintf(w, "\n== %s ==\n", unit.title.In(l))
		var total, advance, balance decimal.Decimal
		for _, req := range forfait.WorkedExample() {
			d, err := rs.Explain(req)
			if err != nil {
				return err
			}
			f := d.Forfait
			fmt.Fprintf(w, t("\n%s (%s), fenêtre %s : forfait %s, avance %s, solde %s\n", "\n%s (%s), window %s: forfait %s, advance %s, balance %s\n"),
				f.Variant, f.Variant.Domain.Label(), f.Window, m(f.Amount), m(f.Advance), m(f.Balance))
			fmt.Fprint(w, d.Text(l))
			total, advance, balance = total.Add(f.Amount), advance.Add(f.Advance), balance.Add(f.Balance)
		}
		fmt.Fprintf(w, t("\nTotal : forfait %s, avances %s, soldes %s\n", "\nTotal: forfait %s, advances %s, balances %s\n"), m(total), m(advance), m(balance))
	}
	fmt.Fprintln(w, t(`
Notes
- L'annexe imprime la ligne à 80 % sous « Fenêtre 3 » ; 80 % est le facteur
  de la fenêtre 4 (tableau de l'Annexe 3 §4) : la biologie est calculée en
  fenêtre 4.
- L'annexe montre les avances et les soldes arrondis pour l'affichage (10,5,
  9, 24,5, 22 k€) ; le partage exact est 30 % arrondi à l'euro (INT-04).`, `
Notes
- The annex prints the 80 % line as "Fenêtre 3"; 80 % is window 4's factor
  (Annexe 3 §4 table), so biology is computed in window 4.
- The annex shows the advances and balances rounded for display (10.5, 9,
  24.5, 22 k€); the exact split is 30 % rounded to the euro (INT-04).`))
	return nil
}
