package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/examples/internal/cli"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/audit"
	"github.com/sunes-spec/sunes/forfait/campaign"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the command with its streams, so that tests can drive it.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		extract     = fs.String("extract", "", "the national extract, CSV `file` with columns "+strings.Join(campaign.Columns(), ", "))
		payments    = fs.String("payments", "", "the payments made, CSV `file` with columns "+strings.Join(audit.PaymentColumns(), ", "))
		nationalMax = fs.String("national-max", "", "national maximum of combined activity (INT-02; default: the largest in the extract)")
		baseUnit    = fs.String("base-unit", "1", "rounding unit of the base amounts, in `euros` (INT-03)")
		format      = fs.String("format", "csv", "output format: csv, json or md")
		lang        = fs.String("lang", "fr", "language of the md report, and of the problems reported when given: `fr` or en (problems: French for md, English for csv and json)")
		sep         = fs.String("sep", "", "the files' separator, `, ; or tab` (default: detected from each header)")
		encoding    = fs.String("encoding", "", "the files' encoding, utf-8 or windows-1252 (default: detected; UTF-16 by its byte-order mark)")
	)
	fs.Usage = func() {
		cli.Usage(stderr, fs, cli.Lang(args, codec.French), codec.Text{
			French: "audit contrôle les versements SUN-ES effectués au regard des règles.\n\n" +
				"Usage : audit -extract FICHIER -payments FICHIER [-format csv|json|md] [-lang fr|en] [-national-max N] [-sep ;] [-encoding cp1252]",
			English: "audit checks SUN-ES payments made against the rules.\n\n" +
				"Usage: audit -extract FILE -payments FILE [-format csv|json|md] [-lang fr|en] [-national-max N] [-sep ;] [-encoding windows-1252]",
		}, map[string]string{
			"extract":      "l'extraction nationale, `fichier` CSV aux colonnes " + strings.Join(campaign.Columns(), ", "),
			"payments":     "les versements effectués, `fichier` CSV aux colonnes " + strings.Join(audit.PaymentColumns(), ", "),
			"national-max": "le maximum national `N` de l'activité combinée (INT-02 ; défaut : le plus grand de l'extraction)",
			"base-unit":    "unité d'arrondi des montants de base, en `euros` (INT-03)",
			"format":       "`format` de sortie : csv, json ou md",
			"lang":         "langue du rapport md, et des problèmes signalés quand elle est donnée : `fr` ou en (problèmes : en français pour md, en anglais pour csv et json)",
			"sep":          "le séparateur des fichiers, `, ; ou tab` (défaut : détecté sur chaque en-tête)",
			"encoding":     "l'`encodage` des fichiers, utf-8 ou windows-1252 (défaut : détecté ; UTF-16 par son indicateur d'ordre des octets)",
		})
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	var errs []error
	l, err := codec.ParseLang(*lang)
	if err != nil {
		errs = append(errs, fmt.Errorf("-lang %q: want fr or en", *lang))
	}
	// The problems are in the language asked, else in the report's: French
	// for md, English for csv and json.
	told := codec.English
	if *format == "md" {
		told = l
	}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "lang" {
			told = l
		}
	})
	say := func(french, english string) error {
		return codec.TextError(codec.Text{French: french, English: english})
	}
	if *extract == "" || *payments == "" {
		errs = append(errs, say("-extract et -payments sont obligatoires", "-extract and -payments are required"))
	}
	if *format != "csv" && *format != "json" && *format != "md" {
		errs = append(errs, say(fmt.Sprintf("-format %q : attendu csv, json ou md", *format), fmt.Sprintf("-format %q: want csv, json or md", *format)))
	}
	in := instruction.Instruction2021()
	if d, err := decimal.NewFromString(*baseUnit); err != nil || d.Sign() <= 0 {
		errs = append(errs, say(fmt.Sprintf("-base-unit %q : attendu un nombre d'euros positif", *baseUnit), fmt.Sprintf("-base-unit %q: want a positive number of euros", *baseUnit)))
	} else {
		in.Forfait.Rounding.BaseUnit = d
	}
	var opt audit.Options
	if *nationalMax != "" {
		d, err := decimal.NewFromString(*nationalMax)
		if err != nil || d.Sign() <= 0 {
			errs = append(errs, say(fmt.Sprintf("-national-max %q : attendu une activité combinée positive", *nationalMax), fmt.Sprintf("-national-max %q: want a positive combined activity", *nationalMax)))
		}
		opt.NationalMax = d
	}
	dialect, err := codec.ParseDialect(*sep, *encoding)
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return fail(stderr, "", errors.Join(errs...), told, 2)
	}
	x, err := readFile(*extract, func(r io.Reader) (campaign.Extract, error) { return campaign.ReadDialect(r, dialect) })
	for _, w := range x.Warnings {
		for _, m := range codec.Messages(w, told) {
			fmt.Fprintln(stderr, "audit:", codec.Text{French: "avertissement :", English: "warning:"}.In(told), m)
		}
	}
	if err != nil {
		return fail(stderr, *extract, err, told, 1)
	}
	ests := x.Establishments
	if opt.NationalMax.IsZero() {
		if err := campaign.CheckNationalMax(&in.Forfait, ests); err != nil {
			return fail(stderr, *extract, err, told, 1)
		}
	}
	pays, err := readFile(*payments, func(r io.Reader) ([]audit.Payment, error) { return audit.ReadPaymentsDialect(r, dialect) })
	if err != nil {
		return fail(stderr, *payments, err, told, 1)
	}
	establishments, err := audit.FromExtract(&in.Forfait, ests)
	if err != nil {
		return fail(stderr, *extract, err, told, 1)
	}
	report, err := audit.Audit(&in, establishments, pays, opt)
	if err != nil {
		return fail(stderr, "", err, told, 1)
	}
	switch {
	case report.NationalMaxFrom.IsValid() && told == codec.French:
		fmt.Fprintf(stderr, "audit: maximum national de l'activité combinée %s, celui du FINESS %s (INT-02 ; -national-max pour le donner)\n",
			told.Number(report.NationalMax), report.NationalMaxFrom)
	case report.NationalMaxFrom.IsValid():
		fmt.Fprintf(stderr, "audit: national maximum of combined activity %s, from FINESS %s (INT-02; -national-max to give it)\n",
			forfait.Format(report.NationalMax), report.NationalMaxFrom)
	}
	switch *format {
	case "json":
		err = audit.WriteJSON(stdout, report)
	case "md":
		err = audit.WriteMarkdownIn(stdout, &in, report, l)
	default:
		err = audit.WriteCSV(stdout, report)
	}
	if err != nil {
		return fail(stderr, "", err, told, 1)
	}
	return 0
}

// readFile opens name and reads it with read; a directory or a missing
// file is one line.
func readFile[T any](name string, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(name)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return zero, errors.New("is a directory")
	}
	return read(f)
}

// fail prints every problem of err on its own line for a reader of l,
// naming the file it is in (by its noun, "extract" or "payments ledger",
// or by its path; in French, by its path).
func fail(stderr io.Writer, file string, err error, l codec.Lang, status int) int {
	for _, e := range forfait.Problems(err) {
		var le *campaign.LineError
		named := errors.As(e, &le) && le.File != "" && l != codec.French // a LineError names its file in English
		for _, m := range codec.Messages(e, l) {
			if file != "" && !named {
				fmt.Fprintf(stderr, "audit: %s: %s\n", file, m)
				continue
			}
			fmt.Fprintln(stderr, "audit:", m)
		}
	}
	for _, h := range codec.Hints(err, l) {
		fmt.Fprintln(stderr, "audit:", h)
	}
	if errors.Is(err, campaign.ErrOutlierMax) {
		fmt.Fprintln(stderr, "audit:", codec.Text{French: "-national-max N donne le maximum national (INT-02)", English: "-national-max N gives the national maximum (INT-02)"}.In(l))
	}
	return status
}
