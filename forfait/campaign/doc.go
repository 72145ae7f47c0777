// Package campaign computes the forfaits of a national extract: every
// establishment's forfait for each variant (DS1 standard, DS1 with CRO, DS2,
// DS3) in each window, as an ARS analyst needs to plan a campaign.
//
// # What it encodes
//
// [Read] (or [ReadDialect]) parses the extract (FINESS, region and the
// eight activity counts of Annexe 3 §1) as ARS spreadsheets export it:
// separated by ',', ';' or TAB; in UTF-8 (with or without a byte-order
// mark), UTF-16 with its mark, or Windows-1252; headers in any case,
// thousands separators, regions as people write them. [Write] computes each
// establishment's combined activity and its 16 forfaits on compiled rules
// and streams them as CSV or JSON (with derivations when asked), in
// constant memory; [Compute] returns them as [Record] values for a caller
// that wants them all; [RegionalEnvelopes] allocates a national total
// among the regions in proportion to them (Annexe 2 §1, INT-08). Every
// function takes the whole instruction ([instruction.Rules]), as every
// other flow of the module does. When no national maximum is given, the
// largest combined activity of the extract is the upper end of category
// D, the extract being national (INT-02, [forfait.LargestActivity]), and
// [Summary] says which establishment set it.
//
// # Sources
//
//   - §5 and Annexe 3 §1-§4, through package forfait.
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
// Every problem of the input is a [*LineError] giving the line, the
// column (the field's number from 1), the header's name and the value (cut
// to a readable length); it unwraps to [ErrEmpty], [ErrSyntax], [ErrMissingColumn],
// [ErrDuplicateColumn], [ErrShortRow], [ErrInvalidCount] (with
// [ErrDecimalCount] for a decimal part), [ErrDuplicateFINESS],
// [ErrEncoding], [ErrLineTooLong], envelope.ErrUnknownRegion,
// forfait.ErrInvalidFINESS or forfait.ErrNationalMax. Read reports the
// first [MaxProblems] then one [ErrTooManyProblems] counting the rest per
// kind (codec.TooManyError); a FINESS outside its row's region is a
// warning ([ErrRegionMismatch], Extract.Warnings); [CheckNationalMax]
// refuses a national maximum one row sets far above the rest
// ([ErrOutlierMax]). Write and Compute report every problem before
// writing or returning anything. Write refuses derivations in CSV, which
// has no place for them, and an unknown format, with [ErrFormat].
//
// # Example
//
//	ests, err := campaign.Read(file)
//	rules := instruction.Instruction2021()
//	summary, err := campaign.Write(os.Stdout, &rules, ests, campaign.Options{}, campaign.CSV)
package campaign
