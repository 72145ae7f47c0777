package cli_test

import (
	"bytes"
	"flag"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sunes-spec/sunes/examples/internal/cli"
	"github.com/sunes-spec/sunes/forfait/codec"
)

func TestLang(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want codec.Lang
	}{
		{nil, codec.French},
		{[]string{"-lang", "en"}, codec.English},
		{[]string{"-h", "--lang=en"}, codec.English},
		{[]string{"-lang=fr", "-in", "x"}, codec.French},
		{[]string{"-lang", "de"}, codec.French},
		{[]string{"-lang"}, codec.French},
		{[]string{"-in", "lang"}, codec.French},
	} {
		if got := cli.Lang(tt.args, codec.French); got != tt.want {
			t.Errorf("Lang(%q) = %v; want %v", tt.args, got, tt.want)
		}
	}
}

// TestUsage: the help in French takes each flag's French usage, its
// argument's name and its default in French; in English, package flag's
// layout with the usages the flags were defined with.
func TestUsage(t *testing.T) {
	fs := flag.NewFlagSet("tool", flag.ContinueOnError)
	fs.String("in", "", "input `file`")
	fs.String("format", "csv", "output format")
	fs.Bool("explain", false, "explain")
	intro := codec.Text{French: "outil", English: "tool"}
	french := map[string]string{"in": "`fichier` lu", "format": "`format` de sortie"}
	for l, want := range map[codec.Lang]string{
		codec.French:  "outil\n  -explain\n    \texplain\n  -format format\n    \tformat de sortie (défaut : csv)\n  -in fichier\n    \tfichier lu\n",
		codec.English: "tool\n  -explain\n    \texplain\n  -format string\n    \toutput format (default csv)\n  -in file\n    \tinput file\n",
	} {
		var b bytes.Buffer
		cli.Usage(&b, fs, l, intro, french)
		if diff := cmp.Diff(want, b.String()); diff != "" {
			t.Errorf("%v (-want +got):\n%s", l, diff)
		}
	}
}
