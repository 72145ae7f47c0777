// Command rulebook prints the SUN-ES volet-1 rule book in Markdown,
// generated from the library's default rule sets themselves — never from a
// copy: the combined-activity weights, the categories with their
// thresholds and amounts, the bonus, the windows with their factors and
// calendar (stated, published and inferred dates marked), the indicator
// targets, the six prerequisites and the eligibility conditions with their
// reason codes, the advance and split rules, the Annexe 2 envelopes and
// national split, the interpretation register, and the Annexe 3 §4 worked
// example computed live. Every table cites its paragraph. It ends with the
// coverage of the text: every unit of the instruction with the rules it
// states and how the library stands towards each, then the totals of rules
// encoded, interpreted and not encoded, for those that move money or
// decide eligibility, for the others and for all (instruction.Count),
// counted from the register, never typed.
//
// The book has two editions: English (RULEBOOK.md) and French
// (RULEBOOK.fr.md), the French one with French figures, dates and
// sources. -lang chooses the edition printed.
//
//	go run ./examples/rulebook              # print the English edition
//	go run ./examples/rulebook -lang fr     # print the French edition
//	go run ./examples/rulebook -update      # rewrite RULEBOOK.md and RULEBOOK.fr.md
//
// The committed editions are checked by a test, which fails when either is
// stale; `go test ./examples/rulebook -update` also rewrites them.
package main
