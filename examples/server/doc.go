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
//   - GET /v1/interpretations, GET /v1/register, GET /v1/rulebook.
//
// Texts people read come in French or in English: the derivation's steps
// (label, value, computation), the interpretations, the register, the rule
// book, the findings' messages and every problem's title and detail. The
// language is the body's "lang" ("fr" or "en") where the body has one,
// else the query's ?lang=, else Accept-Language (French when its range of
// highest weight naming French or English is fr or fr-*), else English;
// the answer says it in Content-Language. In French, numbers are written
// the French way ("99 761,927 71…") and a problem's detail names the
// field by its French label, the value and what is expected ("Demande
// n° 1 › Activité › Journées MCO : « 12.5 » n'est pas un nombre entier"),
// at the same pointer as in English. Decision reasons carry both
// languages (message_fr, message_en) whatever the language asked.
//
// Requests are application/json (else 415) and read strictly: a key given
// twice, a null, an absent figure, a number not in plain notation or
// beyond 10^12 is a problem at its pointer, never a zero or the last key
// winning. A forfait request gives exactly one of combined_activity and
// activity (all eight counts).
//
// Costs are bounded: bodies by -max-body (1 MB, else 413), batches by
// -max-batch (10 000) and explained batches by -max-explain (100), answers
// by -max-response (8 MB, else 413), requests computed at once by
// -max-inflight (8, else 503 with Retry-After); after a burst the memory
// is handed back once the server is idle. A body that does not arrive
// within the read timeout is 408. Every answer carries nosniff and a
// Content-Security-Policy refusing framing; the page's allows no inline
// script. 404 and 405 are problems too.
//
// The page speaks French and asks the API in French. It reads figures as
// a French user types them ("127 800", "127 800,5", "12,5"; groups of
// three separated by a space, a no-break or a narrow no-break space) and
// refuses at the field, before sending, what it cannot read: letters, a
// decimal count, "1.234" (a point that could separate thousands or
// decimals), a negative figure, a figure of 10^12 or more, an absent
// figure (an empty form computes nothing; an empty count is not zero). A
// problem the server finds is tied to its field by its pointer: the field
// is marked aria-invalid, described by its French message shown next to
// it, every problem is listed, and the focus goes to the first field at
// fault. When the server cannot be reached, the page says so.
//
// On SIGINT or SIGTERM the server stops accepting, closes idle keep-alive
// connections and lets the requests in flight finish within
// -shutdown-timeout (30 s): exit 0 when they did, 1 with a log line when
// it had to cut some.
package main
