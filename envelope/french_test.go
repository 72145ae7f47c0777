package envelope_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/window"
)

// TestFrenchRefusals: a ledger's refusals read in French with the budget,
// the tranches in force, the part of the credits and the amounts the
// French way (codec.Messages).
func TestFrenchRefusals(t *testing.T) {
	oct, nov, dec := window.DateOf(2021, 10, 1), window.DateOf(2021, 11, 1), window.DateOf(2021, 12, 1)
	balance := corse(envelope.Balance, "2A0000011", window.W1, "5000", dec)
	unknown := advance("2A0000029", window.W1, "10", dec)
	unknown.Kind = 0
	steps := []struct {
		name string
		book func(l *envelope.Ledger) error
		want string
	}{
		{"no tranche", func(l *envelope.Ledger) error { return l.Book(advance("2A0000011", window.W1, "100", oct)) },
			"Avance de 100\u00a0€ à 2A0000011 (Corse, volet 1) : dépasse les crédits restants (crédits d'avance non affectés à une fenêtre " +
				"au 1er octobre 2021 (aucune tranche déléguée) : 0\u00a0€ disponibles, 100\u00a0€ nécessaires en tout (engagé et versé), 100\u00a0€ manquants) " +
				"(les crédits délégués à sa date ne peuvent pas la servir)"},
		{"one tranche", func(l *envelope.Ledger) error {
			if err := l.Delegate(envelope.Tranche{Date: oct, Credits: credits("1000", "2000"), Source: "circulaire FMIS n° 1"}); err != nil {
				return err
			}
			return l.Book(advance("2A0000011", window.W1, "1500", oct))
		}, "Avance de 1\u202f500\u00a0€ à 2A0000011 (Corse, volet 1) : dépasse les crédits restants (crédits d'avance non affectés à une fenêtre " +
			"au 1er octobre 2021 (tranche 0 déléguée) : 1\u202f000\u00a0€ disponibles, 1\u202f500\u00a0€ nécessaires en tout (engagé et versé), 500\u00a0€ manquants) " +
			"(les crédits délégués à sa date ne peuvent pas la servir)"},
		{"a window's usage budget, two tranches", func(l *envelope.Ledger) error {
			if err := l.Delegate(envelope.Tranche{Date: nov, Credits: credits("1000", "2000"), Source: "circulaire FMIS n° 2"}); err != nil {
				return err
			}
			if err := l.Move(envelope.Transfer{Date: nov, From: 0, To: window.W1, Credits: credits("1000", "3000"), Source: "décision ARS"}); err != nil {
				return err
			}
			if err := l.Book(advance("2A0000011", window.W1, "1000", dec)); err != nil {
				return err
			}
			return l.Book(balance)
		}, "Solde de 5\u202f000\u00a0€ à 2A0000011 (Corse, volet 1) : dépasse les crédits restants (crédits d'usage du budget de la fenêtre 1 " +
			"au 1er décembre 2021 (tranches 0 à 1 déléguées) : 3\u202f000\u00a0€ disponibles, 5\u202f000\u00a0€ nécessaires en tout (engagé et versé), 2\u202f000\u00a0€ manquants) " +
			"(les crédits délégués à sa date ne peuvent pas la servir)"},
		{"no kind", func(l *envelope.Ledger) error { return l.Book(unknown) },
			"Notification de 10\u00a0€ à 2A0000029 (Corse, volet 1) : n'est pas une notification valide " +
				"(il faut une nature, un établissement et un montant positif)"},
	}
	l := openCorse(t)
	for _, s := range steps {
		err := s.book(l)
		var le *envelope.LedgerError
		if !errors.As(err, &le) {
			t.Fatalf("%s: %v is not a *LedgerError", s.name, err)
		}
		if diff := cmp.Diff([]string{s.want}, codec.Messages(err, codec.French)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", s.name, diff)
		}
	}
}

// TestCommitRefusals: a commitment beyond the credits is refused with the
// shortfall, in French too; a volet-1 commitment needs a domain and a
// window, a volet-2 one has neither (§6.1; §3.3, Annexe 2 §4).
func TestCommitRefusals(t *testing.T) {
	oct := window.DateOf(2021, 10, 1)
	l := openCorse(t)
	if err := l.Delegate(envelope.Tranche{Date: oct, Credits: credits("1000", "2000"), Source: "circulaire FMIS n° 1"}); err != nil {
		t.Fatal(err)
	}
	c := envelope.Commitment{Establishment: forfait.MustParseFINESS("2A0000011"), Domain: forfait.DS1, Window: window.W1, Date: oct, Credits: credits("3000", "7000"), Source: "§6.1"}
	err := l.Commit(c)
	var ce *envelope.CreditsError
	want := "Dépasse les crédits restants (crédits d'avance non affectés à une fenêtre au 1er octobre 2021 (tranche 0 déléguée) : " +
		"1\u202f000\u00a0€ disponibles, 3\u202f000\u00a0€ nécessaires en tout (engagé et versé), 2\u202f000\u00a0€ manquants)"
	if !errors.As(err, &ce) || !cmp.Equal(codec.Messages(err, codec.French), []string{want}) {
		t.Errorf("commitment beyond the credits: %q", codec.Messages(err, codec.French))
	}
	c.Domain, c.Credits = 0, credits("300", "700")
	if err := l.Commit(c); !errors.Is(err, envelope.ErrInvalidDelegation) || !strings.Contains(err.Error(), "a volet-1 commitment has a domain and a window") {
		t.Errorf("volet-1 commitment without a domain: %v", err)
	}
	rs, a := forfait.Instruction2021(), envelope.Instruction2021Annex2()
	v2, err := envelope.OpenLedger(&a, &rs, envelope.Occitanie, envelope.Volet2)
	if err != nil {
		t.Fatal(err)
	}
	c = envelope.Commitment{Establishment: forfait.MustParseFINESS("310000012"), Domain: forfait.DS2, Window: window.W1, Date: oct, Credits: credits("3000", "7000"), Source: "§3.3"}
	if err := v2.Commit(c); !errors.Is(err, envelope.ErrInvalidDelegation) || !strings.Contains(err.Error(), "a volet-2 commitment has no domain and no window") {
		t.Errorf("volet-2 commitment with a domain: %v", err)
	}
}
