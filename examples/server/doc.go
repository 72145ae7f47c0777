// Command server serves the SUN-ES rules over HTTP, for teams that do not
// write Go: a JSON API under /v1, its OpenAPI 3.1 document at
// /openapi.json, the rule book at /v1/rulebook, a page at / where a
// person computes a forfait and reads its derivation, and /healthz.
//
//	go run ./examples/server -addr 127.0.0.1:8080
//
// Endpoints (amounts are strings, as in the library's JSON; errors are RFC
// 9457 problems listing every problem with its JSON pointer):
//
//   - POST /v1/forfaits: forfaits for a batch of requests, with
//     derivations when "explain" is true (Annexe 3 §3-§4; §5).
//   - POST /v1/diff: the derivation steps that differ between two requests.
//   - POST /v1/decisions: the ARS decision on an application, domain by
//     domain, taken on the day given as ?on=YYYY-MM-DD or else on the last
//     day of the window's review period (§5, §6.1).
//   - POST /v1/settlements: an application's dossier opened and settled
//     step by step from declared rates (Annexe 2 §3; INT-04 to INT-06).
//   - POST /v1/allocations: a total allocated over weights to the euro
//     (INT-08).
//   - POST /v1/audits: the findings of a payment ledger (package
//     forfait/audit).
//   - GET /v1/interpretations, GET /v1/rulebook.
//
// Request bodies are capped (-max-body, 1 MB), batches too (-max-batch);
// the server sets its read, write and idle timeouts, logs with log/slog,
// and on SIGINT or SIGTERM lets the requests in flight finish.
package main
