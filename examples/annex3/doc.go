// Command annex3 prints the worked example of Annexe 3 §4 of instruction
// DGOS/PF5/DNS/CTO/2021/167, computed by the library with its derivation:
// a category-C establishment with a combined activity of 127 800, funded
// for DS1 with the CRO bonus in window 1, biology (DS2) in window 4 and
// imaging (DS3) in window 2.
//
//	go run ./examples/annex3
//
// It computes the example twice: with the annex's base unit of 1 000 €,
// which gives its 176 300 €, and with the library's default of 1 € (INT-03).
package main
