// Command rulebook prints the SUN-ES volet-1 rule book in Markdown,
// generated from the library's default rule sets themselves — never from a
// copy: the combined-activity weights, the categories with their
// thresholds and amounts, the bonus, the windows with their factors and
// calendar (stated, published and inferred dates marked), the indicator
// targets, the six prerequisites and the eligibility conditions with their
// reason codes, the advance and split rules, the Annexe 2 envelopes and
// national split, the interpretation register, and the Annexe 3 §4 worked
// example computed live. Every table cites its paragraph.
//
//	go run ./examples/rulebook            # print it
//	go run ./examples/rulebook -update    # rewrite examples/rulebook/RULEBOOK.md
//
// The committed RULEBOOK.md is checked by a test, which fails when it is
// stale; `go test ./examples/rulebook -update` also rewrites it.
package main
