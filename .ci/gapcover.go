// Command gapcover adds to a Go coverage profile a block for each piece of
// code the tests ran that the profile leaves out, so that a mutation tool
// that runs only the mutants inside covered blocks runs those too.
//
// Go's coverage profile counts blocks of statements; three kinds of code
// lie in none:
//
//   - the condition of a case clause: the switch's block ends at its
//     opening brace, the clause's body starts after its colon. A case
//     condition is evaluated when its switch is reached (and no earlier
//     case matched);
//   - what follows, in a statement or in the header of an if, for or
//     switch, its first function literal: the block ends at the literal's
//     body, which has blocks of its own. The rest (a composite literal's
//     later fields, the arguments after a callback, the condition after
//     an init that calls one) is evaluated when the statement is;
//   - declarations at package level, constants and variable initialisers:
//     evaluated when the package is initialised, so whenever its tests run.
//
// Each such piece gets a block counted once when the block holding its
// switch keyword or statement ran, or, for a declaration, when any block
// of the package ran; function literal bodies are never part of it. A case
// condition that an earlier case always pre-empts is counted too: its
// mutants then run and, left alive, lower the test efficacy, so the
// reading errs on the strict side.
//
//	go run .ci/gapcover.go -module github.com/… -root . coverage.out
//
// The profile is rewritten in place; a file it names outside the module is
// left as it is.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"strings"
)

type block struct {
	startLine, startCol, endLine, endCol int
	count                                int
}

// holds reports whether p falls inside b.
func (b block) holds(p token.Position) bool {
	after := p.Line > b.startLine || p.Line == b.startLine && p.Column >= b.startCol
	before := p.Line < b.endLine || p.Line == b.endLine && p.Column <= b.endCol
	return after && before
}

func main() {
	module := flag.String("module", "", "module path the profile's file names start with")
	root := flag.String("root", ".", "directory of the module")
	flag.Parse()
	if *module == "" || flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gapcover -module PATH [-root DIR] PROFILE")
		os.Exit(2)
	}
	if err := run(*module, *root, flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "gapcover:", err)
		os.Exit(1)
	}
}

func run(module, root, profile string) error {
	data, err := os.ReadFile(profile)
	if err != nil {
		return err
	}
	blocks := map[string][]block{}
	ranIn := map[string]bool{} // packages (directories) with a block that ran
	var files []string
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "mode:") || line == "" {
			continue
		}
		name, b, err := parseLine(line)
		if err != nil {
			return err
		}
		if _, seen := blocks[name]; !seen {
			files = append(files, name)
		}
		blocks[name] = append(blocks[name], b)
		ranIn[path.Dir(name)] = ranIn[path.Dir(name)] || b.count > 0
	}
	var added strings.Builder
	for _, name := range files {
		rel, ok := strings.CutPrefix(name, module+"/")
		if !ok {
			continue
		}
		gaps, err := gapBlocks(filepath.Join(root, filepath.FromSlash(rel)), blocks[name], ranIn[path.Dir(name)])
		if err != nil {
			return err
		}
		for _, b := range gaps {
			fmt.Fprintf(&added, "%s:%d.%d,%d.%d 0 1\n", name, b.startLine, b.startCol, b.endLine, b.endCol)
		}
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		data = append(data, '\n')
	}
	return os.WriteFile(profile, append(data, added.String()...), 0o644)
}

// parseLine reads "file:l.c,l.c statements count".
func parseLine(line string) (string, block, error) {
	colon := strings.LastIndexByte(line, ':')
	if colon < 0 {
		return "", block{}, fmt.Errorf("malformed profile line %q", line)
	}
	var b block
	var statements int
	_, err := fmt.Sscanf(line[colon+1:], "%d.%d,%d.%d %d %d",
		&b.startLine, &b.startCol, &b.endLine, &b.endCol, &statements, &b.count)
	if err != nil {
		return "", block{}, fmt.Errorf("malformed profile line %q: %v", line, err)
	}
	return line[:colon], b, nil
}

// gapBlocks returns the blocks of the file at path that its profile
// blocks ran leave out; initialised tells whether its package ran at all.
func gapBlocks(path string, ran []block, initialised bool) ([]block, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	reached := func(p token.Pos) bool {
		pos := fset.Position(p)
		for _, b := range ran {
			if b.count > 0 && b.holds(pos) {
				return true
			}
		}
		return false
	}
	var out []block
	add := func(from, to token.Pos) {
		if from < to {
			s, e := fset.Position(from), fset.Position(to)
			out = append(out, block{s.Line, s.Column, e.Line, e.Column, 1})
		}
	}
	// outside adds the parts of [from, to) that lie outside the bodies of
	// the function literals of n.
	outside := func(n ast.Node, from, to token.Pos) {
		for _, lit := range funcLits(n) {
			if lit.Body.Lbrace >= to {
				break
			}
			if lit.Body.Lbrace >= from {
				add(from, lit.Body.Lbrace)
			}
			from = max(from, lit.Body.End())
		}
		add(from, to)
	}
	if initialised {
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && (g.Tok == token.CONST || g.Tok == token.VAR) {
				outside(g, g.Pos(), g.End())
			}
		}
	}
	// after adds what follows the first function literal of s before end:
	// the profile's block for s stops at that literal's body.
	after := func(s ast.Stmt, end token.Pos) {
		if lits := funcLits(s); len(lits) > 0 && lits[0].Body.Lbrace < end && reached(s.Pos()) {
			outside(s, lits[0].Body.Lbrace, end)
		}
	}
	var statement func(s ast.Stmt)
	statement = func(s ast.Stmt) {
		switch s := s.(type) {
		case *ast.LabeledStmt:
			statement(s.Stmt)
		case *ast.BlockStmt, *ast.SelectStmt:
		case *ast.IfStmt: // the header: up to the body
			after(s, s.Body.Lbrace)
		case *ast.ForStmt:
			after(s, s.Body.Lbrace)
		case *ast.RangeStmt:
			after(s, s.Body.Lbrace)
		case *ast.SwitchStmt:
			after(s, s.Body.Lbrace)
		case *ast.TypeSwitchStmt:
			after(s, s.Body.Lbrace)
		default:
			after(s, s.End())
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		}
		for _, s := range list {
			statement(s)
		}
		var keyword token.Pos
		var body *ast.BlockStmt
		switch s := n.(type) {
		case *ast.SwitchStmt:
			keyword, body = s.Switch, s.Body
		case *ast.TypeSwitchStmt:
			keyword, body = s.Switch, s.Body
		default:
			return true
		}
		if reached(keyword) {
			for _, c := range body.List {
				if clause := c.(*ast.CaseClause); len(clause.List) > 0 {
					add(clause.Case, clause.Colon)
				}
			}
		}
		return true
	})
	return out, nil
}

// funcLits returns the function literals of n that no other function
// literal of n holds, in source order.
func funcLits(n ast.Node) []*ast.FuncLit {
	var lits []*ast.FuncLit
	ast.Inspect(n, func(m ast.Node) bool {
		if lit, ok := m.(*ast.FuncLit); ok {
			lits = append(lits, lit)
			return false
		}
		return true
	})
	return lits
}
