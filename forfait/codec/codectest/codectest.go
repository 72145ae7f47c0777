// Package codectest checks the module's catalogues of texts people read:
// every id has its text in French and in English, and no French text
// holds an English word.
package codectest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/sunes-spec/sunes/forfait/codec"
)

// englishWords are words of the module's English texts that a French
// text never holds. Words both languages write ("forfait", "bonus",
// "base", "usage", "volet", "total") are not in it.
var englishWords = map[string]bool{
	"the": true, "and": true, "of": true, "with": true, "not": true, "is": true, "are": true,
	"to": true, "from": true, "by": true, "for": true, "which": true, "when": true, "must": true,
	"rounded": true, "nearest": true, "window": true, "windows": true, "advance": true, "advances": true,
	"balance": true, "balances": true, "category": true, "combined": true, "activity": true,
	"funding": true, "supplied": true, "interpolated": true, "deferral": true, "repayment": true,
	"credits": true, "target": true, "targets": true, "rate": true, "rates": true, "amount": true,
	"days": true, "stays": true, "sessions": true, "rule": true, "rules": true, "finding": true,
	"findings": true, "paid": true, "expected": true, "region": true, "domain": true, "domains": true,
	"establishment": true, "invalid": true, "missing": true, "unknown": true,
	"want": true, "number": true, "whole": true, "string": true, "list": true, "asked": true,
	"prerequisite": true, "prerequisites": true, "share": true,
}

// EnglishWords returns the words of s that are English words of the list.
// A word in capitals is a code (ACTIVITY, DOMAIN-REPAID), not English; so
// is a word between guillemets, a value or a name quoted as the input
// writes it (« paid »).
func EnglishWords(s string) []string {
	var found []string
	for _, w := range strings.FieldsFunc(unquoted(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if englishWords[strings.ToLower(w)] && w != strings.ToUpper(w) {
			found = append(found, w)
		}
	}
	return found
}

// unquoted is s without the parts between « and ».
func unquoted(s string) string {
	var b strings.Builder
	for {
		before, rest, ok := strings.Cut(s, "«")
		b.WriteString(before)
		if !ok {
			return b.String()
		}
		_, after, closed := strings.Cut(rest, "»")
		if !closed { // no closing guillemet: the rest is text
			return b.String() + " " + rest
		}
		s = after
		b.WriteByte(' ')
	}
}

// Check fails t when the text of id lacks a language or when its French
// holds an English word of the list.
func Check(t testing.TB, id string, text codec.Text) {
	t.Helper()
	if text.French == "" {
		t.Errorf("%s: no French text", id)
	}
	if text.English == "" {
		t.Errorf("%s: no English text", id)
	}
	if w := EnglishWords(text.French); len(w) > 0 {
		t.Errorf("%s: French text %q holds English words %q", id, text.French, w)
	}
}

// Places returns where each problem of err stands (InputError.Where:
// "requests[2].window"), in order; a problem that is not an
// *codec.InputError fails t, the module's errors being typed, and so does
// one whose reason is not complete (Reasons).
func Places(t testing.TB, err error) []string {
	t.Helper()
	var places []string
	for _, e := range codec.Leaves(err) {
		var ie *codec.InputError
		if !errors.As(e, &ie) {
			t.Fatalf("untyped problem %v", e)
		}
		places = append(places, ie.Where())
	}
	Reasons(t, err)
	return places
}

// Reasons fails t for each problem of err (an *codec.InputError, or a
// *codec.ParseError of a file) whose reason is given in one language only,
// or whose French reason holds an English word of the list: a French
// reader reads every reason, in French. A problem with no reason passes.
func Reasons(t testing.TB, err error) {
	t.Helper()
	for _, e := range codec.Leaves(err) {
		var ie *codec.InputError
		if errors.As(e, &ie) && ie.Reason != (codec.Text{}) {
			Check(t, "the reason of "+ie.Where()+" = "+ie.Value, ie.Reason)
		}
		var pe *codec.ParseError
		if errors.As(e, &pe) && pe.Reason != (codec.Text{}) {
			Check(t, "the reason of "+e.Error(), pe.Reason)
		}
	}
}

// ModuleRoot returns the directory of the module's go.mod, walking up
// from the test's directory: the root of the source checks that read the
// module's files.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's directory")
		}
		dir = parent
	}
}
