package main

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"reflect"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/audit"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/forfait/rulebook"
	"github.com/sunes-spec/sunes/forfait/settlement"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

//go:embed openapi.json
var openAPI []byte

//go:embed page/index.html
var page embed.FS

// config bounds what one request may ask.
type config struct {
	maxBody  int64 // bytes of a request body
	maxBatch int   // items of a batch (requests, weights, payments…)
}

// errBadRequest is the sentinel of a request that cannot be read.
var errBadRequest = errors.New("server: bad request")

// api serves the rules over HTTP.
type api struct {
	cfg config
	log *slog.Logger
	in  instruction.Rules
	cmp *forfait.Compiled
}

// route is one endpoint: what the OpenAPI document must describe.
type route struct {
	method, path string
	handle       func(*api, *http.Request) (any, error)
}

// routes are the JSON endpoints, all under /v1.
var routes = []route{
	{"POST", "/v1/forfaits", (*api).forfaits},
	{"POST", "/v1/diff", (*api).diff},
	{"POST", "/v1/decisions", (*api).decision},
	{"POST", "/v1/settlements", (*api).settle},
	{"POST", "/v1/allocations", (*api).allocate},
	{"POST", "/v1/audits", (*api).audit},
	{"GET", "/v1/interpretations", (*api).interpretations},
	{"GET", "/v1/register", (*api).register},
}

// newHandler returns the server's handler: the JSON API, the rule book,
// the OpenAPI document, the page and /healthz.
func newHandler(cfg config, log *slog.Logger) (http.Handler, error) {
	a := &api{cfg: cfg, log: log, in: instruction.Instruction2021()}
	c, err := a.in.Forfait.Compile()
	if err != nil {
		return nil, err
	}
	a.cmp = c
	mux := http.NewServeMux()
	for _, r := range routes {
		mux.Handle(r.method+" "+r.path, a.json(r.handle))
	}
	mux.HandleFunc("GET /v1/rulebook", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		if err := rulebook.Render(w, &a.in); err != nil {
			log.Error("rulebook", "err", err)
		}
	})
	mux.HandleFunc("GET /openapi.json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(openAPI)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		http.ServeFileFS(w, r, page, "page/index.html")
	})
	return a.recoverer(mux), nil
}

// recoverer turns a panic into a 500 problem and a log line: no body may
// bring the server down.
func (a *api) recoverer(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				a.log.Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(v))
				writeProblem(w, http.StatusInternalServerError, "internal error", nil)
			}
		}()
		h.ServeHTTP(w, r)
	})
}

// json wraps an endpoint: it reads the capped body, runs the endpoint,
// and writes its result as JSON or its errors as an RFC 9457 problem.
func (a *api) json(handle func(*api, *http.Request) (any, error)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		r.Body = http.MaxBytesReader(w, r.Body, a.cfg.maxBody)
		out, err := handle(a, r)
		status := http.StatusOK
		if err != nil {
			status = statusOf(err)
			writeProblem(w, status, titleOf(status), err)
		} else {
			w.Header().Set("Content-Type", "application/json")
			if err := json.NewEncoder(w).Encode(out); err != nil {
				a.log.Error("encode", "path", r.URL.Path, "err", err)
			}
		}
		if a.log.Enabled(r.Context(), slog.LevelDebug) {
			a.log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", status, "duration", time.Since(start))
		}
	})
}

func statusOf(err error) int {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusUnprocessableEntity
}

func titleOf(status int) string {
	if status == http.StatusUnprocessableEntity {
		return "the request has problems"
	}
	return http.StatusText(status)
}

// problem is an RFC 9457 problem document, with every problem of the
// request at its JSON pointer.
type problem struct {
	Type   string        `json:"type"`
	Title  string        `json:"title"`
	Status int           `json:"status"`
	Detail string        `json:"detail,omitempty"`
	Errors []problemItem `json:"errors,omitempty"`
}

type problemItem struct {
	Pointer string `json:"pointer"`
	Detail  string `json:"detail"`
}

