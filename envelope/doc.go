// Package envelope encodes the regional envelopes of SUN-ES (Annex 2): the
// regions that hold them and the credits the ARS notify against.
//
// # What it encodes
//
// Each of the 18 regions of Annex 2 §1 has an ARS and a fixed volet-1
// envelope for the whole programme; the ARS notifies advances and balances
// within it (§6.1). Region names are those of the Annex 2 table, spelt
// exactly as there.
//
// # Sources
//
//   - Annex 2 §1: the regions and their volet-1 envelopes.
//
// # Interpretations
//
// None yet beyond the exact spelling: a name spelt otherwise (for instance
// "Île-de-France" with a circumflex, which the annex does not use) is
// rejected rather than guessed.
//
// # Errors
//
// ParseRegion and UnmarshalText return a *RegionError that unwraps to
// ErrUnknownRegion.
//
// # Example
//
//	r, err := envelope.ParseRegion("Ile-de-France") // envelope.IleDeFrance
package envelope
