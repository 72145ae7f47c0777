// Package indicator encodes the usage targets of SUN-ES volet 1 (cibles
// d'usage, Annexe 1): the five indicators, their targets per window, the
// rates establishments declare, and whether a domain is reached.
//
// # What it encodes
//
// Each domain is measured by rates per establishment, all activities
// combined: DS1 by DS1.1 (discharge letters) and DS1.2 (discharge
// prescriptions), its CRO bonus by DS1.3 (operative reports); DS2 by DS2.1
// (structured biology reports); DS3 by DS3.1 (imaging reports). Every
// document must reach the DMP in CDA R2 format with a qualified INS. The
// target of each indicator rises with the window (Annexe 1 table). At the end
// of its window, a domain whose targets are reached gets its balance; one
// that reaches DS1.1 and DS1.2 but not DS1.3 gets the standard forfait
// (INT-06, applied by the settlement).
//
// # Sources
//
//   - Annexe 1, volet 1: the indicators, their wording and their targets.
//   - Annexe 2 §3: rates declared by the establishment, per establishment.
//
// # Interpretations
//
//   - INT-07: a target is reached when rate ≥ target, compared exactly
//     (numerator × 100 ≥ target × denominator; [Rate.Reaches]); a rate
//     needs a positive denominator and 0 ≤ numerator ≤ denominator,
//     otherwise it is an error, not a miss ([FromCounts]).
//   - INT-11: the zero [Rate] is a rate never declared: [Targets.Evaluate]
//     reports it missing ([ErrMissingRate]), never as a 0 % that misses.
//
// # Errors
//
// Every error is a *forfait.InputError naming the field and value,
// unwrapping to [ErrInvalidRate], [ErrMissingRate], [ErrInvalidTargets] or
// [ErrInvalidID] (or forfait.ErrInvalidDomain, forfait.ErrBonusNotDS1,
// window.ErrInvalid). Functions report every problem at once.
//
// # Example
//
//	t := indicator.Instruction2021()
//	letters, _ := indicator.FromCounts(412, 800)      // 51.5 %
//	prescriptions, _ := indicator.ParsePercent("47,5") // declared in oSIS
//	o, err := t.Evaluate(forfait.Variant{Domain: forfait.DS1, CRO: false}, window.W1, map[indicator.ID]indicator.Rate{
//		indicator.DS11: letters, indicator.DS12: prescriptions,
//	})
//	// o.Reached: 51.5 ≥ 49 and 47.5 ≥ 40
package indicator
