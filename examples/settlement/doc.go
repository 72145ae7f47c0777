// Command settlement walks three SUN-ES dossiers of one region through
// their lives and prints, after each step, the notifications made and the
// region's ledger (Annexe 2 §3, §5; INT-04 to INT-06):
//
//   - dossier A applies for DS2 in window 1, misses its target, defers to
//     window 2 and reaches it: the balance is window 2's forfait less the
//     advance (INT-05);
//
//   - dossier B applies for DS1 with the CRO bonus and reaches DS1 but not
//     DS1.3: it is paid the standard forfait (INT-06);
//
//   - dossier C applies for DS3, misses and does not defer: its advance is
//     repaid, which restores the region's advance credits.
//
//     go run ./examples/settlement
package main
