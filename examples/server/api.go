package main

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
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

// page holds the page and the files it loads: its script and style are
// files of their own, so that the Content-Security-Policy forbids inline
// script.
//
//go:embed page
var page embed.FS

// config bounds what one request may ask and what the server spends on
// it.
type config struct {
	maxBody     int64 // bytes of a request body
	maxBatch    int   // items of a batch (requests, weights, payments…)
	maxExplain  int   // requests of a batch asking for their derivations
	maxResponse int   // bytes of a response
	maxInflight int   // requests computed at once; beyond, 503
}

// Sentinels of a request the server cannot serve, with what a French
// reader is told.
var (
	errBadRequest  = codec.NewSentinel("server: bad request", "n'est pas une valeur acceptée")
	errTooLarge    = codec.NewSentinel("server: the answer would be too large", "la réponse serait trop volumineuse")
	errUnreadable  = codec.NewSentinel("server: the body could not be read to its end", "le corps de la requête n'a pas pu être lu jusqu'au bout")
	errSlowBody    = codec.NewSentinel("server: the body did not arrive in time", "le corps de la requête n'est pas arrivé à temps")
	errContentType = codec.NewSentinel("server: the body must be application/json", "le corps de la requête doit être du JSON (Content-Type: application/json)")
)

// api serves the rules over HTTP.
type api struct {
	cfg   config
	log   *slog.Logger
	in    instruction.Rules
	cmp   *forfait.Compiled
	slots chan struct{} // one per request being computed
	heavy heavyWork
}

// route is one endpoint: what the OpenAPI document must describe. A POST
// endpoint gets its body, read whole.
type route struct {
	method, path string
	handle       func(a *api, c *call) (any, error)
}

// call is one request to an endpoint: the request, its body read whole,
// and the language of the texts its answer returns, which the endpoint
// sets from the body's "lang" when the body has one.
type call struct {
	r    *http.Request
	body []byte
	lang codec.Lang
}

// setLang makes l, when set, the language of the answer: a body's "lang"
// wins over the query and the headers.
func (c *call) setLang(l codec.Lang) {
	if l != 0 {
		c.lang = l
	}
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

// Security headers. The page loads only its own script, style and icon
// and talks only to this server; nothing frames it. Other answers load
// nothing.
const (
	pagePolicy  = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
	otherPolicy = "default-src 'none'; frame-ancestors 'none'"
)

// pageFiles are the page's files, by the path they are served at.
var pageFiles = map[string]string{
	"/":            "page/index.html",
	"/app.js":      "page/app.js",
	"/style.css":   "page/style.css",
	"/favicon.svg": "page/favicon.svg",
	"/favicon.ico": "page/favicon.svg",
}

// newHandler returns the server's handler: the JSON API, the rule book,
// the OpenAPI document, the page and /healthz.
func newHandler(cfg config, log *slog.Logger) (http.Handler, error) {
	a, err := newAPI(cfg, log)
	if err != nil {
		return nil, err
	}
	return a.handler(), nil
}

func newAPI(cfg config, log *slog.Logger) (*api, error) {
	a := &api{cfg: cfg, log: log, in: instruction.Instruction2021(), slots: make(chan struct{}, max(1, cfg.maxInflight))}
	c, err := a.in.Forfait.Compile()
	if err != nil {
		return nil, err
	}
	a.cmp = c
	return a, nil
}

func (a *api) handler() http.Handler {
	log := a.log
	mux := http.NewServeMux()
	for _, r := range routes {
		mux.Handle(r.method+" "+r.path, a.json(r))
	}
	mux.HandleFunc("GET /v1/rulebook", func(w http.ResponseWriter, r *http.Request) {
		l, err := langOf(r)
		if err != nil {
			writeProblem(w, http.StatusUnprocessableEntity, err, l)
			return
		}
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		w.Header().Set("Content-Language", l.String())
		w.Header().Set("Vary", "Accept-Language")
		if err := rulebook.RenderIn(w, &a.in, l); err != nil {
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
	for path, file := range pageFiles {
		if path == "/" {
			path = "/{$}"
		}
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Security-Policy", pagePolicy)
			w.Header().Set("Content-Type", contentTypes[filepath.Ext(file)])
			http.ServeFileFS(w, r, page, file)
		})
	}
	return a.recoverer(secured(problems(mux)))
}

var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".svg":  "image/svg+xml",
}

// secured sets the security headers every answer carries; the page's
// routes widen the policy to what the page loads.
func secured(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Content-Security-Policy", otherPolicy)
		w.Header().Set("Referrer-Policy", "no-referrer")
		h.ServeHTTP(w, r)
	})
}

