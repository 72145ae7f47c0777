// Package instruction holds the whole of one instruction as one value, and
// the register of what its text states and how the module applies it.
//
// # Overview
//
// [Rules] is one instruction's rules: the forfait parameters with the
// window calendar (Annexe 3, §6.1), the usage targets (Annexe 1), the
// envelopes (§3.3, Annexe 2) and the figures of the six prerequisites
// (Annexe 1, [Prerequisites]). [Instruction2021] returns those of
// instruction DGOS/PF5/DNS/CTO/2021/167; a caller amends a copy and checks
// it once with [Rules.Validate]. Every package that applies a rule reads it
// from this value, so that amending a window factor, a date, a target or a
// threshold once changes the forfait, the eligibility decision, the
// indicator outcome, the settlement, the campaign and the rule book alike.
// The calendar lives in Forfait.Windows and nowhere else ([Rules.Calendar]):
// the window factors and periods are one table of the instruction.
//
// # The register
//
// [Register] lists every [Unit] of the text as the text numbers itself,
// in order: the scope note (Mention Outre-mer), §1 … §8, the three
// annexes, the rows PS1.1 … DS3.1 of Annexe 1 and the paragraphs of
// Annexes 2 and 3. Each unit is [Normative] or [Informative]; a normative
// unit lists the [Rule]s it states first, each with a stable ID
// (R-5-01, R-A1-PS2.1-01), a statement in the module's words, whether it
// moves money or decides eligibility, and its [Status]: [Encoded] (the
// symbols that apply it and the tests that check it), [Interpreted]
// (also the INT ids it relies on) or [NotEncoded] (and why). A unit that
// repeats a rule stated elsewhere names it in Restates. [Count] gives the
// [Totals] by status ([Coverage]), each rule counted once, where it is
// first stated; [Lookup] finds a unit by the ID citations use ("§6.1",
// "Annexe 2 §3", "Annexe 1 PS2.2"); [Unit.In] gives a unit in French. The
// rule book prints the register and its totals.
//
// # Checks
//
// [Rules.Validate] reports every problem of every part at once: Annexe 3
// through forfait.RuleSet.Validate, Annexe 1 through
// indicator.Targets.Validate and [Prerequisites.Validate], Annexe 2
// through envelope.Annex2.Validate. The register is checked by its tests
// against the module's own source, both ways: every unit of the text is
// there once and in order; every symbol and test a rule names exists;
// every citation in the module's comments and texts names a unit of the
// register; every INT id a rule names is an interpretation of the module.
// A kind or a status that is not one is [ErrInvalidRegister].
//
// # Sources
//
//   - Instruction DGOS/PF5/DNS/CTO/2021/167 of 26 July 2021: the scope
//     note, §1 … §8, and Annexes 1 (prerequisites and usage targets),
//     2 (envelopes and their regional split) and 3 (the forfait).
//   - Annexe 1, PS2.1: at least 2 meetings a year between the RSSI and the
//     management ([Prerequisites]).
//   - The interpretations (INT-nn) the rules rely on are listed by package
//     forfait (forfait.Interpretations) and named by the rules of the
//     register.
package instruction
