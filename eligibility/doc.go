// Package eligibility encodes who may be funded under SUN-ES volet 1: the
// six Ségur prerequisites, the eligibility conditions, and the ARS's
// decision on an application, with every reason for a refusal.
//
// # What it encodes
//
// An establishment applies per window (§6.1), on its own 2019 combined
// activity (§5), for one or more domains. Its ARS validates the application
// when the six prerequisites are proved (Annexe 1: PS1.1, PS1.2, PS2.1,
// PS2.2, PS3.1, PS3.2) and the conditions of §5, §4.2 and §6.1 hold:
// a positive combined activity, a filing within the window's application
// period, one application per window, each domain funded at most once, an
// internal laboratory (DS2) or imaging unit (DS3) with the establishment's
// FINESS juridique, RELIMS referencing, oSIS entries, the GHT conditions for
// GHT members, and no target reached with software bought outside the GHT's
// convergence plan. Earlier HOP'EN or Hôpital numérique funding is never a
// reason (§5). A refusal states every reason (motif de non validation,
// §6.1), each with a stable [Code], its paragraph, and a message in French
// and English; [Conditions] lists them all. [Decide] takes the
// instruction's rules (forfait/instruction) and returns a [Decision] that
// carries its application, from which a settlement dossier is opened.
// [DecodeApplication] reads an application file, every problem at its JSON
// path.
//
// # Sources
//
//   - Annexe 1: the prerequisites and their evidence, including PS2.2's
//     window-1 purchase order with the audit done by 31 December 2021.
//   - §5: eligibility criteria, GHT conditions, earlier funding; §4.2:
//     the convergence plan; §6.1: windows, application periods, the
//     directors' validation of a public GHT member's application, and
//     reasons.
//
// # Interpretations
//
//   - INT-09: a FINESS number is checked for its structure only (nine
//     characters, a department code, digits); its key is not verified.
//   - INT-10: "one application per window" counts every earlier application
//     filed for that window, whatever its outcome; a refused establishment
//     applies again in a later window.
//   - The end of window 1's review period (31 December 2021) comes from the
//     calendar of the instruction's rules ([instruction.Rules.Calendar]),
//     not from a literal.
//
// # Errors
//
// A malformed application (missing filing date, invalid window or domain,
// malformed FINESS…) is not refused but rejected: Decide returns every
// problem at once, each a *forfait.InputError naming the JSON field and
// unwrapping to ErrInvalidApplication, forfait.ErrInvalidFINESS, envelope.ErrUnknownRegion,
// window.ErrInvalid, forfait.ErrInvalidDomain or forfait.ErrBonusNotDS1.
//
// # Example
//
//	var app eligibility.Application
//	err := json.Unmarshal(data, &app)
//	rules := instruction.Instruction2021()
//	d, err := eligibility.Decide(&app, &rules)
//	for _, r := range d.Reasons {
//		fmt.Println(r.Code, r.Source, r.French)
//	}
package eligibility
