package instruction

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// mention is one citation found in the module's text, with where it is.
type mention struct {
	Where string // file:line
	Cited cited
}

// source is what the checks read from the module: every citation in its
// text, the paragraphs each exported symbol cites in its doc comment, and
// every symbol and test that exists.
type source struct {
	Mentions []mention
	INTs     []mention           // INT ids written in the same texts
	Cites    map[string][]string // symbol → units its doc comment cites
	Symbols  map[string]bool     // "pkg.Name", "pkg.Type.Method"
	Tests    map[string]bool     // Test…, Example…, Fuzz…, Benchmark…, check… functions
}

// sourceFiles is a set of files by path, relative to a root: the module on
// disk, or a planted one in a test.
type sourceFiles map[string]string

// readModule reads the module's Go files and its documents (Markdown, the
// server's page and OpenAPI document), skipping dot-folders and testdata.
func readModule(t testing.TB, root string) sourceFiles {
	files := sourceFiles{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".go") || strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".json") {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			files[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// registerFiles declare the register itself and the rule book that
// prints it: their doc comments cite the units they describe, and they
// apply no rule.
var registerFiles = map[string]bool{
	"forfait/instruction/register.go": true, "forfait/instruction/register_data.go": true, "forfait/instruction/cite.go": true,
	"forfait/rulebook/rulebook.go": true,
}

// scan parses the files: Go with go/parser, documents as text. Citations
// are read from the comments and string literals of non-test Go files and
// from the documents; symbols from the exported declarations of non-main
// packages; tests from the _test.go files.
func scan(t testing.TB, files sourceFiles) source {
	src := source{Cites: map[string][]string{}, Symbols: map[string]bool{}, Tests: map[string]bool{}}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	fset := token.NewFileSet()
	for _, p := range paths {
		text := files[p]
		if !strings.HasSuffix(p, ".go") {
			for i, line := range strings.Split(text, "\n") {
				src.mention(p+":"+strconv.Itoa(i+1), line)
			}
			continue
		}
		f, err := parser.ParseFile(fset, p, text, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(p, "_test.go") {
			for _, d := range f.Decls {
				if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil {
					src.Tests[fn.Name.Name] = true
				}
			}
			continue
		}
		add := func(pos token.Pos, text string) { src.mention(fset.Position(pos).String(), text) }
		for _, cg := range f.Comments {
			add(cg.Pos(), cg.Text())
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					add(lit.Pos(), s)
				}
			}
			return true
		})
		if f.Name.Name == "main" {
			continue
		}
		pkg := f.Name.Name
		// The register's own declarations describe how units are cited;
		// they apply no rule.
		describesRegister := registerFiles[p]
		declare := func(name string, doc *ast.CommentGroup) {
			src.Symbols[name] = true
			if describesRegister {
				return
			}
			for _, c := range citations(doc.Text()) {
				src.Cites[name] = append(src.Cites[name], c.Unit)
			}
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if !d.Name.IsExported() {
					continue
				}
				name := pkg + "." + d.Name.Name
				if d.Recv != nil {
					recv := receiverName(d.Recv.List[0].Type)
					if !ast.IsExported(recv) {
						continue
					}
					name = pkg + "." + recv + "." + d.Name.Name
				}
				declare(name, d.Doc)
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							doc := s.Doc
							if doc == nil {
								doc = d.Doc
							}
							declare(pkg+"."+s.Name.Name, doc)
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								doc := s.Doc
								if doc == nil && len(d.Specs) == 1 {
									doc = d.Doc
								}
								declare(pkg+"."+n.Name, doc)
							}
						}
					}
				}
			}
		}
	}
	return src
}

func receiverName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return receiverName(e.X)
	case *ast.IndexExpr:
		return receiverName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return ""
}

// mention records the citations and INT ids of text, found at where.
func (src *source) mention(where, text string) {
	for _, c := range citations(text) {
		src.Mentions = append(src.Mentions, mention{where, c})
	}
	for _, id := range intID.FindAllString(text, -1) {
		src.INTs = append(src.INTs, mention{where, cited{id, id}})
	}
}
