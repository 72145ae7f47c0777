package main

import (
	"bytes"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// contract validates requests and responses against openapi.json with a
// JSON Schema 2020-12 validator (OpenAPI 3.1's schema dialect): what the
// document says is what the server does.
type contract struct {
	doc      map[string]any
	compiler *jsonschema.Compiler
	mu       sync.Mutex
	schemas  map[string]*jsonschema.Schema
}

var theContract = sync.OnceValues(func() (*contract, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(openAPI))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource("openapi.json", doc); err != nil {
		return nil, err
	}
	return &contract{doc: doc.(map[string]any), compiler: c, schemas: map[string]*jsonschema.Schema{}}, nil
})

func getContract(t testing.TB) *contract {
	t.Helper()
	c, err := theContract()
	if err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	return c
}

// pointer escapes the steps of a JSON pointer (RFC 6901).
func pointer(steps ...string) string {
	var b strings.Builder
	for _, s := range steps {
		b.WriteString("/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(s))
	}
	return b.String()
}

// schema compiles the schema at the JSON pointer ptr of the document.
func (c *contract) schema(t testing.TB, ptr string) *jsonschema.Schema {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.schemas[ptr]; ok {
		return s
	}
	s, err := c.compiler.Compile("openapi.json#" + ptr)
	if err != nil {
		t.Fatalf("schema %s: %v", ptr, err)
	}
	c.schemas[ptr] = s
	return s
}

// at is the value of the document at the steps, or nil.
func (c *contract) at(steps ...string) any {
	var v any = c.doc
	for _, s := range steps {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[s]
	}
	return v
}

// operation is the method and path of the document that serves r, or
// false when no operation does.
func (c *contract) operation(method, path string) ([]string, bool) {
	op := []string{"paths", path, strings.ToLower(method)}
	return op, c.at(op...) != nil
}

// checkResponse fails t unless the response is one the document
// describes: its status and content type declared for the operation
// (problems for 404 and 405, which no operation declares), and a JSON
// body valid against the schema declared.
func (c *contract) checkResponse(t testing.TB, method, target string, status int, header http.Header, body []byte) {
	t.Helper()
	u, _ := url.Parse(target)
	ctype, _, _ := mime.ParseMediaType(header.Get("Content-Type"))
	var ptr string
	op, ok := c.operation(method, u.Path)
	switch {
	case !ok || status == http.StatusNotFound || status == http.StatusMethodNotAllowed:
		if status != http.StatusNotFound && status != http.StatusMethodNotAllowed {
			t.Errorf("%s %s answered %d, but the document has no such operation", method, u.Path, status)
			return
		}
		if ctype != "application/problem+json" {
			t.Errorf("%s %s: %d as %q, want a problem", method, u.Path, status, ctype)
			return
		}
		ptr = pointer("components", "schemas", "Problem")
	default:
		resp := append(op, "responses", strconv.Itoa(status))
		r, _ := c.at(resp...).(map[string]any)
		if r == nil {
			t.Errorf("%s %s answered %d, which the document does not declare", method, u.Path, status)
			return
		}
		if ref, ok := r["$ref"].(string); ok {
			resp = strings.Split(strings.TrimPrefix(ref, "#/"), "/")
		}
		if c.at(append(resp, "content", ctype)...) == nil {
			t.Errorf("%s %s answered %d as %q, which the document does not declare", method, u.Path, status, ctype)
			return
		}
		ptr = pointer(append(resp, "content", ctype, "schema")...)
	}
	if ctype != "application/json" && ctype != "application/problem+json" {
		return
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Errorf("%s %s: %d, not JSON: %v", method, u.Path, status, err)
		return
	}
	if err := c.schema(t, ptr).Validate(inst); err != nil {
		t.Errorf("%s %s: the %d answer does not follow openapi.json:\n%v\nbody: %.400s", method, u.Path, status, err, body)
	}
}

// do sends a request to srv and checks its answer against the document;
// it returns the status, the headers and the body.
func do(t testing.TB, srv *httptest.Server, method, target, ctype, body string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	getContract(t).checkResponse(t, method, target, resp.StatusCode, resp.Header, data)
	return resp.StatusCode, resp.Header, data
}
