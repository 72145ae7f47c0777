package examples_test

import (
	"bufio"
	"bytes"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// serve starts a server command, checks that it answers at health, then
// stops it with SIGTERM and checks that it exits cleanly.
func serve(t *testing.T, cmd *exec.Cmd, health string) {
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(health)
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the server did not answer at %s:\n%s", health, stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Errorf("the server stopped with %v:\n%s", err, stderr.String())
	}
}

// TestReadmeCommands runs every `go run ./examples/…` line of the README,
// verbatim but for an output redirection, from the module root: each must
// exit 0 and print something. The rule book's -update, which rewrites a
// committed file, is left to TestRulebookFresh; the server is started,
// asked for its health, and stopped.
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
			if pkg == "./examples/server" {
				serve(t, cmd, "http://127.0.0.1:8080/healthz")
				return
			}
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

// TestHelp: every tool's -h exits 0 and prints its usage without a
// formatting error.
func TestHelp(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every example")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	for _, pkg := range []string{"./examples/campaign", "./examples/audit", "./examples/eligibility", "./examples/server", "./examples/rulebook"} {
		t.Run(pkg, func(t *testing.T) {
			exe := filepath.Join(bin, filepath.Base(pkg))
			build := exec.Command("go", "build", "-o", exe, pkg)
			build.Dir = root
			if out, err := build.CombinedOutput(); err != nil {
				t.Fatalf("go build: %v\n%s", err, out)
			}
			out, err := exec.Command(exe, "-h").CombinedOutput()
			if err != nil || !strings.Contains(string(out), "-") || strings.Contains(string(out), "%!") {
				t.Errorf("-h: %v\n%s", err, out)
			}
		})
	}
}
