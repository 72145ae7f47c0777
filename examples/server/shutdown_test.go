package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// drainServer serves the API, wrapped by wrap, on a listener that reports
// its closing, until the returned cancel; done yields serve's exit code.
func drainServer(t *testing.T, timeout time.Duration, wrap func(http.Handler, *closeListener) http.Handler) (addr string, ln *closeListener, cancel func(), done chan int, logs func() string) {
	t.Helper()
	inner, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln = &closeListener{Listener: inner, closed: make(chan struct{})}
	var stderr bytes.Buffer
	var mu sync.Mutex
	log := slog.New(slog.NewJSONHandler(&lockedWriter{w: &stderr, mu: &mu}, nil))
	h, err := newHandler(defaults, log)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	done = make(chan int, 1)
	go func() { done <- serve(ctx, ln, wrap(h, ln), log, timeout) }()
	logs = func() string {
		mu.Lock()
		defer mu.Unlock()
		return stderr.String()
	}
	return ln.Addr().String(), ln, cancel, done, logs
}

// TestDrain: on SIGTERM (the context done) under keep-alive load, with
// long requests in flight whose 200 header is already sent, the server
// stops accepting, lets every request it has begun finish, and serve
// returns 0. The test waits on events, never on time: the long requests
// entering, the load's first answers, the listener closing.
func TestDrain(t *testing.T) {
	const long, clients = 4, 8
	var entered, finished atomic.Int64
	held := make(chan struct{}, long)
	addr, _, cancel, done, logs := drainServer(t, time.Minute, func(h http.Handler, ln *closeListener) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			entered.Add(1)
			defer finished.Add(1)
			if r.Header.Get("X-Long") == "" {
				h.ServeHTTP(w, r)
				return
			}
			// A long answer: its header and first bytes go out, the rest
			// once the shutdown has begun.
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusOK)
			io.WriteString(w, `{"long": `)
			w.(http.Flusher).Flush()
			held <- struct{}{}
			<-ln.closed
			io.WriteString(w, `true}`)
		})
	})

	longResults := make(chan string, long)
	for range long {
		go func() {
			req, _ := http.NewRequest("GET", "http://"+addr+"/v1/interpretations", nil)
			req.Header.Set("X-Long", "1")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				longResults <- err.Error()
				return
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				longResults <- "cut after its headers: " + err.Error()
				return
			}
			longResults <- string(body)
		}()
	}
	for range long {
		<-held
	}

	// Keep-alive load: each client posts until the server is gone. A
	// request either fails before any answer (the connection closed or
	// refused) or gets its whole answer.
	tr := &http.Transport{MaxIdleConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	var ok, cut atomic.Int64
	warm := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				resp, err := client.Post("http://"+addr+"/v1/forfaits", "application/json",
					strings.NewReader(`{"requests": [{"combined_activity": "127800", "variant": "DS2", "window": "1"}]}`))
				if err != nil {
					return // no answer began: the server had stopped accepting
				}
				var m map[string]any
				err = json.NewDecoder(resp.Body).Decode(&m)
				resp.Body.Close()
				if err != nil || resp.StatusCode != 200 || m["forfaits"] == nil {
					cut.Add(1)
					t.Errorf("an answer was cut: %d %v %v", resp.StatusCode, m, err)
					return
				}
				if ok.Add(1) == 100 {
					once.Do(func() { close(warm) })
				}
			}
		}()
	}
	<-warm
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve returned %d", code)
	}
	for range long {
		if got := <-longResults; got != `{"long": true}` {
			t.Errorf("a long request got %q", got)
		}
	}
	wg.Wait()
	if entered.Load() != finished.Load() || ok.Load()+long != finished.Load() || cut.Load() != 0 {
		t.Errorf("the server began %d requests and finished %d; the clients got %d whole answers, %d cut",
			entered.Load(), finished.Load(), ok.Load()+long, cut.Load())
	}
	if _, err := net.Dial("tcp", addr); err == nil {
		t.Errorf("the server still accepts after the shutdown")
	}
	if l := logs(); !strings.Contains(l, "shutting down") || !strings.Contains(l, "every request in flight finished") {
		t.Errorf("log: %s", l)
	}
}

// TestDrainSlowBody: a request whose body is still arriving when the
// shutdown begins is read to its end and answered.
func TestDrainSlowBody(t *testing.T) {
	entered := make(chan struct{}, 1)
	addr, ln, cancel, done, _ := drainServer(t, time.Minute, func(h http.Handler, _ *closeListener) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			entered <- struct{}{}
			h.ServeHTTP(w, r)
		})
	})
	pr, pw := io.Pipe()
	result := make(chan int, 1)
	go func() {
		resp, err := http.Post("http://"+addr+"/v1/forfaits", "application/json", pr)
		if err != nil {
			result <- -1
			return
		}
		resp.Body.Close()
		result <- resp.StatusCode
	}()
	io.WriteString(pw, `{"requests": [{"combined_activity": "127800", `)
	<-entered
	cancel()
	<-ln.closed
	io.WriteString(pw, `"variant": "DS2", "window": "1"}]}`)
	pw.Close()
	if status := <-result; status != 200 {
		t.Errorf("the request in flight got %d", status)
	}
	if code := <-done; code != 0 {
		t.Errorf("serve returned %d", code)
	}
}

// TestShutdownCuts: a request still running when -shutdown-timeout has
// passed is cut, serve says so in its log and returns 1.
func TestShutdownCuts(t *testing.T) {
	held, release := make(chan struct{}), make(chan struct{})
	defer close(release)
	addr, _, cancel, done, logs := drainServer(t, time.Nanosecond, func(http.Handler, *closeListener) http.Handler {
		return http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
			close(held)
			<-release
		})
	})
	errc := make(chan error, 1)
	go func() {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			err = errors.New("answered")
		}
		errc <- err
	}()
	<-held
	cancel()
	if code := <-done; code != 1 {
		t.Errorf("serve returned %d, want 1", code)
	}
	if err := <-errc; err == nil || err.Error() == "answered" {
		t.Errorf("the request was not cut: %v", err)
	}
	if l := logs(); !strings.Contains(l, "were cut") {
		t.Errorf("log: %s", l)
	}
}
