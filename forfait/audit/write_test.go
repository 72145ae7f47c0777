package audit_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"pgregory.net/rapid"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/audit"
	"github.com/sunes-spec/sunes/window"
)

// drawPayment draws a payment Audit can read: volet 1 with a domain (the
// CRO bonus on any, a finding but not an input error) and a window, or
// volet 2 with neither.
func drawPayment(t *rapid.T, label string) audit.Payment {
	p := audit.Payment{
		FINESS: rapid.SampledFrom([]forfait.FINESS{annex, mayotte, other, forfait.MustParseFINESS("2A0000123"), forfait.MustParseFINESS("976000035")}).Draw(t, label+"_finess"),
		Volet:  envelope.Volet(rapid.IntRange(1, 2).Draw(t, label+"_volet")),
		Kind:   envelope.Kind(rapid.IntRange(1, 3).Draw(t, label+"_kind")),
		Amount: decimal.New(rapid.Int64Range(1, 1e12).Draw(t, label+"_units"), -int32(rapid.IntRange(0, 2).Draw(t, label+"_decimals"))),
		Date:   window.DateOf(rapid.IntRange(2021, 2025).Draw(t, label+"_year"), time.Month(rapid.IntRange(1, 12).Draw(t, label+"_month")), rapid.IntRange(1, 28).Draw(t, label+"_day")),
	}
	if p.Volet == envelope.Volet1 {
		p.Variant = forfait.Variant{Domain: forfait.Domain(rapid.IntRange(1, 3).Draw(t, label+"_domain")), CRO: rapid.Bool().Draw(t, label+"_cro")}
		p.Window = window.Window(rapid.IntRange(1, 4).Draw(t, label+"_window"))
	}
	return p
}

// checkPaymentsRoundTrip: ReadPayments(WritePayments(ps)) gives ps back,
// each payment with its row's line.
func checkPaymentsRoundTrip(t *rapid.T) {
	n := rapid.IntRange(1, 20).Draw(t, "payments")
	ps := make([]audit.Payment, n)
	for i := range ps {
		ps[i] = drawPayment(t, "p")
		ps[i].Line = i + 2
	}
	var buf bytes.Buffer
	if err := audit.WritePayments(&buf, ps); err != nil {
		t.Fatal(err)
	}
	got, err := audit.ReadPayments(&buf)
	if err != nil {
		t.Fatalf("ReadPayments of what WritePayments wrote: %v", err)
	}
	if diff := cmp.Diff(ps, got); diff != "" {
		t.Fatalf("round trip (-want +got):\n%s", diff)
	}
}

func TestPaymentsRoundTrip(t *testing.T) { rapid.Check(t, checkPaymentsRoundTrip) }
func FuzzPaymentsRoundTrip(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkPaymentsRoundTrip)) }

// FuzzReadWritePayments: a ledger ReadPayments accepts is written by
// WritePayments and read back the same.
func FuzzReadWritePayments(f *testing.F) {
	f.Add("finess,domain,cro,window,kind,amount,date\n750712184,DS1,true,1,advance,32921,2021-12-15\n")
	f.Add("volet,date,amount,kind,window,cro,domain,finess\n2,15/12/2021,\"1,5\",repayment,,,,2A0000123\n")
	f.Fuzz(func(t *testing.T, in string) {
		ps, err := audit.ReadPayments(strings.NewReader(in))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := audit.WritePayments(&buf, ps); err != nil {
			t.Fatalf("WritePayments of a ledger ReadPayments accepted: %v", err)
		}
		again, err := audit.ReadPayments(&buf)
		if err != nil {
			t.Fatalf("ReadPayments of what WritePayments wrote: %v", err)
		}
		for i := range ps {
			ps[i].Line = i + 2
		}
		if diff := cmp.Diff(ps, again); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
	})
}

// TestWritePaymentsRefuses: a payment Audit could not read is refused,
// every problem typed, nothing written.
func TestWritePaymentsRefuses(t *testing.T) {
	var buf bytes.Buffer
	bad := []audit.Payment{advDS2, {FINESS: annex, Volet: envelope.Volet2, Variant: ds2, Kind: envelope.Advance, Amount: d("-1"), Date: advDS2.Date}}
	err := audit.WritePayments(&buf, bad)
	var fields []string
	for _, e := range forfait.Problems(err) {
		var ie *forfait.InputError
		if !errors.As(e, &ie) || !errors.Is(e, audit.ErrInvalidPayment) {
			t.Fatalf("problem %v is not a typed ErrInvalidPayment", e)
		}
		fields = append(fields, ie.Where())
	}
	if diff := cmp.Diff([]string{"payments[1].domain", "payments[1].amount"}, fields); diff != "" || buf.Len() > 0 {
		t.Errorf("problems (-want +got):\n%s; written %q", diff, buf.String())
	}
}

// TestPaymentOf: a booked notification is the payment it records, with
// the same identity as the ledger's (§5; INT-14).
func TestPaymentOf(t *testing.T) {
	n := envelope.Notification{Kind: envelope.Balance, Volet: envelope.Volet1, Region: envelope.IleDeFrance, Establishment: annex,
		Variant: ds1, Window: window.W2, Amount: d("66841"), Date: window.DateOf(2023, 2, 1), Source: "§5; Annexe 2 §3", Interpretations: []string{"INT-05"}}
	want := audit.Payment{FINESS: annex, Volet: envelope.Volet1, Variant: ds1, Window: window.W2, Kind: envelope.Balance, Amount: d("66841"), Date: window.DateOf(2023, 2, 1)}
	p := audit.PaymentOf(n)
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("PaymentOf (-want +got):\n%s", diff)
	}
	if p.Identity() != n.Identity() {
		t.Errorf("identity %+v, the ledger's %+v", p.Identity(), n.Identity())
	}
}

// TestCSVHeader: the header WriteCSV writes is CSVHeader's, and a caller
// changing the slice it was given changes nothing the package writes.
func TestCSVHeader(t *testing.T) {
	h := audit.CSVHeader()
	h[0] = "changed"
	var buf bytes.Buffer
	if err := audit.WriteCSV(&buf, audit.Report{}); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), strings.Join(audit.CSVHeader(), ",")+"\n"; got != want || strings.Contains(got, "changed") {
		t.Errorf("WriteCSV header %q, want %q", got, want)
	}
}
