package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// problemPointers are the pointers of a problem document's errors; a
// problem with the whole body (its detail alone) is the root, "".
func problemPointers(t *testing.T, m map[string]any) []string {
	t.Helper()
	errs, _ := m["errors"].([]any)
	if errs == nil {
		if m["detail"] == nil {
			t.Errorf("a problem without errors nor detail: %v", m)
		}
		return []string{""}
	}
	var out []string
	for _, e := range errs {
		p, _ := e.(map[string]any)["pointer"].(string)
		out = append(out, p)
	}
	return out
}

const counts = `"mco_sessions": 0, "ambulatory_surgery_stays": 0, "day_hospital_stays": 0, "ssr_days": 0, "psy_days": 0, "had_days": 0, "usld_days": 0`

// TestPointers: on every route, a body that is a list, null, or lacks a
// figure gets 422 with each problem at its pointer; nothing absent or null
// is read as zero, no key given twice is taken, no figure beyond the
// bounds is computed.
func TestPointers(t *testing.T) {
	srv := newTestServer(t, defaults)
	app, err := os.ReadFile("../eligibility/samples/validated.json")
	if err != nil {
		t.Fatal(err)
	}
	allCounts := []string{"/requests/0/activity/mco_days", "/requests/0/activity/mco_sessions", "/requests/0/activity/ambulatory_surgery_stays",
		"/requests/0/activity/day_hospital_stays", "/requests/0/activity/ssr_days", "/requests/0/activity/psy_days",
		"/requests/0/activity/had_days", "/requests/0/activity/usld_days"}
	type tc struct {
		name, body string
		pointers   []string
	}
	roots := func(extra ...tc) []tc {
		return append([]tc{{"a list", `[{"requests": []}]`, []string{""}}, {"null", `null`, []string{""}}, {"a string", `"x"`, []string{""}}}, extra...)
	}
	for path, cases := range map[string][]tc{
		"/v1/forfaits": roots(
			tc{"empty", `{}`, []string{"/requests"}},
			tc{"no request", `{"requests": []}`, []string{"/requests"}},
			tc{"a null request", `{"requests": [null]}`, []string{"/requests/0"}},
			tc{"no activity", `{"requests": [{"variant": "DS1", "window": "1"}]}`, []string{"/requests/0/combined_activity"}},
			tc{"empty activity", `{"requests": [{"activity": {}, "variant": "DS1", "window": "1"}]}`, allCounts},
			tc{"null combined activity", `{"requests": [{"combined_activity": null, "variant": "DS1", "window": "1"}]}`, []string{"/requests/0/combined_activity"}},
			tc{"null count", `{"requests": [{"activity": {"mco_days": null, ` + counts + `}, "variant": "DS1", "window": "1"}]}`, []string{"/requests/0/activity/mco_days"}},
			tc{"negative count", `{"requests": [{"activity": {"mco_days": -1, ` + counts + `}, "variant": "DS1", "window": "1"}]}`, []string{"/requests/0/activity/mco_days"}},
			tc{"both", `{"requests": [{"combined_activity": "1", "activity": {"mco_days": 1, ` + counts + `}, "variant": "DS1", "window": "1"}]}`, []string{"/requests/0/combined_activity"}},
			tc{"variant twice", `{"requests": [{"combined_activity": "127800", "variant": "DS1", "variant": "DS3", "window": "1"}]}`, []string{"/requests/0/variant"}},
			tc{"no variant nor window", `{"requests": [{"combined_activity": "127800"}]}`, []string{"/requests/0/variant", "/requests/0/window"}},
			tc{"exponent", `{"requests": [{"combined_activity": "1e5", "variant": "DS1", "window": "1"}]}`, []string{"/requests/0/combined_activity"}},
			tc{"1e400", `{"requests": [{"combined_activity": 1e400, "variant": "DS1", "window": "1"}]}`, []string{"/requests/0/combined_activity"}},
			tc{"400 digits", `{"requests": [{"combined_activity": "` + strings.Repeat("9", 400) + `", "variant": "DS1", "window": "1"}]}`, []string{"/requests/0/combined_activity"}},
			tc{"count of 10^12", `{"requests": [{"activity": {"mco_days": 1000000000000, ` + counts + `}, "variant": "DS1", "window": "1"}]}`, []string{"/requests/0/activity/mco_days"}},
			tc{"base unit 0", `{"base_unit": "0", "requests": [{"combined_activity": "127800", "variant": "DS1", "window": "1"}]}`, []string{"/base_unit"}},
			tc{"base unit negative", `{"base_unit": "-5", "requests": [{"combined_activity": "127800", "variant": "DS1", "window": "1"}]}`, []string{"/base_unit"}},
		),
		"/v1/diff": roots(
			tc{"without b", `{"a": {"combined_activity": "127800", "variant": "DS1", "window": "1"}}`, []string{"/b"}},
			tc{"b's activity", `{"a": {"combined_activity": "127800", "variant": "DS1", "window": "1"}, "b": {"activity": {"mco_days": -1, ` + counts + `}, "variant": "DS1", "window": "1"}}`,
				[]string{"/b/activity/mco_days"}},
			tc{"null a", `{"a": null, "b": {"combined_activity": "127800", "variant": "DS1", "window": "1"}}`, []string{"/a"}},
		),
		"/v1/decisions": roots(
			tc{"window twice", `{` + string(app[1:len(app)-2]) + `, "window": "2"}`, []string{"/window"}},
			tc{"null activity", strings.Replace(string(app), `"combined_activity": "127800"`, `"combined_activity": null`, 1), []string{"/establishment/combined_activity"}},
		),
		"/v1/settlements": roots(
			tc{"empty", `{}`, []string{"/application", "/opened"}},
			tc{"null rate", `{"application": ` + string(app) + `, "opened": "2021-12-15", "steps": [{"on": "2022-09-01", "declarations": [{"domain": "DS2", "window": "1", "rates": {"DS2.1": null}}]}]}`,
				[]string{"/steps/0/declarations/0/rates/DS2.1"}},
		),
		"/v1/allocations": roots(
			tc{"empty", `{}`, []string{"/total", "/weights"}},
			tc{"null weight", `{"total": "100", "weights": ["1", null]}`, []string{"/weights/1"}},
		),
		"/v1/audits": roots(
			tc{"empty", `{}`, []string{"/establishments", "/payments"}},
			tc{"no establishment", `{"establishments": [], "payments": []}`, []string{"/establishments"}},
			tc{"null amount", `{"establishments": [{"finess": "750712184", "region": "Ile-de-France", "combined_activity": "127800"}],
				"payments": [{"finess": "750712184", "variant": "DS2", "window": "1", "kind": "advance", "amount": null, "date": "2021-12-15"}]}`,
				[]string{"/payments/0/amount"}},
		),
	} {
		for _, tt := range cases {
			t.Run(path+" "+tt.name, func(t *testing.T) {
				status, ctype, m := post(t, srv, path, tt.body)
				if status != http.StatusUnprocessableEntity || ctype != "application/problem+json" {
					t.Fatalf("status %d %s: %v", status, ctype, m)
				}
				if diff := cmp.Diff(tt.pointers, problemPointers(t, m)); diff != "" {
					t.Errorf("pointers (-want +got):\n%s\n%v", diff, m)
				}
			})
		}
	}
}

