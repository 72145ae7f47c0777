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
	"github.com/sunes-spec/sunes/forfait/campaign"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the command with its streams, so that tests can drive it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("campaign", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		in          = fs.String("in", "", "input CSV `file` (default: standard input)")
		nationalMax = fs.String("national-max", "", "national maximum of combined activity, the upper end of category D (INT-02; default: the largest in the file)")
		baseUnit    = fs.String("base-unit", "1", "rounding unit of the base amounts, in `euros` (INT-03; 1000 reproduces Annexe 3 §4)")
		format      = fs.String("format", "csv", "output format: csv or json")
		explain     = fs.Bool("explain", false, "with -format json, attach each record's derivation")
		lang        = fs.String("lang", "", "the language `fr` or en of the derivations with -explain, each step with its label (default: the steps as computed, without labels), of -diff and of the problems reported (default: English)")
		diff        = fs.String("diff", "", "instead of the forfaits, the derivation steps that differ between two records `A,B`, each FINESS:DS1|DS1+CRO|DS2|DS3:WINDOW")
		allocate    = fs.String("allocate", "", "instead of the forfaits, allocate `TOTAL` euros among the 18 regions in proportion to their window-1 standard forfaits (Annexe 2 §1, INT-08)")
		sep         = fs.String("sep", "", "the input's separator, `, ; or tab` (default: detected from the header)")
		encoding    = fs.String("encoding", "", "the input's encoding, utf-8 or windows-1252 (default: detected; UTF-16 by its byte-order mark)")
	)
	fs.Usage = func() {
		columns := strings.Join(campaign.Columns(), ", ")
		cli.Usage(stderr, fs, cli.Lang(args, codec.English), codec.Text{
			French: "campaign calcule les forfaits SUN-ES du volet 1 d'une extraction nationale.\n\n" +
				"Usage : campaign -in extraction.csv [-format csv|json] [-explain] [-lang fr|en] [-national-max N] [-base-unit E] [-allocate TOTAL] [-diff A,B] [-sep ;] [-encoding cp1252]\n\n" +
				"Colonnes lues (dans n'importe quel ordre, les autres ignorées) : " + columns + "\n",
			English: "campaign computes the SUN-ES volet 1 forfaits of a national extract.\n\n" +
				"Usage: campaign -in extract.csv [-format csv|json] [-explain] [-lang fr|en] [-national-max N] [-base-unit E] [-allocate TOTAL] [-diff A,B] [-sep ;] [-encoding windows-1252]\n\n" +
				"Input columns (any order, others ignored): " + columns + "\n",
		}, map[string]string{
			"in":           "`fichier` CSV de l'extraction (défaut : l'entrée standard)",
			"national-max": "le maximum national `N` de l'activité combinée, borne haute de la catégorie D (INT-02 ; défaut : le plus grand du fichier)",
			"base-unit":    "unité d'arrondi des montants de base, en `euros` (INT-03 ; 1000 reproduit l'Annexe 3 §4)",
			"format":       "`format` de sortie : csv ou json",
			"explain":      "avec -format json, joint à chaque ligne le détail de son calcul",
			"lang":         "la langue, `fr` ou en, des calculs détaillés avec -explain (chaque étape avec son libellé ; défaut : les étapes telles que calculées, sans libellé), de -diff et des problèmes signalés (défaut : anglais)",
			"diff":         "au lieu des forfaits, les étapes du calcul qui diffèrent entre deux lignes `A,B`, chacune FINESS:DS1|DS1+CRO|DS2|DS3:FENÊTRE",
			"allocate":     "au lieu des forfaits, répartit `TOTAL` euros entre les 18 régions au prorata de leurs forfaits standard de la fenêtre 1 (Annexe 2 §1, INT-08)",
			"sep":          "le séparateur de l'extraction, `, ; ou tab` (défaut : détecté sur l'en-tête)",
			"encoding":     "l'`encodage` de l'extraction, utf-8 ou windows-1252 (défaut : détecté ; UTF-16 par son indicateur d'ordre des octets)",
		})
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	var errs []error
	say := func(french, english string) error {
		return codec.TextError(codec.Text{French: french, English: english})
	}
	if fs.NArg() > 0 {
		errs = append(errs, say(fmt.Sprintf("argument inattendu %q", fs.Arg(0)), fmt.Sprintf("unexpected argument %q", fs.Arg(0))))
	}
	if *format != "csv" && *format != "json" {
		errs = append(errs, say(fmt.Sprintf("-format %q : attendu csv ou json", *format), fmt.Sprintf("-format %q: want csv or json", *format)))
	}
	if *explain && *format != "json" {
		errs = append(errs, say("-explain demande -format json", "-explain needs -format json"))
	}
	var l codec.Lang
	if *lang != "" {
		var err error
		if l, err = codec.ParseLang(*lang); err != nil {
			errs = append(errs, fmt.Errorf("-lang %q: want fr or en", *lang))
		}
	}
	var total decimal.Decimal
	if *allocate != "" {
		d, err := decimal.NewFromString(*allocate)
		if err != nil || d.Sign() < 0 || !d.IsInteger() {
			errs = append(errs, say(fmt.Sprintf("-allocate %q : attendu un nombre entier d'euros", *allocate), fmt.Sprintf("-allocate %q: want a whole number of euros", *allocate)))
		}
		if *format != "csv" || *explain {
			errs = append(errs, say("-allocate écrit du CSV : il ne prend ni -format json ni -explain", "-allocate prints CSV: it takes neither -format json nor -explain"))
		}
		total = d
	}
	var keys []campaign.Key
	if *diff != "" {
		for _, k := range strings.Split(*diff, ",") {
			key, err := campaign.ParseKey(k)
			if err != nil {
				errs = append(errs, say("-diff : "+codec.Messages(err, codec.French)[0], "-diff: "+err.Error()))
			}
			keys = append(keys, key)
		}
		if len(keys) != 2 {
			errs = append(errs, say(fmt.Sprintf("-diff %q : attendu deux enregistrements A,B", *diff), fmt.Sprintf("-diff %q: want two records A,B", *diff)))
		}
		if *allocate != "" || *format != "csv" || *explain {
			errs = append(errs, say("-diff écrit du texte : il ne prend ni -allocate, ni -format json, ni -explain", "-diff prints text: it takes neither -allocate, -format json nor -explain"))
		}
	}
	rules := instruction.Instruction2021()
	opt := campaign.Options{Explain: *explain, Lang: l}
	if d, err := decimal.NewFromString(*baseUnit); err != nil || d.Sign() <= 0 {
		errs = append(errs, say(fmt.Sprintf("-base-unit %q : attendu un nombre d'euros positif", *baseUnit), fmt.Sprintf("-base-unit %q: want a positive number of euros", *baseUnit)))
	} else {
		rules.Forfait.Rounding.BaseUnit = d
	}
	if *nationalMax != "" {
		d, err := decimal.NewFromString(*nationalMax)
		if err != nil || d.Sign() <= 0 {
			errs = append(errs, say(fmt.Sprintf("-national-max %q : attendu une activité combinée positive", *nationalMax), fmt.Sprintf("-national-max %q: want a positive combined activity", *nationalMax)))
		}
		opt.NationalMax = d
	}
	dialect, err := codec.ParseDialect(*sep, *encoding)
	for _, e := range codec.Leaves(err) {
		var ie *codec.InputError
		if errors.As(e, &ie) {
			flag := map[string]string{"separator": "-sep", "encoding": "-encoding"}[ie.Field]
			t, _ := codec.SentinelText(ie.Err)
			e = say(flag+" "+ie.Value+" : "+t.French, fmt.Sprintf("%s %s: %s", flag, ie.Value, ie.Err))
		}
		errs = append(errs, e)
	}
	if len(errs) > 0 {
		return fail(stderr, errors.Join(errs...), l, 2)
	}

	r := stdin
	if *in != "" {
		f, err := os.Open(*in)
		if err != nil {
			return fail(stderr, err, l, 1)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return fail(stderr, fmt.Errorf("%s is a directory, not an extract", *in), l, 1)
		}
		r = f
	}
	x, err := campaign.ReadDialect(r, dialect)
	said := codec.English // what the tool says on stderr: in French with -lang fr
	if l == codec.French {
		said = l
	}
	// What was detected is said first: it may explain the problems.
	if x.SeparatorDetected && x.Dialect.Separator != ',' {
		sep := "« " + string(x.Dialect.Separator) + " »"
		if x.Dialect.Separator == '\t' {
			sep = "tabulation"
		}
		fmt.Fprint(stderr, codec.Text{French: "campaign: extraction : séparateur " + sep + " détecté (-sep pour en imposer un)\n",
			English: fmt.Sprintf("campaign: extract: separator %q detected (-sep to impose one)\n", x.Dialect.Separator)}.In(said))
	}
	if x.Decoded {
		fmt.Fprintf(stderr, codec.Text{French: "campaign: extraction : lue en %s (-encoding pour en imposer un)\n",
			English: "campaign: extract: read as %s (-encoding to impose one)\n"}.In(said), x.Dialect.Encoding)
	}
	for _, w := range x.Warnings {
		for _, m := range codec.Messages(w, said) {
			fmt.Fprintln(stderr, "campaign:", codec.Text{French: "avertissement :", English: "warning:"}.In(said), m)
		}
	}
	if err != nil {
		return fail(stderr, err, l, 1)
	}
	if *nationalMax == "" {
		if err := campaign.CheckNationalMax(&rules.Forfait, x.Establishments); err != nil {
			return fail(stderr, err, l, 1)
		}
	}
	ests := x.Establishments
	if len(keys) == 2 {
		var ds [2]forfait.Derivation
		for i, k := range keys {
			if ds[i], err = campaign.Explain(&rules, ests, opt, k); err != nil {
				return fail(stderr, err, l, 1)
			}
		}
		if l == codec.French {
			fmt.Fprintf(stdout, "A %s : forfait %s\nB %s : forfait %s\n%s", keys[0], l.Money(ds[0].Forfait.Amount),
				keys[1], l.Money(ds[1].Forfait.Amount), forfait.FormatDiffIn(forfait.Diff(ds[0], ds[1]), l))
			return 0
		}
		fmt.Fprintf(stdout, "A %s: forfait %s\nB %s: forfait %s\n%s", keys[0], forfait.Format(ds[0].Forfait.Amount),
			keys[1], forfait.Format(ds[1].Forfait.Amount), forfait.FormatDiff(forfait.Diff(ds[0], ds[1])))
		return 0
	}
	if *allocate != "" {
		envs, err := campaign.RegionalEnvelopes(&rules, ests, opt, total)
		if err != nil {
			return fail(stderr, err, l, 1)
		}
		_, err = stdout.Write(campaign.AppendAllocation(nil, envs))
		if err != nil {
			return fail(stderr, err, l, 1)
		}
		return 0
	}
	f := campaign.CSV
	if *format == "json" {
		f = campaign.JSON
	}
	// Write finds every input problem before it writes anything, then
	// streams the records as they are computed.
	sum, err := campaign.Write(stdout, &rules, ests, opt, f)
	if sum.From != nil {
		if l == codec.French {
			fmt.Fprintf(stderr, "campaign: maximum national de l'activité combinée %s, du FINESS %s en ligne %d (INT-02 ; -national-max pour le donner)\n",
				codec.French.Number(sum.NationalMax), sum.From.FINESS, sum.From.Line)
		} else {
			fmt.Fprintf(stderr, "campaign: national maximum of combined activity %s, from FINESS %s on line %d (INT-02; -national-max to give it)\n",
				forfait.Format(sum.NationalMax), sum.From.FINESS, sum.From.Line)
		}
	}
	if err != nil {
		return fail(stderr, err, l, 1)
	}
	return 0
}

// fail prints every problem of err on its own line, for a reader of l
// (English when unset), and what the user can do about a kind of
// problem.
func fail(stderr io.Writer, err error, l codec.Lang, status int) int {
	if l != codec.French {
		l = codec.English
	}
	for _, m := range codec.Messages(err, l) {
		fmt.Fprintln(stderr, "campaign:", m)
	}
	for _, h := range codec.Hints(err, l) {
		fmt.Fprintln(stderr, "campaign:", h)
	}
	if errors.Is(err, campaign.ErrOutlierMax) {
		fmt.Fprintln(stderr, "campaign:", codec.Text{French: "-national-max N donne le maximum national (INT-02)", English: "-national-max N gives the national maximum (INT-02)"}.In(l))
	}
	return status
}
