package main

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/audit"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/forfait/rulebook"
)

// rulebookIn renders the instruction's rule book in l.
func rulebookIn(w io.Writer, l codec.Lang) error {
	in := instruction.Instruction2021()
	return rulebook.RenderIn(w, &in, l)
}

// send sends a request with headers and checks its answer against
// openapi.json; it returns the status, the Content-Language and the
// decoded body.
func send(t *testing.T, method, target, body string, header map[string]string) (int, string, map[string]any) {
	t.Helper()
	srv := newTestServer(t, defaults)
	req, err := http.NewRequest(method, srv.URL+target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var data json.RawMessage
	if err := json.NewDecoder(resp.Body).Decode(&data); err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	getContract(t).checkResponse(t, method, target, resp.StatusCode, resp.Header, data)
	var m map[string]any
	json.Unmarshal(data, &m)
	return resp.StatusCode, resp.Header.Get("Content-Language"), m
}

// firstStep is the label and value of the first step of the first
// forfait's derivation.
func firstStep(t *testing.T, m map[string]any) [2]string {
	t.Helper()
	f, _ := m["forfaits"].([]any)
	if len(f) == 0 {
		t.Fatalf("no forfait: %v", m)
	}
	steps, _ := f[0].(map[string]any)["derivation"].([]any)
	if len(steps) == 0 {
		t.Fatalf("no derivation: %v", m)
	}
	s := steps[0].(map[string]any)
	return [2]string{s["label"].(string), s["value"].(string)}
}

// TestLang: the language of a forfait's derivation is the body's "lang",
// else ?lang=, else Accept-Language (its range of highest weight naming
// French or English), else English.
func TestLang(t *testing.T) {
	const req = `"explain": true, "requests": [{"combined_activity": "127800", "variant": "DS1+CRO", "window": "1"}]`
	french, english := [2]string{"Activité combinée 2019", "127\u202f800"}, [2]string{"Combined activity 2019", "127800"}
	for _, tc := range []struct {
		name, query, body string
		accept            string
		want              [2]string
		lang              string
	}{
		{name: "default", body: `{` + req + `}`, want: english, lang: "en"},
		{name: "body fr", body: `{"lang": "fr", ` + req + `}`, want: french, lang: "fr"},
		{name: "body en over query and header", query: "?lang=fr", body: `{"lang": "en", ` + req + `}`, accept: "fr-FR", want: english, lang: "en"},
		{name: "query fr over header", query: "?lang=fr", body: `{` + req + `}`, accept: "en-GB", want: french, lang: "fr"},
		{name: "header fr-FR", body: `{` + req + `}`, accept: "fr-FR,fr;q=0.9,en;q=0.5", want: french, lang: "fr"},
		{name: "header en first", body: `{` + req + `}`, accept: "en-GB,fr;q=0.5", want: english, lang: "en"},
		{name: "header fr by weight", body: `{` + req + `}`, accept: "de-DE, en;q=0.3, fr;q=0.7", want: french, lang: "fr"},
		{name: "header neither", body: `{` + req + `}`, accept: "de-DE", want: english, lang: "en"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, lang, m := send(t, "POST", "/v1/forfaits"+tc.query, tc.body, map[string]string{"Accept-Language": tc.accept})
			if status != 200 {
				t.Fatalf("status %d: %v", status, m)
			}
			if got := firstStep(t, m); got != tc.want {
				t.Errorf("first step %q, want %q", got, tc.want)
			}
			if lang != tc.lang {
				t.Errorf("Content-Language %q, want %q", lang, tc.lang)
			}
		})
	}
}

// TestFrenchDerivation: the whole derivation of the Annexe 3 §4 example
// in French is Derivation.In's, numbers written the French way.
func TestFrenchDerivation(t *testing.T) {
	status, _, m := send(t, "POST", "/v1/forfaits", `{"lang": "fr", "explain": true, "requests": [{"combined_activity": "127800", "variant": "DS1+CRO", "window": "1"}]}`, nil)
	if status != 200 {
		t.Fatalf("status %d: %v", status, m)
	}
	in := instruction.Instruction2021()
	variant, err := forfait.ParseVariant("DS1+CRO")
	if err != nil {
		t.Fatal(err)
	}
	d, err := in.Forfait.Explain(forfait.Request{Combined: decimal.NewFromInt(127800), Variant: variant, Window: 1})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, s := range d.In(codec.French).Steps {
		want = append(want, s.Label+" | "+s.Value+" | "+s.Formula)
	}
	var got []string
	for _, s := range m["forfaits"].([]any)[0].(map[string]any)["derivation"].([]any) {
		s := s.(map[string]any)
		got = append(got, s["label"].(string)+" | "+s["value"].(string)+" | "+s["formula"].(string))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("French derivation (-want +got):\n%s", diff)
	}
	if !strings.Contains(strings.Join(got, "\n"), "Base interpolée | 99\u202f761,927\u202f71…") {
		t.Errorf("no French interpolated base in\n%s", strings.Join(got, "\n"))
	}
}