// problems answers what mux has no route for (404, or 405 with Allow) as
// a problem document, as every other error.
func problems(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern != "" {
			mux.ServeHTTP(w, r)
			return
		}
		rec := &statusRecorder{header: http.Header{}}
		mux.ServeHTTP(rec, r)
		if rec.status != http.StatusNotFound && rec.status != http.StatusMethodNotAllowed {
			mux.ServeHTTP(w, r) // a redirection: the mux's own answer
			return
		}
		if allow := rec.header.Get("Allow"); allow != "" {
			w.Header().Set("Allow", allow)
		}
		detail := said{"no such resource: see /openapi.json", "cette ressource n'existe pas : voir /openapi.json"}
		if rec.status == http.StatusMethodNotAllowed {
			allow := rec.header.Get("Allow")
			detail = said{r.Method + " is not allowed here: " + allow, "la méthode " + r.Method + " n'est pas permise ici : " + allow}
		}
		l, _ := langOf(r)
		writeProblem(w, rec.status, detail, l)
	})
}

// statusRecorder keeps the status and headers a handler answers, and
// drops its body.
type statusRecorder struct {
	header http.Header
	status int
}

func (s *statusRecorder) Header() http.Header { return s.header }

func (s *statusRecorder) Write(p []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return len(p), nil
}

func (s *statusRecorder) WriteHeader(status int) { s.status = status }

// said is a problem the server words itself, in English and in French,
// with no place in the request.
type said struct{ english, french string }

func (e said) Error() string { return e.english }

// saidAt is a problem at a place of the request (an *InputError) that the
// server words itself in French.
type saidAt struct {
	err    *forfait.InputError
	french string
}

func (e *saidAt) Error() string { return e.err.Error() }
func (e *saidAt) Unwrap() error { return e.err }

// inputProblem is the problem of field's value at path, worded reason in
// English, and in French the field's place and label followed by french
// (its French reason too).
func inputProblem(path codec.Path, field, value, reason, french string) error {
	return reworded(&forfait.InputError{Path: path, Field: field, Value: value, Reason: codec.Text{French: french, English: reason}, Err: errBadRequest}, french)
}

// reworded is ie told in French as the field's place and label (as the
// module names them) followed by french.
func reworded(ie *forfait.InputError, french string) error {
	fr := codec.Messages(ie, codec.French)[0]
	if head, _, ok := strings.Cut(fr, " : "); ok {
		fr = head + " : " + french
	}
	return &saidAt{err: ie, french: fr}
}

// recoverer turns a panic into a 500 problem and a log line: no body may
// bring the server down.
func (a *api) recoverer(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				a.log.Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(v))
				l, _ := langOf(r)
				writeProblem(w, http.StatusInternalServerError, said{"internal error", "erreur interne du serveur"}, l)
			}
		}()
		h.ServeHTTP(w, r)
	})
}

// json wraps an endpoint: it checks the body's type, reads the capped
// body, takes one of the computing slots (503 when none is free), runs the
// endpoint, and writes its result as JSON within the response ceiling, or
// its errors as an RFC 9457 problem.
func (a *api) json(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		status := a.serveJSON(w, r, rt)
		if a.log.Enabled(r.Context(), slog.LevelDebug) {
			a.log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", status, "duration", time.Since(start))
		}
	})
}

