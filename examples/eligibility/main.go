package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/examples/internal/cli"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/window"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eligibility", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "", "application JSON `file` (default: standard input)")
	onFlag := fs.String("on", "", "the `day` of the decision, YYYY-MM-DD (default: the last day of the window's review period)")
	lang := fs.String("lang", "fr", "language of the letter and of the problems reported: `fr` or en")
	encoding := fs.String("encoding", "", "the file's encoding, utf-8 or windows-1252 (default: detected; UTF-16 by its byte-order mark)")
	fs.Usage = func() {
		cli.Usage(stderr, fs, cli.Lang(args, codec.French), codec.Text{
			French: "eligibility instruit une candidature SUN-ES (JSON, comme examples/eligibility/samples) et écrit la décision et le courrier.\n\n" +
				"Usage : eligibility -in candidature.json [-on 2021-12-01] [-lang en] [-encoding cp1252]",
			English: "eligibility reviews a SUN-ES application (JSON, as examples/eligibility/samples) and prints the decision and the letter.\n\n" +
				"Usage: eligibility -in application.json [-on 2021-12-01] [-lang en] [-encoding windows-1252]",
		}, map[string]string{
			"in":       "`fichier` JSON de la candidature (défaut : l'entrée standard)",
			"on":       "le `jour` de la décision, AAAA-MM-JJ (défaut : le dernier jour de la période d'instruction de la fenêtre)",
			"lang":     "langue du courrier et des problèmes signalés : `fr` ou en",
			"encoding": "l'`encodage` du fichier, utf-8 ou windows-1252 (défaut : détecté ; UTF-16 par son indicateur d'ordre des octets)",
		})
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	told, err := codec.ParseLang(*lang)
	if err != nil || (*lang != "fr" && *lang != "en") {
		fmt.Fprintf(stderr, "eligibility: -lang %q: want fr or en\n", *lang)
		return 2
	}
	say := func(french, english string) string { return codec.Text{French: french, English: english}.In(told) }
	r := stdin
	if *in != "" {
		f, err := os.Open(*in)
		if err != nil {
			fmt.Fprintln(stderr, "eligibility:", err)
			return 1
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			fmt.Fprintln(stderr, "eligibility:", *in, say("est un dossier, pas une candidature", "is a directory, not an application"))
			return 1
		}
		r = f
	}
	dialect, err := codec.ParseDialect("", *encoding)
	if err != nil {
		fmt.Fprintf(stderr, "eligibility: -encoding %q: %s\n", *encoding, say("attendu : utf-8 ou windows-1252", "want utf-8 or windows-1252"))
		return 2
	}
	data, err := io.ReadAll(io.LimitReader(r, maxApplication+1))
	if err != nil {
		fmt.Fprintln(stderr, "eligibility:", err)
		return 1
	}
	if len(data) > maxApplication {
		fmt.Fprintf(stderr, "eligibility: %s\n", say("candidature : plus de "+codec.Thousands(maxApplication)+" octets : ce n'est pas une candidature",
			"application: more than "+codec.Thousands(maxApplication)+" bytes: not an application"))
		return 1
	}
	text, enc, err := codec.DecodeText(data, dialect.Encoding)
	if err == nil && enc != codec.UTF8 && dialect.Encoding == codec.DetectEncoding {
		fmt.Fprintf(stderr, "eligibility: %s\n", say("candidature : lue en "+enc.String()+" (-encoding pour en imposer un)",
			"application: read as "+enc.String()+" (-encoding to impose one)"))
	}
	if err == nil {
		var app eligibility.Application
		if app, err = eligibility.DecodeApplication(text); err == nil {
			return decide(app, *onFlag, told, stdout, stderr)
		}
	}
	for _, m := range codec.Messages(err, told) {
		fmt.Fprintln(stderr, say("eligibility: candidature :", "eligibility: application:"), m)
	}
	for _, h := range codec.Hints(err, told) {
		fmt.Fprintln(stderr, "eligibility:", h)
	}
	return 1
}

// maxApplication bounds the size of an application file: a thousand times
// a real one.
const maxApplication = 16 << 20

// decide decides on app and prints the decision and the letter, or the
// problems for a reader of told.
func decide(app eligibility.Application, onFlag string, told codec.Lang, stdout, stderr io.Writer) int {
	var err error
	rules := instruction.Instruction2021()
	on := rules.Calendar().Terms(app.Window).Review.End
	if onFlag != "" {
		if on, err = window.ParseDate(onFlag); err != nil {
			fmt.Fprintln(stderr, "eligibility: -on :", codec.Messages(err, told)[0])
			return 2
		}
	}
	d, err := eligibility.Decide(&app, &rules, on)
	if err != nil {
		for _, m := range codec.Messages(err, told) {
			fmt.Fprintln(stderr, "eligibility:", m)
		}
		return 1
	}
	out, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		fmt.Fprintln(stderr, "eligibility:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s\n\n%s", out, letter(d, texts[told], rules.Forfait.Advance))
	return 0
}

// words are the phrases of a letter in one language.
type words struct {
	subject, establishment, domains, cro, validatedAll, validatedSome, refusedSome, refusedAll, reason, domain, audit string
	sep, colon                                                                                                        string
	lang                                                                                                              codec.Lang
	day                                                                                                               func(window.Date) string
	message                                                                                                           func(eligibility.Reason) string
	label                                                                                                             func(forfait.Domain) string
	// source writes a citation with the language's punctuation.
	source func(string) string
}

// frenchPunctuation puts a space before a semicolon, as French writes it:
// "§5; Annexe 2 §3" becomes "§5 ; Annexe 2 §3".
var frenchPunctuation = strings.NewReplacer(" ; ", " ; ", "; ", " ; ")

