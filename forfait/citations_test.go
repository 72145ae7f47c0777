package forfait_test

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// citation is a paragraph reference: "§5", "Annexe 3 §4", "Annexe 1",
// "A2§3", or an interpretation id.
var citation = regexp.MustCompile(`§\s?\d|Annexe? \d|INT-\d\d`)

// plumbing are the exported names that encode no rule: conversions,
// formatting, errors and accessors. Anything else must cite.
var plumbing = map[string]bool{
	"String": true, "AppendText": true, "MarshalText": true, "UnmarshalText": true, "MarshalJSON": true, "UnmarshalJSON": true,
	"Error": true, "Unwrap": true, "IsValid": true, "Index": true, "Equal": true, "IsZero": true, "Time": true, "After": true,
	"Format": true, "AppendFormat": true, "Decimal": true, "Problems": true, "FormatDiff": true, "FormatDiffIn": true, "Diff": true, "StepDiff": true,
	"Step": true, "Derivation": true, "Interpretation": true, "Interpretations": true,
	"InputError": true, "LineError": true, "LedgerError": true, "SyntaxError": true,
	"Date": true, "DateOf": true, "ParseDate": true, "MustParseDate": true, "DayOf": true, "Before": true, "Compare": true, "AddDate": true, "French": true, "Counts": true, "Percent": true, "In": true, "Text": true, "StepLabel": true, "StepNames": true, "ReasonText": true, "WriteMarkdownIn": true,
	"Entries": true, "State": true, "Name": true, "Bound": true, "INSEE": true, "Key": true, "ParseKey": true, "Columns": true, "AppendCSV": true, "WriteCSV": true,
	"WriteJSON": true, "AppendAllocation": true, "Add": true, "Of": true, "Shortfall": true, "PaymentColumns": true, "ReadPayments": true, "ReadPaymentsDialect": true, "PaymentOf": true, "WritePayments": true, "Label": true, "Terms": true, "PerDomain": true, "Entitlement": true,
	"ActivityField": true, "ActivityFields": true, "ActivityFromCounts": true, "IDs": true, "Regions": true, "Domains": true,
	"All": true, "Parse": true, "ParseCategory": true, "ParseDomain": true, "ParseID": true, "Code": true, "Status": true, "Provenance": true, "Stage": true, "Kind": true, "Volet": true,
}

// TestCitations walks the exported API of the rule packages: every exported
// function, method and type that encodes a rule has a paragraph or an
// interpretation cited in its doc comment (or, for a type, in the comment of
// one of its fields).
func TestCitations(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, dir := range []string{"window", "forfait", "indicator", "eligibility", "envelope", "forfait/settlement", "forfait/campaign", "forfait/audit", "forfait/instruction", "forfait/rulebook"} {
		for _, m := range uncited(t, filepath.Join(root, dir)) {
			missing = append(missing, dir+": "+m)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d exported identifiers encode a rule without citing its paragraph:\n  %s", len(missing), strings.Join(missing, "\n  "))
	}
}

func uncited(t *testing.T, dir string) []string {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, pkg := range pkgs {
		files := make([]*ast.File, 0, len(pkg.Files))
		for _, f := range pkg.Files {
			files = append(files, f)
		}
		p, err := doc.NewFromFiles(fset, files, "example.com/"+pkg.Name)
		if err != nil {
			t.Fatal(err)
		}
		check := func(name, text string) {
			if !plumbing[name] && !citation.MatchString(text) {
				out = append(out, name)
			}
		}
		for _, f := range p.Funcs {
			check(f.Name, f.Doc)
		}
		for _, ty := range p.Types {
			check(ty.Name, ty.Doc+fieldDocs(ty.Decl))
			for _, f := range ty.Funcs {
				check(f.Name, f.Doc)
			}
			for _, m := range ty.Methods {
				if !plumbing[m.Name] && !citation.MatchString(m.Doc) {
					out = append(out, ty.Name+"."+m.Name)
				}
			}
		}
	}
	return out
}

func fieldDocs(decl *ast.GenDecl) string {
	var b strings.Builder
	for _, spec := range decl.Specs {
		ts, ok := spec.(*ast.TypeSpec)
		if !ok {
			continue
		}
		if st, ok := ts.Type.(*ast.StructType); ok {
			for _, f := range st.Fields.List {
				b.WriteString(f.Doc.Text())
				b.WriteString(f.Comment.Text())
			}
		}
	}
	return b.String()
}
