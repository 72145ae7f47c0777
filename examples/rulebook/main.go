package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/forfait/rulebook"
)

// committed is where each edition of the generated book lives, from the
// module root.
var committed = map[codec.Lang]string{
	codec.English: filepath.Join("examples", "rulebook", "RULEBOOK.md"),
	codec.French:  filepath.Join("examples", "rulebook", "RULEBOOK.fr.md"),
}

func main() {
	update := flag.Bool("update", false, "write both editions to "+committed[codec.English]+" and "+committed[codec.French]+" (run from the module root) instead of standard output")
	lang := flag.String("lang", "en", "language of the book printed: `en` or fr")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "rulebook writes the rule book: every rule of the instruction the module encodes, with its source and interpretations, and the coverage of the text.\n\nUsage: rulebook [-lang en|fr] [-update]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	l, err := codec.ParseLang(*lang)
	if err != nil {
		fmt.Fprintf(os.Stderr, "rulebook: -lang %q: want fr or en\n", *lang)
		os.Exit(2)
	}
	in := instruction.Instruction2021()
	books := map[codec.Lang][]byte{}
	for _, each := range []codec.Lang{codec.English, codec.French} {
		var b bytes.Buffer
		if err := rulebook.RenderIn(&b, &in, each); err != nil {
			fmt.Fprintln(os.Stderr, "rulebook:", err)
			os.Exit(1)
		}
		books[each] = b.Bytes()
	}
	fmt.Fprintln(os.Stderr, "coverage of the text:", summary(instruction.Count(instruction.Register())))
	if *update {
		for each, path := range committed {
			if err := os.WriteFile(path, books[each], 0o644); err != nil {
				fmt.Fprintln(os.Stderr, "rulebook:", err)
				os.Exit(1)
			}
		}
		return
	}
	os.Stdout.Write(books[l])
}

// summary says the register's totals in one line.
func summary(t instruction.Totals) string {
	return fmt.Sprintf("%d rules, %s (moving money or deciding eligibility: %s; other: %s)",
		t.All.Total(), counts(t.All), counts(t.Money), counts(t.Other))
}

// counts says one line of the register's totals.
func counts(c instruction.Coverage) string {
	return fmt.Sprintf("%d encoded, %d interpreted, %d not encoded", c.Encoded, c.Interpreted, c.NotEncoded)
}
