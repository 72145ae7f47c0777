// Command eligibility reviews one SUN-ES volet-1 application, as an ARS
// does: it reads the application as JSON (from the file named by -in, or
// from standard input), decides it with package eligibility, and prints the
// decision as JSON, then as a short French text for the letter to the
// establishment, every reason citing its paragraph.
//
//	go run ./examples/eligibility -in examples/eligibility/samples/refused.json
//	go run ./examples/eligibility < examples/eligibility/samples/validated.json
//
// A malformed application gets its problems listed on stderr and status 1;
// a refused one is a decision like any other, with status 0.
package main