// TestDetails: problems speak of the request, never of Go types, Go
// errors, limits' names or addresses, and name the value as it was given.
func TestDetails(t *testing.T) {
	srv := newTestServer(t, defaults)
	app, err := os.ReadFile("../eligibility/samples/validated.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, path, body, want string
	}{
		{"hexadecimal", "/v1/forfaits", `{"requests": [{"combined_activity": "0x10", "variant": "DS1", "window": "1"}]}`, "plain notation"},
		{"huge exponent", "/v1/forfaits", `{"requests": [{"combined_activity": "1e1000", "variant": "DS1", "window": "1"}]}`, "plain notation"},
		{"CRO off DS1", "/v1/forfaits", `{"requests": [{"combined_activity": "127800", "variant": "DS2+CRO", "window": "1"}]}`, `variant = \"DS2+CRO\"`},
		{"a rate's field", "/v1/settlements", `{"application": ` + string(app) + `, "opened": "2021-12-15", "steps": [{"on": "2022-09-01",
			"declarations": [{"domain": "DS2", "window": "1", "rates": {"DS2.1": {"numerator": "x", "denominator": 2}}}]}]}`, "want a whole number"},
		{"FINESS in characters", "/v1/decisions", strings.Replace(string(app), `"750712184"`, `"7507121é"`, 1), "got 8"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, data := do(t, srv, "POST", tt.path, "application/json", tt.body)
			text := string(data)
			if !strings.Contains(text, tt.want) {
				t.Errorf("%s lacks %q", text, tt.want)
			}
			for _, leak := range []string{"Go value", "MaxDecodeExponent", "can't convert", "rateJSON", "int64", "127.0.0.1", "bytes"} {
				if strings.Contains(text, leak) {
					t.Errorf("%s speaks of %q", text, leak)
				}
			}
		})
	}
}

