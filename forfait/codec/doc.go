// Package codec is the plumbing the module's packages share to read and
// write their values as text and to report a bad input. It holds no rule
// of the regulation.
//
// # Why here
//
// window, forfait, indicator, eligibility and envelope all need it, and
// they import one another (forfait imports window; indicator and envelope
// import forfait; eligibility imports envelope), so the plumbing must sit
// below all of them: codec imports no package of the module. It cannot be an internal
// package: forfait/internal is visible to forfait/... only, and the
// module's top level holds the domain packages alone. So it is one
// small, documented package rather than a part of forfait's front page.
// Programs using the module need only [InputError] (also reachable as
// window.InputError and forfait.InputError, the same type).
//
// # Contents
//
//   - errors.go: [InputError], the module's one error shape, and its
//     structured [Path], which gives the JSON pointer of a problem.
//   - enum.go: [Enum], the text form of every typed-int enum of the module
//     (domains, categories, windows, indicators, statuses…): one
//     behaviour for the zero value ("unset", marshalled as "") and for a
//     value out of range.
//   - json.go: [DecodeJSON], which reads a JSON document and reports every
//     problem at once, each at its path; [SyntaxError] for input that is
//     not JSON.
//   - amounts.go: [MarshalAmounts], the JSON of a struct with its decimals
//     as strings.
//   - textreader.go: [TextReader] and [DecodeText], which turn a file a
//     person brings into UTF-8: a byte-order mark skipped, UTF-16 read by
//     its mark, UTF-8 or Windows-1252 decided on the whole input, lines
//     bounded by [MaxLine].
//   - table.go: [Table], the one reader of the CSV files people bring
//     (extracts, payments ledgers): the separator detected among ',', ';'
//     and TAB, columns found by their folded names, blank rows skipped;
//     [ParseDialect] and [Hints] for the tools' -sep and -encoding.
//   - french.go: the cells as a French spreadsheet writes them:
//     [ParseNumber] ("35 030,00 €"), [ParseCount] ("127 800"), [ParseDay]
//     (YYYY-MM-DD or DD/MM/YYYY, nothing ambiguous), [ParseWord] with
//     [YesNo] (oui/non, vrai/faux), [LeadingZero].
//   - report.go: [LineError], a problem of a file located by line and
//     column, and [Report], the bounded report every reader gives: the
//     first [MaxProblems] problems, then a [TooManyError] counting the
//     rest per kind; [Bound] bounds any joined error so.
//   - text.go: [Fold] (matching names whatever their case, accents and
//     hyphens), [Clip] (echoing input in messages), [SaneExponent] (the
//     bound on the decimals the module accepts).
package codec
