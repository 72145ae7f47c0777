package instruction

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec/codectest"
)

// textUnits are the units of the instruction, transcribed from its text in
// order: the register must hold exactly these.
var textUnits = []string{
	"Mention Outre-mer", "§1", "§2", "§2.1", "§2.2", "§2.3", "§3", "§3.1", "§3.2", "§3.3",
	"§4", "§4.1", "§4.2", "§4.3", "§4.4", "§5", "§6", "§6.1", "§6.2", "§7", "§7.1", "§7.2", "§8",
	"Annexe 1", "Annexe 1 PS1.1", "Annexe 1 PS1.2", "Annexe 1 PS2.1", "Annexe 1 PS2.2", "Annexe 1 PS3.1", "Annexe 1 PS3.2",
	"Annexe 1 DS1.1", "Annexe 1 DS1.2", "Annexe 1 DS1.3", "Annexe 1 DS2.1", "Annexe 1 DS3.1",
	"Annexe 2", "Annexe 2 §1", "Annexe 2 §2", "Annexe 2 §3", "Annexe 2 §4", "Annexe 2 §5",
	"Annexe 3", "Annexe 3 §1", "Annexe 3 §2", "Annexe 3 §3", "Annexe 3 §4",
}

var (
	ruleID = regexp.MustCompile(`^R-(OM|\d(\.\d)?|A[123](\.\d)?|A1-(PS|DS)\d\.\d)-\d\d$`)
	intID  = regexp.MustCompile(`INT-\d\d`)
)

// interpretationIDs are the ids of forfait.Interpretations.
func interpretationIDs() map[string]bool {
	ids := map[string]bool{}
	for _, e := range forfait.Interpretations() {
		ids[e.ID] = true
	}
	return ids
}

// checkRegister checks the register on its own: every unit of the text
// present, in order; an informative unit states no rule, a normative one
// states or restates at least one; rule IDs well formed and unique; every
// rule has a status and what the status needs (symbols and tests when
// encoded, INT ids that exist when interpreted, a reason when not
// encoded); restatements name rules stated elsewhere; every citation in
// the register's own text names a unit of it.
func checkRegister(units []Unit, want []string, ints map[string]bool) []string {
	var bad []string
	report := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }
	var got []string
	stated := map[string]string{}
	for _, u := range units {
		got = append(got, u.ID)
		for _, r := range u.Rules {
			if prev, ok := stated[r.ID]; ok {
				report("%s: rule %s already stated in %s", u.ID, r.ID, prev)
			}
			stated[r.ID] = u.ID
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		report("units differ from the text's (-text +register):\n%s", d)
	}
	for _, u := range units {
		switch u.Kind {
		case Normative:
			if len(u.Rules)+len(u.Restates) == 0 {
				report("%s: normative, but states no rule", u.ID)
			}
		case Informative:
			if len(u.Rules)+len(u.Restates) > 0 {
				report("%s: informative, but lists rules", u.ID)
			}
		default:
			report("%s: no kind", u.ID)
		}
		if u.Heading == "" {
			report("%s: no heading", u.ID)
		}
		for _, id := range u.Restates {
			if at, ok := stated[id]; !ok || at == u.ID {
				report("%s: restates %s, which no other unit states", u.ID, id)
			}
		}
		for _, c := range citations(u.Heading) {
			if _, ok := Lookup(units, c.Unit); !ok {
				report("%s: heading cites %q, not a unit of the text", u.ID, c.Written)
			}
		}
		for _, r := range u.Rules {
			where := u.ID + " " + r.ID
			if !ruleID.MatchString(r.ID) {
				report("%s: malformed rule id", where)
			}
			if r.Statement == "" {
				report("%s: no statement", where)
			}
			for _, c := range citations(r.Statement + " " + r.Reason) {
				if _, ok := Lookup(units, c.Unit); !ok {
					report("%s: cites %q, not a unit of the text", where, c.Written)
				}
			}
			for _, id := range append(slices.Clone(r.Interpretations), intID.FindAllString(r.Statement+" "+r.Reason, -1)...) {
				if !ints[id] {
					report("%s: names %s, not in the interpretation register", where, id)
				}
			}
			switch r.Status {
			case Encoded, Interpreted:
				if len(r.Symbols) == 0 || len(r.Tests) == 0 {
					report("%s: %s, but names no symbol or no test", where, r.Status)
				}
				if r.Status == Interpreted && len(r.Interpretations) == 0 {
					report("%s: interpreted, but names no INT id", where)
				}
				if r.Status == Encoded && len(r.Interpretations) > 0 {
					report("%s: encoded, but relies on %v: interpreted", where, r.Interpretations)
				}
				if r.Reason != "" {
					report("%s: %s, but gives a reason for not being encoded", where, r.Status)
				}
			case NotEncoded:
				if strings.TrimSpace(r.Reason) == "" {
					report("%s: not encoded, without a reason", where)
				}
				if len(r.Symbols)+len(r.Tests)+len(r.Interpretations) > 0 {
					report("%s: not encoded, but names symbols, tests or INT ids: split it", where)
				}
			default:
				report("%s: no status", where)
			}
		}
	}
	return bad
}

