package envelope

import (
	"errors"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
)

// Volet is one of the two parts of SUN-ES funded by regional envelopes:
// volet 1 (feeding the DMP) and volet 2 (the citizen secure-messaging
// pilot). Their envelopes are not fungible (§3.3).
type Volet uint8

const (
	Volet1 Volet = 1
	Volet2 Volet = 2
)

// IsValid reports whether v is volet 1 or 2.
func (v Volet) IsValid() bool { return v == Volet1 || v == Volet2 }

// voletText is the text form of a volet (codec.Enum): String prints
// "volet 1", the text form is "1".
var voletText = codec.Enum[Volet]{Kind: "volet", Names: []string{Volet1: "1", Volet2: "2"},
	Labels: []string{Volet1: "volet 1", Volet2: "volet 2"}, Err: ErrInvalidVolet}

// String returns "volet 1" or "volet 2"; "unset" for the zero value and
// "invalid volet n" for another invalid one.
func (v Volet) String() string { return voletText.String(v) }

// ErrInvalidVolet: a volet other than 1 or 2.
var ErrInvalidVolet = codec.NewSentinel("envelope: not volet 1 or 2", "n'est pas un volet (1 ou 2)")

// MarshalText encodes v as "1" or "2", the zero value as ""; another
// invalid volet is an error.
func (v Volet) MarshalText() ([]byte, error) { return voletText.Marshal(v) }

// UnmarshalText decodes the form MarshalText produces.
func (v *Volet) UnmarshalText(text []byte) error { return voletText.Unmarshal(text, v) }

// Envelope is one region's envelope for one volet, in euros (Annexe 2 §1,
// §2).
type Envelope struct {
	Region Region
	Amount decimal.Decimal
}

// Annex2 is the national financing of SUN-ES and its regional envelopes
// (§3.3 and Annexe 2), each amount in euros with its source.
type Annex2 struct {
	// Total is the national programme: 210 M€ (§3.3).
	Total decimal.Decimal
	// Volet1, Volet2Pilot and MSSGeneralisation split Total: 158 M€, 1.5 M€
	// and 50.5 M€ (§3.3).
	Volet1, Volet2Pilot, MSSGeneralisation decimal.Decimal
	// Volet1ByDomain splits Volet1 by domain: DS1 123 M€, DS2 11 M€, DS3
	// 24 M€ (§3.3), indexed by forfait.Domain.Index.
	Volet1ByDomain [forfait.NumDomains]decimal.Decimal
	// Regions are the 18 volet-1 envelopes of Annexe 2 §1, in its order.
	Regions [NumRegions]Envelope
	// Pilots are the 3 volet-2 pilot envelopes of Annexe 2 §2, 500 k€ each.
	Pilots [3]Envelope
	// Volet2Cap is the most a volet-2 establishment can receive, 100 k€
	// (§3.3, Annexe 2 §4).
	Volet2Cap decimal.Decimal
	Source    string
}

// Instruction2021Annex2 returns the figures of §3.3 and Annexe 2 of
// instruction DGOS/PF5/DNS/CTO/2021/167.
func Instruction2021Annex2() Annex2 {
	m := func(millions int64, tenths int64) decimal.Decimal { return decimal.New(millions*10+tenths, 5) }
	e := func(r Region, euros int64) Envelope { return Envelope{r, decimal.New(euros, 0)} }
	return Annex2{
		Total: m(210, 0), Volet1: m(158, 0), Volet2Pilot: m(1, 5), MSSGeneralisation: m(50, 5),
		Volet1ByDomain: [forfait.NumDomains]decimal.Decimal{m(123, 0), m(11, 0), m(24, 0)},
		Regions: [NumRegions]Envelope{
			e(AuvergneRhoneAlpes, 16_809_830), e(BourgogneFrancheComte, 6_370_431), e(Bretagne, 7_336_017),
			e(CentreValDeLoire, 5_289_995), e(Corse, 1_132_508), e(GrandEst, 12_744_524), e(Guadeloupe, 1_420_960),
			e(Guyane, 620_694), e(HautsDeFrance, 13_305_401), e(IleDeFrance, 31_749_053), e(LaReunion, 1_857_577),
			e(Martinique, 778_100), e(Mayotte, 220_222), e(Normandie, 7_059_764), e(NouvelleAquitaine, 13_868_924),
			e(Occitanie, 15_661_040), e(PaysDeLaLoire, 8_345_150), e(ProvenceAlpesCoteDAzur, 13_429_810),
		},
		Pilots:    [3]Envelope{e(HautsDeFrance, 500_000), e(Occitanie, 500_000), e(PaysDeLaLoire, 500_000)},
		Volet2Cap: decimal.New(100_000, 0),
		Source:    "§3.3; Annexe 2 §1, §2 and §4",
	}
}

// ErrInvalidAnnex2: figures that do not add up.
var ErrInvalidAnnex2 = codec.NewSentinel("envelope: Annexe 2 figures do not add up", "ne concorde pas avec les montants de l'annexe 2")

// Validate proves the sums of §3.3 and Annexe 2, reporting every one that
// fails: Total = Volet1 + Volet2Pilot + MSSGeneralisation; Volet1 = the sum
// by domain = the sum of the 18 regional envelopes; Volet2Pilot = the sum of
// the pilot envelopes; every region appears once, in Annexe 2 order.
func (a *Annex2) Validate() error {
	var errs []error
	check := func(what string, got, want decimal.Decimal) {
		if !got.Equal(want) {
			errs = append(errs, &forfait.InputError{Field: what, Value: forfait.Format(got), Reason: codec.Text{French: "attendu : " + codec.French.Money(want), English: "want " + forfait.Format(want)}, Err: ErrInvalidAnnex2})
		}
	}
	check("volet 1 + volet 2 pilot + MSS generalisation", a.Volet1.Add(a.Volet2Pilot).Add(a.MSSGeneralisation), a.Total)
	sum := decimal.Zero
	for _, d := range a.Volet1ByDomain {
		sum = sum.Add(d)
	}
	check("DS1 + DS2 + DS3", sum, a.Volet1)
	sum = decimal.Zero
	for i, e := range a.Regions {
		if e.Region != Region(i+1) {
			errs = append(errs, &forfait.InputError{Field: "regions[" + strconv.Itoa(i) + "]", Value: e.Region.String(), Reason: codec.Text{French: "attendu : " + Region(i+1).String(), English: "want " + Region(i+1).String()}, Err: ErrInvalidAnnex2})
		}
		sum = sum.Add(e.Amount)
	}
	check("the 18 regional envelopes", sum, a.Volet1)
	sum = decimal.Zero
	for _, e := range a.Pilots {
		sum = sum.Add(e.Amount)
	}
	check("the volet-2 pilot envelopes", sum, a.Volet2Pilot)
	return errors.Join(errs...)
}