func writeProblem(w http.ResponseWriter, status int, title string, err error) {
	p := problem{Type: "about:blank", Title: title, Status: status}
	for _, e := range forfait.Problems(err) {
		p.Errors = append(p.Errors, problemItem{Pointer: pointerOf(e), Detail: e.Error()})
	}
	if len(p.Errors) == 1 && p.Errors[0].Pointer == "" {
		p.Detail, p.Errors = p.Errors[0].Detail, nil
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(p)
}

// pointerOf is the JSON pointer of err's InputError; "" when there is
// none.
func pointerOf(err error) string {
	var ie *forfait.InputError
	if !errors.As(err, &ie) {
		return ""
	}
	return ie.Pointer()
}

// read decodes the request body into v, every problem at its path. A
// well-formed body takes encoding/json's strict decoder; any problem sends
// it to codec.DecodeJSON, which finds every one and also accepts
// numbers for text values.
func read(r *http.Request, v any) error {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if dec.Decode(v) == nil && !dec.More() {
		return nil
	}
	reflect.ValueOf(v).Elem().SetZero()
	return codec.DecodeJSON(data, v, errBadRequest)
}

func (a *api) tooMany(field string, n int) error {
	if n > a.cfg.maxBatch {
		return &forfait.InputError{Field: field, Value: strconv.Itoa(n) + " items", Reason: "at most " + strconv.Itoa(a.cfg.maxBatch), Err: errBadRequest}
	}
	return nil
}

// forfaitRequest is one forfait asked for: a combined activity or the
// eight counts it comes from (Annexe 3 §1), the national maximum (INT-02),
// the variant and the window.
type forfaitRequest struct {
	Combined    decimal.Decimal   `json:"combined_activity"`
	Activity    *forfait.Activity `json:"activity"`
	NationalMax decimal.Decimal   `json:"national_max"`
	Variant     forfait.Variant   `json:"variant"`
	Window      window.Window     `json:"window"`
}

// rules returns the rules with the base unit asked (INT-03), compiled.
func (a *api) rules(baseUnit decimal.Decimal) (*forfait.RuleSet, error) {
	if baseUnit.IsZero() {
		rs := a.cmp.RuleSet()
		return &rs, nil
	}
	rs := a.in.Forfait
	rs.Rounding.BaseUnit = baseUnit
	if err := rs.Validate(); err != nil {
		return nil, err
	}
	return &rs, nil
}

type forfaitOut struct {
	forfait.Forfait
	Derivation []forfait.Step `json:"derivation,omitempty"`
}

// MarshalJSON flattens the forfait's fields and its derivation.
func (f forfaitOut) MarshalJSON() ([]byte, error) {
	head, err := json.Marshal(f.Forfait)
	if err != nil || f.Derivation == nil {
		return head, err
	}
	steps, err := json.Marshal(f.Derivation)
	if err != nil {
		return nil, err
	}
	return append(append(append(head[:len(head)-1], `,"derivation":`...), steps...), '}'), nil
}

// forfaits computes a batch of forfaits (Annexe 3 §3-§4; §5), with their
// derivations on request.
func (a *api) forfaitsOf(reqs []forfaitRequest, baseUnit decimal.Decimal, explain bool) ([]forfaitOut, error) {
	rs, err := a.rules(baseUnit)
	if err != nil {
		return nil, err
	}
	out := make([]forfaitOut, len(reqs))
	var errs []error
	for i, q := range reqs {
		req := forfait.Request{Combined: q.Combined, NationalMax: q.NationalMax, Variant: q.Variant, Window: q.Window}
		var d forfait.Derivation
		switch {
		case q.Activity != nil && explain:
			d, err = rs.ExplainActivity(*q.Activity, req)
		case q.Activity != nil:
			req.Combined, err = rs.CombinedActivity(*q.Activity)
			if err == nil {
				d.Forfait, err = rs.Compute(req)
			}
		case explain:
			d, err = rs.Explain(req)
		case baseUnit.IsZero():
			d.Forfait, err = a.cmp.Compute(req)
		default:
			d.Forfait, err = rs.Compute(req)
		}
		if err != nil {
			errs = append(errs, prefix(codec.Path{codec.Name("requests"), codec.Index(i)}, err)...)
			continue
		}
		out[i] = forfaitOut{Forfait: d.Forfait, Derivation: d.Steps}
	}
	return out, errors.Join(errs...)
}

// prefix puts every problem of err under path.
func prefix(path codec.Path, err error) []error {
	var out []error
	for _, e := range forfait.Problems(err) {
		var ie *forfait.InputError
		if errors.As(e, &ie) {
			out = append(out, ie.In(path...))
			continue
		}
		out = append(out, &forfait.InputError{Path: path, Value: "", Reason: e.Error(), Err: e})
	}
	return out
}

func (a *api) forfaits(r *http.Request) (any, error) {
	var body struct {
		Requests []forfaitRequest `json:"requests"`
		BaseUnit decimal.Decimal  `json:"base_unit"`
		Explain  bool             `json:"explain"`
	}
	if err := read(r, &body); err != nil {
		return nil, err
	}
	if err := a.tooMany("requests", len(body.Requests)); err != nil {
		return nil, err
	}
	out, err := a.forfaitsOf(body.Requests, body.BaseUnit, body.Explain)
	if err != nil {
		return nil, err
	}
	return struct {
		Forfaits []forfaitOut `json:"forfaits"`
	}{out}, nil
}

func (a *api) diff(r *http.Request) (any, error) {
	var body struct {
		A        forfaitRequest  `json:"a"`
		B        forfaitRequest  `json:"b"`
		BaseUnit decimal.Decimal `json:"base_unit"`
	}
	if err := read(r, &body); err != nil {
		return nil, err
	}
	out, err := a.forfaitsOf([]forfaitRequest{body.A, body.B}, body.BaseUnit, true)
	if err != nil {
		return nil, err
	}
	da := forfait.Derivation{Forfait: out[0].Forfait, Steps: out[0].Derivation}
	db := forfait.Derivation{Forfait: out[1].Forfait, Steps: out[1].Derivation}
	return map[string]any{"a": out[0].Forfait, "b": out[1].Forfait, "steps": forfait.Diff(da, db)}, nil
}

func (a *api) decision(r *http.Request) (any, error) {
	data, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	app, err := eligibility.DecodeApplication(data)
	if err != nil {
		return nil, err
	}
	// The decision's day is the query's "on"; without it, the last day of
	// the window's review period, by which the ARS decides (§6.1).
	on := a.in.Calendar().Terms(app.Window).Review.End
	if q := r.URL.Query().Get("on"); q != "" {
		if on, err = window.ParseDate(q); err != nil {
			return nil, &forfait.InputError{Field: "on", Value: strconv.Quote(q), Reason: "want a date such as 2021-12-01", Err: errBadRequest}
		}
	}
	return eligibility.Decide(&app, &a.in, on)
}

// settle opens the dossier of an application and settles it step by step
// (§5, Annexe 2 §3; INT-04 to INT-06, INT-11).
func (a *api) settle(r *http.Request) (any, error) {
	type declaration struct {
		Domain forfait.Domain                  `json:"domain"`
		Window window.Window                   `json:"window"`
		Rates  map[indicator.ID]indicator.Rate `json:"rates"`
		Defer  bool                            `json:"defer"`
	}
	var body struct {
		Application eligibility.Application `json:"application"`
		NationalMax decimal.Decimal         `json:"national_max"`
		Opened      window.Date             `json:"opened"`
		Steps       []struct {
			On           window.Date   `json:"on"`
			Declarations []declaration `json:"declarations"`
		} `json:"steps"`
	}
	if err := read(r, &body); err != nil {
		return nil, err
	}
	if err := a.tooMany("steps", len(body.Steps)); err != nil {
		return nil, err
	}
	if err := body.Application.Validate(); err != nil {
		return nil, prefixAll(codec.Path{codec.Name("application")}, err)
	}
	d, err := eligibility.Decide(&body.Application, &a.in, body.Opened) // the dossier opens on the day of the decision
	if err != nil {
		return nil, err
	}
	st, _, err := settlement.Open(&a.in, d, body.NationalMax, body.Opened)
	if err != nil {
		return nil, err
	}
	for i, s := range body.Steps {
		decls := make([]settlement.Declaration, len(s.Declarations))
		for j, x := range s.Declarations {
			decls[j] = settlement.Declaration{Domain: x.Domain, Window: x.Window, Rates: x.Rates, Defer: x.Defer}
		}
		if st, _, err = settlement.Settle(&a.in, st, decls, s.On); err != nil {
			return nil, prefixAll(codec.Path{codec.Name("steps"), codec.Index(i)}, err)
		}
	}
	return map[string]any{"decision": d.Status(), "domains": d.Domains(), "reasons": d.Reasons(), "state": st, "money": st.Money()}, nil
}

func prefixAll(path codec.Path, err error) error { return errors.Join(prefix(path, err)...) }

func (a *api) allocate(r *http.Request) (any, error) {
	var body struct {
		Total   decimal.Decimal   `json:"total"`
		Weights []decimal.Decimal `json:"weights"`
	}
	if err := read(r, &body); err != nil {
		return nil, err
	}
	if err := a.tooMany("weights", len(body.Weights)); err != nil {
		return nil, err
	}
	parts, err := envelope.Allocate(body.Total, body.Weights)
	if err != nil {
		return nil, err
	}
	texts := make([]string, len(parts))
	for i, p := range parts {
		texts[i] = forfait.Format(p)
	}
	return map[string]any{"parts": texts}, nil
}

func (a *api) audit(r *http.Request) (any, error) {
	var body struct {
		Establishments []audit.Establishment `json:"establishments"`
		Payments       []audit.Payment       `json:"payments"`
		NationalMax    decimal.Decimal       `json:"national_max"`
	}
	if err := read(r, &body); err != nil {
		return nil, err
	}
	if err := a.tooMany("payments", len(body.Payments)); err != nil {
		return nil, err
	}
	rep, err := audit.Audit(&a.in, body.Establishments, body.Payments, audit.Options{NationalMax: body.NationalMax})
	if err != nil {
		return nil, err
	}
	findings := rep.Findings
	if findings == nil {
		findings = []audit.Finding{}
	}
	return map[string]any{"national_max": forfait.Format(rep.NationalMax), "payments": rep.Payments,
		"paid": forfait.Format(rep.Paid), "findings": findings}, nil
}

func (a *api) interpretations(*http.Request) (any, error) {
	return forfait.Interpretations(), nil
}

// registerReply is the register of the instruction's rules with its totals.
type registerReply struct {
	Units  []instruction.Unit `json:"units"`
	Totals instruction.Totals `json:"totals"`
}

// register serves the register of the instruction's rules: every unit of
// the text, its rules and where each is encoded, or why not.
func (a *api) register(*http.Request) (any, error) {
	units := instruction.Register()
	return registerReply{Units: units, Totals: instruction.Count(units)}, nil
}