// TestFrenchProblems: in French, each problem keeps its pointer and reads
// as its field's French label, the value and what is expected.
func TestFrenchProblems(t *testing.T) {
	tests := []struct {
		name, target, body string
		header             map[string]string
		want               map[string]string // pointer or parameter → detail
	}{
		{
			name:   "count not whole",
			target: "/v1/forfaits",
			body:   `{"lang": "fr", "requests": [{"activity": ` + activityOf("12.5") + `, "variant": "DS1", "window": "1"}]}`,
			want:   map[string]string{"/requests/0/activity/mco_days": "Demande n° 1 › Activité › Journées MCO : « 12.5 » n'est pas un nombre entier"},
		},
		{
			name:   "no activity",
			target: "/v1/forfaits",
			body:   `{"lang": "fr", "requests": [{"variant": "DS1", "window": "1"}]}`,
			want:   map[string]string{"/requests/0/combined_activity": "Demande n° 1 › Activité combinée 2019 : ni l'activité combinée ni les huit compteurs dont elle est issue ne sont donnés (un chiffre absent n'est pas zéro)"},
		},
		{
			name:   "category D without the national maximum",
			target: "/v1/forfaits",
			header: map[string]string{"Accept-Language": "fr-FR"},
			body:   `{"requests": [{"combined_activity": "300000", "variant": "DS1", "window": "1"}]}`,
			want:   map[string]string{"/requests/0/national_max": "Demande n° 1 › Maximum national de l'activité combinée : obligatoire en catégorie D, où le forfait est interpolé jusqu'au maximum national (INT-02)"},
		},
		{
			name:   "base unit",
			target: "/v1/forfaits?lang=fr",
			body:   `{"base_unit": "0", "requests": [{"combined_activity": "1", "variant": "DS1", "window": "1"}]}`,
			want:   map[string]string{"/base_unit": "Arrondi du forfait de base (INT-03) : « 0 » n'est pas un paramètre valide du jeu de règles (une unité d'arrondi doit être positive)"},
		},
		{
			name:   "bad lang parameter",
			target: "/v1/interpretations?lang=de",
			header: map[string]string{"Accept-Language": "fr"},
			want:   map[string]string{"lang": "Langue (lang) : « de » n'est pas une langue proposée (fr ou en)"},
		},
		{
			name:   "bad lang in the body",
			target: "/v1/forfaits",
			header: map[string]string{"Accept-Language": "fr"},
			body:   `{"lang": "de", "requests": [{"combined_activity": "1", "variant": "DS1", "window": "1"}]}`,
			want:   map[string]string{"/lang": "Langue : « de » n'est pas une langue (fr ou en) (attendu : « fr » ou « en »)"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			method := "POST"
			if tc.body == "" {
				method = "GET"
			}
			status, lang, m := send(t, method, tc.target, tc.body, tc.header)
			if status != http.StatusUnprocessableEntity || lang != "fr" {
				t.Fatalf("status %d, Content-Language %q: %v", status, lang, m)
			}
			if m["title"] != "La demande comporte des problèmes" {
				t.Errorf("title %q", m["title"])
			}
			got := map[string]string{}
			for _, e := range m["errors"].([]any) {
				e := e.(map[string]any)
				at, _ := e["pointer"].(string)
				if p, ok := e["parameter"].(string); ok {
					at = p
				}
				got[at] = e["detail"].(string)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFrenchTexts: the interpretations, the register, the rule book, the
// diff's steps and the audit's findings in French are the catalogue's.
func TestFrenchTexts(t *testing.T) {
	status, _, _ := send(t, "GET", "/v1/interpretations?lang=fr", "", nil)
	if status != 200 {
		t.Fatalf("interpretations: %d", status)
	}
	srv := newTestServer(t, defaults)
	_, _, data := do(t, srv, "GET", "/v1/interpretations?lang=fr", "", "")
	var interps []forfait.Interpretation
	if err := json.Unmarshal(data, &interps); err != nil {
		t.Fatal(err)
	}
	all := forfait.Interpretations()
	if len(interps) != len(all) {
		t.Fatalf("%d interpretations, want %d", len(interps), len(all))
	}
	for i, e := range all {
		if want := e.In(codec.French).Question; interps[i].Question != want || want == e.Question {
			t.Errorf("%s: question %q, want the French %q", e.ID, interps[i].Question, want)
		}
	}

	_, _, data = do(t, srv, "GET", "/v1/register?lang=fr", "", "")
	var reg registerReply
	if err := json.Unmarshal(data, &reg); err != nil {
		t.Fatal(err)
	}
	units := instruction.Register()
	if len(reg.Units) != len(units) || reg.Totals != instruction.Count(units) {
		t.Fatalf("register: %d units, totals %+v", len(reg.Units), reg.Totals)
	}
	gotUnits, _ := json.Marshal(reg.Units)
	for i := range units {
		units[i] = units[i].In(codec.French)
	}
	wantUnits, _ := json.Marshal(units)
	if string(gotUnits) != string(wantUnits) {
		t.Error("the register in French is not the catalogue's")
	}

	status, header, fr := do(t, srv, "GET", "/v1/rulebook", "", "")
	var b strings.Builder
	if err := rulebookIn(&b, codec.English); err != nil || status != 200 || string(fr) != b.String() || header.Get("Content-Language") != "en" {
		t.Errorf("rule book by default: %d %q, not the English edition (%v)", status, header.Get("Content-Language"), err)
	}
	req, _ := http.NewRequest("GET", srv.URL+"/v1/rulebook", nil)
	req.Header.Set("Accept-Language", "fr-CA")
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	b.Reset()
	if err := rulebookIn(&b, codec.French); err != nil || string(got) != b.String() || resp.Header.Get("Content-Language") != "fr" {
		t.Errorf("rule book for fr-CA: %q, not the French edition (%v)", resp.Header.Get("Content-Language"), err)
	}

	_, _, m := send(t, "POST", "/v1/diff", `{"lang": "fr", "a": {"combined_activity": "127800", "variant": "DS1+CRO", "window": "1"},
		"b": {"combined_activity": "127800", "variant": "DS1+CRO", "window": "2"}}`, nil)
	var labels []string
	for _, s := range m["steps"].([]any) {
		s := s.(map[string]any)
		labels = append(labels, s["a"].(map[string]any)["label"].(string)+" → "+s["b"].(map[string]any)["label"].(string)+" : "+s["b"].(map[string]any)["value"].(string))
	}
	wantLabels := []string{
		"Fenêtre de financement → Fenêtre de financement : 2",
		"Fenêtre 1 : 100\u00a0% → Fenêtre 2 : 90\u00a0% : 98\u202f764,38",
		"Forfait arrondi à l'euro (INT-03) → Forfait arrondi à l'euro (INT-03) : 98\u202f764",
		"Avance 30\u00a0% / solde 70\u00a0% → Avance 30\u00a0% / solde 70\u00a0% : 29\u202f629",
		"Solde → Solde : 69\u202f135",
	}
	if diff := cmp.Diff(wantLabels, labels); diff != "" {
		t.Errorf("diff in French (-want +got):\n%s", diff)
	}

	_, _, m = send(t, "POST", "/v1/audits", `{"lang": "fr", "national_max": "500000",
		"establishments": [{"finess": "750712184", "region": "Ile-de-France", "combined_activity": "127800"}],
		"payments": [{"finess": "750712184", "variant": "DS2", "window": "1", "kind": "advance", "amount": "12000", "date": "2021-12-15"}]}`, nil)
	findings, _ := m["findings"].([]any)
	if len(findings) != 1 {
		t.Fatalf("findings: %v", m)
	}
	if got, want := findings[0].(map[string]any)["message"], audit.AdvanceAmount.Text().French; got != want {
		t.Errorf("finding message %q, want %q", got, want)
	}
	// DS2, 127 800 in category C: 26 000 + 105 300 × 26 000 / 207 500 =
	// 39 194.21… → 39 194 €, advance 30 % = 11 758.2 → 11 758 €.
	want := "forfait DS2 fenêtre 1 = 39\u202f194\u00a0€ (catégorie C, activité combinée 127\u202f800, base 39\u202f194\u00a0€) ; " +
		"avance = 30\u00a0% arrondie à l'euro = 11\u202f758\u00a0€"
	if got := findings[0].(map[string]any)["derivation"]; got != want {
		t.Errorf("finding derivation %q, want %q", got, want)
	}
}

// TestNotFoundInFrench: a 404 is a problem in the language the browser
// asks.
func TestNotFoundInFrench(t *testing.T) {
	srv := newTestServer(t, defaults)
	req, _ := http.NewRequest("GET", srv.URL+"/nulle-part", nil)
	req.Header.Set("Accept-Language", "fr-FR,fr;q=0.9")
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var p problem
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		t.Fatal(err)
	}
	want := problem{Type: "about:blank", Title: "Ressource introuvable", Status: 404, Detail: "Cette ressource n'existe pas : voir /openapi.json"}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("404 (-want +got):\n%s", diff)
	}
}

func TestAcceptLanguage(t *testing.T) {
	for h, want := range map[string]codec.Lang{
		"":                        codec.English,
		"fr":                      codec.French,
		"fr-FR":                   codec.French,
		"FR-be;q=0.8":             codec.French,
		"en-US,en;q=0.9,fr;q=0.8": codec.English,
		"de,fr;q=0.5,en;q=0.4":    codec.French,
		"fr;q=0,en;q=0.1":         codec.English,
		"fr;q=abc":                codec.English,
		"*":                       codec.English,
		"francais":                codec.English,
	} {
		if got := acceptLanguage(h); got != want {
			t.Errorf("acceptLanguage(%q) = %v, want %v", h, got, want)
		}
	}
}
