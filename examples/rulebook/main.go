package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/forfait/rulebook"
)

// committed is where the generated book lives, from the module root.
var committed = filepath.Join("examples", "rulebook", "RULEBOOK.md")

func main() {
	update := flag.Bool("update", false, "write the book to "+committed+" (run from the module root) instead of standard output")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "rulebook writes the rule book: every rule of the instruction the module encodes, with its source and interpretations.\n\nUsage: rulebook [-update]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	var b bytes.Buffer
	in := instruction.Instruction2021()
	if err := rulebook.Render(&b, &in); err != nil {
		fmt.Fprintln(os.Stderr, "rulebook:", err)
		os.Exit(1)
	}
	fmt.Fprintln(os.Stderr, "coverage of the text:", summary(instruction.Count(instruction.Register())))
	if *update {
		if err := os.WriteFile(committed, b.Bytes(), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "rulebook:", err)
			os.Exit(1)
		}
		return
	}
	os.Stdout.Write(b.Bytes())
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
