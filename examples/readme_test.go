package examples_test

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeCommands runs every `go run ./examples/…` line of the README,
// verbatim but for an output redirection, from the module root: each must
// exit 0 and print something. The rule book's -update, which rewrites a
// committed file, is left to TestRulebookFresh.
func TestReadmeCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs every example")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	built := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(readme))
	n := 0
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "go run ./examples/") || strings.Contains(line, "-update") {
			continue
		}
		if i := strings.Index(line, " #"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if i := strings.Index(line, " >"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		fields := strings.Fields(line)
		pkg := fields[2]
		n++
		t.Run(line, func(t *testing.T) {
			exe, ok := built[pkg]
			if !ok {
				exe = filepath.Join(bin, filepath.Base(pkg))
				cmd := exec.Command("go", "build", "-o", exe, pkg)
				cmd.Dir = root
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("go build %s: %v\n%s", pkg, err, out)
				}
				built[pkg] = exe
			}
			cmd := exec.Command(exe, fields[3:]...)
			cmd.Dir = root
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil || stdout.Len() == 0 || strings.Contains(stdout.String(), "%!") {
				t.Errorf("%v, %d bytes out; stderr:\n%s", err, stdout.Len(), stderr.String())
			}
		})
	}
	if n < 8 {
		t.Errorf("found %d commands in the README, want at least 8", n)
	}
}
