package codec_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
)

const codecPath = "github.com/sunes-spec/sunes/forfait/codec"

// TestTextLiterals: every codec.Text the module's code writes out (an
// InputError's Reason, a catalogue entry) gives both languages, neither
// empty, and its French words hold no English word of the list, so that
// no reason reaches a French reader in English only or not at all. The
// empty codec.Text{} (no reason) is allowed.
func TestTextLiterals(t *testing.T) {
	root := codectest.ModuleRoot(t)
	fset := token.NewFileSet()
	count := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		problems, n := textProblems(fset, f, filepath.Dir(filepath.ToSlash(rel)) == "forfait/codec")
		count += n
		for _, p := range problems {
			t.Errorf("%s: %s", filepath.ToSlash(rel), p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if count < 100 {
		t.Errorf("%d codec.Text literals found in the module: the walk missed the code", count)
	}
}

// TestTextLiteralsBite: the check of TestTextLiterals finds a text in one
// language, an empty one and English words in French, and passes a
// complete text, an empty codec.Text and French quoting a code.
func TestTextLiteralsBite(t *testing.T) {
	src := `package p

import "github.com/sunes-spec/sunes/forfait/codec"

var (
	onlyEnglish = &codec.InputError{Reason: codec.Text{English: "must be positive"}}
	emptyFrench = codec.Text{French: "", English: "want a date"}
	english     = codec.Text{French: "the window " + n, English: "the window " + n}
	unkeyed     = codec.Text{"fenêtre", ""}
	complete    = codec.Text{French: "fenêtre " + n, English: "window " + n}
	code        = codec.Text{French: "attendu : « paid »", English: "want paid"}
	none        = codec.Text{}
)
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "planted.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	got, n := textProblems(fset, f, false)
	want := []string{
		"line 6: codec.Text without French",
		"line 7: codec.Text with an empty French text",
		`line 8: French text holds English words [the window]`,
		"line 9: codec.Text with an empty English text",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if n != 7 {
		t.Errorf("%d literals checked, want 7", n)
	}
}

// textProblems lists the problems of the codec.Text literals of f (Text
// literals when f is of package codec itself) and counts the literals.
func textProblems(fset *token.FileSet, f *ast.File, inCodec bool) ([]string, int) {
	name := ""
	for _, imp := range f.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == codecPath {
			name = "codec"
			if imp.Name != nil {
				name = imp.Name.Name
			}
		}
	}
	isText := func(e ast.Expr) bool {
		switch x := e.(type) {
		case *ast.Ident:
			return inCodec && x.Name == "Text"
		case *ast.SelectorExpr:
			id, ok := x.X.(*ast.Ident)
			return ok && name != "" && id.Name == name && x.Sel.Name == "Text"
		}
		return false
	}
	var problems []string
	count := 0
	ast.Inspect(f, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok || !isText(lit.Type) {
			return true
		}
		count++
		if len(lit.Elts) == 0 {
			return true
		}
		at := "line " + strconv.Itoa(fset.Position(lit.Pos()).Line) + ": "
		var fr, en ast.Expr
		for i, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				switch k, _ := kv.Key.(*ast.Ident); {
				case k != nil && k.Name == "French":
					fr = kv.Value
				case k != nil && k.Name == "English":
					en = kv.Value
				}
				continue
			}
			switch i {
			case 0:
				fr = e
			case 1:
				en = e
			}
		}
		for _, l := range []struct {
			name string
			text ast.Expr
		}{{"French", fr}, {"English", en}} {
			if l.text == nil {
				problems = append(problems, at+"codec.Text without "+l.name)
			} else if s, ok := stringLit(l.text); ok && s == "" {
				problems = append(problems, at+"codec.Text with an empty "+l.name+" text")
			}
		}
		if fr != nil {
			var words []string
			ast.Inspect(fr, func(n ast.Node) bool {
				if s, ok := stringLit(n); ok {
					words = append(words, codectest.EnglishWords(s)...)
				}
				return true
			})
			if len(words) > 0 {
				problems = append(problems, at+fmt.Sprintf("French text holds English words %v", words))
			}
		}
		return true
	})
	return problems, count
}

// stringLit is the value of n when it is a string literal.
func stringLit(n ast.Node) (string, bool) {
	b, ok := n.(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(b.Value)
	return s, err == nil
}
