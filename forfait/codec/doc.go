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
// documented package rather than a part of forfait's front page: the
// text forms, the readers of the files and JSON people bring, the bounded
// report of their problems, and the languages.
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
//     problem at once, each at its path: keys given twice, nulls, absent
//     required fields and numbers beyond the module's bounds (plain
//     notation, below 10^12) included; [SyntaxError] for input that is
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
//     [ParseDialect] (a separator and an encoding as people name them) and
//     [Hints] for the tools' -sep and -encoding.
//   - french.go: the cells as a French spreadsheet writes them:
//     [ParseNumber] ("35 030,00 €"), [ParseCount] ("127 800"), [ParseDay]
//     (YYYY-MM-DD or DD/MM/YYYY, nothing ambiguous), [ParseWord] with
//     [YesNo] (oui/non, vrai/faux), [LeadingZero]; [ParseError], the
//     problem of a cell or a line and its reason, [Note], a remark
//     in brackets after a problem, and [TextError], a problem no sentinel
//     names (a tool's flag), all in both languages.
//   - report.go: [LineError], a problem of a file located by line and
//     column, and [Report], the bounded report every reader gives: the
//     first [MaxProblems] problems, then a [TooManyError] counting the
//     rest per kind; [Bound] bounds any joined error so.
//   - text.go: [Fold] (matching names whatever their case, accents and
//     hyphens), [Clip] (echoing input in messages), [SaneExponent] (the
//     bound on the decimals the module accepts).
//   - lang.go: [Lang] (French or English), [Text] (one text in both),
//     the formatters of each language ([Lang.Number], [Lang.Money],
//     [Lang.Percent], [Lang.Date]; [Plain], the exact plain notation),
//     and [NewSentinel], a sentinel error that carries its French text.
//   - problem.go: [Messages], the text people read of every problem of
//     an error, [Leaves], the problems of an errors.Join tree, and
//     [FieldLabel], the labels of the fields people type.
//
// # Texts people read
//
// Every text a non-programmer reads exists in French and in English, as
// a [Text], keyed by a stable id, and lives beside its id: the refusal
// reasons with their codes (eligibility.ReasonText), the derivation steps
// with their names (forfait.StepLabel, forfait.Derivation.In), the
// interpretations with their INT ids (forfait.Interpretation.In), the
// units and rules of the text with theirs (instruction.Unit.In), the
// audit's findings with their codes (audit.Code.Text), the errors with
// their sentinels ([NewSentinel], [SentinelText]) and the reason of each
// problem ([InputError].Reason, [ParseError].Reason). A catalogue in one
// package importing them all would have to sit above every rule package
// and could not serve the rule packages themselves (forfait's
// derivation, eligibility's letter); a catalogue here, below them,
// would have to know their ids, which codec must not. So each package
// owns its texts, in one shape, and codec owns the shape, the languages
// and the way each writes numbers and dates; the package codectest checks
// any catalogue, and the reason of every problem a test meets, for both
// languages and for English words in French.
//
// French writes numbers exactly, never rounded, with a decimal comma and
// digits grouped by three with a narrow no-break space (U+202F) on both
// sides of the comma: "99 761,927 71"; amounts and rates take their sign
// after a no-break space: "99 761,93 €", "30 %"; dates are in words:
// "15 septembre 2021". English keeps the module's plain forms: "99761.93",
// "2021-09-15".
package codec
