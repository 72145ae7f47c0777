package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// defaultConfig is the server's limits unless flags say otherwise: with
// them, eight worst-case requests at once stay under 300 MB
// (BenchmarkWorstCase).
var defaultConfig = config{maxBody: 1 << 20, maxBatch: 10_000, maxExplain: 100, maxResponse: 8 << 20, maxInflight: 8}

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run starts the server and serves until SIGINT or SIGTERM (serve).
func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	d := defaultConfig
	maxBody := fs.Int64("max-body", d.maxBody, "largest request body, in `bytes`")
	maxBatch := fs.Int("max-batch", d.maxBatch, "most items in one batch (requests, weights, payments, steps)")
	maxExplain := fs.Int("max-explain", d.maxExplain, "most requests in one batch asking for their derivations")
	maxResponse := fs.Int("max-response", d.maxResponse, "largest response, in `bytes`")
	maxInflight := fs.Int("max-inflight", d.maxInflight, "most requests computed at once; beyond, 503 with Retry-After")
	shutdownTimeout := fs.Duration("shutdown-timeout", 30*time.Second, "on SIGINT or SIGTERM, how long the requests in flight may take to finish")
	verbose := fs.Bool("v", false, "log every request")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "server serves the SUN-ES rules over HTTP: a JSON API under /v1, its OpenAPI document, the rule book and a page where a person computes a forfait.\n\nUsage: server [-addr 127.0.0.1:8080] [-v] [limits]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: level}))
	cfg := config{maxBody: *maxBody, maxBatch: *maxBatch, maxExplain: *maxExplain, maxResponse: *maxResponse, maxInflight: *maxInflight}
	h, err := newHandler(cfg, log)
	if err != nil {
		log.Error("rules", "err", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Error("listen", "err", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, ln, h, log, *shutdownTimeout)
}

// serve serves h on ln until ctx is done, then drains: it stops accepting,
// closes the idle keep-alive connections (those in use close once their
// answer is sent), and lets the requests in flight finish within timeout.
// It returns the exit code: 0 when every request finished, 1 with a log
// line when it had to cut some, or when serving failed.
func serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger, timeout time.Duration) int {
	srv := newServer(h, log)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	log.Info("serving", "addr", ln.Addr().String(), "page", fmt.Sprintf("http://%s/", ln.Addr()), "openapi", fmt.Sprintf("http://%s/openapi.json", ln.Addr()))
	select {
	case err := <-done:
		log.Error("serve", "err", err)
		return 1
	case <-ctx.Done():
	}
	log.Info("shutting down: letting the requests in flight finish", "timeout", timeout.String())
	shutdown, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		srv.Close()
		log.Error("shutdown: requests still in flight were cut", "timeout", timeout.String())
		return 1
	}
	log.Info("stopped: every request in flight finished")
	return 0
}

// newServer sets the timeouts a server on a network needs: a slow client
// cannot hold a connection forever.
func newServer(h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}
