package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
)

func newTestServer(t testing.TB, cfg config) *httptest.Server {
	t.Helper()
	h, err := newHandler(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

var defaults = config{maxBody: 1 << 20, maxBatch: 100, maxExplain: 10, maxResponse: 1 << 20, maxInflight: 64}

// post sends body as JSON to path; the answer is checked against
// openapi.json.
func post(t testing.TB, srv *httptest.Server, path, body string) (int, string, map[string]any) {
	t.Helper()
	status, header, data := do(t, srv, "POST", path, "application/json", body)
	var m map[string]any
	json.Unmarshal(data, &m)
	return status, header.Get("Content-Type"), m
}

// activityOf is an activity with every count, mco_days set.
func activityOf(mcoDays string) string {
	return `{"mco_days": ` + mcoDays + `, "mco_sessions": 0, "ambulatory_surgery_stays": 0, "day_hospital_stays": 0, "ssr_days": 0, "psy_days": 0, "had_days": 0, "usld_days": 0}`
}

// TestForfaits: the Annexe 3 §4 example at a 1 000 € base unit: 110 000 +
// 31 200 + 35 100 (INT-03), amounts as strings, derivations on request.
func TestForfaits(t *testing.T) {
	srv := newTestServer(t, defaults)
	status, ctype, m := post(t, srv, "/v1/forfaits", `{"base_unit": "1000", "explain": true, "requests": [
		{"combined_activity": "127800", "variant": "DS1+CRO", "window": "1"},
		{"combined_activity": "127800", "variant": "DS2", "window": 4},
		{"activity": `+activityOf("127800")+`, "variant": "DS3", "window": "2"}]}`)
	if status != 200 || ctype != "application/json" {
		t.Fatalf("status %d %s: %v", status, ctype, m)
	}
	var got []string
	for _, f := range m["forfaits"].([]any) {
		f := f.(map[string]any)
		got = append(got, f["forfait"].(string)+"="+f["advance"].(string)+"+"+f["balance"].(string))
		if steps, _ := f["derivation"].([]any); len(steps) < 10 {
			t.Errorf("derivation missing or short: %v", f["derivation"])
		}
	}
	want := []string{"110000=33000+77000", "31200=9360+21840", "35100=10530+24570"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("forfaits (-want +got):\n%s", diff)
	}
}

// TestProblems: every problem of a request, each at its JSON pointer, as
// an RFC 9457 document.
func TestProblems(t *testing.T) {
	srv := newTestServer(t, defaults)
	for _, tt := range []struct {
		name, path, body string
		status           int
		pointers         []string
	}{
		{"forfait fields", "/v1/forfaits", `{"requests": [{"combined_activity": "-5", "variant": "DS2+CRO", "window": 9, "x": 1}]}`, 422,
			[]string{"/requests/0/variant", "/requests/0/window", "/requests/0/x"}},
		{"a computation's error", "/v1/forfaits", `{"requests": [{"combined_activity": "300000", "variant": "DS1", "window": "1"}]}`, 422,
			[]string{"/requests/0/national_max"}},
		{"not JSON", "/v1/forfaits", `{"requests": [`, 422, nil},
		{"a bad field does not hide another request's problem", "/v1/forfaits", `{"requests": [{"combined_activity": "x", "variant": "DS2", "window": "1"},
			{"combined_activity": "300000", "variant": "DS1", "window": "1"}]}`, 422, []string{"/requests/0/combined_activity", "/requests/1/national_max"}},
		{"application", "/v1/decisions", `{"establishment": {"finess_geographique": "1", "region": "Bretgne"}, "window": 1}`, 422,
			[]string{"/establishment/finess_geographique", "/establishment/region", "/establishment/combined_activity", "/filed",
				"/establishment/finess_juridique", "/establishment/kind", "/domains"}},
		{"allocation", "/v1/allocations", `{"total": "-1", "weights": ["-2", "1"]}`, 422, []string{"/total", "/weights/0"}},
		{"settlement", "/v1/settlements", `{"application": {"window": "1"}, "opened": "2021-12-15", "steps": [{"on": "2022-13-01",
			"declarations": [{"domain": "DS2", "window": "1", "rates": {"DS9.9": {"percent": "50"}, "DS2.1": {"percent": "150"}}}]}]}`, 422,
			[]string{"/application/filed", "/steps/0/on", "/steps/0/declarations/0/rates/DS2.1/percent", "/steps/0/declarations/0/rates/DS9.9",
				"/application/establishment/finess_geographique", "/application/establishment/finess_juridique", "/application/establishment/region",
				"/application/establishment/kind", "/application/domains"}},
		{"batch too large", "/v1/allocations", `{"total": "1", "weights": [` + strings.Repeat(`"1",`, 100) + `"1"]}`, 422, []string{"/weights"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			status, ctype, m := post(t, srv, tt.path, tt.body)
			if status != tt.status || ctype != "application/problem+json" || m["status"] != float64(tt.status) {
				t.Fatalf("status %d %s: %v", status, ctype, m)
			}
			var pointers []string
			errs, _ := m["errors"].([]any)
			if errs == nil && m["detail"] == nil {
				t.Errorf("a problem without errors nor detail: %v", m)
			}
			for _, e := range errs {
				pointers = append(pointers, e.(map[string]any)["pointer"].(string))
			}
			if tt.pointers != nil {
				if diff := cmp.Diff(tt.pointers, pointers); diff != "" {
					t.Errorf("pointers (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestBodyCap: a body beyond the cap is refused with 413.
func TestBodyCap(t *testing.T) {
	srv := newTestServer(t, config{maxBody: 1 << 10, maxBatch: 100})
	status, ctype, _ := post(t, srv, "/v1/forfaits", `{"requests": [], "x": "`+strings.Repeat("a", 4<<10)+`"}`)
	if status != http.StatusRequestEntityTooLarge || ctype != "application/problem+json" {
		t.Errorf("status %d %s", status, ctype)
	}
}

// TestEndpoints: one good request to each endpoint.
func TestEndpoints(t *testing.T) {
	srv := newTestServer(t, defaults)
	app, err := os.ReadFile("../eligibility/samples/validated.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path, body, key string
	}{
		{"/v1/diff", `{"a": {"combined_activity": "127800", "variant": "DS1+CRO", "window": "1"}, "b": {"combined_activity": "127800", "variant": "DS1+CRO", "window": "2"}}`, "steps"},
		{"/v1/decisions", string(app), "status"},
		{"/v1/settlements", `{"application": ` + string(app) + `, "opened": "2021-12-15", "steps": [{"on": "2022-09-01", "declarations": [{"domain": "DS2", "window": "1", "rates": {"DS2.1": {"percent": "50"}}}]}]}`, "money"},
		{"/v1/allocations", `{"total": "100", "weights": ["1", "1", "1", "0"]}`, "parts"},
		{"/v1/audits", `{"establishments": [{"finess": "750712184", "region": "Ile-de-France", "combined_activity": "127800"}], "national_max": "500000",
			"payments": [{"finess": "750712184", "variant": "DS2", "window": "1", "kind": "advance", "amount": "11759", "date": "2021-12-15"}]}`, "findings"},
	} {
		t.Run(tt.path, func(t *testing.T) {
			status, _, m := post(t, srv, tt.path, tt.body)
			if status != 200 || m[tt.key] == nil {
				t.Errorf("status %d: %v", status, m)
			}
		})
	}
	if _, _, m := post(t, srv, "/v1/allocations", `{"total": "100", "weights": ["1", "1", "1", "0"]}`); !cmp.Equal(m["parts"], []any{"34", "33", "33", "0"}) {
		t.Errorf("allocation %v, want 34 33 33 0 (INT-08)", m["parts"])
	}
	for path, ctype := range map[string]string{"/v1/rulebook": "text/markdown", "/healthz": "text/plain", "/": "text/html", "/openapi.json": "application/json",
		"/v1/interpretations": "application/json", "/v1/register": "application/json", "/app.js": "text/javascript", "/style.css": "text/css",
		"/favicon.svg": "image/svg+xml", "/favicon.ico": "image/svg+xml"} {
		status, header, _ := do(t, srv, "GET", path, "", "")
		if status != 200 || !strings.HasPrefix(header.Get("Content-Type"), ctype) {
			t.Errorf("GET %s: %d %s", path, status, header.Get("Content-Type"))
		}
	}
}

// TestOpenAPI: the committed document and the routes agree, both ways.
func TestOpenAPI(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil || doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi.json: %v, version %q", err, doc.OpenAPI)
	}
	var documented, served []string
	for path, ops := range doc.Paths {
		for method := range ops {
			documented = append(documented, strings.ToUpper(method)+" "+path)
		}
	}
	for _, r := range routes {
		served = append(served, r.method+" "+r.path)
	}
	served = append(served, "GET /v1/rulebook", "GET /openapi.json", "GET /healthz")
	for path := range pageFiles {
		served = append(served, "GET "+path)
	}
	sort.Strings(documented)
	sort.Strings(served)
	if diff := cmp.Diff(served, documented); diff != "" {
		t.Errorf("routes (-served +documented):\n%s", diff)
	}
	srv := newTestServer(t, defaults)
	for _, r := range served {
		method, path, _ := strings.Cut(r, " ")
		status, _, _ := do(t, srv, method, path, "application/json", "{}")
		if status == http.StatusNotFound || status == http.StatusMethodNotAllowed {
			t.Errorf("%s is documented but answers %d", r, status)
		}
	}
}

// TestConcurrent: many clients at once get the same answers (run with
// -race).
func TestConcurrent(t *testing.T) {
	srv := newTestServer(t, defaults)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				status, _, m := post(t, srv, "/v1/forfaits", `{"requests": [{"combined_activity": "127800", "variant": "DS2", "window": "1"}]}`)
				if status != 200 || m["forfaits"].([]any)[0].(map[string]any)["forfait"] != "39194" {
					t.Errorf("status %d: %v", status, m)
				}
			}
		}()
	}
	wg.Wait()
}

// closeListener reports on closed that the server closed it.
type closeListener struct {
	net.Listener
	once   sync.Once
	closed chan struct{}
}

func (l *closeListener) Close() error {
	err := l.Listener.Close()
	l.once.Do(func() { close(l.closed) })
	return err
}

type lockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// FuzzHandlers: no body makes a handler panic or answer 500, and every
// answer is JSON.
func FuzzHandlers(f *testing.F) {
	for _, s := range []string{`{"requests": [{"combined_activity": "127800", "variant": "DS1+CRO", "window": "1"}]}`,
		`{"total": "100", "weights": ["1"]}`, `{"a": {}, "b": {}}`, `{"establishments": [], "payments": []}`,
		`{"application": {}, "opened": "2021-12-15"}`, `[`, `{"requests": [{"activity": {"mco_days": -1}}]}`} {
		for i := range routes {
			f.Add(i, []byte(s))
		}
	}
	h, err := newHandler(defaults, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, i int, body []byte) {
		r := routes[(i%len(routes)+len(routes))%len(routes)]
		req := httptest.NewRequest(r.method, r.path, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code >= 500 || w.Code == 200 && (len(body) == 0 || string(body) == "null" || string(body) == "{}") && r.method == "POST" || !json.Valid(w.Body.Bytes()) {
			t.Fatalf("%s %q: %d %s", r.path, body, w.Code, w.Body.String())
		}
	})
}

// BenchmarkLoad: concurrent clients on the loopback address asking one
// forfait each; it reports requests per second and the 99th percentile
// latency in milliseconds.
func BenchmarkLoad(b *testing.B) {
	srv := newTestServer(b, defaults)
	body := []byte(`{"requests": [{"combined_activity": "127800", "variant": "DS1+CRO", "window": "2"}]}`)
	tr := &http.Transport{MaxIdleConnsPerHost: 64}
	client := &http.Client{Transport: tr, Timeout: 5 * time.Second}
	defer tr.CloseIdleConnections()
	const clients = 16
	lat := make([]time.Duration, b.N)
	var next atomic.Int64
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= b.N {
					return
				}
				t0 := time.Now()
				resp, err := client.Post(srv.URL+"/v1/forfaits", "application/json", bytes.NewReader(body))
				if err != nil {
					b.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				lat[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}

func TestPointerOf(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{&forfait.InputError{Path: codec.Path{codec.Name("requests"), codec.Index(0)}, Field: "window", Err: errBadRequest}, "/requests/0/window"},
		{fmt.Errorf("wrapped: %w", &forfait.InputError{Field: "window", Err: errBadRequest}), "/window"},
		{errBadRequest, ""},
	} {
		if got := pointerOf(tt.err); got != tt.want {
			t.Errorf("pointerOf(%v) = %s, want %s", tt.err, got, tt.want)
		}
	}
}
