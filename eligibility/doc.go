// Package eligibility encodes who may be funded under SUN-ES volet 1: the
// instruction's scope, the six Ségur prerequisites, the eligibility
// conditions, and the ARS's decision on an application, domain by domain,
// with every reason for a refusal.
//
// # What it encodes
//
// An establishment applies per window (§6.1), on its own 2019 combined
// activity (§5), for one or more domains. Its ARS decides each domain on
// the day it gives [Decide] ([Decision.Date]), which must fall within the
// window's review period and not before the filing: the ARS communicates
// validations and refusals by the end of that period (§6.1), so a decision
// on any other day is an error (ErrReviewPeriod), not a decision.
//
// Some conditions bind the whole application; failing one refuses every
// domain:
//
//   - the scope: the instruction applies overseas except in French
//     Polynesia, New Caledonia and Wallis-and-Futuna (mention Outre-mer; a
//     FINESS number of department 986, 987 or 988: TERRITORY), and funds
//     health establishments (établissements sanitaires) only (§2.3 and its
//     note 2: HEALTH-ESTABLISHMENT, from the application's [Kind]);
//   - the six prerequisites (Annexe 1: PS1.1, PS1.2, PS2.1, PS2.2, PS3.1,
//     PS3.2), one reason per component;
//   - for a GHT member, the GHT column of Annexe 1: an identity-vigilance
//     cell at GHT level (PS1.1), a GHT security policy with its version for
//     the member and a GHT security officer (PS2.1), and each of the
//     member's six prerequisites vouched for, by the support establishment
//     or, for PS2.1, by the GHT's security officer ([GHTPrerequisites]);
//   - a positive combined activity, a filing within the window's
//     application period, one application per window, RELIMS referencing,
//     the oSIS entries, the GHT conditions of §5 for GHT members, and no
//     target reached with software bought outside the GHT's convergence
//     plan (§4.2).
//
// Others bind one domain, and refuse that domain alone:
//
//   - DS2 and DS3 need an internal laboratory or imaging unit with the
//     establishment's FINESS juridique (§5);
//   - a domain is funded once over the programme (§5): it is refused when
//     an earlier application of the establishment left it open (advance
//     paid, targets awaited: DOMAIN-OPEN), paid (DOMAIN-FUNDED) or repaid
//     (DOMAIN-REPAID). This is decided from the establishment's history
//     ([History]: each earlier application with the outcome of each of its
//     domains), not from a verdict the caller supplies.
//
// Earlier HOP'EN or Hôpital numérique funding is never a reason (§5). A
// refusal states every reason (motif de non validation, §6.1), each with a
// stable [Code], its paragraph, and a message in French and English;
// [Conditions] lists them all. A [Decision] is validated when at least one
// domain is; [Decision.Domains] gives each domain's status and reasons,
// [Decision.Validated] the domains a settlement dossier opens.
//
// A decision validated on a window-1 purchase order for PS2.2 records the
// audit's planned day and the day it must be done by, the end of window
// 1's review period ([Decision.PendingAudit]), so that settlement can
// check that the audit was done.
//
// # Sealed decisions
//
// Only [Decide] makes a [Decision]. Its fields are unexported, its
// accessors return copies, and it is written as JSON but never read back
// (ErrSealed): what a dossier opens is exactly what was decided, and a
// decision edited after the fact cannot be presented as one. The zero
// Decision is no decision and validates nothing.
//
// # Sources
//
//   - Mention Outre-mer (the instruction's header) and §2.3 with its
//     note 2: the scope.
//   - Annexe 1: the prerequisites, their evidence and the GHT column,
//     including PS2.2's window-1 purchase order with the audit done by 31
//     December 2021.
//   - §5: eligibility criteria, GHT conditions, one funding per domain,
//     earlier funding; §4.2: the convergence plan; §6.1: windows,
//     application and review periods, the directors' validation of a
//     public GHT member's application, reasons; Annexe 2 §3: the repayment
//     of an advance.
//
// # Interpretations
//
//   - INT-09: a FINESS number is checked for its structure only (nine
//     characters, a department code, digits); its key is not verified.
//   - INT-10: "one application per window" counts every earlier application
//     filed for that window, whatever its outcome; a refused establishment
//     applies again in a later window.
//   - A repaid advance still counts as the domain's funding. §5 allows an
//     establishment to benefit from the funding "une seule fois" per
//     domain; the advance is the first of the funding's two payments,
//     notified when the application is validated (§5, Annexe 2 §3), so an
//     establishment that received it has benefited once, and Annexe 2 §3
//     makes repayment the end of the dossier after the initial window and
//     the one deferral window, not a return to the start. A new
//     application for a domain whose advance was repaid is therefore
//     refused (DOMAIN-REPAID); a domain that was refused, and so never
//     paid, may be applied for again.
//   - The end of window 1's review period (31 December 2021), the deadline
//     of PS2.2's purchase order, and every review period come from the
//     calendar of the instruction's rules ([instruction.Rules.Calendar]),
//     and the least number of RSSI/management meetings of PS2.1 (2 a year)
//     from [instruction.Rules.Prerequisites], not from literals; so do the
//     messages that name them ([Conditions]).
//
// # Errors
//
// A malformed application (missing filing date or kind, invalid window or
// domain, malformed FINESS…) is not refused but rejected: Decide returns
// every problem at once, each a *forfait.InputError naming the JSON field
// and unwrapping to ErrInvalidApplication, forfait.ErrInvalidFINESS,
// envelope.ErrUnknownRegion, window.ErrInvalid, forfait.ErrInvalidDomain or
// forfait.ErrBonusNotDS1; a decision day outside the review period is one
// more, on field "on", unwrapping to ErrReviewPeriod. A decision read from
// JSON is ErrSealed.
//
// An application is read from JSON one way, by DecodeApplication or
// json.Unmarshal alike: a figure or a date left out (the combined
// activity, the RSSI/management meetings, the filing date, a window) is a
// problem at its field, never a zero; a file that is not JSON is a
// *codec.SyntaxError.
//
// # Example
//
//	app, err := eligibility.DecodeApplication(data)
//	rules := instruction.Instruction2021()
//	d, err := eligibility.Decide(&app, &rules, window.DateOf(2021, 12, 1))
//	for _, x := range d.Domains() {
//		fmt.Println(x.Variant, x.Status)
//		for _, r := range x.Reasons {
//			fmt.Println("  ", r.Code, r.Source, r.French)
//		}
//	}
package eligibility
