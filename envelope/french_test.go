package envelope_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sunes-spec/sunes/envelope"
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
				"au 1er octobre 2021 (aucune tranche déléguée) : 0\u00a0€ disponibles, 100\u00a0€ nécessaires, 100\u00a0€ manquants) " +
				"(les crédits délégués à sa date ne peuvent pas la servir)"},
		{"one tranche", func(l *envelope.Ledger) error {
			if err := l.Delegate(envelope.Tranche{Date: oct, Credits: credits("1000", "2000"), Source: "circulaire FMIS n° 1"}); err != nil {
				return err
			}
			return l.Book(advance("2A0000011", window.W1, "1500", oct))
		}, "Avance de 1\u202f500\u00a0€ à 2A0000011 (Corse, volet 1) : dépasse les crédits restants (crédits d'avance non affectés à une fenêtre " +
			"au 1er octobre 2021 (tranche 0 déléguée) : 1\u202f000\u00a0€ disponibles, 1\u202f500\u00a0€ nécessaires, 500\u00a0€ manquants) " +
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
			"au 1er décembre 2021 (tranches 0 à 1 déléguées) : 3\u202f000\u00a0€ disponibles, 5\u202f000\u00a0€ nécessaires, 2\u202f000\u00a0€ manquants) " +
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
