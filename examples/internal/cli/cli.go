// Package cli holds what the example tools share on their command line:
// the language a user asked for, and their help in that language.
package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/sunes-spec/sunes/forfait/codec"
)

// Lang returns the language args ask for with -lang (or --lang), before
// the flags are parsed, so that the help and the flags' own problems can
// be said in it; def when args do not ask, or ask for no known language.
func Lang(args []string, def codec.Lang) codec.Lang {
	for i, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		if l, err := codec.ParseLang(value); err == nil {
			return l
		}
	}
	return def
}

// Usage writes the help of fs in l: intro, then each flag with its
// argument's name, what it does and its default. In English a flag's
// usage is the one it was defined with; in French, french's (by flag
// name). An argument's name is the part of a usage between back quotes,
// as in package flag.
func Usage(w io.Writer, fs *flag.FlagSet, l codec.Lang, intro codec.Text, french map[string]string) {
	fmt.Fprintln(w, intro.In(l))
	fs.VisitAll(func(f *flag.Flag) {
		g := *f
		if t, ok := french[f.Name]; ok && l == codec.French {
			g.Usage = t
		}
		arg, usage := flag.UnquoteUsage(&g)
		line := "  -" + f.Name
		if arg != "" {
			line += " " + arg
		}
		if f.DefValue != "" && f.DefValue != "false" {
			usage += codec.Text{French: " (défaut : " + f.DefValue + ")", English: " (default " + f.DefValue + ")"}.In(l)
		}
		fmt.Fprintf(w, "%s\n    \t%s\n", line, strings.ReplaceAll(usage, "\n", "\n    \t"))
	})
}
