package codec_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/eligibility/eligibilitytest"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/audit"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

// TestFrenchReasons: a French reader is told why, as an English one is:
// the French message of a problem carries its reason, numbers and dates
// written the French way, while the English one is unchanged.
func TestFrenchReasons(t *testing.T) {
	in := instruction.Instruction2021()
	tests := []struct {
		name    string
		err     func() error
		french  []string
		english []string
	}{
		{
			name: "a target of 101",
			err: func() error {
				targets := in.Targets
				targets.Percent[indicator.DS21.Index()][0] = decimal.New(101, 0)
				return targets.Validate()
			},
			french: []string{
				"Cibles d'usage › DS2.1 › fenêtre 1 : « 101 » n'est pas une cible d'usage valide (doit être comprise entre 0 et 100)",
				"Cibles d'usage › DS2.1 › fenêtre 2 : « 54 » n'est pas une cible d'usage valide (inférieure à la cible de la fenêtre 1, 101\u00a0%)",
			},
			english: []string{
				"indicator: invalid targets: targets[DS2.1][window 1] = 101 (must be between 0 and 100)",
				"indicator: invalid targets: targets[DS2.1][window 2] = 54 (below window 1's 101)",
			},
		},
		{
			name:    "a FINESS of 8 digits",
			err:     func() error { _, err := forfait.ParseFINESS("75071218"); return err },
			french:  []string{"FINESS : « 75071218 » n'est pas un numéro FINESS bien formé (doit compter 9 caractères, et non 8)"},
			english: []string{`forfait: malformed FINESS: finess = "75071218" (must be 9 characters, got 8)`},
		},
		{
			name: "a decision after the review period",
			err: func() error {
				a := eligibilitytest.Valid()
				_, err := eligibility.Decide(&a, &in, window.MustParseDate("2022-05-01"))
				return err
			},
			french: []string{"Date : « 2022-05-01 » tombe hors de la période d'instruction (fenêtre 1 : 1er septembre 2021 – 31 décembre 2021 (énoncée) ; §6.1)"},
			english: []string{
				"eligibility: decision outside the review period: on = 2022-05-01 (outside window 1's review period 2021-09-01 – 2021-12-31 (stated) (§6.1))",
			},
		},
		{
			name: "an unknown field and a count that is not one",
			err: func() error {
				var v struct {
					Days int `json:"mco_days"`
				}
				return codec.DecodeJSON([]byte(`{"mco_days": 1.5, "mco_dayz": 1}`), &v, errors.New("bad request"))
			},
			french:  []string{"Journées MCO : « 1.5 » n'est pas un nombre entier", "Mco_dayz : champ inconnu"},
			english: []string{"bad request: mco_days = 1.5 (want a whole number)", "bad request: mco_dayz = 1 (unknown field)"},
		},
		{
			name: "a payments ledger's lines",
			err: func() error {
				_, err := audit.ReadPayments(strings.NewReader("finess,domain,cro,window,kind,amount,date\n" +
					"75071218,DS1,non,1,advance,\"35 03,00\",2021-12-15\n" +
					"750712184,DS1,non,1,advance,100,31/02/2022\n"))
				return err
			},
			french: []string{
				"Ligne 2, colonne 1 › FINESS : « 75071218 » n'est pas un numéro FINESS bien formé (doit compter 9 caractères, et non 8) " +
					"(8 chiffres : un tableur a-t-il retiré le zéro initial de 075071218 ? mettez la colonne au format texte)",
				"Ligne 2, colonne 6 › Montant : « 35 03,00 » n'est pas un versement valide (les chiffres se groupent par trois)",
				"Ligne 3, colonne 7 › Date : « 31/02/2022 » n'est pas une date (AAAA-MM-JJ) (le 31 février 2022 n'existe pas)",
			},
			english: []string{
				`payments ledger, line 2, column 1 (finess): "75071218": forfait: malformed FINESS: finess = "75071218" (must be 9 characters, got 8) ` +
					`(8 digits: did a spreadsheet drop the leading zero of 075071218? format the column as text)`,
				`payments ledger, line 2, column 6 (amount): "35 03,00": audit: invalid payment: digits are grouped by three`,
				`payments ledger, line 3, column 7 (date): "31/02/2022": window: not a date YYYY-MM-DD: no 31 February 2022`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.err()
			if err == nil {
				t.Fatal("no error")
			}
			codectest.Reasons(t, err)
			if diff := cmp.Diff(tt.french, codec.Messages(err, codec.French)); diff != "" {
				t.Errorf("French (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.english, codec.Messages(err, codec.English)); diff != "" {
				t.Errorf("English (-want +got):\n%s", diff)
			}
		})
	}
}
