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
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/instruction"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eligibility", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "", "application JSON `file` (default: standard input)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "eligibility reviews a SUN-ES application (JSON, as examples/eligibility/samples) and prints the decision and the French letter.\n\nUsage: eligibility -in application.json")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	r := stdin
	if *in != "" {
		f, err := os.Open(*in)
		if err != nil {
			fmt.Fprintln(stderr, "eligibility:", err)
			return 1
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			fmt.Fprintln(stderr, "eligibility:", *in, "is a directory, not an application")
			return 1
		}
		r = f
	}
	data, err := io.ReadAll(r)
	if err != nil {
		fmt.Fprintln(stderr, "eligibility:", err)
		return 1
	}
	app, err := eligibility.DecodeApplication(data)
	if err != nil {
		for _, e := range forfait.Problems(err) {
			fmt.Fprintln(stderr, "eligibility:", e)
		}
		return 1
	}
	rules := instruction.Instruction2021()
	d, err := eligibility.Decide(&app, &rules)
	if err != nil {
		for _, e := range forfait.Problems(err) {
			fmt.Fprintln(stderr, "eligibility:", e)
		}
		return 1
	}
	out, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		fmt.Fprintln(stderr, "eligibility:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s\n\n%s", out, letter(&app, d))
	return 0
}

// letter is the decision in French, as the ARS writes it to the
// establishment (§6.1: a refusal states its reasons).
func letter(a *eligibility.Application, d eligibility.Decision) string {
	var b strings.Builder
	e := a.Establishment
	name := e.Name
	if name == "" {
		name = "l'établissement"
	}
	var domains []string
	for _, v := range a.Domains {
		s := v.Domain.String() + " (" + v.Domain.Label() + ")"
		if v.CRO {
			s += " avec le bonus CRO"
		}
		domains = append(domains, s)
	}
	fmt.Fprintf(&b, "Objet : candidature au programme SUN-ES, volet 1, fenêtre %s\n", a.Window)
	fmt.Fprintf(&b, "Établissement : %s (FINESS géographique %s, juridique %s)\n", name, e.FINESSGeo, e.FINESSJur)
	fmt.Fprintf(&b, "Domaines : %s\n\n", strings.Join(domains, " ; "))
	if d.Status == eligibility.Validated {
		b.WriteString("Votre candidature, déposée le " + a.Filed.French() + ", est validée. L'avance de 30 % du forfait de chaque domaine vous sera notifiée (§5 ; Annexe 2 §3).\n")
		return b.String()
	}
	b.WriteString("Votre candidature, déposée le " + a.Filed.French() + ", n'est pas validée, pour les motifs suivants (§6.1) :\n")
	for _, r := range d.Reasons {
		fmt.Fprintf(&b, "- %s [%s ; motif %s", r.French, r.Source, r.Code)
		if r.Domain != 0 {
			fmt.Fprintf(&b, " ; domaine %s", r.Domain)
		}
		b.WriteString("]\n")
	}
	return b.String()
}
