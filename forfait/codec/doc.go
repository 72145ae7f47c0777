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
//     problem at once, each at its path: keys given twice, nulls, absent
//     required fields and numbers beyond the module's bounds (plain
//     notation, below 10^12) included; [SyntaxError] for input that is
//     not JSON.
//   - amounts.go: [MarshalAmounts], the JSON of a struct with its decimals
//     as strings.
//   - text.go: [Fold] (matching names whatever their case, accents and
//     hyphens), [Clip] (echoing input in messages), [SaneExponent] (the
//     bound on the decimals the module accepts).
package codec
