// Command casecover adds to a Go coverage profile one block for the
// condition of each case clause of a switch the tests reached, so that a
// mutation tool that runs only the mutants inside covered blocks runs the
// mutants of case conditions too.
//
// Go's coverage profile has a block for a case clause's body, starting after
// its colon, and a block ending at the switch's opening brace, but none for
// the expressions between "case" and the colon. A case condition is evaluated
// when its switch is reached (and no earlier case matched): the added block
// is counted once when the block holding the switch keyword ran. That may
// count a condition an earlier case always pre-empts; its mutants then run
// and, left alive, lower the test efficacy: the reading errs on the strict
// side.
//
//	go run .ci/casecover.go -module github.com/… -root . coverage.out
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
		fmt.Fprintln(os.Stderr, "usage: casecover -module PATH [-root DIR] PROFILE")
		os.Exit(2)
	}
	if err := run(*module, *root, flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "casecover:", err)
		os.Exit(1)
	}
}

func run(module, root, profile string) error {
	data, err := os.ReadFile(profile)
	if err != nil {
		return err
	}
	blocks := map[string][]block{}
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
	}
	var added strings.Builder
	for _, name := range files {
		rel, ok := strings.CutPrefix(name, module+"/")
		if !ok {
			continue
		}
		lines, err := caseBlocks(filepath.Join(root, filepath.FromSlash(rel)), blocks[name])
		if err != nil {
			return err
		}
		for _, b := range lines {
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

// caseBlocks returns a block from "case" to the colon for each case clause
// with a condition whose switch keyword lies in a block that ran.
func caseBlocks(path string, ran []block) ([]block, error) {
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
	ast.Inspect(f, func(n ast.Node) bool {
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
		if !reached(keyword) {
			return true
		}
		for _, c := range body.List {
			clause := c.(*ast.CaseClause)
			if len(clause.List) == 0 {
				continue
			}
			start, end := fset.Position(clause.Case), fset.Position(clause.Colon)
			out = append(out, block{start.Line, start.Column, end.Line, end.Column, 1})
		}
		return true
	})
	return out, nil
}