// texts holds the letter in French, as the ARS writes it to the
// establishment, and in English.
var texts = map[codec.Lang]words{
	codec.French: {
		subject:       "Objet : candidature au programme SUN-ES, volet 1, fenêtre %s\n",
		establishment: "Établissement : %s (FINESS géographique %s, juridique %s)\n",
		domains:       "Domaines : %s\n\n",
		cro:           " avec le bonus CRO",
		validatedAll:  "Votre candidature, déposée le %s, est validée le %s pour tous ses domaines. L'avance de %s du forfait de chaque domaine vous sera notifiée (%s).\n",
		validatedSome: "Votre candidature, déposée le %s, est validée le %s pour les domaines suivants : %s. L'avance de %s du forfait de chacun vous sera notifiée (%s).\n",
		refusedSome:   "Elle n'est pas validée pour les domaines suivants, pour les motifs indiqués (§6.1) :\n",
		refusedAll:    "Votre candidature, déposée le %s, n'est pas validée (décision du %s), pour les motifs suivants (§6.1) :\n",
		reason:        "motif",
		sep:           " ; ",
		colon:         " :",
		domain:        "domaine",
		audit:         "Le prérequis PS2.2 est validé sur un bon de commande : l'audit prévu le %s doit être réalisé au plus tard le %s (Annexe 1, PS2.2).\n",
		lang:          codec.French,
		day:           window.Date.French,
		source:        frenchPunctuation.Replace,
		message:       func(r eligibility.Reason) string { return r.French },
		label:         forfait.Domain.Label,
	},
	codec.English: {
		subject:       "Subject: application to the SUN-ES programme, part 1, window %s\n",
		establishment: "Establishment: %s (FINESS géographique %s, juridique %s)\n",
		domains:       "Domains: %s\n\n",
		cro:           " with the CRO bonus",
		validatedAll:  "Your application, filed on %s, is validated on %s for all its domains. The advance of %s of each domain's forfait will be notified to you (%s).\n",
		validatedSome: "Your application, filed on %s, is validated on %s for these domains: %s. The advance of %s of each one's forfait will be notified to you (%s).\n",
		refusedSome:   "It is not validated for these domains, for the reasons given (§6.1):\n",
		refusedAll:    "Your application, filed on %s, is not validated (decision of %s), for these reasons (§6.1):\n",
		reason:        "reason",
		sep:           "; ",
		colon:         ":",
		domain:        "domain",
		audit:         "Prerequisite PS2.2 is validated on a purchase order: the audit planned on %s must be done by %s (Annexe 1, PS2.2).\n",
		lang:          codec.English,
		day:           func(d window.Date) string { return d.Time().Format("2 January 2006") },
		source:        func(s string) string { return s },
		message:       func(r eligibility.Reason) string { return r.English },
		label: func(d forfait.Domain) string {
			return map[forfait.Domain]string{forfait.DS1: "discharge documents", forfait.DS2: "medical biology", forfait.DS3: "imaging"}[d]
		},
	},
}

// letter is the decision as the ARS writes it to the establishment: what
// is validated, and what is not and why, each reason citing its paragraph
// (§6.1); the advance is the rule set's share (§5, Annexe 2 §3).
func letter(d eligibility.Decision, w words, advance forfait.Share) string {
	var b strings.Builder
	a := d.Application()
	e := a.Establishment
	name := e.Name
	if name == "" {
		name = "-"
	}
	variant := func(v forfait.Variant) string {
		s := v.Domain.String() + " (" + w.label(v.Domain) + ")"
		if v.CRO {
			s += w.cro
		}
		return s
	}
	var all []string
	for _, v := range a.Domains {
		all = append(all, variant(v))
	}
	fmt.Fprintf(&b, w.subject, a.Window)
	fmt.Fprintf(&b, w.establishment, name, e.FINESSGeo, e.FINESSJur)
	fmt.Fprintf(&b, w.domains, strings.Join(all, w.sep))
	reason := func(indent string, r eligibility.Reason, withDomain bool) {
		fmt.Fprintf(&b, "%s- %s [%s%s%s %s", indent, w.message(r), w.source(r.Source), w.sep, w.reason, r.Code)
		if withDomain && r.Domain != 0 {
			fmt.Fprintf(&b, "%s%s %s", w.sep, w.domain, r.Domain)
		}
		b.WriteString("]\n")
	}
	filed, on := w.day(a.Filed), w.day(d.Date())
	if d.Status() != eligibility.Validated {
		fmt.Fprintf(&b, w.refusedAll, filed, on)
		for _, r := range d.Reasons() {
			reason("", r, true)
		}
		return b.String()
	}
	var validated []string
	for _, v := range d.Validated() {
		validated = append(validated, variant(v))
	}
	if len(validated) == len(a.Domains) {
		fmt.Fprintf(&b, w.validatedAll, filed, on, w.lang.Percent(advance.Value), w.source(advance.Source))
	} else {
		fmt.Fprintf(&b, w.validatedSome, filed, on, strings.Join(validated, w.sep), w.lang.Percent(advance.Value), w.source(advance.Source))
		b.WriteString(w.refusedSome)
		for _, x := range d.Domains() {
			if x.Status == eligibility.Validated {
				continue
			}
			fmt.Fprintf(&b, "- %s%s\n", variant(x.Variant), w.colon)
			for _, r := range x.Reasons {
				reason("  ", r, false)
			}
		}
	}
	if p, ok := d.PendingAudit(); ok {
		fmt.Fprintf(&b, w.audit, w.day(p.Planned), w.day(p.Deadline))
	}
	return b.String()
}