// checkCitations checks that every citation in the module's text names a
// unit of the register, and every INT id one of the interpretation
// register.
func checkCitations(src source, units []Unit, ints map[string]bool) []string {
	var bad []string
	for _, m := range src.Mentions {
		if _, ok := Lookup(units, m.Cited.Unit); !ok {
			bad = append(bad, fmt.Sprintf("%s: %q names %s, not a unit of the text", m.Where, m.Cited.Written, m.Cited.Unit))
		}
	}
	for _, m := range src.INTs {
		if !ints[m.Cited.Unit] {
			bad = append(bad, fmt.Sprintf("%s: %s is not in the interpretation register", m.Where, m.Cited.Unit))
		}
	}
	return bad
}

// checkSymbols checks the register against the source, both ways: every
// symbol and test the register names exists, and every exported symbol
// that cites a unit in its doc comment is named by a rule that unit states
// or restates (for a whole annex, by a rule of one of its units).
func checkSymbols(src source, units []Unit) []string {
	var bad []string
	byID := map[string]Rule{}
	for _, u := range units {
		for _, r := range u.Rules {
			byID[r.ID] = r
			for _, s := range r.Symbols {
				if !src.Symbols[s] {
					bad = append(bad, fmt.Sprintf("%s names %s, which the module does not declare", r.ID, s))
				}
			}
			for _, s := range r.Tests {
				if !src.Tests[s] {
					bad = append(bad, fmt.Sprintf("%s names test %s, which the module does not have", r.ID, s))
				}
			}
		}
	}
	lists := func(u Unit, sym string) bool {
		for _, r := range u.Rules {
			if slices.Contains(r.Symbols, sym) {
				return true
			}
		}
		for _, id := range u.Restates {
			if slices.Contains(byID[id].Symbols, sym) {
				return true
			}
		}
		return false
	}
	syms := make([]string, 0, len(src.Cites))
	for s := range src.Cites {
		syms = append(syms, s)
	}
	slices.Sort(syms)
	for _, sym := range syms {
		cites := slices.Clone(src.Cites[sym])
		slices.Sort(cites)
		for _, cite := range slices.Compact(cites) {
			listed := false
			for _, u := range units {
				if u.ID == cite || strings.HasPrefix(cite, "Annexe ") && !strings.Contains(cite[len("Annexe 1"):], " ") && strings.HasPrefix(u.ID, cite) {
					listed = listed || lists(u, sym)
				}
			}
			if !listed {
				bad = append(bad, fmt.Sprintf("%s cites %s, but no rule of %s names it", sym, cite, cite))
			}
		}
	}
	return bad
}

func TestRegister(t *testing.T) {
	for _, p := range checkRegister(Register(), textUnits, interpretationIDs()) {
		t.Error(p)
	}
}

func TestCitationsNameUnits(t *testing.T) {
	src := scan(t, readModule(t, codectest.ModuleRoot(t)))
	if len(src.Mentions) < 100 {
		t.Fatalf("only %d citations found: the scan is broken", len(src.Mentions))
	}
	for _, p := range checkCitations(src, Register(), interpretationIDs()) {
		t.Error(p)
	}
}

func TestRegisterMatchesSource(t *testing.T) {
	src := scan(t, readModule(t, codectest.ModuleRoot(t)))
	for _, p := range checkSymbols(src, Register()) {
		t.Error(p)
	}
}

