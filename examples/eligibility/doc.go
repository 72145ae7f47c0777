// Command eligibility reviews one SUN-ES volet-1 application, as an ARS
// does: it reads the application as JSON (from the file named by -in, or
// from standard input), decides it domain by domain with package
// eligibility on the day given by -on (by default the last day of the
// window's review period, §6.1), and prints the decision as JSON, then
// the letter to the establishment, in French or, with -lang en, in
// English: the domains validated, the domains refused with every reason
// citing its paragraph, and, for a window-1 purchase order, the audit to
// be done by 31 December 2021 (Annexe 1, PS2.2).
//
//	go run ./examples/eligibility -in examples/eligibility/samples/partial.json -on 2021-12-01
//	go run ./examples/eligibility -lang en < examples/eligibility/samples/refused.json
//
// The samples: validated.json (every domain validated, PS2.2 on a purchase
// order), partial.json (DS1 with the CRO bonus validated, DS2 refused for
// want of a laboratory of its own, §5) and refused.json (refused, DS1
// among others because its earlier advance was repaid, §5).
//
// The file may be UTF-8 with or without a byte-order mark, UTF-16 with
// one, or Windows-1252 (detected on the whole file, and said; -encoding
// to impose one). A malformed application, or a day outside the review
// period, gets its problems listed on stderr (the first 50, then a count
// of the rest per kind; in French with -lang fr, in English otherwise)
// and status 1; a refused application is a decision like any other,
// with status 0.
package main
