package campaign_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/campaign"
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
	rs := forfait.Instruction2021()
	recs, err := campaign.Compute(&rs, ests, campaign.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	// The first establishment's DS2 rows: 6500 + 5000 × 6500/7000 = 11142.86.
	os.Stdout.Write(campaign.AppendCSV(nil, recs[8:12]))
	// Output:
	// finess,region,combined_activity,category,domain,cro,window,base,forfait,advance,balance
	// 2A0000123,Corse,5000,A,DS2,false,1,11143,11143,3343,7800
	// 2A0000123,Corse,5000,A,DS2,false,2,11143,10029,3009,7020
	// 2A0000123,Corse,5000,A,DS2,false,3,11143,9472,2842,6630
	// 2A0000123,Corse,5000,A,DS2,false,4,11143,8914,2674,6240
}

func ExampleRead_errors() {
	_, err := campaign.Read(strings.NewReader("finess,region\n750712184,Bretagne\n"))
	fmt.Println(err)
	// Output:
	// line 1 (mco_days): campaign: missing column
	// line 1 (mco_sessions): campaign: missing column
	// line 1 (ambulatory_surgery_stays): campaign: missing column
	// line 1 (day_hospital_stays): campaign: missing column
	// line 1 (ssr_days): campaign: missing column
	// line 1 (psy_days): campaign: missing column
	// line 1 (had_days): campaign: missing column
	// line 1 (usld_days): campaign: missing column
}
