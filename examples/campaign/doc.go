// Command campaign computes the SUN-ES volet-1 forfaits of every
// establishment of a national extract: 16 rows per establishment, one per
// variant (DS1 standard, DS1 with CRO, DS2, DS3) and window (1 to 4).
//
//	go run ./examples/campaign -in extract.csv
//	go run ./examples/campaign -in extract.csv -format json -explain
//	go run ./examples/campaign -in extract.csv -allocate 158000000
//
// With -lang fr the derivations of -explain, the steps of -diff and the
// problems on stderr are in French (-lang en: each step of -explain with
// its English label); without it they are in English.
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
// are ignored. It reads the file as a spreadsheet exports it: ',', ';' or
// TAB (detected; -sep to impose one), UTF-8, UTF-16 or Windows-1252
// (detected on the whole file; -encoding to impose one), counts such as
// "127 800". On bad input it lists every problem on stderr (the first 50,
// then a count of the rest per kind), with its line and column, writes
// nothing on stdout and exits with status 1. Without -national-max, a
// national maximum one row sets more than three times above the next
// largest is refused, that row named: a typo would cut every category D
// forfait. A FINESS whose department is not in its row's region is a
// warning on stderr.
package main
