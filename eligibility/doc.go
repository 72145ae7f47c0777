// Package eligibility encodes who may be funded under SUN-ES volet 1: the
// identification of establishments and, in time, the prerequisites and the
// eligibility conditions of §5 and Annex 1.
//
// # What it encodes
//
// An establishment is identified by its FINESS numbers, géographique and
// juridique. ParseFINESS checks their structure.
//
// # Sources
//
//   - §5 and Annex 1: applications are filed per establishment, identified
//     by FINESS in oSIS.
//
// # Interpretations
//
//   - INT-09: a FINESS number is checked for its structure only (nine
//     characters, a department code, digits); its check key is not verified,
//     the instruction giving no algorithm for it.
//
// # Errors
//
// ParseFINESS and UnmarshalText return a *FINESSError that unwraps to
// ErrInvalidFINESS.
//
// # Example
//
//	f, err := eligibility.ParseFINESS("2A0000123")
package eligibility
