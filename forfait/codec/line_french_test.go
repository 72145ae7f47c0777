package codec_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sunes-spec/sunes/forfait/codec"
)

// TestLineErrorFrench: a problem of a file reads in French with its line
// and column, then its field's label, the value and what is wrong; one
// that wraps a located problem keeps that problem's own text; one of no
// field names its subject, the line or the file.
func TestLineErrorFrench(t *testing.T) {
	bad := codec.NewSentinel("bad payment", "n'est pas un versement valide")
	err := errors.Join(
		&codec.LineError{File: "payments ledger", Line: 2, Column: 3, Field: "cro", Value: "peut-être", Err: bad},
		&codec.LineError{Line: 4, Column: 1, Field: "finess", Value: "12345",
			Err: &codec.InputError{Field: "finess", Value: `"12345"`, Err: codec.NewSentinel("malformed", "n'est pas un numéro FINESS bien formé")}},
		&codec.LineError{File: "extract", Line: 5, Err: codec.ErrLineTooLong},
		&codec.LineError{File: "payments ledger", Line: 1, Err: codec.ErrCSVSyntax},
		&codec.LineError{Line: 1, Err: codec.ErrEncoding},
	)
	want := []string{
		"Ligne 2, colonne 3 › Bonus CRO : « peut-être » n'est pas un versement valide",
		"Ligne 4, colonne 1 › FINESS : « 12345 » n'est pas un numéro FINESS bien formé",
		"Ligne 5 › Cette ligne est trop longue",
		"Ligne 1 › Le relevé de versements n'est pas un fichier CSV lisible",
		"Ligne 1 › Le fichier n'est pas du texte dans l'encodage du fichier",
	}
	if diff := cmp.Diff(want, codec.Messages(err, codec.French)); diff != "" {
		t.Errorf("Messages (-want +got):\n%s", diff)
	}
}
