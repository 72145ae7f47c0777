// Command campaign computes the SUN-ES volet-1 forfaits of every
// establishment of a national extract: 16 rows per establishment, one per
// variant (DS1 standard, DS1 with CRO, DS2, DS3) and window (1 to 4).
//
//	go run ./examples/campaign -in extract.csv
//	go run ./examples/campaign -in extract.csv -format json -explain
//	go run ./examples/campaign -in extract.csv -allocate 158000000
//
// With -allocate TOTAL it prints instead the regional envelopes: CSV
// columns region, weight, envelope, advance_credits, usage_credits, one row
// per Annexe 2 region in its order (zero-weight regions included), weight
// being the region's sum of window-1 standard forfaits (DS1 without CRO,
// DS2, DS3) in euros.
//
// The input is CSV with a header naming the columns finess, region,
// mco_days, mco_sessions, ambulatory_surgery_stays, day_hospital_stays,
// ssr_days, psy_days, had_days and usld_days, in any order; other columns
// are ignored. On bad input it lists every problem on stderr, with its line
// and column, writes nothing on stdout and exits with status 1.
package main
