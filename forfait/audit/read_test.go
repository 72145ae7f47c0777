package audit_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/audit"
	"github.com/sunes-spec/sunes/forfait/campaign"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/window"
)

// TestReadPayments: the plain ledger and the one an ARS spreadsheet
// exports (semicolons, French amounts and words, a variant column, French
// dates) read as the same payments.
func TestReadPayments(t *testing.T) {
	want := []audit.Payment{
		{FINESS: annex, Variant: ds1CRO, Window: window.W1, Kind: envelope.Advance, Amount: d("32921"), Date: window.DateOf(2021, 12, 15), Line: 2},
		{FINESS: annex, Variant: ds1, Window: window.W1, Kind: envelope.Balance, Amount: d("66841"), Date: window.DateOf(2022, 9, 1), Line: 3},
	}
	for _, tt := range []struct{ name, ledger string }{
		{"plain", "\ufeffdate,amount,kind,window,cro,domain,finess,note\n" +
			"15/12/2021,\"32921,00\",advance,1,true,DS1,750712184,first\n" +
			"2022-09-01, 66841 ,balance,1,false,DS1,750712184,\n"},
		{"French spreadsheet", "FINESS;Variant;Window;Kind;Amount;Date\r\n" +
			"750712184;DS1+CRO;1;avance;32\u202f921,00 €;15/12/2021\r\n" +
			"750712184;DS1;1;Solde;66 841;2022-09-01\r\n"},
	} {
		got, err := audit.ReadPayments(strings.NewReader(tt.ledger))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: payments (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestReadPaymentsErrors(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []error
	}{
		{"empty", "", []error{audit.ErrNoPayment}},
		{"header only", "finess,domain,cro,window,kind,amount,date\n", []error{audit.ErrNoPayment}},
		{"missing columns", "finess,domain\n", []error{campaign.ErrMissingColumn, campaign.ErrMissingColumn, campaign.ErrMissingColumn, campaign.ErrMissingColumn, campaign.ErrMissingColumn}},
		{"bad cells", "finess,domain,cro,window,kind,amount,date\n1,DS9,x,0,gift,0,2022-13-01\n",
			[]error{forfait.ErrInvalidFINESS, forfait.ErrInvalidDomain, audit.ErrInvalidPayment, window.ErrInvalid, audit.ErrInvalidPayment, audit.ErrInvalidPayment, window.ErrInvalidDate}},
		{"unterminated quote", "finess,domain,cro,window,kind,amount,date\n\"750712184,DS1,true,1,advance,1,2022-01-01\n", []error{campaign.ErrSyntax}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := audit.ReadPayments(strings.NewReader(tt.in))
			problems := forfait.Problems(err)
			if len(problems) != len(tt.want) {
				t.Fatalf("%d problems, want %d: %v", len(problems), len(tt.want), err)
			}
			for i, p := range problems {
				var le *campaign.LineError
				if !errors.Is(p, tt.want[i]) || !errors.As(p, &le) || le.Line == 0 {
					t.Errorf("problem %d = %v, want %v with a line", i, p, tt.want[i])
				}
			}
		})
	}
	// A file of junk stops at 50 problems and says so.
	junk := "finess,domain,cro,window,kind,amount,date\n" + strings.Repeat("x,x,x,x,x,x,x\n", 10_000)
	_, err := audit.ReadPayments(strings.NewReader(junk))
	if problems := forfait.Problems(err); len(problems) != 51 || !errors.Is(problems[50], campaign.ErrTooManyProblems) {
		t.Errorf("%d problems reported, want 50 and campaign.ErrTooManyProblems", len(problems))
	}
}

// FuzzReadPayments: never a panic; every problem is a located, typed
// *campaign.LineError; an accepted payment is well formed.
func FuzzReadPayments(f *testing.F) {
	f.Add("finess,domain,cro,window,kind,amount,date\n750712184,DS1,true,1,advance,32921,2021-12-15\n")
	f.Add("finess;domain\n\"x")
	f.Add("date,amount,kind,window,cro,domain,finess\n15/12/2021,\"1,5\",repayment,4,false,DS3,2A0000123\n")
	f.Fuzz(func(t *testing.T, in string) {
		ps, err := audit.ReadPayments(strings.NewReader(in))
		if err != nil {
			for _, p := range forfait.Problems(err) {
				var le *campaign.LineError
				if !errors.As(p, &le) {
					t.Fatalf("untyped problem %v", p)
				}
			}
			return
		}
		for _, p := range ps {
			if !p.FINESS.IsValid() || !p.Variant.Domain.IsValid() || !p.Window.IsValid() || !p.Kind.IsValid() || p.Amount.Sign() <= 0 || p.Date.IsZero() {
				t.Fatalf("accepted a malformed payment %+v", p)
			}
		}
	})
}

// BenchmarkAudit: 5 000 establishments, each paid an advance and a balance
// in three domains (30 000 payments).
func BenchmarkAudit(b *testing.B) {
	in := instruction.Instruction2021()
	var ests []audit.Establishment
	var payments []audit.Payment
	for i := range 5000 {
		f := forfait.MustParseFINESS(fmt.Sprintf("75%07d", i))
		c := d(fmt.Sprint(1000 + i*40))
		ests = append(ests, audit.Establishment{FINESS: f, Region: envelope.IleDeFrance, Combined: c})
		for _, v := range []forfait.Variant{ds1, ds2, ds3} {
			fo, err := in.Forfait.Compute(forfait.Request{Combined: c, NationalMax: d("500000"), Variant: v, Window: window.W1})
			if err != nil {
				b.Fatal(err)
			}
			payments = append(payments,
				audit.Payment{FINESS: f, Variant: v, Window: window.W1, Kind: envelope.Advance, Amount: fo.Advance, Date: window.DateOf(2021, 12, 1)},
				audit.Payment{FINESS: f, Variant: v, Window: window.W1, Kind: envelope.Balance, Amount: fo.Balance, Date: window.DateOf(2022, 9, 1)})
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := audit.Audit(&in, ests, payments, audit.Options{NationalMax: d("500000")}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestReadVolet2: the volet column reads volet-2 payments, without a
// domain, a CRO or a window (Annexe 2 §4); one with a domain is refused,
// as is a volet other than 1 or 2.
func TestReadVolet2(t *testing.T) {
	got, err := audit.ReadPayments(strings.NewReader("finess,domain,cro,window,kind,amount,date,volet\n" +
		"590000015,,,,advance,30000,2022-01-10,2\n750712184,DS2,false,1,advance,11758,2021-12-15,\n"))
	want := []audit.Payment{
		{FINESS: forfait.MustParseFINESS("590000015"), Volet: envelope.Volet2, Kind: envelope.Advance, Amount: d("30000"), Date: window.DateOf(2022, 1, 10), Line: 2},
		{FINESS: annex, Volet: envelope.Volet1, Variant: ds2, Window: window.W1, Kind: envelope.Advance, Amount: d("11758"), Date: window.DateOf(2021, 12, 15), Line: 3},
	}
	if diff := cmp.Diff(want, got); err != nil || diff != "" {
		t.Errorf("payments (-want +got):\n%s; %v", diff, err)
	}
	_, err = audit.ReadPayments(strings.NewReader("finess,domain,cro,window,kind,amount,date,volet\n" +
		"590000015,DS1,,1,advance,30000,2022-01-10,2\n590000015,DS1,false,1,advance,30000,2022-01-10,3\n"))
	var at []string
	for _, p := range forfait.Problems(err) {
		var le *campaign.LineError
		if !errors.As(p, &le) || !errors.Is(p, audit.ErrInvalidPayment) {
			t.Fatalf("problem %v", p)
		}
		at = append(at, fmt.Sprint(le.Line, " ", le.Field))
	}
	if diff := cmp.Diff([]string{"2 domain", "2 window", "3 volet"}, at); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestReadFrenchLedger: French words and amounts in the domain and cro
// columns' ledger.
func TestReadFrenchLedger(t *testing.T) {
	got, err := audit.ReadPayments(strings.NewReader("finess;domain;cro;window;kind;amount;date\n750712184;DS1;oui;1;remboursement;35 030,00 €;2021-12-10\n"))
	if err != nil || !got[0].Variant.CRO || got[0].Kind != envelope.Repayment || !got[0].Amount.Equal(d("35030")) {
		t.Errorf("oui, remboursement, 35 030,00 €: %+v, %v", got, err)
	}
}

// TestReadLedgerDates: an impossible day is named as such; an American
// date is refused, not read rewritten.
func TestReadLedgerDates(t *testing.T) {
	for _, date := range []string{"2021-02-30", "12/31/2021", "1/2/2021"} {
		_, err := audit.ReadPayments(strings.NewReader("finess,domain,cro,window,kind,amount,date\n750712184,DS1,true,1,advance,1," + date + "\n"))
		var le *campaign.LineError
		if !errors.Is(err, window.ErrInvalidDate) || !errors.As(err, &le) || le.Field != "date" || le.File != "payments ledger" || strings.Contains(err.Error(), "2021-31-12") {
			t.Errorf("%s: %v", date, err)
		}
	}
}
