package main

import (
	"context"
	"errors"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
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

// needChromium returns Chromium's path; without one the test skips,
// unless SUNES_REQUIRE_CHROMIUM is set (CI sets it once it has installed
// one).
func needChromium(t *testing.T) string {
	t.Helper()
	bin := chromium()
	if bin == "" {
		if os.Getenv("SUNES_REQUIRE_CHROMIUM") != "" {
			t.Fatal("no Chromium found, and SUNES_REQUIRE_CHROMIUM is set")
		}
		t.Skip("no Chromium found (install Debian's chromium, or set CHROMIUM): the page is not tested in a browser")
	}
	return bin
}

// pageServer serves the server's handler, with wrap around it when not
// nil, and counts the forfaits computed (POST /v1/forfaits reaching the
// handler).
func pageServer(t *testing.T, wrap func(http.Handler) http.Handler) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	h, err := newHandler(defaults, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	var posts atomic.Int64
	counted := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == "POST" && r.URL.Path == "/v1/forfaits" {
			posts.Add(1)
		}
		h.ServeHTTP(w, r)
	})
	var handler http.Handler = counted
	if wrap != nil {
		handler = wrap(counted)
	}
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	return srv, &posts
}

// render loads the page in headless Chromium with the fields given in the
// query, as a link fills them, submits the form (calculer=1) and returns
// the DOM once the page has settled, its entities decoded: the text a
// reader sees, with its no-break spaces.
func render(t *testing.T, bin string, srv *httptest.Server, fields url.Values) string {
	t.Helper()
	q := url.Values{"calculer": {"1"}}
	for k, v := range fields {
		q[k] = v
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	for attempt := 1; ; attempt++ {
		cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir="+t.TempDir(),
			"--lang=fr-FR", "--virtual-time-budget=15000", "--dump-dom", srv.URL+"/?"+q.Encode())
		out, err := cmd.Output()
		var exit *exec.ExitError
		if errors.As(err, &exit) && !exit.Exited() && ctx.Err() == nil && attempt < 3 {
			// The browser itself died on a signal (seen on a loaded
			// machine): that says nothing of the page, so it runs again.
			t.Logf("chromium died (%v): running it again", err)
			continue
		}
		if err != nil {
			t.Fatalf("chromium: %v", err)
		}
		return html.UnescapeString(string(out))
	}
}

// field is the tag of the input or select whose id is id, and the
// message shown next to it.
func field(dom, id string) (tag, message string) {
	tag = regexp.MustCompile(`<(?:input|select)[^>]* id="` + id + `"[^>]*>`).FindString(dom)
	if m := regexp.MustCompile(`<span class="erreur" id="erreur-` + id + `"[^>]*>([^<]*)</span>`).FindStringSubmatch(dom); m != nil {
		message = m[1]
	}
	return tag, message
}

// contains fails t for each text of want the DOM lacks.
func contains(t *testing.T, dom string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(dom, w) {
			t.Errorf("the rendered page lacks %q", w)
		}
	}
}

// TestPageInBrowser loads the page in headless Chromium against the
// server, fills in the Annexe 3 §4 example (127 800, DS1 with the CRO
// bonus, window 1, base unit 1 000 €: INT-03) through the page's own
// form, and checks the amounts and citations it renders: 110 000 € =
// 33 000 € + 77 000 €, in French.
func TestPageInBrowser(t *testing.T) {
	bin := needChromium(t)
	srv, _ := pageServer(t, nil)
	dom := render(t, bin, srv, url.Values{"combined_activity": {"127800"}, "variant": {"DS1+CRO"}, "window": {"1"}, "base_unit": {"1 000"}})
	contains(t, dom, `id="forfait" data-value="110000"`, `id="avance" data-value="33000"`, `id="solde" data-value="77000"`,
		"110\u202f000\u00a0€", "33\u202f000\u00a0€", "77\u202f000\u00a0€",
		"Catégorie C : 22\u202f500 ≤ x < 230\u202f000", "Arrondi au millier d'euros (INT-03)", "Annexe 3 §3", "INT-03 — ", `lang="fr"`)
	if t.Failed() {
		t.Logf("DOM:\n%s", dom)
	}
}