// TestQueryProblem: a bad ?on= is a problem at its parameter, not at a
// pointer of the body.
func TestQueryProblem(t *testing.T) {
	srv := newTestServer(t, defaults)
	app, err := os.ReadFile("../eligibility/samples/validated.json")
	if err != nil {
		t.Fatal(err)
	}
	status, _, data := do(t, srv, "POST", "/v1/decisions?on=2021-13-01", "application/json", string(app))
	var p problem
	json.Unmarshal(data, &p)
	if status != 422 || len(p.Errors) != 1 || p.Errors[0].Parameter != "on" || p.Errors[0].Pointer != "" {
		t.Errorf("%d %s", status, data)
	}
}

// TestContentType: a JSON route wants application/json.
func TestContentType(t *testing.T) {
	srv := newTestServer(t, defaults)
	body := `{"requests": [{"combined_activity": "127800", "variant": "DS2", "window": "1"}]}`
	for ctype, want := range map[string]int{"text/plain": 415, "": 415, "application/x-www-form-urlencoded": 415,
		"application/json": 200, "application/json; charset=utf-8": 200} {
		if status, _, _ := do(t, srv, "POST", "/v1/forfaits", ctype, body); status != want {
			t.Errorf("%q: %d, want %d", ctype, status, want)
		}
	}
}

// slowBody fails as a body does when the server's read deadline passes.
type slowBody struct{ sent bool }

func (b *slowBody) Read(p []byte) (int, error) {
	if !b.sent {
		b.sent = true
		return copy(p, `{"requests": [`), nil
	}
	return 0, os.ErrDeadlineExceeded
}

// TestSlowBody: a body that does not arrive in time is 408, said without
// the network's error.
func TestSlowBody(t *testing.T) {
	h, err := newHandler(defaults, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("POST", "/v1/forfaits", &slowBody{})
	req.Header.Set("Content-Type", "application/json")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	getContract(t).checkResponse(t, "POST", "/v1/forfaits", w.Code, w.Header(), w.Body.Bytes())
	if w.Code != http.StatusRequestTimeout || strings.Contains(w.Body.String(), "deadline") || strings.Contains(w.Body.String(), "192.0.2.1") {
		t.Errorf("%d %s", w.Code, w.Body.String())
	}
}

// TestBusy: beyond -max-inflight requests computed at once, 503 with
// Retry-After; once a slot is free, served.
func TestBusy(t *testing.T) {
	cfg := defaults
	cfg.maxInflight = 1
	a, err := newAPI(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.handler())
	defer srv.Close()
	body := `{"requests": [{"combined_activity": "127800", "variant": "DS2", "window": "1"}]}`
	a.slots <- struct{}{} // a request being computed
	status, header, _ := do(t, srv, "POST", "/v1/forfaits", "application/json", body)
	if status != http.StatusServiceUnavailable || header.Get("Retry-After") == "" {
		t.Errorf("busy: %d, Retry-After %q", status, header.Get("Retry-After"))
	}
	<-a.slots
	if status, _, _ := do(t, srv, "POST", "/v1/forfaits", "application/json", body); status != 200 {
		t.Errorf("free: %d", status)
	}
}

// TestLimits: explained batches are capped lower than plain ones, and an
// answer beyond the ceiling is refused, not written.
func TestLimits(t *testing.T) {
	one := `{"combined_activity": "127800", "variant": "DS2", "window": "1"}`
	batch := func(n int, explain bool) string {
		b, _ := json.Marshal(explain)
		return `{"explain": ` + string(b) + `, "requests": [` + strings.Repeat(one+",", n-1) + one + `]}`
	}
	srv := newTestServer(t, defaults)
	if status, _, m := post(t, srv, "/v1/forfaits", batch(defaults.maxExplain+1, true)); status != 422 || !cmp.Equal(problemPointers(t, m), []string{"/requests"}) {
		t.Errorf("explained batch beyond the cap: %d %v", status, m)
	}
	if status, _, _ := post(t, srv, "/v1/forfaits", batch(defaults.maxExplain+1, false)); status != 200 {
		t.Errorf("plain batch of the same size: %d", status)
	}
	cfg := defaults
	cfg.maxResponse = 2000
	small := newTestServer(t, cfg)
	if status, _, m := post(t, small, "/v1/forfaits", batch(50, false)); status != http.StatusRequestEntityTooLarge {
		t.Errorf("answer beyond the ceiling: %d %v", status, m)
	}
}

// TestNoRoute: 404 and 405 are problems, 405 with Allow.
func TestNoRoute(t *testing.T) {
	srv := newTestServer(t, defaults)
	if status, header, _ := do(t, srv, "GET", "/nowhere", "", ""); status != 404 || header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("404: %d %s", status, header.Get("Content-Type"))
	}
	status, header, _ := do(t, srv, "GET", "/v1/forfaits", "", "")
	if status != 405 || header.Get("Allow") != "POST" || header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("405: %d %v", status, header)
	}
}

