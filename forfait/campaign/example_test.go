package campaign_test

import (
	"fmt"
	"strings"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/campaign"
	"github.com/sunes-spec/sunes/forfait/instruction"
)

func Example() {
	extract := "finess,region,mco_days,mco_sessions,ambulatory_surgery_stays,day_hospital_stays,ssr_days,psy_days,had_days,usld_days\n" +
		"2A0000123,Corse,5000,0,0,0,0,0,0,0\n" +
		"750712184,Ile-de-France,300000,0,0,0,0,0,0,0\n"
	ests, err := campaign.Read(strings.NewReader(extract))
	if err != nil {
		fmt.Println(err)
		return
	}
	rs := instruction.Instruction2021()
	recs, err := campaign.Compute(&rs, ests, campaign.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	// The first establishment's DS2 rows: 6500 + 5000 × 6500/7000 = 11142.86.
	for _, r := range recs[8:12] {
		fmt.Println(r.FINESS, r.Region, r.Category, r.Variant, "window", r.Window, "base", forfait.Format(r.Base),
			"forfait", forfait.Format(r.Amount), "advance", forfait.Format(r.Advance), "balance", forfait.Format(r.Balance))
	}
	// Output:
	// 2A0000123 Corse A DS2 window 1 base 11143 forfait 11143 advance 3343 balance 7800
	// 2A0000123 Corse A DS2 window 2 base 11143 forfait 10029 advance 3009 balance 7020
	// 2A0000123 Corse A DS2 window 3 base 11143 forfait 9472 advance 2842 balance 6630
	// 2A0000123 Corse A DS2 window 4 base 11143 forfait 8914 advance 2674 balance 6240
}

func ExampleRead_errors() {
	_, err := campaign.Read(strings.NewReader("finess,region\n750712184,Bretagne\n"))
	fmt.Println(err)
	// Output:
	// extract, line 1 (mco_days): missing column
	// extract, line 1 (mco_sessions): missing column
	// extract, line 1 (ambulatory_surgery_stays): missing column
	// extract, line 1 (day_hospital_stays): missing column
	// extract, line 1 (ssr_days): missing column
	// extract, line 1 (psy_days): missing column
	// extract, line 1 (had_days): missing column
	// extract, line 1 (usld_days): missing column
}
