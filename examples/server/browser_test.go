package main

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// chromium finds a Chromium binary: $CHROMIUM, or Debian's chromium on the
// PATH.
func chromium() string {
	if c := os.Getenv("CHROMIUM"); c != "" {
		return c
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestPageInBrowser loads the page in headless Chromium against the
// running server, fills in the Annexe 3 §4 example (127 800, DS1 with the
// CRO bonus, window 1, base unit 1 000 €: INT-03) through the page's own
// form, and checks the amounts and citations it renders: 110 000 € =
// 33 000 € + 77 000 €. Without Chromium it skips, unless
// SUNES_REQUIRE_CHROMIUM is set (CI sets it once it has installed one).
func TestPageInBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		if os.Getenv("SUNES_REQUIRE_CHROMIUM") != "" {
			t.Fatal("no Chromium found, and SUNES_REQUIRE_CHROMIUM is set")
		}
		t.Skip("no Chromium found (install Debian's chromium, or set CHROMIUM): the page is not tested in a browser")
	}
	srv := newTestServer(t, defaults)
	q := url.Values{"combined_activity": {"127800"}, "variant": {"DS1+CRO"}, "window": {"1"}, "base_unit": {"1000"}, "calculer": {"1"}}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir="+t.TempDir(),
		"--virtual-time-budget=15000", "--dump-dom", srv.URL+"/?"+q.Encode())
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	dom := string(out)
	for _, want := range []string{
		`id="forfait" data-value="110000"`, `id="avance" data-value="33000"`, `id="solde" data-value="77000"`,
		"Catégorie C", "Annexe 3 §3", "INT-03 — ", `lang="fr"`,
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("the rendered page lacks %q", want)
		}
	}
	if t.Failed() {
		t.Logf("DOM:\n%s", dom)
	}
}
