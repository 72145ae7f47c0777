package main

import (
	"bytes"
	"io"
	"net/http"
	"os"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// worstCases are requests as costly as the default limits allow: a body
// near -max-body holding -max-batch forfaits with figures at the bound, an
// explained batch of -max-explain requests from their activity counts, and
// a full batch of requests each with problems.
func worstCases(cfg config) map[string][]byte {
	big := `"999999999999.999999999999"`
	plain := `{"combined_activity": ` + big + `, "national_max": ` + big + `, "variant": "DS1+CRO", "window": "1"}`
	explained := `{"activity": {"mco_days": 12345678901, "mco_sessions": 12345678901, "ambulatory_surgery_stays": 12345678901, "day_hospital_stays": 12345678901,
		"ssr_days": 12345678901, "psy_days": 12345678901, "had_days": 12345678901, "usld_days": 12345678901}, "national_max": "999999999999.999999999999", "variant": "DS1+CRO", "window": "4"}`
	bad := `{"combined_activity": "1e1000", "variant": "DS9", "window": 9, "x": null}`
	batch := func(item string, n int, explain string) []byte {
		if per := int(cfg.maxBody) / (len(item) + 1); n > per {
			n = per - 1
		}
		return []byte(`{"explain": ` + explain + `, "requests": [` + strings.Repeat(item+",", n-1) + item + `]}`)
	}
	return map[string][]byte{
		"plain":     batch(plain, cfg.maxBatch, "false"),
		"explained": batch(explained, cfg.maxExplain, "true"),
		"problems":  batch(bad, cfg.maxBatch, "false"),
	}
}

// BenchmarkWorstCase sends eight worst-case requests at once to a server
// with the default limits, and reports the peak of the memory the Go
// runtime holds from the system (runtime/metrics, sampled every
// millisecond), what it still holds once the server is idle, and the
// process's peak resident set (VmHWM, on Linux). It fails beyond 300 MB.
//
//	go test -run '^$' -bench WorstCase ./examples/server
func BenchmarkWorstCase(b *testing.B) {
	for name, body := range worstCases(defaultConfig) {
		b.Run(name, func(b *testing.B) {
			srv := newTestServer(b, defaultConfig)
			tr := &http.Transport{MaxIdleConnsPerHost: 8}
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr, Timeout: time.Minute}
			var peak atomic.Uint64
			stop := make(chan struct{})
			sampled := make(chan struct{})
			go func() {
				defer close(sampled)
				tick := time.NewTicker(time.Millisecond)
				defer tick.Stop()
				for {
					if held := goMemory(); held > peak.Load() {
						peak.Store(held)
					}
					select {
					case <-stop:
						return
					case <-tick.C:
					}
				}
			}()
			statuses := map[int]int{}
			var mu sync.Mutex
			b.ResetTimer()
			for range b.N {
				var wg sync.WaitGroup
				for range 8 {
					wg.Add(1)
					go func() {
						defer wg.Done()
						resp, err := client.Post(srv.URL+"/v1/forfaits", "application/json", bytes.NewReader(body))
						if err != nil {
							b.Error(err)
							return
						}
						io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						mu.Lock()
						statuses[resp.StatusCode]++
						mu.Unlock()
					}()
				}
				wg.Wait()
			}
			b.StopTimer()
			close(stop)
			<-sampled
			mb := float64(peak.Load()) / (1 << 20)
			b.ReportMetric(mb, "peak-go-MB")
			// Once idle, the server hands the burst's memory back: what
			// the runtime still holds a few seconds later.
			held := goMemory()
			for deadline := time.Now().Add(5 * time.Second); held > peak.Load()/2 && time.Now().Before(deadline); held = goMemory() {
				time.Sleep(10 * time.Millisecond)
			}
			b.ReportMetric(float64(held)/(1<<20), "after-go-MB")
			if hwm := peakRSS(); hwm > 0 {
				b.ReportMetric(hwm, "peak-rss-MB")
			}
			if mb > 300 {
				b.Errorf("%s: %.0f MB held at the peak, more than 300 MB", name, mb)
			}
			b.Logf("%s: body %d bytes, statuses %v", name, len(body), statuses)
		})
	}
}

// goMemory is the memory the Go runtime holds from the system and has not
// returned: what it adds to the resident set.
func goMemory() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64() - s[1].Value.Uint64()
}

// peakRSS is the process's peak resident set in MB (VmHWM), or 0 where
// /proc does not say.
func peakRSS() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}