func TestCount(t *testing.T) {
	units := []Unit{{ID: "§5", Kind: Normative, Rules: []Rule{
		{ID: "R-5-01", Money: true, Status: Encoded},
		{ID: "R-5-02", Money: true, Status: NotEncoded},
		{ID: "R-5-03", Status: Interpreted},
	}, Restates: []string{"R-6.1-01"}}}
	want := Totals{Money: Coverage{Encoded: 1, NotEncoded: 1}, Other: Coverage{Interpreted: 1}, All: Coverage{1, 1, 1}}
	if d := cmp.Diff(want, Count(units)); d != "" {
		t.Errorf("(-want +got)\n%s", d)
	}
}

func TestRegisterJSON(t *testing.T) {
	units := Register()
	b, err := json.Marshal(units)
	if err != nil {
		t.Fatal(err)
	}
	var back []Unit
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(units, back); d != "" {
		t.Errorf("round trip (-want +got)\n%s", d)
	}
	// An invalid status does not marshal; no status writes "" and reads
	// back as none, which the register's checks refuse (TestChecksBite).
	if _, err := json.Marshal(Rule{Status: 9}); !errors.Is(err, ErrInvalidRegister) {
		t.Errorf("a rule with status 9 marshals: %v", err)
	}
	b, err = json.Marshal(Rule{ID: "R-6.1-01"})
	var none Rule
	if err != nil || !strings.Contains(string(b), `"status":""`) || json.Unmarshal(b, &none) != nil || none.Status != 0 {
		t.Errorf("a rule with no status: %s, %v; read back as %v", b, err, none.Status)
	}
}

// planted is a small module and register, right as given; each case of
// TestChecksBite breaks one thing in a copy.
func planted() (sourceFiles, []Unit) {
	files := sourceFiles{
		"eligibility/decide.go": `package eligibility

// Decide judges an application on the conditions of §5.
func Decide() string { return "refused: no 2019 activity (Annexe 3 §1)" }

// Filed reports whether the application was filed in its window's
// application period (§6.1).
func Filed() bool { return true }
`,
		"eligibility/decide_test.go": "package eligibility\n\nfunc TestDecide() {}\n",
		"README.md":                  "Windows and periods: §6.1.\n",
	}
	units := []Unit{
		{ID: "§5", Heading: "Conditions", Kind: Normative, Rules: []Rule{
			enc("R-5-01", true, "An application meets the conditions.", l("eligibility.Decide"), l("TestDecide")),
		}},
		{ID: "§6.1", Heading: "Calendar", Kind: Normative, Rules: []Rule{
			enc("R-6.1-01", true, "Filed in the window's period.", l("eligibility.Filed"), l("TestDecide")),
			not("R-6.1-02", false, "Filed on a national platform.", "outside a rules library"),
		}},
		{ID: "§8", Heading: "Contacts", Kind: Informative},
		{ID: "Annexe 3 §1", Heading: "Combined activity", Kind: Normative, Restates: l("R-5-01")},
	}
	return files, units
}

// runChecks runs every check on files and units.
func runChecks(t *testing.T, files sourceFiles, units []Unit) []string {
	src := scan(t, files)
	want := make([]string, len(units))
	for i, u := range units {
		want[i] = u.ID
	}
	bad := checkRegister(units, want, interpretationIDs())
	bad = append(bad, checkCitations(src, units, interpretationIDs())...)
	return append(bad, checkSymbols(src, units)...)
}