// TestPageInFrench: "127 800" typed the French way is read; the whole
// derivation, the interpretations it cites and the amounts read in
// French, numbers written the French way, as the API's French catalogue
// writes them.
func TestPageInFrench(t *testing.T) {
	bin := needChromium(t)
	srv, posts := pageServer(t, nil)
	dom := render(t, bin, srv, url.Values{"combined_activity": {"127 800"}, "variant": {"DS1+CRO"}, "window": {"1"}})
	if posts.Load() != 1 {
		t.Errorf("%d forfaits asked, want 1", posts.Load())
	}
	contains(t, dom, `id="forfait" data-value="109738"`, "109\u202f738\u00a0€", "32\u202f921\u00a0€", "76\u202f817\u00a0€",
		"Catégorie C, activité combinée 127\u202f800")
	// Every step of the derivation, as Derivation.In writes it in French.
	rules := instruction.Instruction2021().Forfait
	variant, _ := forfait.ParseVariant("DS1+CRO")
	d, err := rules.Explain(forfait.Request{Combined: decimal.NewFromInt(127800), Variant: variant, Window: 1})
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, s := range d.In(codec.French).Steps {
		contains(t, dom, `<tr data-step="`+s.Name+`"><th scope="row">`+s.Label+"</th><td>"+s.Formula+"</td><td>"+s.Value+"</td>")
		for _, id := range s.Interpretations {
			used[id] = true
		}
	}
	contains(t, dom, "Base interpolée", "99\u202f761,927\u202f71…", "Arrondi à l'euro (INT-03)", "Bonus CRO +10\u00a0% (§5)")
	// Every interpretation the derivation cites, in French.
	for _, e := range forfait.Interpretations() {
		if used[e.ID] {
			fr := e.In(codec.French)
			contains(t, dom, "<dt>"+e.ID+" — "+fr.Question+"</dt><dd>"+fr.Reading+"</dd>")
		}
	}
	if len(used) == 0 {
		t.Error("the derivation cites no interpretation")
	}
	if strings.Contains(dom, "aria-invalid") {
		t.Error("a field is marked invalid")
	}
	if t.Failed() {
		t.Logf("DOM:\n%s", dom)
	}
}

// TestPageRefuses: what the page cannot read is refused at its field,
// marked aria-invalid with its French message next to it, and nothing is
// sent; an empty form computes nothing (an absent figure is not zero).
func TestPageRefuses(t *testing.T) {
	bin := needChromium(t)
	tests := []struct {
		name   string
		fields url.Values
		want   map[string]string // field → part of its message
	}{
		{"decimal count", url.Values{"mco_days": {"12,5"}, "mco_sessions": {"0"}, "ambulatory_surgery_stays": {"0"}, "day_hospital_stays": {"0"},
			"ssr_days": {"0"}, "psy_days": {"0"}, "had_days": {"0"}, "usld_days": {"0"}},
			map[string]string{"mco_days": "« 12,5 » n'est pas un nombre entier"}},
		{"letters", url.Values{"combined_activity": {"abc"}}, map[string]string{"combined_activity": "« abc » n'est pas un nombre"}},
		{"ambiguous point", url.Values{"combined_activity": {"1.234"}}, map[string]string{"combined_activity": "« 1.234 » est ambigu"}},
		{"empty form", nil, map[string]string{"combined_activity": "obligatoire"}},
		{"a count left empty", url.Values{"mco_days": {"127 800"}}, map[string]string{"mco_sessions": "obligatoire (un compteur vide n'est pas zéro", "usld_days": "obligatoire"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv, posts := pageServer(t, nil)
			dom := render(t, bin, srv, tc.fields)
			if n := posts.Load(); n != 0 {
				t.Errorf("%d forfaits asked, want none", n)
			}
			if strings.Contains(dom, `id="forfait"`) || strings.Contains(dom, "18\u202f000") {
				t.Error("a forfait is shown")
			}
			for id, want := range tc.want {
				tag, msg := field(dom, id)
				if !strings.Contains(tag, `aria-invalid="true"`) || !strings.Contains(tag, "erreur-"+id) {
					t.Errorf("%s: %s, want aria-invalid and described by its message", id, tag)
				}
				if !strings.Contains(msg, want) {
					t.Errorf("%s: message %q, want %q", id, msg, want)
				}
			}
			if t.Failed() {
				t.Logf("DOM:\n%s", dom)
			}
		})
	}
}

// TestPageServerProblem: a problem the server finds is tied to its field
// by its pointer, in French.
func TestPageServerProblem(t *testing.T) {
	bin := needChromium(t)
	srv, posts := pageServer(t, nil)
	dom := render(t, bin, srv, url.Values{"combined_activity": {"300 000"}, "variant": {"DS1"}, "window": {"1"}})
	if posts.Load() != 1 {
		t.Errorf("%d forfaits asked, want 1", posts.Load())
	}
	tag, msg := field(dom, "national_max")
	if !strings.Contains(tag, `aria-invalid="true"`) {
		t.Errorf("national_max: %s, want aria-invalid", tag)
	}
	if want := "Maximum national de l'activité combinée : obligatoire en catégorie D"; !strings.HasPrefix(msg, want) {
		t.Errorf("national_max: message %q, want %q…", msg, want)
	}
	contains(t, dom, "La demande comporte des problèmes")
	if t.Failed() {
		t.Logf("DOM:\n%s", dom)
	}
}

// TestPageServerDown: when the server cannot be reached, the page says so
// in French.
func TestPageServerDown(t *testing.T) {
	bin := needChromium(t)
	down := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasPrefix(r.URL.Path, "/v1/") {
				// The connection drops, as when the server is gone.
				if c, _, err := http.NewResponseController(w).Hijack(); err == nil {
					c.Close()
				}
				return
			}
			h.ServeHTTP(w, r)
		})
	}
	srv, _ := pageServer(t, down)
	dom := render(t, bin, srv, url.Values{"combined_activity": {"127 800"}})
	contains(t, dom, "Le serveur ne répond pas")
	if strings.Contains(dom, `id="forfait"`) {
		t.Error("a forfait is shown")
	}
	if t.Failed() {
		t.Logf("DOM:\n%s", dom)
	}
}