// TestSecurityHeaders: every answer carries nosniff and refuses framing;
// the page's policy allows no inline script, and the page has none.
func TestSecurityHeaders(t *testing.T) {
	srv := newTestServer(t, defaults)
	for _, path := range []string{"/", "/app.js", "/v1/interpretations", "/nowhere", "/favicon.ico"} {
		_, header, _ := do(t, srv, "GET", path, "", "")
		csp := header.Get("Content-Security-Policy")
		if header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: %v", path, header)
		}
	}
	_, header, html := do(t, srv, "GET", "/", "", "")
	if csp := header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("page policy %q", csp)
	}
	inline := regexp.MustCompile(`(?i)<script(\s[^>]*)?>\s*[^<\s]|<script>|<style|\son[a-z]+=|style=|javascript:`)
	if m := inline.Find(html); m != nil {
		t.Errorf("the page has inline script or style: %q", m)
	}
	if !bytes.Contains(html, []byte(`<script src="/app.js">`)) || !bytes.Contains(html, []byte(`rel="icon"`)) {
		t.Errorf("the page does not load its script or icon")
	}
}

// TestRequestExamples: every request example of openapi.json follows its
// own schema and is served with 200.
func TestRequestExamples(t *testing.T) {
	c := getContract(t)
	srv := newTestServer(t, defaults)
	n := 0
	for path, ops := range c.doc["paths"].(map[string]any) {
		for method := range ops.(map[string]any) {
			media := []string{"paths", path, method, "requestBody", "content", "application/json"}
			if c.at(media...) == nil {
				continue
			}
			examples, _ := c.at(append(media, "examples")...).(map[string]any)
			if len(examples) == 0 {
				t.Errorf("%s %s: no request example", method, path)
			}
			schema := c.schema(t, pointer(append(media, "schema")...))
			for name, ex := range examples {
				n++
				value := ex.(map[string]any)["value"]
				if err := schema.Validate(value); err != nil {
					t.Errorf("%s %s example %q does not follow its schema: %v", method, path, name, err)
				}
				body, _ := json.Marshal(value)
				if status, _, data := do(t, srv, strings.ToUpper(method), path, "application/json", string(body)); status != 200 {
					t.Errorf("%s %s example %q: %d %s", method, path, name, status, data)
				}
			}
		}
	}
	if n < 6 {
		t.Errorf("%d request examples", n)
	}
}

// TestSchemaRefuses: what the server refuses, the request schema refuses
// too.
func TestSchemaRefuses(t *testing.T) {
	c := getContract(t)
	schema := c.schema(t, pointer("paths", "/v1/forfaits", "post", "requestBody", "content", "application/json", "schema"))
	srv := newTestServer(t, defaults)
	for name, req := range map[string]string{
		"exponent":        `{"combined_activity": "1e5", "variant": "DS1", "window": "1"}`,
		"400 digits":      `{"combined_activity": "` + strings.Repeat("9", 400) + `", "variant": "DS1", "window": "1"}`,
		"neither":         `{"variant": "DS1", "window": "1"}`,
		"both":            `{"combined_activity": "1", "activity": {"mco_days": 1, ` + counts + `}, "variant": "DS1", "window": "1"}`,
		"a count missing": `{"activity": {` + counts + `}, "variant": "DS1", "window": "1"}`,
		"count of 10^12":  `{"activity": {"mco_days": 1000000000000, ` + counts + `}, "variant": "DS1", "window": "1"}`,
		"window 5":        `{"combined_activity": "1", "variant": "DS1", "window": "5"}`,
	} {
		body := `{"requests": [` + req + `]}`
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if schema.Validate(inst) == nil {
			t.Errorf("%s: the schema accepts %s", name, body)
		}
		if status, _, _ := post(t, srv, "/v1/forfaits", body); status != 422 {
			t.Errorf("%s: the server answers %d", name, status)
		}
	}
}