// TestChecksBite shows each check failing on a planted error, and passing
// on the register and module they were planted in.
func TestChecksBite(t *testing.T) {
	files, units := planted()
	if bad := runChecks(t, files, units); len(bad) > 0 {
		t.Fatalf("the planted module is right, yet the checks report:\n%s", strings.Join(bad, "\n"))
	}
	for _, tc := range []struct {
		name  string
		plant func(sourceFiles, []Unit)
		want  string
	}{
		{"a citation of a paragraph Annexe 3 does not have", func(f sourceFiles, _ []Unit) {
			f["eligibility/decide.go"] = strings.Replace(f["eligibility/decide.go"], "(Annexe 3 §1)", "(Annexe 3 §3-§4 and §5)", 1)
		}, `"§5" names Annexe 3 §5, not a unit of the text`},
		{"a citation in the rule book", func(f sourceFiles, _ []Unit) {
			f["README.md"] = "Windows and periods: §6.3.\n"
		}, `README.md:1: "§6.3" names §6.3`},
		{"an interpretation that does not exist", func(f sourceFiles, _ []Unit) {
			f["README.md"] = "Windows and periods: §6.1; INT-99.\n"
		}, "INT-99 is not in the interpretation register"},
		{"a symbol citing the wrong paragraph", func(f sourceFiles, _ []Unit) {
			f["eligibility/decide.go"] = strings.Replace(f["eligibility/decide.go"], "period (§6.1)", "period (§5)", 1)
		}, "eligibility.Filed cites §5, but no rule of §5 names it"},
		{"a renamed symbol", func(f sourceFiles, _ []Unit) {
			f["eligibility/decide.go"] = strings.Replace(f["eligibility/decide.go"], "func Filed()", "func FiledInPeriod()", 1)
		}, "R-6.1-01 names eligibility.Filed, which the module does not declare"},
		{"a renamed test", func(f sourceFiles, _ []Unit) {
			f["eligibility/decide_test.go"] = "package eligibility\n\nfunc TestJudge() {}\n"
		}, "R-5-01 names test TestDecide, which the module does not have"},
		{"a rule with no status", func(_ sourceFiles, u []Unit) { u[1].Rules[0].Status = 0 }, "R-6.1-01: no status"},
		{"a rule not encoded without a reason", func(_ sourceFiles, u []Unit) { u[1].Rules[1].Reason = "" }, "not encoded, without a reason"},
		{"an encoded rule with no test", func(_ sourceFiles, u []Unit) { u[0].Rules[0].Tests = nil }, "encoded, but names no symbol or no test"},
		{"an interpreted rule without an INT id", func(_ sourceFiles, u []Unit) { u[0].Rules[0].Status = Interpreted }, "interpreted, but names no INT id"},
		{"an INT id that does not exist", func(_ sourceFiles, u []Unit) {
			u[0].Rules[0].Status, u[0].Rules[0].Interpretations = Interpreted, l("INT-99")
		}, "names INT-99, not in the interpretation register"},
		{"a normative unit with no rule", func(_ sourceFiles, u []Unit) { u[3].Restates = nil }, "Annexe 3 §1: normative, but states no rule"},
		{"a restatement of nothing", func(_ sourceFiles, u []Unit) { u[3].Restates = l("R-5-09") }, "restates R-5-09, which no other unit states"},
		{"a rule id used twice", func(_ sourceFiles, u []Unit) { u[1].Rules[1].ID = "R-5-01" }, "rule R-5-01 already stated in §5"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files, units := planted()
			for i := range units {
				units[i].Rules = slices.Clone(units[i].Rules)
			}
			tc.plant(files, units)
			bad := runChecks(t, files, units)
			if !slices.ContainsFunc(bad, func(s string) bool { return strings.Contains(s, tc.want) }) {
				t.Errorf("the checks miss it: want %q among:\n%s", tc.want, strings.Join(bad, "\n"))
			}
		})
	}
}

// TestCitationForms pins how citations are read.
func TestCitationForms(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"(§5)", l("§5")},
		{"§6.1's 4-month rule", l("§6.1")},
		{"(Annexe 2 §3; §6.1)", l("Annexe 2 §3", "§6.1")},
		{"(Annexe 2 §3, §6.1)", l("Annexe 2 §3", "Annexe 2 §6.1")},
		{"Annexe 3 §3-§4 and §5", l("Annexe 3 §3", "Annexe 3 §4", "Annexe 3 §5")},
		{"§5 and Annexe 3 §3-§4", l("§5", "Annexe 3 §3", "Annexe 3 §4")},
		{"(Annexe 3, §5, Annexe 2 §3)", l("Annexe 3", "§5", "Annexe 2 §3")},
		{"Annexe 1, PS2.2", l("Annexe 1 PS2.2")},
		{"Annexe 1 (DS1.3 bonus)", l("Annexe 1 DS1.3")},
		{"A2§3 and A3§1", l("Annexe 2 §3", "Annexe 3 §1")},
		{"Annexes 1–3", l("Annexe 1", "Annexe 2", "Annexe 3")},
		{"Annexe 3\n§3-§4", l("Annexe 3 §3", "Annexe 3 §4")},
		{"Mention Outre-mer", l("Mention Outre-mer")},
		{"envelope.Annex2 and DS2", nil},
	} {
		var got []string
		for _, c := range citations(tc.text) {
			got = append(got, c.Unit)
		}
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("%q (-want +got)\n%s", tc.text, d)
		}
	}
}
