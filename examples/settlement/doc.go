// Command settlement runs the whole flow of three SUN-ES applications of
// one region, from the application files to the regional ledger: each
// application (applications/*.json) is decided under the instruction's
// rules (§5, §6.1), its dossier opened from the decision with the advances
// (Annexe 2 §3; INT-04), then settled from the rates the establishment
// declares at the end of its window, every notification booked on the
// region's ledger, which refuses money booked twice:
//
//   - A applies for DS2 in window 1, misses its target, defers to window 2
//     and reaches it: the balance is window 2's forfait less the advance
//     (INT-05);
//
//   - B applies for DS1 with the CRO bonus and reaches DS1 but not DS1.3:
//     it is paid the standard forfait (INT-06);
//
//   - C applies for DS3, misses and does not defer: its advance is repaid,
//     which restores the region's advance credits.
//
//     go run ./examples/settlement
package main
