// Package report builds the lists an ARS owes the DNS and the DGOS and
// writes them for French readers: as CSV in the dialect French
// spreadsheets open (";" between fields, a UTF-8 byte-order mark, decimal
// comma), as JSON (money as decimal strings) and as Markdown (amounts
// written the French way, "99 761,93 €").
//
// # What it encodes
//
//   - [Applications]: per funding window, the validated and refused
//     applications, sorted by FINESS géographique then juridique, one row
//     per domain applied for, since each domain is decided on its own:
//     the domain and its deadline for the usage targets, its status, its
//     funding when validated, the reasons otherwise, and the GHT of public
//     establishments: the columns §6.1 lists, no more.
//   - [Planned]: the notifications planned per establishment or GHT,
//     advance and usage by domain, that an ARS gives when asked before the
//     budget circulars (Annexe 2 §5).
//   - [Statement]: a regional ledger's account per window and domain:
//     credits delegated, committed, paid, repaid and left (§6.1; Annexe 2
//     §3, §5).
//
// # Sources
//
// §6.1 (the list per window and its columns); Annexe 2 §3 (advance and
// usage credits), §5 (envelopes steered per window; planned notifications
// per establishment or GHT, by domain). The funding of a validated
// domain is its forfait (Annexe 3 §3, §4); the
// deadline of a domain is the end of its window's measurement period
// (Annexe 1; §6.1).
//
// # Errors
//
// [Applications] reports every forfait it cannot compute at once; the
// writers return the first write error.
package report
