// Command audit checks a ledger of SUN-ES payments already made against the
// rules (package forfait/audit): every advance, balance and repayment is
// recomputed from the establishment's 2019 activity, and every finding is
// printed with the payment's line in the ledger and its date, what was
// paid, what the rules give, the difference, the money it counts as paid
// wrongly (each wrong euro once: a consequence of an earlier finding
// points to it), and the paragraph and interpretations that make it a
// finding.
//
//	go run ./examples/audit -extract examples/campaign/testdata/extract.csv -payments examples/audit/testdata/payments.csv -format md
//
// Flags: -extract FILE (the campaign's extract), -payments FILE (CSV with
// columns finess, domain, cro, window, kind, amount, date, optionally
// volet, 1 or 2, and variant instead of domain and cro), -national-max
// (default: the largest combined activity of the extract, INT-02, refused
// when it stands more than three times above the next largest), -base-unit
// (INT-03), -format csv|json|md, -lang fr|en (the Markdown report,
// French by default, each finding with its derivation; and the problems
// on standard error: in French with the French report or -lang fr, in
// English otherwise), -sep and -encoding (both files; default:
// detected). The
// ledger is read as a French spreadsheet writes it: "35 030,00 €", avance,
// solde, remboursement, oui, non, dates 15/12/2021 or 2021-12-15. The
// status is 0 when the audit
// ran, findings or not; 1 on bad input, every problem listed on standard
// error with its file, line and column, nothing on standard output; 2 on
// bad flags.
package main
