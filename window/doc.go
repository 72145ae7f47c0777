// Package window encodes the four funding windows (fenêtres de financement)
// of the SUN-ES programme, volet 1: their discount factors and their
// calendar.
//
// # What it encodes
//
// An establishment commits to reach its usage targets in one window, and
// applies during that window's application period (§6.1). The earlier the
// window, the lower the targets and the higher the forfait: window 1 pays
// 100 % of the base forfait, window 2 90 %, window 3 85 %, window 4 80 %
// (Annexe 3 §2 and §4). An establishment that misses its targets may ask for
// one deferral to the next window; there is none after window 4 (Annexe 2
// §3, INT-05).
//
// # Sources
//
//   - §6.1: four windows, one per semester; an application period of at most
//     2 months and an ARS review period of at most 4 months each, which may
//     start with the first filing; the window-3 example dates.
//   - Annexe 1: the measurement semesters (S1 2022 … S2 2023) and the end of
//     window 1's review period (31 December 2021, PS2.2).
//   - Annexe 3 §4: the factors 100, 90, 85, 80 %.
//   - §5: the targets are declared in oSIS at the end of the funding
//     window.
//
// # Interpretations
//
// The calendar ([Schedule]) marks each [Period] with its [Provenance]:
// [Stated] by the instruction, [Published] by the ARS programme pages, or
// [Inferred] from the 4-month rule of §6.1, and each declaration
// [Deadline] likewise. INT-22 reads the deadline as the last day of the
// window's measurement semester, inferred from §5 and Annexe 1; an ARS
// that set other dates in its funding dossiers amends its copy of the
// schedule. INT-05 fixes the deferral
// window to w+1 ([Window.Deferral]). Days are [Date] values, the one
// calendar-day type of the module.
//
// # Errors
//
// Every error is an [*InputError], the one error shape of the module,
// naming the field and the value: from [Parse] and [Window.UnmarshalText]
// it unwraps to [ErrInvalid]; from [ParseDate], to [ErrInvalidDate];
// [Schedule.Validate] returns every problem at once, each unwrapping to
// [ErrInvalidSchedule], as a provenance that is not one does. The type is
// defined with the module's plumbing (package forfait/codec), whose
// Where and Pointer methods give a problem's location as text and as a
// JSON pointer.
//
// # Example
//
//	s := window.Instruction2021()
//	w, ok := s.ApplicationWindow(window.DateOf(2022, 9, 15)) // window 3
//	factor := s.Factor(w)                                    // 0.85
//
// The instruction's calendar is the one in forfait/instruction's Rules,
// which every package reads.
package window