func (a *api) serveJSON(w http.ResponseWriter, r *http.Request, rt route) int {
	c := &call{r: r}
	c.lang, _ = langOf(r)
	if rt.method == http.MethodPost {
		if t, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || t != "application/json" {
			return writeProblem(w, http.StatusUnsupportedMediaType, errContentType, c.lang)
		}
		var err error
		if c.body, err = io.ReadAll(http.MaxBytesReader(w, r.Body, a.cfg.maxBody)); err != nil {
			w.Header().Set("Connection", "close")
			return writeProblem(w, statusOf(err), bodyError(err), c.lang)
		}
	}
	select {
	case a.slots <- struct{}{}:
		a.heavy.start()
	default:
		w.Header().Set("Retry-After", "1")
		return writeProblem(w, http.StatusServiceUnavailable, said{"the server is computing as many requests as it may: retry in a second",
			"le serveur calcule déjà autant de demandes qu'il le peut : réessayez dans une seconde"}, c.lang)
	}
	_, langErr := langOf(r)
	out, err := rt.handle(a, c)
	if langErr != nil {
		err = errors.Join(langErr, err)
	}
	var buf bytes.Buffer
	if err == nil {
		enc := json.NewEncoder(&cappedWriter{w: &buf, left: a.cfg.maxResponse})
		if enc.Encode(out) != nil {
			most := strconv.Itoa(a.cfg.maxResponse)
			reason := codec.Text{
				French:  "la réponse dépasserait " + codec.French.Number(decimal.NewFromInt(int64(a.cfg.maxResponse))) + " octets : envoyez un lot plus petit",
				English: "the answer would exceed " + most + " bytes: send a smaller batch"}
			err = &saidAt{err: &forfait.InputError{Value: "…", Reason: reason, Err: errTooLarge}, french: capitalizeFirst(reason.French)}
		}
	}
	<-a.slots
	a.heavy.done(len(c.body) + buf.Len())
	if err != nil {
		return writeProblem(w, statusOf(err), err, c.lang)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Language", c.lang.String())
	w.Header().Set("Vary", "Accept-Language")
	w.Write(buf.Bytes())
	return http.StatusOK
}

// langOf is the language a request asks for its texts: ?lang= (fr or en;
// another value is a problem at the parameter, and the headers decide),
// else its Accept-Language, else English. A body's "lang" wins over both
// (call.setLang).
func langOf(r *http.Request) (codec.Lang, error) {
	fallback := acceptLanguage(r.Header.Get("Accept-Language"))
	q := r.URL.Query()
	if !q.Has("lang") {
		return fallback, nil
	}
	l, err := codec.ParseLang(q.Get("lang"))
	if err != nil {
		v := codec.Clip(q.Get("lang"))
		ie := &forfait.InputError{Field: "lang", Value: strconv.Quote(v), Reason: codec.Text{French: "attendu : fr ou en", English: "want fr or en"}, Err: codec.ErrInvalidLang}
		return fallback, &queryError{"lang", &saidAt{err: ie, french: "Langue (lang) : « " + v + " » n'est pas une langue proposée (fr ou en)"}}
	}
	return l, nil
}

// acceptLanguage reads an Accept-Language header (RFC 9110, section 12.5.4): of
// the ranges naming French or English, the one of highest weight (the
// first among equals) decides; with neither, English.
func acceptLanguage(h string) codec.Lang {
	best, weight := codec.English, -1.0
	for _, part := range strings.Split(h, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
		var l codec.Lang
		switch primary {
		case "fr":
			l = codec.French
		case "en":
			l = codec.English
		default:
			continue
		}
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || f < 0 || f > 1 {
				continue
			}
			q = f
		}
		if q > 0 && q > weight {
			best, weight = l, q
		}
	}
	return best
}

// cappedWriter writes to w at most left bytes, then fails.
type cappedWriter struct {
	w    io.Writer
	left int
}

func (c *cappedWriter) Write(p []byte) (int, error) {
	if len(p) > c.left {
		return 0, errTooLarge
	}
	c.left -= len(p)
	return c.w.Write(p)
}

// bodyError says why the body could not be read, in the request's terms:
// never the network's error, which names addresses.
func bodyError(err error) error {
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &mb):
		return &saidAt{err: &forfait.InputError{Value: "more than " + strconv.FormatInt(mb.Limit, 10) + " bytes", Reason: codec.Text{French: "le corps de la requête est trop volumineux", English: "the body is too large"}, Err: errBadRequest},
			french: "Le corps de la requête dépasse " + codec.French.Number(decimal.NewFromInt(mb.Limit)) + " octets"}
	case errors.Is(err, os.ErrDeadlineExceeded):
		return errSlowBody
	}
	return errUnreadable
}

func statusOf(err error) int {
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &mb), errors.Is(err, errTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, os.ErrDeadlineExceeded), errors.Is(err, errSlowBody):
		return http.StatusRequestTimeout
	case errors.Is(err, errUnreadable):
		return http.StatusBadRequest
	}
	return http.StatusUnprocessableEntity
}

