package audit_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/audit"
	"github.com/sunes-spec/sunes/forfait/campaign"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/window"
)

var rules = instruction.Instruction2021()

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

var (
	annex   = forfait.MustParseFINESS("750712184") // Annexe 3 §4: category C, 127 800
	mayotte = forfait.MustParseFINESS("976000019")
	other   = forfait.MustParseFINESS("976000027")
	ds1CRO  = forfait.Variant{Domain: forfait.DS1, CRO: true}
	ds1     = forfait.Variant{Domain: forfait.DS1}
	ds2     = forfait.Variant{Domain: forfait.DS2}
	ds3     = forfait.Variant{Domain: forfait.DS3}
)

// establishments: the annex's, and two category-D establishments of
// Mayotte (230 000: DS1 base 150 000, advance 45 000), whose advance
// credits are 30 % of 220 222 = 66 067 €.
var establishments = []audit.Establishment{
	{FINESS: annex, Region: envelope.IleDeFrance, Combined: d("127800")},
	{FINESS: mayotte, Region: envelope.Mayotte, Combined: d("230000")},
	{FINESS: other, Region: envelope.Mayotte, Combined: d("230000")},
}

var options = audit.Options{NationalMax: d("500000")}

func pay(f forfait.FINESS, v forfait.Variant, w window.Window, k envelope.Kind, amount, date string) audit.Payment {
	return audit.Payment{FINESS: f, Variant: v, Window: w, Kind: k, Amount: d(amount), Date: window.MustParseDate(date)}
}

// Hand-computed amounts (1 € base unit, Annexe 3 §3-§4): DS1+CRO window 1
// 109 738 = 32 921 + 76 817; DS1 window 1 99 762; DS2 window 1 39 194 =
// 11 758 + 27 436; DS2 window 2 39 194 × 0.9 = 35 274.6 → 35 275.
var (
	advDS1CRO = pay(annex, ds1CRO, window.W1, envelope.Advance, "32921", "2021-12-15")
	advDS2    = pay(annex, ds2, window.W1, envelope.Advance, "11758", "2021-12-15")
)

type found struct {
	Code     audit.Code
	Expected string
	Paid     string
}

func run(t *testing.T, payments ...audit.Payment) []found {
	t.Helper()
	r, err := audit.Audit(&rules, establishments, payments, options)
	if err != nil {
		t.Fatal(err)
	}
	var out []found
	for _, f := range r.Findings {
		exp := ""
		if f.HasExpected {
			exp = forfait.Format(f.Expected)
			if !f.Difference.Equal(f.Paid.Sub(f.Expected)) {
				t.Errorf("%s: difference %s ≠ paid %s − expected %s", f.Code, f.Difference, f.Paid, f.Expected)
			}
		}
		if f.Source == "" {
			t.Errorf("%s without a citation", f.Code)
		}
		codectest.Check(t, string(f.Code)+" derivation", f.Derivation)
		out = append(out, found{f.Code, exp, forfait.Format(f.Paid)})
	}
	return out
}

