// Command settlement runs the whole flow of four SUN-ES applications of
// one region, from the application files to the regional ledger: each
// application (applications/*.json) is decided under the instruction's
// rules domain by domain (§5, §6.1), its dossier opened from the decision
// with the advances of the validated domains (Annexe 2 §3; INT-04), then
// settled from the rates the establishment declares at the end of its
// window, or closed once its declaration deadline has passed (INT-22,
// INT-23), each step and its notifications booked on the region's ledger
// as one (settlement.Apply), which refuses money booked twice:
//
//   - A applies for DS2 in window 1, misses its target, defers to window 2
//     and reaches it: the balance is window 2's forfait less the advance
//     (INT-05);
//
//   - B applies for DS1 with the CRO bonus and reaches DS1 but not DS1.3:
//     it is paid the standard forfait (INT-06);
//
//   - C applies for DS3, misses and does not defer: its advance is repaid,
//     which restores the region's advance credits;
//
//   - D applies for DS2 and DS3 without a laboratory of its own: DS2 is
//     refused alone (§5), DS3 validated; D declares nothing, so its
//     dossier is closed after window 1's deadline, DS3 deferred as asked,
//     then after window 2's, its advance repaid (Annexe 2 §3).
//
//     go run ./examples/settlement
package main