// heavyWork hands the memory of a burst back to the system once the
// server is idle: after the last request in flight of a burst that read
// and wrote more than heavyBytes, the garbage is collected and returned
// at once rather than minutes later.
type heavyWork struct {
	mu       sync.Mutex
	inflight int
	bytes    int
}

const heavyBytes = 16 << 20

func (h *heavyWork) start() {
	h.mu.Lock()
	h.inflight++
	h.mu.Unlock()
}

func (h *heavyWork) done(n int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.inflight--
	h.bytes += n
	if h.inflight == 0 && h.bytes > heavyBytes {
		h.bytes = 0
		go debug.FreeOSMemory()
	}
}

// problem is an RFC 9457 problem document, with every problem of the
// request at its JSON pointer (or query parameter).
type problem struct {
	Type   string        `json:"type"`
	Title  string        `json:"title"`
	Status int           `json:"status"`
	Detail string        `json:"detail,omitempty"`
	Errors []problemItem `json:"errors,omitempty"`
}

type problemItem struct {
	Pointer   string `json:"pointer,omitempty"`
	Parameter string `json:"parameter,omitempty"`
	Detail    string `json:"detail"`
}

// maxListed bounds the problems a document lists; the rest are counted.
const maxListed = 50

// frenchTitles are the titles of the problem documents in French.
var frenchTitles = map[int]string{
	http.StatusBadRequest:            "Requête illisible",
	http.StatusNotFound:              "Ressource introuvable",
	http.StatusMethodNotAllowed:      "Méthode non permise",
	http.StatusRequestTimeout:        "Délai dépassé",
	http.StatusRequestEntityTooLarge: "Trop volumineux",
	http.StatusUnsupportedMediaType:  "Type de contenu non pris en charge",
	http.StatusUnprocessableEntity:   "La demande comporte des problèmes",
	http.StatusInternalServerError:   "Erreur interne",
	http.StatusServiceUnavailable:    "Serveur occupé",
}

