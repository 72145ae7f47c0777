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
	flag.Parse()
	var b bytes.Buffer
	in := instruction.Instruction2021()
	if err := rulebook.Render(&b, &in); err != nil {
		fmt.Fprintln(os.Stderr, "rulebook:", err)
		os.Exit(1)
	}
	if *update {
		if err := os.WriteFile(committed, b.Bytes(), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "rulebook:", err)
			os.Exit(1)
		}
		return
	}
	os.Stdout.Write(b.Bytes())
}
