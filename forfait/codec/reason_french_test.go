package codec_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/eligibility/eligibilitytest"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/audit"
	"github.com/sunes-spec/sunes/forfait/campaign"
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
			name: "an invalid window and an unset region",
			err: func() error {
				rs := forfait.Instruction2021()
				_, err := rs.Compute(forfait.Request{Combined: decimal.New(127800, 0), Variant: forfait.Variant{Domain: forfait.DS2}, Window: 7})
				a := eligibilitytest.Valid()
				a.Establishment.Region = 0
				return errors.Join(err, a.Validate())
			},
			french:  []string{"Fenêtre de financement : « 7 » n'est pas une fenêtre de financement (1 à 4)", "Établissement › Région : aucune valeur donnée"},
			english: []string{"window: not a funding window 1-4: window = invalid window 7", "envelope: not a region of Annexe 2: establishment.region = unset"},
		},
		{
			name: "a problem no sentinel names",
			err: func() error {
				return codec.TextError(codec.Text{French: "-format \"xml\" : attendu csv ou json", English: `-format "xml": want csv or json`})
			},
			french:  []string{`-format "xml" : attendu csv ou json`},
			english: []string{`-format "xml": want csv or json`},
		},
		{
			name: "a count with a decimal part",
			err: func() error {
				_, err := campaign.Read(strings.NewReader("finess;region;mco_days;mco_sessions;ambulatory_surgery_stays;day_hospital_stays;ssr_days;psy_days;had_days;usld_days\n" +
					"750712184;Ile-de-France;1,5;0;0;0;0;0;0;0\n"))
				return err
			},
			french:  []string{"Ligne 2, colonne 3 › Journées MCO : « 1,5 » n'est pas un nombre bien écrit (a une partie décimale, alors qu'un compte est entier)"},
			english: []string{`extract, line 2, column 3 (mco_days): "1,5": malformed number: a count has no decimal part`},
		},
		{
			name: "a missing column",
			err: func() error {
				_, err := campaign.Read(strings.NewReader("finess;region;mco_days;mco_sessions;ambulatory_surgery_stays;day_hospital_stays;ssr_days;psy_days;had_days\n" +
					"750712184;Ile-de-France;1;0;0;0;0;0;0\n"))
				return err
			},
			french:  []string{"Ligne 1 › Journées USLD : manque parmi les colonnes"},
			english: []string{"extract, line 1 (usld_days): missing column"},
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
				"Ligne 2, colonne 6 › Montant : « 35 03,00 » n'est pas une valeur admise dans un relevé de versements (les chiffres se groupent par trois)",
				"Ligne 3, colonne 7 › Date : « 31/02/2022 » n'est pas une date (AAAA-MM-JJ) (le 31 février 2022 n'existe pas)",
			},
			english: []string{
				`payments ledger, line 2, column 1 (finess): "75071218": forfait: malformed FINESS: finess = "75071218" (must be 9 characters, got 8) ` +
					`(8 digits: did a spreadsheet drop the leading zero of 075071218? format the column as text)`,
				`payments ledger, line 2, column 6 (amount): "35 03,00": audit: invalid payment: digits are grouped by three`,
				`payments ledger, line 3, column 7 (date): "31/02/2022": window: not a date YYYY-MM-DD: no 31 February 2022`,
			},
		},
		{
			name: "a ledger's refusals: a second advance, a shortfall, a balance before its advance",
			err: func() error {
				l, err := envelope.NewLedger(envelope.Bretagne, envelope.Credits{Advance: decimal.New(1000, 0), Usage: decimal.New(1000, 0)})
				if err != nil {
					return err
				}
				n := envelope.Notification{Kind: envelope.Advance, Volet: envelope.Volet1, Region: envelope.Bretagne,
					Establishment: forfait.MustParseFINESS("350000014"), Variant: forfait.Variant{Domain: forfait.DS2}, Window: window.W1,
					Amount: decimal.New(100, 0), Date: window.DateOf(2021, 12, 1), Source: "§5"}
				if err := l.Book(n); err != nil {
					return err
				}
				big, balance := n, n
				big.Establishment, big.Amount = forfait.MustParseFINESS("350000022"), decimal.New(5000, 0)
				balance.Establishment, balance.Kind = forfait.MustParseFINESS("350000030"), envelope.Balance
				return errors.Join(l.Book(n), l.Book(big), l.Book(balance))
			},
			french: []string{
				"Avance de 100\u00a0€ à 350000014 (Bretagne, volet 1) : est une notification déjà enregistrée (une avance est déjà enregistrée pour 350000014 DS2, fenêtre 1 : un domaine n'est financé qu'une fois sur tout le programme (§5 ; INT-14))",
				"Avance de 5\u202f000\u00a0€ à 350000022 (Bretagne, volet 1) : dépasse les crédits restants (crédits d'avance non affectés à une fenêtre au 1er décembre 2021 (tranche 0 déléguée) : 1\u202f000\u00a0€ disponibles, 5\u202f100\u00a0€ nécessaires en tout (engagé et versé), 4\u202f100\u00a0€ manquants) (les crédits délégués à sa date ne peuvent pas la servir)",
				"Solde de 100\u00a0€ à 350000030 (Bretagne, volet 1) : ne suit pas l'ordre des versements : l'avance, puis le solde ou le remboursement (un solde suit une avance ; aucune n'est enregistrée pour 350000030 DS2 (§5 ; Annexe 2 §3))",
			},
			english: []string{
				"envelope: notification already recorded: advance of 100 € to 350000014 (Bretagne, volet 1): an advance is already recorded for 350000014 DS2, window 1: a domain is funded once over the programme (§5; INT-14)",
				"envelope: beyond the remaining credits: advance credits of the credits assigned to no window on 2021-12-01 (tranches 0 to 0 delegated): 1000 € available, 5100 € needed, 4100 € short: advance of 5000 € to 350000022 (Bretagne, volet 1): the credits delegated by its date cannot serve it",
				"envelope: payment out of order: balance of 100 € to 350000030 (Bretagne, volet 1): a balance follows an advance; none is recorded for 350000030 DS2 (§5; Annexe 2 §3)",
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
