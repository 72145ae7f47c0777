package main

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/sunes-spec/sunes/forfait/instruction"
)

// TestRegisterEndpoint: GET /v1/register answers the register of the
// instruction's rules and its totals, as the library gives them.
func TestRegisterEndpoint(t *testing.T) {
	srv := newTestServer(t, defaults)
	resp, err := http.Get(srv.URL + "/v1/register")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("status %d, content type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var got registerReply
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	units := instruction.Register()
	want := registerReply{Units: units, Totals: instruction.Count(units)}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("register (-want +got)\n%s", d)
	}
	if u, ok := instruction.Lookup(got.Units, "§6.1"); !ok || len(u.Rules) == 0 {
		t.Errorf("§6.1 is missing or has no rule: %+v", u)
	}
}