// writeProblem writes err as a problem document of status in l and
// returns status: its title and each problem's detail in l (in English,
// the error's own text), each problem at its pointer or parameter.
func writeProblem(w http.ResponseWriter, status int, err error, l codec.Lang) int {
	title := http.StatusText(status)
	if status == http.StatusUnprocessableEntity {
		title = "the request has problems"
	}
	if l == codec.French && frenchTitles[status] != "" {
		title = frenchTitles[status]
	}
	p := problem{Type: "about:blank", Title: title, Status: status}
	all := forfait.Problems(err)
	for i, e := range all {
		if i == maxListed {
			more := said{strconv.Itoa(len(all)-maxListed) + " more problems not listed", "Et " + strconv.Itoa(len(all)-maxListed) + " autres problèmes, non listés"}
			p.Errors = append(p.Errors, problemItem{Detail: detailIn(more, l)})
			break
		}
		var q *queryError
		if errors.As(e, &q) {
			p.Errors = append(p.Errors, problemItem{Parameter: q.name, Detail: detailIn(e, l)})
			continue
		}
		p.Errors = append(p.Errors, problemItem{Pointer: pointerOf(e), Detail: detailIn(e, l)})
	}
	if len(p.Errors) == 1 && p.Errors[0].Pointer == "" && p.Errors[0].Parameter == "" {
		p.Detail, p.Errors = p.Errors[0].Detail, nil
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Content-Language", l.String())
	w.Header().Set("Vary", "Accept-Language")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(p)
	return status
}

// detailIn is the text of one problem in l: in English the error's own
// text; in French the server's own wording where it has one, else the
// module's French text of the problem (codec.Messages): the field's
// label, the value and what is wrong with it.
func detailIn(err error, l codec.Lang) string {
	if l == codec.English {
		return err.Error()
	}
	var s said
	if errors.As(err, &s) {
		return capitalizeFirst(s.french)
	}
	var at *saidAt
	if errors.As(err, &at) {
		return at.french
	}
	return codec.Messages(err, codec.French)[0]
}

// capitalizeFirst writes s with its first letter in capitals.
func capitalizeFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// queryError is a problem with a query parameter.
type queryError struct {
	name string
	err  error
}

func (e *queryError) Error() string { return e.err.Error() }
func (e *queryError) Unwrap() error { return e.err }

// pointerOf is the JSON pointer of err's InputError; "" when there is
// none, or when the problem is with the whole body.
func pointerOf(err error) string {
	var ie *forfait.InputError
	if !errors.As(err, &ie) {
		return ""
	}
	return ie.Pointer()
}

// read decodes the request body into v, every problem at its path, with
// codec.DecodeJSON: strict, keys given twice, nulls and numbers beyond the
// module's bounds refused. v is filled as far as it could be read: the
// caller checks the parts that were read well.
func read(body []byte, v any) []error {
	return forfait.Problems(codec.DecodeJSON(body, v, errBadRequest))
}

// readWell reports whether no problem of errs lies at the pointer at,
// under it or above it (the whole document included).
func readWell(errs []error, at string) bool {
	return badPointers(errs).readWell(at)
}

// pointers are the places of a request's problems.
type pointers map[string]bool

func badPointers(errs []error) pointers {
	ps := pointers{}
	for _, e := range errs {
		ps[pointerOf(e)] = true
	}
	return ps
}

// readWell reports whether no problem lies at the pointer at, under it or
// above it (the whole document included).
func (ps pointers) readWell(at string) bool {
	if ps[""] {
		return false
	}
	for p := range ps {
		if p == at || strings.HasPrefix(p, at+"/") || strings.HasPrefix(at, p+"/") {
			return false
		}
	}
	return true
}

func (a *api) tooMany(field string, n, most int) error {
	if n > most {
		fr := codec.French.Number(decimal.NewFromInt(int64(n))) + " éléments, au plus " + codec.French.Number(decimal.NewFromInt(int64(most))) + " par requête"
		return inputProblem(nil, field, strconv.Itoa(n)+" items", "at most "+strconv.Itoa(most), fr)
	}
	return nil
}

// none is the problem of an empty list where items are wanted; french
// names what is wanted ("une demande").
func none(field, what, french string) error {
	return inputProblem(nil, field, "[]", "give at least one "+what, "la liste est vide : donnez-en au moins "+french)
}

// forfaitRequest is one forfait asked for: a combined activity or the
// eight counts it comes from (Annexe 3 §1), exactly one of them; the
// national maximum (INT-02), the variant and the window.
type forfaitRequest struct {
	Combined    *decimal.Decimal `json:"combined_activity"`
	Activity    *activity        `json:"activity"`
	NationalMax decimal.Decimal  `json:"national_max"`
	Variant     forfait.Variant  `json:"variant" codec:"required"`
	Window      window.Window    `json:"window" codec:"required"`
}

// activity is forfait.Activity with every count required: an absent count
// is not zero.
type activity struct {
	MCODays                int64 `json:"mco_days" codec:"required"`
	MCOSessions            int64 `json:"mco_sessions" codec:"required"`
	AmbulatorySurgeryStays int64 `json:"ambulatory_surgery_stays" codec:"required"`
	DayHospitalStays       int64 `json:"day_hospital_stays" codec:"required"`
	SSRDays                int64 `json:"ssr_days" codec:"required"`
	PSYDays                int64 `json:"psy_days" codec:"required"`
	HADDays                int64 `json:"had_days" codec:"required"`
	USLDDays               int64 `json:"usld_days" codec:"required"`
}

// rules returns the rules with the base unit asked (INT-03), or the
// compiled instruction's when none is; a bad base unit is a problem at
// /base_unit.
func (a *api) rules(baseUnit *decimal.Decimal) (*forfait.RuleSet, error) {
	if baseUnit == nil {
		rs := a.cmp.RuleSet()
		return &rs, nil
	}
	rs := a.in.Forfait
	rs.Rounding.BaseUnit = *baseUnit
	if err := rs.Validate(); err != nil {
		var errs []error
		for _, e := range forfait.Problems(err) {
			var ie *forfait.InputError
			reason, sentinel := textOf(e), error(errBadRequest)
			if errors.As(e, &ie) {
				reason, sentinel = ie.Reason, ie.Err
			}
			what := "n'est pas une unité d'arrondi valide"
			if t, ok := codec.SentinelText(sentinel); ok {
				what = t.French
			}
			if reason.French != "" {
				what += " (" + reason.French + ")"
			}
			errs = append(errs, &saidAt{err: &forfait.InputError{Field: "base_unit", Value: strconv.Quote(forfait.Format(*baseUnit)), Reason: reason, Err: sentinel},
				french: "Arrondi du forfait de base (INT-03) : « " + codec.French.Number(*baseUnit) + " » " + what})
		}
		return nil, errors.Join(errs...)
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

// forfaitsOf computes the forfaits asked at paths (Annexe 3 §3-§4; §5),
// with their derivations on request. A request with a problem where it was
// read (decoded) is not computed; every other one is, and its problems
// join the others.
func (a *api) forfaitsOf(reqs []forfaitRequest, paths []codec.Path, decoded []error, baseUnit *decimal.Decimal, explain bool, l codec.Lang) ([]forfaitOut, []error) {
	errs := decoded
	rs, err := a.rules(baseUnit)
	if err != nil {
		if readWell(decoded, "/base_unit") {
			errs = append(errs, forfait.Problems(err)...)
		}
		return nil, errs
	}
	out := make([]forfaitOut, len(reqs))
	bad := badPointers(decoded)
	for i, q := range reqs {
		at := paths[i]
		if !bad.readWell(at.Pointer()) {
			continue
		}
		req := forfait.Request{NationalMax: q.NationalMax, Variant: q.Variant, Window: q.Window}
		var d forfait.Derivation
		switch {
		case (q.Combined == nil) == (q.Activity == nil):
			given, fr := "neither", "ni l'activité combinée ni les huit compteurs dont elle est issue ne sont donnés (un chiffre absent n'est pas zéro)"
			if q.Combined != nil {
				given, fr = "both", "donnez l'activité combinée ou les huit compteurs, pas les deux"
			}
			errs = append(errs, inputProblem(at, "combined_activity", given, "give exactly one of combined_activity and activity", fr))
			continue
		case q.Activity != nil:
			act := forfait.Activity(*q.Activity)
			if req.Combined, err = rs.CombinedActivity(act); err != nil {
				errs = append(errs, prefix(append(at[:len(at):len(at)], codec.Name("activity")), err)...)
				continue
			}
			if explain {
				d, err = rs.ExplainActivity(act, req)
			} else {
				d.Forfait, err = a.compute(rs, baseUnit, req)
			}
		case explain:
			req.Combined = *q.Combined
			d, err = rs.Explain(req)
		default:
			req.Combined = *q.Combined
			d.Forfait, err = a.compute(rs, baseUnit, req)
		}
		if err != nil {
			for _, e := range prefix(at, err) {
				var ie *forfait.InputError
				if errors.Is(e, forfait.ErrNationalMax) && q.NationalMax.IsZero() && errors.As(e, &ie) {
					// The national maximum was left out, and the category
					// needs it (Annexe 3 §3; INT-02).
					e = reworded(ie, "obligatoire en catégorie D, où le forfait est interpolé jusqu'au maximum national (INT-02)")
				}
				errs = append(errs, e)
			}
			continue
		}
		if explain {
			d = d.In(l)
		}
		out[i] = forfaitOut{Forfait: d.Forfait, Derivation: d.Steps}
	}
	return out, errs
}

// compute is the compiled instruction's Compute, or rs's for another base
// unit.
func (a *api) compute(rs *forfait.RuleSet, baseUnit *decimal.Decimal, req forfait.Request) (forfait.Forfait, error) {
	if baseUnit == nil {
		return a.cmp.Compute(req)
	}
	return rs.Compute(req)
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
		out = append(out, &forfait.InputError{Path: path, Value: "", Reason: textOf(e), Err: e})
	}
	return out
}

// textOf is a problem that names no field, as the reason of one that does:
// its own text in English, its French message in French.
func textOf(err error) codec.Text {
	return codec.Text{French: codec.Messages(err, codec.French)[0], English: err.Error()}
}

func (a *api) forfaits(c *call) (any, error) {
	var body struct {
		Requests []forfaitRequest `json:"requests" codec:"required"`
		BaseUnit *decimal.Decimal `json:"base_unit"`
		Explain  bool             `json:"explain"`
		Lang     codec.Lang       `json:"lang"`
	}
	decoded := read(c.body, &body)
	c.setLang(body.Lang)
	most := a.cfg.maxBatch
	if body.Explain {
		most = a.cfg.maxExplain
	}
	if err := a.tooMany("requests", len(body.Requests), most); err != nil {
		return nil, err
	}
	if len(body.Requests) == 0 && readWell(decoded, "/requests") {
		decoded = append(decoded, none("requests", "request", "une demande"))
	}
	paths := make([]codec.Path, len(body.Requests))
	for i := range paths {
		paths[i] = codec.Path{codec.Name("requests"), codec.Index(i)}
	}
	out, errs := a.forfaitsOf(body.Requests, paths, decoded, body.BaseUnit, body.Explain, c.lang)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return struct {
		Forfaits []forfaitOut `json:"forfaits"`
	}{out}, nil
}

func (a *api) diff(c *call) (any, error) {
	var body struct {
		A        forfaitRequest   `json:"a" codec:"required"`
		B        forfaitRequest   `json:"b" codec:"required"`
		BaseUnit *decimal.Decimal `json:"base_unit"`
		Lang     codec.Lang       `json:"lang"`
	}
	decoded := read(c.body, &body)
	c.setLang(body.Lang)
	paths := []codec.Path{{codec.Name("a")}, {codec.Name("b")}}
	out, errs := a.forfaitsOf([]forfaitRequest{body.A, body.B}, paths, decoded, body.BaseUnit, true, codec.English)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	da := forfait.Derivation{Forfait: out[0].Forfait, Steps: out[0].Derivation}
	db := forfait.Derivation{Forfait: out[1].Forfait, Steps: out[1].Derivation}
	// The steps differ by their values as computed; each is shown in the
	// reader's language.
	steps := forfait.Diff(da, db)
	if c.lang != codec.English {
		la, lb := stepsByName(da.In(c.lang)), stepsByName(db.In(c.lang))
		for i := range steps {
			if steps[i].A != nil {
				steps[i].A = la[steps[i].Name]
			}
			if steps[i].B != nil {
				steps[i].B = lb[steps[i].Name]
			}
		}
	}
	return map[string]any{"a": out[0].Forfait, "b": out[1].Forfait, "steps": steps}, nil
}

// stepsByName indexes the steps of d by their names.
func stepsByName(d forfait.Derivation) map[string]*forfait.Step {
	m := make(map[string]*forfait.Step, len(d.Steps))
	for i := range d.Steps {
		m[d.Steps[i].Name] = &d.Steps[i]
	}
	return m
}

func (a *api) decision(c *call) (any, error) {
	r := c.r
	var app eligibility.Application
	errs := forfait.Problems(codec.DecodeJSON(c.body, &app, eligibility.ErrInvalidApplication))
	var se *codec.SyntaxError
	if len(errs) == 1 && errors.As(errs[0], &se) {
		return nil, errs[0]
	}
	errs = validated(&app, nil, errs)
	// The decision's day is the query's "on"; without it, the last day of
	// the window's review period, by which the ARS decides (§6.1).
	var on window.Date
	if q := r.URL.Query(); q.Has("on") {
		var err error
		if on, err = window.ParseDate(q.Get("on")); err != nil {
			errs = append(errs, &queryError{"on", inputProblem(nil, "on", strconv.Quote(codec.Clip(q.Get("on"))), "want a date such as 2021-12-01",
				"« "+codec.Clip(q.Get("on"))+" » n'est pas une date (par exemple 2021-12-01)")})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if on.IsZero() {
		on = a.in.Calendar().Terms(app.Window).Review.End
	}
	return eligibility.Decide(&app, &a.in, on)
}

// validated adds to decoded, the problems met reading the application at
// path, those its validation finds elsewhere: a field that could not be
// read does not hide the others' problems (eligibility.DecodeApplication
// validates only what reads well).
func validated(app *eligibility.Application, path codec.Path, decoded []error) []error {
	if err := app.Validate(); err != nil {
		for _, e := range prefix(path, err) {
			if readWell(decoded, pointerOf(e)) {
				decoded = append(decoded, e)
			}
		}
	}
	return decoded
}

// declaration is a step's declared rates for one domain and window.
type declaration struct {
	Domain forfait.Domain                  `json:"domain" codec:"required"`
	Window window.Window                   `json:"window" codec:"required"`
	Rates  map[indicator.ID]indicator.Rate `json:"rates" codec:"required"`
	Defer  bool                            `json:"defer"`
}

// settle opens the dossier of an application and settles it step by step
// (§5, Annexe 2 §3; INT-04 to INT-06, INT-11).
func (a *api) settle(c *call) (any, error) {
	var body struct {
		Application eligibility.Application `json:"application" codec:"required"`
		NationalMax decimal.Decimal         `json:"national_max"`
		Opened      window.Date             `json:"opened" codec:"required"`
		Steps       []struct {
			On           window.Date   `json:"on" codec:"required"`
			Declarations []declaration `json:"declarations" codec:"required"`
		} `json:"steps"`
		Lang codec.Lang `json:"lang"`
	}
	errs := read(c.body, &body)
	c.setLang(body.Lang)
	if err := a.tooMany("steps", len(body.Steps), a.cfg.maxBatch); err != nil {
		return nil, err
	}
	errs = validated(&body.Application, codec.Path{codec.Name("application")}, errs)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
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
			return nil, errors.Join(prefix(codec.Path{codec.Name("steps"), codec.Index(i)}, err)...)
		}
	}
	reasons := d.Reasons()
	if reasons == nil {
		reasons = []eligibility.Reason{}
	}
	return map[string]any{"decision": d.Status(), "domains": d.Domains(), "reasons": reasons, "state": st, "money": st.Money()}, nil
}

func (a *api) allocate(c *call) (any, error) {
	var body struct {
		Total   decimal.Decimal   `json:"total" codec:"required"`
		Weights []decimal.Decimal `json:"weights" codec:"required"`
		Lang    codec.Lang        `json:"lang"`
	}
	errs := read(c.body, &body)
	c.setLang(body.Lang)
	if err := a.tooMany("weights", len(body.Weights), a.cfg.maxBatch); err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
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

func (a *api) audit(c *call) (any, error) {
	var body struct {
		Establishments []audit.Establishment `json:"establishments" codec:"required"`
		Payments       []audit.Payment       `json:"payments" codec:"required"`
		NationalMax    decimal.Decimal       `json:"national_max"`
		Lang           codec.Lang            `json:"lang"`
	}
	errs := read(c.body, &body)
	c.setLang(body.Lang)
	if err := a.tooMany("payments", len(body.Payments), a.cfg.maxBatch); err != nil {
		return nil, err
	}
	if err := a.tooMany("establishments", len(body.Establishments), a.cfg.maxBatch); err != nil {
		return nil, err
	}
	if len(body.Establishments) == 0 && readWell(errs, "/establishments") {
		errs = append(errs, none("establishments", "establishment", "un établissement"))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	rep, err := audit.Audit(&a.in, body.Establishments, body.Payments, audit.Options{NationalMax: body.NationalMax})
	if err != nil {
		return nil, err
	}
	findings := make([]findingOut, len(rep.Findings))
	for i, f := range rep.Findings {
		// The finding encodes its English derivation: it is given the
		// reader's.
		f.Derivation.English = f.Derivation.In(c.lang)
		findings[i] = findingOut{f, f.Code.Text().In(c.lang)}
	}
	return map[string]any{"national_max": forfait.Format(rep.NationalMax), "payments": rep.Payments,
		"paid": forfait.Format(rep.Paid), "findings": findings}, nil
}

// findingOut is a finding, its derivation in the reader's language, with
// what it is in that language.
type findingOut struct {
	audit.Finding
	message string
}

// MarshalJSON writes the finding's fields and its message.
func (f findingOut) MarshalJSON() ([]byte, error) {
	head, err := json.Marshal(f.Finding)
	if err != nil {
		return nil, err
	}
	msg, err := json.Marshal(f.message)
	if err != nil {
		return nil, err
	}
	return append(append(append(head[:len(head)-1], `,"message":`...), msg...), '}'), nil
}

// interpretations serves the register of interpretations in the reader's
// language.
func (a *api) interpretations(c *call) (any, error) {
	all := forfait.Interpretations()
	for i := range all {
		all[i] = all[i].In(c.lang)
	}
	return all, nil
}

// registerReply is the register of the instruction's rules with its totals.
type registerReply struct {
	Units  []instruction.Unit `json:"units"`
	Totals instruction.Totals `json:"totals"`
}

// register serves the register of the instruction's rules: every unit of
// the text, its rules and where each is encoded, or why not.
func (a *api) register(c *call) (any, error) {
	units := instruction.Register()
	totals := instruction.Count(units)
	for i := range units {
		units[i] = units[i].In(c.lang)
	}
	return registerReply{Units: units, Totals: totals}, nil
}
