// Package campaign computes the forfaits of a national extract: every
// establishment's forfait for each variant (DS1 standard, DS1 with CRO, DS2,
// DS3) in each window, as an ARS analyst needs to plan a campaign.
//
// # What it encodes
//
// Read parses the extract (FINESS, region and the eight activity counts of
// Annexe 3 §1); Compute derives each establishment's combined activity and
// its 16 forfaits with package forfait; WriteCSV and WriteJSON render them.
// When no national maximum is given, the largest combined activity of the
// extract is the upper end of category D, the extract being national
// (INT-02).
//
// # Sources
//
//   - Annexe 3 §1-§4 and §5, through package forfait.
//   - Annexe 2 §1 for the region names; FINESS numbers as in oSIS.
//
// # Interpretations
//
//   - INT-02: the national maximum is the extract's largest combined
//     activity unless given; an activity above a given maximum, or a largest
//     activity at category D's threshold, is an error, never a clamp.
//   - INT-09: FINESS numbers are checked for structure, not for their key.
//   - A blank count is an error, not zero: a missing figure is not a zero
//     activity.
//
// # Errors
//
// Every problem is a *LineError giving the line, the column (the field's
// position from 1), the field and the value; it unwraps to ErrEmpty,
// ErrSyntax, ErrMissingColumn, ErrDuplicateColumn, ErrShortRow,
// ErrInvalidCount, ErrDuplicateFINESS, envelope.ErrUnknownRegion,
// eligibility.ErrInvalidFINESS or forfait.ErrNationalMax. Read and Compute
// report all problems at once and return nothing else beside them.
//
// # Example
//
//	ests, err := campaign.Read(file)
//	rs := forfait.Instruction2021()
//	recs, err := campaign.Compute(&rs, ests, campaign.Options{})
//	err = campaign.WriteCSV(os.Stdout, recs)
//
// Compute spreads the work over the available processors; 5 000
// establishments (80 000 records) take about 50 ms to CSV bytes.
package campaign