// TestEachFinding: for each code, the payments that trigger it, and the
// nearest payments that must not.
func TestEachFinding(t *testing.T) {
	tests := []struct {
		name     string
		payments []audit.Payment
		want     []found
	}{
		{"advance one euro over", []audit.Payment{pay(annex, ds2, window.W1, envelope.Advance, "11759", "2021-12-15")},
			[]found{{audit.AdvanceAmount, "11758", "11759"}}},
		{"advance exact", []audit.Payment{advDS2}, nil},
		{"balance one euro over", []audit.Payment{advDS2, pay(annex, ds2, window.W1, envelope.Balance, "27437", "2022-09-01")},
			[]found{{audit.BalanceAmount, "27436", "27437"}}},
		{"balance exact", []audit.Payment{advDS2, pay(annex, ds2, window.W1, envelope.Balance, "27436", "2022-09-01")}, nil},
		{"deferred balance on window 1's forfait", []audit.Payment{advDS2, pay(annex, ds2, window.W2, envelope.Balance, "27436", "2023-03-01")},
			[]found{{audit.BalanceAmount, "23517", "27436"}}},
		{"deferred balance on window 2's forfait (INT-05)", []audit.Payment{advDS2, pay(annex, ds2, window.W2, envelope.Balance, "23517", "2023-03-01")}, nil},
		{"CRO missed, paid the bonus anyway", []audit.Payment{advDS1CRO, pay(annex, ds1, window.W1, envelope.Balance, "76817", "2022-09-01")},
			[]found{{audit.BalanceAmount, "66841", "76817"}}},
		{"CRO missed, standard forfait less the advance (INT-06)", []audit.Payment{advDS1CRO, pay(annex, ds1, window.W1, envelope.Balance, "66841", "2022-09-01")}, nil},
		{"balance two windows later", []audit.Payment{advDS2, pay(annex, ds2, window.W3, envelope.Balance, "100", "2023-09-01")},
			[]found{{audit.BalanceWindow, "0", "100"}}},
		{"repaid after a balance two windows later", []audit.Payment{advDS2, pay(annex, ds2, window.W3, envelope.Balance, "100", "2023-09-01"),
			pay(annex, ds2, window.W1, envelope.Repayment, "11758", "2023-10-01")},
			[]found{{audit.BalanceWindow, "0", "100"}, {audit.BalanceAndRepayment, "0", "11758"}}},
		{"balance with a bonus the advance lacked", []audit.Payment{pay(annex, ds1, window.W1, envelope.Advance, "29929", "2021-12-15"),
			pay(annex, ds1CRO, window.W1, envelope.Balance, "79809", "2022-09-01")}, []found{{audit.BalanceWindow, "69833", "79809"}}},
		{"balance with a bonus the advance lacked, the standard amount", []audit.Payment{pay(annex, ds1, window.W1, envelope.Advance, "29929", "2021-12-15"),
			pay(annex, ds1CRO, window.W1, envelope.Balance, "69833", "2022-09-01")}, []found{{audit.BalanceWindow, "69833", "69833"}}},
		{"repayment short", []audit.Payment{advDS2, pay(annex, ds2, window.W1, envelope.Repayment, "10000", "2022-09-01")},
			[]found{{audit.RepaymentAmount, "11758", "10000"}}},
		{"repayment whole", []audit.Payment{advDS2, pay(annex, ds2, window.W1, envelope.Repayment, "11758", "2022-09-01")}, nil},
		{"two advances", []audit.Payment{advDS2, pay(annex, ds2, window.W2, envelope.Advance, "10583", "2022-06-01")},
			[]found{{audit.Duplicate, "0", "10583"}}},
		{"advances for two domains", []audit.Payment{advDS2, pay(annex, ds3, window.W2, envelope.Advance, "10583", "2022-06-01")}, nil},
		{"balance without advance", []audit.Payment{pay(annex, ds3, window.W1, envelope.Balance, "27436", "2022-09-01")},
			[]found{{audit.NoAdvance, "0", "27436"}}},
		{"repayment without advance", []audit.Payment{pay(annex, ds3, window.W1, envelope.Repayment, "11758", "2022-09-01")},
			[]found{{audit.NoAdvance, "0", "11758"}}},
		{"repaid then paid", []audit.Payment{advDS2, pay(annex, ds2, window.W1, envelope.Repayment, "11758", "2022-09-01"),
			pay(annex, ds2, window.W1, envelope.Balance, "27436", "2022-10-01")}, []found{{audit.BalanceAndRepayment, "0", "27436"}}},
		{"unknown establishment", []audit.Payment{pay(forfait.MustParseFINESS("130000012"), ds2, window.W1, envelope.Advance, "11758", "2021-12-15")},
			[]found{{audit.UnknownEstablishment, "0", "11758"}}},
		{"CRO on DS2", []audit.Payment{pay(annex, forfait.Variant{Domain: forfait.DS2, CRO: true}, window.W1, envelope.Advance, "12934", "2021-12-15")},
			[]found{{audit.CRONotDS1, "11758", "12934"}}},
		{"CRO on DS2, then its balance as if the advance had been right", []audit.Payment{pay(annex, forfait.Variant{Domain: forfait.DS2, CRO: true}, window.W1, envelope.Advance, "12934", "2021-12-15"),
			pay(annex, ds2, window.W1, envelope.Balance, "27436", "2022-09-01")},
			[]found{{audit.CRONotDS1, "11758", "12934"}, {audit.BalanceAmount, "26260", "27436"}}},
		{"CRO on DS2 at the DS2 amount, then its balance", []audit.Payment{pay(annex, forfait.Variant{Domain: forfait.DS2, CRO: true}, window.W1, envelope.Advance, "11758", "2021-12-15"),
			pay(annex, ds2, window.W1, envelope.Balance, "27436", "2022-09-01")},
			[]found{{audit.CRONotDS1, "11758", "11758"}}},
		{"CRO on a DS3 balance", []audit.Payment{pay(annex, ds3, window.W1, envelope.Advance, "11758", "2021-12-15"),
			pay(annex, forfait.Variant{Domain: forfait.DS3, CRO: true}, window.W1, envelope.Balance, "30180", "2022-09-01")},
			[]found{{audit.CRONotDS1, "27436", "30180"}}},
		{"CRO on DS1", []audit.Payment{advDS1CRO}, nil},
		{"advances beyond the region's credits", []audit.Payment{pay(mayotte, ds1, window.W1, envelope.Advance, "45000", "2021-12-15"),
			pay(other, ds1, window.W1, envelope.Advance, "45000", "2021-12-16")}, []found{{audit.RegionCredits, "21067", "45000"}}},
		{"one advance within the region's credits", []audit.Payment{pay(mayotte, ds1, window.W1, envelope.Advance, "45000", "2021-12-15")}, nil},
		{"advance before the application period", []audit.Payment{pay(annex, ds2, window.W1, envelope.Advance, "11758", "2021-08-31")},
			[]found{{audit.DateCalendar, "", "11758"}}},
		{"advance on the first day", []audit.Payment{pay(annex, ds2, window.W1, envelope.Advance, "11758", "2021-09-01")}, nil},
		{"advance after the review period", []audit.Payment{pay(annex, ds2, window.W1, envelope.Advance, "11758", "2022-01-01")},
			[]found{{audit.DateCalendar, "", "11758"}}},
		{"advance on the review period's last day", []audit.Payment{pay(annex, ds2, window.W1, envelope.Advance, "11758", "2021-12-31")}, nil},
		{"balance on the last day of measurement", []audit.Payment{advDS2, pay(annex, ds2, window.W1, envelope.Balance, "27436", "2022-06-30")},
			[]found{{audit.DateCalendar, "", "27436"}}},
		{"balance the day after", []audit.Payment{advDS2, pay(annex, ds2, window.W1, envelope.Balance, "27436", "2022-07-01")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, run(t, tt.payments...)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDateOrder: payments are audited in date order whatever the file's
// order, so the later of two advances is the duplicate.
func TestDateOrder(t *testing.T) {
	late := pay(annex, ds2, window.W2, envelope.Advance, "10583", "2022-06-01")
	r, err := audit.Audit(&rules, establishments, []audit.Payment{late, advDS2}, options)
	if err != nil || len(r.Findings) != 1 || r.Findings[0].Code != audit.Duplicate || r.Findings[0].Payment.Date != late.Date {
		t.Errorf("findings %+v, %v", r.Findings, err)
	}
}

func TestReport(t *testing.T) {
	ests := []audit.Establishment{establishments[0],
		{FINESS: mayotte, Region: envelope.Mayotte, Combined: d("240000")},
		{FINESS: other, Region: envelope.Mayotte, Combined: d("240000")}}
	r, err := audit.Audit(&rules, ests, []audit.Payment{advDS2, pay(annex, ds2, window.W1, envelope.Repayment, "11758", "2022-09-01")}, audit.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// National maximum read from the data (INT-02): the largest combined activity, 240 000, held first by mayotte.
	if !r.NationalMax.Equal(d("240000")) || r.NationalMaxFrom != mayotte || r.Payments != 2 || !r.Paid.IsZero() {
		t.Errorf("report %+v", r)
	}
}

func TestInvalidInput(t *testing.T) {
	bad := []audit.Payment{{}, pay(annex, forfait.Variant{Domain: 7}, 9, 0, "-1", "2022-01-01")}
	_, err := audit.Audit(&rules, append(establishments, audit.Establishment{FINESS: annex, Region: envelope.Corse, Combined: d("1")}), bad, options)
	fields := codectest.Places(t, err)
	want := []string{"establishments[3].finess",
		"payments[0].finess", "payments[0].domain", "payments[0].window", "payments[0].kind", "payments[0].amount", "payments[0].date",
		"payments[1].domain", "payments[1].window", "payments[1].kind", "payments[1].amount"}
	if diff := cmp.Diff(want, fields); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	for _, sentinel := range []error{audit.ErrInvalidEstablishment, audit.ErrInvalidPayment, forfait.ErrInvalidDomain, window.ErrInvalid} {
		if !errors.Is(err, sentinel) {
			t.Errorf("error does not wrap %v", sentinel)
		}
	}
}

// TestNationalMaxContradicted: every establishment whose activity the
// national maximum contradicts (INT-02) is reported at once, before any
// payment is audited, at its own combined activity, wrapping
// forfait.ErrNationalMax; a maximum read from an extract whose largest
// activity is category D's threshold is contradicted too.
func TestNationalMaxContradicted(t *testing.T) {
	tests := []struct {
		name    string
		max     string
		want    []string
		nothing bool
	}{
		{"below two activities", "200000", []string{"/establishments/1/combined_activity", "/establishments/2/combined_activity"}, false},
		{"at category D's threshold, read from the extract", "0", []string{"/establishments/1/combined_activity", "/establishments/2/combined_activity"}, false},
		{"negative", "-1", []string{"/national_max"}, false},
		{"above every activity", "500000", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Only the annex's establishment is paid: the others are
			// reported all the same.
			r, err := audit.Audit(&rules, establishments, []audit.Payment{advDS2}, audit.Options{NationalMax: d(tt.max)})
			if tt.nothing {
				if err != nil || r.Payments != 1 {
					t.Errorf("Audit = %+v, %v; want a report", r, err)
				}
				return
			}
			var got []string
			for _, e := range forfait.Problems(err) {
				var ie *forfait.InputError
				if !errors.As(e, &ie) || !errors.Is(e, forfait.ErrNationalMax) {
					t.Errorf("problem %v is not an InputError wrapping ErrNationalMax", e)
					continue
				}
				got = append(got, ie.Pointer())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" || r.Findings != nil {
				t.Errorf("problems (-want +got):\n%s; report %+v", diff, r)
			}
		})
	}
}

// TestRepaymentCitation: a repayment cites the deferral (INT-05) only when
// its window is not its advance's.
func TestRepaymentCitation(t *testing.T) {
	for _, tt := range []struct {
		name   string
		repay  audit.Payment
		interp []string
	}{
		{"in the advance's window", pay(annex, ds2, window.W1, envelope.Repayment, "10000", "2022-09-01"), nil},
		{"after a deferral", pay(annex, ds2, window.W2, envelope.Repayment, "10000", "2023-01-15"), []string{"INT-05"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := audit.Audit(&rules, establishments, []audit.Payment{advDS2, tt.repay}, options)
			if err != nil || len(r.Findings) != 1 || r.Findings[0].Code != audit.RepaymentAmount {
				t.Fatalf("findings %+v, %v", r.Findings, err)
			}
			if diff := cmp.Diff(tt.interp, r.Findings[0].Interpretations); diff != "" {
				t.Errorf("interpretations (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTotalsBy(t *testing.T) {
	r, err := audit.Audit(&rules, establishments, []audit.Payment{
		pay(annex, ds2, window.W1, envelope.Advance, "11759", "2021-12-15"),
		pay(annex, ds3, window.W1, envelope.Advance, "11760", "2021-12-15"),
		pay(mayotte, ds1, window.W1, envelope.Advance, "45001", "2021-12-15"),
	}, options)
	if err != nil {
		t.Fatal(err)
	}
	got := audit.TotalsBy(r.Findings, func(f audit.Finding) string { return f.Region.String() })
	want := []audit.Totals[string]{{Key: "Ile-de-France", Count: 2, Overpaid: d("3")}, {Key: "Mayotte", Count: 1, Overpaid: d("1")}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("totals (-want +got):\n%s", diff)
	}
}

// sampleReport audits four payments: an advance 1 € over, a repayment 794 €
// short of its advance, and an advance to an establishment the extract
// does not hold.
func sampleReport(t *testing.T) audit.Report {
	t.Helper()
	r, err := audit.Audit(&rules, establishments, []audit.Payment{
		pay(annex, ds2, window.W1, envelope.Advance, "11759", "2021-12-15"),
		pay(annex, ds3, window.W1, envelope.Advance, "11758", "2021-12-15"),
		pay(annex, ds3, window.W1, envelope.Repayment, "10964", "2022-09-01"),
		pay(forfait.MustParseFINESS("130000012"), ds2, window.W1, envelope.Advance, "5", "2021-12-15"),
	}, options)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestReports: the three report forms of one audit, with the totals an
// auditor reads (hand-computed: 1 € over on the advance, 794 € short on
// the repayment, so 794 € kept: 795 € paid wrongly in Ile-de-France; 5 €
// to an establishment the extract does not hold, nothing being due to it,
// INT-32).
func TestReports(t *testing.T) {
	r := sampleReport(t)
	var csvOut, jsonOut, md bytes.Buffer
	if err := audit.WriteCSV(&csvOut, r); err != nil {
		t.Fatal(err)
	}
	wantCSV := "finess,region,volet,domain,cro,window,kind,line,date,finding,expected,paid,difference,overpaid,consequence_of,settled,citation\n" +
		"750712184,Ile-de-France,1,DS2,false,1,advance,,2021-12-15,ADVANCE-AMOUNT,11758,11759,1,1,,false,§5; Annexe 2 §3; INT-04\n" +
		"130000012,,1,DS2,false,1,advance,,2021-12-15,UNKNOWN-ESTABLISHMENT,0,5,5,5,,false,§5; Annexe 3 §1; INT-32\n" +
		"750712184,Ile-de-France,1,DS3,false,1,repayment,,2022-09-01,REPAYMENT-AMOUNT,11758,10964,-794,794,,false,Annexe 2 §3\n"
	if diff := cmp.Diff(wantCSV, csvOut.String()); diff != "" {
		t.Errorf("CSV (-want +got):\n%s", diff)
	}
	if err := audit.WriteJSON(&jsonOut, r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		NationalMax string `json:"national_max"`
		Findings    []struct {
			Finding  string  `json:"finding"`
			Expected *string `json:"expected"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(jsonOut.Bytes(), &doc); err != nil || doc.NationalMax != "500000" || len(doc.Findings) != 3 ||
		*doc.Findings[1].Expected != "0" || *doc.Findings[0].Expected != "11758" {
		t.Errorf("JSON %s: %v", jsonOut.String(), err)
	}
	if err := audit.WriteMarkdownIn(&md, &rules, r, codec.English); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| Ile-de-France | 2 | 795 |", "| (not in the extract) | 1 | 5 |", "| `REPAYMENT-AMOUNT` | 1 | 794 |",
		"### 3. `REPAYMENT-AMOUNT` — 750712184 repayment DS3, window 1, 2022-09-01", "- Expected: 11758 € (difference -794 €)"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md.String())
		}
	}
	md.Reset()
	clean, _ := audit.Audit(&rules, establishments, []audit.Payment{advDS2}, options)
	if err := audit.WriteMarkdownIn(&md, &rules, clean, codec.English); err != nil || !strings.Contains(md.String(), "No finding") {
		t.Errorf("clean report: %v\n%s", err, md.String())
	}
}

func TestFromExtract(t *testing.T) {
	ests, err := campaign.Read(strings.NewReader("finess,region,mco_days,mco_sessions,ambulatory_surgery_stays,day_hospital_stays,ssr_days,psy_days,had_days,usld_days\n" +
		"750712184,Ile-de-France,100000,1,2,0,0,0,0,0\n"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := audit.FromExtract(&rules.Forfait, ests)
	// 100 000 + 1 × 0.5 + 2 × 1.5 = 100 003.5 (Annexe 3 §1)
	if err != nil || len(got) != 1 || got[0].FINESS != annex || got[0].Region != envelope.IleDeFrance || !got[0].Combined.Equal(d("100003.5")) {
		t.Errorf("FromExtract = %+v, %v", got, err)
	}
}
