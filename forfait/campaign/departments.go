package campaign

import (
	"fmt"
	"strings"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait/codec"
)

// departments maps each department, by the code a FINESS number starts
// with (INT-09: two characters, 2A and 2B for Corsica, three for the
// overseas departments 971 to 976), to the region of Annexe 2 §1 it lies
// in. Provenance: INSEE, Code officiel géographique au 1er janvier 2021,
// list of departments and their regions (the regions of 2016, which
// Annexe 2 names). Data for a plausibility check only: the region of a
// row is what the extract says, never changed.
var departments = func() map[string]envelope.Region {
	m := map[string]envelope.Region{}
	for r, codes := range map[envelope.Region]string{
		envelope.AuvergneRhoneAlpes:     "01 03 07 15 26 38 42 43 63 69 73 74",
		envelope.BourgogneFrancheComte:  "21 25 39 58 70 71 89 90",
		envelope.Bretagne:               "22 29 35 56",
		envelope.CentreValDeLoire:       "18 28 36 37 41 45",
		envelope.Corse:                  "2A 2B",
		envelope.GrandEst:               "08 10 51 52 54 55 57 67 68 88",
		envelope.HautsDeFrance:          "02 59 60 62 80",
		envelope.IleDeFrance:            "75 77 78 91 92 93 94 95",
		envelope.Normandie:              "14 27 50 61 76",
		envelope.NouvelleAquitaine:      "16 17 19 23 24 33 40 47 64 79 86 87",
		envelope.Occitanie:              "09 11 12 30 31 32 34 46 48 65 66 81 82",
		envelope.PaysDeLaLoire:          "44 49 53 72 85",
		envelope.ProvenceAlpesCoteDAzur: "04 05 06 13 83 84",
		envelope.Guadeloupe:             "971",
		envelope.Martinique:             "972",
		envelope.Guyane:                 "973",
		envelope.LaReunion:              "974",
		envelope.Mayotte:                "976",
	} {
		for _, c := range strings.Fields(codes) {
			m[c] = r
		}
	}
	return m
}()

// departmentOf is the department code a FINESS number starts with: three
// characters overseas (97x), two otherwise.
func departmentOf(finess []byte) []byte {
	if finess[0] == '9' && finess[1] == '7' {
		return finess[:3]
	}
	return finess[:2]
}

// regionWarnings warns of each establishment whose FINESS's department is
// not in its row's region, naming both (ErrRegionMismatch); index holds
// the columns Read found. FINESS numbers of the collectivities 986 to
// 988, in no region of Annexe 2, are not checked.
func regionWarnings(ests []Establishment, index []int) []error {
	var r codec.Report
	var buf [9]byte
	for _, e := range ests {
		f, _ := e.FINESS.AppendText(buf[:0])
		want, ok := departments[string(departmentOf(f))]
		if !ok || want == e.Region {
			continue
		}
		if r.Counting() { // past the bound: counted, not written
			r.Tally("finess")
			continue
		}
		r.Add(&LineError{File: fileNoun, Line: e.Line, Column: index[0] + 1, Field: "finess", Value: string(f),
			Err: &codec.ParseError{Err: ErrRegionMismatch, Reason: codec.Text{
				French:  fmt.Sprintf("le département %s est dans la région %s, la ligne dit %s", departmentOf(f), want, e.Region),
				English: fmt.Sprintf("department %s is in %s, the row says %s", departmentOf(f), want, e.Region)}}})
	}
	return r.List()
}
