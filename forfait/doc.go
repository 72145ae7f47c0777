// Package forfait encodes how much an establishment is owed under SUN-ES
// volet 1: its combined activity, its category, the base amount of each
// domain, the CRO bonus, the window factor, and the advance/balance split.
//
// # What it encodes
//
// The 2019 activity counts give a combined activity in MCO-day equivalents
// (Annexe 3 §1). The combined activity places the establishment in a
// category A–D and, linearly within the category, gives the base amount of
// each domain: DS1 discharge documents, DS2 biology, DS3 imaging (Annexe 3
// §3). DS1 may carry a 10 % bonus for operative reports (CRO, §5, Annexe 3
// §3). The window in which the establishment commits to reach its targets
// discounts the forfait to 100, 90, 85 or 80 % (Annexe 3 §4). 30 % of each
// domain's forfait is advanced once the prerequisites are met, the balance
// paid when the targets are reached (§5, Annexe 2 §3).
//
// Every parameter lives in a [RuleSet] value with its citation;
// [Instruction2021] returns the instruction's own. A caller amends a copy to
// express a later instruction or another reading, and proves it coherent
// with [RuleSet.Validate]. The whole instruction (this rule set with its
// calendar, the targets and the envelopes) is one value in package
// forfait/instruction.
//
// # Where each rule is
//
//   - ruleset.go: [RuleSet], every parameter with its citation,
//     [Instruction2021], [RuleSet.Validate] and the worked example of
//     Annexe 3 §4.
//   - activity.go: the eight counts and the combined activity (Annexe 3 §1).
//   - formula.go: the band search (INT-01, INT-02) and the formula of
//     §5 and Annexe 3 §3-§4, written once.
//   - compute.go: the exact reference: [RuleSet.Category],
//     [RuleSet.Compute], [RuleSet.Split].
//   - compiled.go, combined.go: the fast path, [Compiled] ([RuleSet.Compile]),
//     with forfaits in [Cents] ([Compiled.ComputeTable]), combined
//     activities in fixed point ([Combined]), the national maximum
//     ([NationalMax]) and its default, the largest activity of a national
//     extract ([LargestActivity], INT-02).
//   - forfait.go: [Request] and [Forfait] and their JSON.
//   - number.go: the two exact number types the formula runs on.
//   - format.go: amounts as text ([Format]).
//   - errors.go: the sentinel errors and [InputError].
//   - derivation.go, diff.go: [RuleSet.Explain], [Diff].
//   - steptext.go: the derivation in a reader's language: [StepLabel],
//     [StepNames], [Derivation.In], [Derivation.Text].
//   - domain.go, category.go, finess.go: [Domain], [Variant], [Category],
//     [FINESS] (INT-09).
//   - interpretations.go: the register, [Interpretations].
//   - interpretations_fr.go: the interpretations in French
//     ([Interpretation.In]).
//
// # Contracts
//
// Two promises bound any change to this package:
//
//   - The fast path equals the exact path. [RuleSet.Compute] and
//     [RuleSet.Explain] compute in exact decimals: the reference. A
//     [Compiled] rule set runs the same formula on int64 fixed point and
//     falls back to the reference when a value does not fit or a request
//     has an error; both are exact, so they return the same forfait and
//     the same errors, which differential tests check against each other
//     and against an independent big.Rat computation.
//   - Derivation step names are API. The names of [Step] ("category",
//     "base.interpolated", "forfait", …) are what [Diff] matches and what
//     callers read; a new step may be added, a name never changes.
//
// # Sources
//
//   - Annexe 3 §1: the eight activity counts and their weights.
//   - Annexe 3 §3: the categories and the min/max amounts per domain.
//   - §5 of the instruction and Annexe 3 §2 and §4: the bonus and the window
//     factors; the worked example of Annexe 3 §4.
//   - §5 and Annexe 2 §3: the 30 % advance, the balance.
//
// # Interpretations
//
//   - INT-01: a category is the half-open interval from its threshold to the
//     next one; the base is interpolated over it.
//   - INT-02: the upper end of category D is the national maximum of combined
//     activity, an input (Request.NationalMax), never guessed.
//   - INT-03: exact decimals; the base is rounded to a unit (1 € by default,
//     1 000 € reproduces the annex), the forfait to 1 €, halves away from
//     zero (RuleSet.Rounding).
//   - INT-04: advance = round(30 % × forfait), balance = the rest.
//
// The text of each interpretation, with the readings considered and why
// one was chosen, is in the register: [Interpretations], printed in the
// rule book (examples/rulebook/RULEBOOK.md).
//
// # Errors
//
// Every error unwraps to a sentinel, to be tested with errors.Is:
// [ErrInvalidActivity], [ErrInvalidAmount], [ErrBonusNotDS1],
// [ErrNationalMax], [ErrInvalidRuleSet], [ErrInvalidDomain],
// [ErrInvalidCategory], [ErrInvalidFINESS], [ErrNotCents] and
// window.ErrInvalid. Each is
// carried by an [*InputError] naming the field and its value, the error
// shape of the whole module. Functions report every problem of their input at once (joined
// with errors.Join) and return zero values beside an error.
//
// # Example
//
//	rs := forfait.Instruction2021()
//	f, err := rs.Compute(forfait.Request{
//		Combined: decimal.New(127800, 0), Variant: forfait.Variant{Domain: forfait.DS1, CRO: true}, Window: window.W1,
//	})
//	// f.Amount = 109738, f.Advance = 32921, f.Balance = 76817
//
// [RuleSet.Compute] records nothing; [RuleSet.Explain] does the same
// computation and returns its [Derivation], every step with its paragraph
// and INT ids.
package forfait
