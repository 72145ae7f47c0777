package campaign

import (
	"encoding/json"
	"errors"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/window"
)

// Format is an output format of Write.
type Format uint8

const (
	CSV  Format = 1 // a header line, then one line per record
	JSON Format = 2 // one object: the national maximum and the records
)

// ErrFormat: Write asked for a format it does not know, or for
// derivations in CSV, which has no place for them.
var ErrFormat = codec.NewSentinel("campaign: format cannot be written", "n'est pas un format que la campagne sait écrire")

// Summary says what Write assumed and wrote.
type Summary struct {
	// NationalMax is the national maximum of combined activity used
	// (INT-02); From is the establishment it was read from, nil when
	// Options gave it or when every activity is zero (a zero maximum is
	// none, forfait.LargestActivity).
	NationalMax decimal.Decimal
	From        *Establishment
	Records     int
}

// Write computes the 16 records of each establishment
// (Annexe 3 §1-§4; §5; INT-01 to INT-04) and writes them to w as they are
// computed, in input order, then variant, then window: memory does not
// grow with the extract. The rule set is compiled once; establishments
// are formatted in chunks on every processor, written in order.
//
// Every problem of the input is found before anything is written (the
// errors of Compute, and ErrFormat for a format other than CSV and JSON
// or derivations asked in CSV): on error, nothing is written.
func Write(w io.Writer, in *instruction.Rules, ests []Establishment, opt Options, f Format) (Summary, error) {
	switch {
	case f != CSV && f != JSON:
		return Summary{}, &forfait.InputError{Field: "format", Value: strconv.Itoa(int(f)), Reason: codec.Text{French: "attendu : CSV ou JSON", English: "want CSV or JSON"}, Err: ErrFormat}
	case opt.Explain && f == CSV:
		return Summary{}, &forfait.InputError{Field: "explain", Value: "true", Reason: codec.Text{French: "les dérivations s'écrivent en JSON seulement, pas en CSV", English: "derivations are written in JSON only, not in CSV"}, Err: ErrFormat}
	}
	c, err := in.Forfait.Compile()
	if err != nil {
		return Summary{}, err
	}
	nationalMax, from, err := prepare(c, ests, opt)
	if err != nil {
		return Summary{}, err
	}
	if err := checkBands(c, ests, nationalMax); err != nil {
		return Summary{}, err
	}
	s := Summary{NationalMax: nationalMax.Decimal(), Records: len(ests) * rowsPerEstablishment}
	if from >= 0 {
		s.From = &ests[from]
	}
	out := streamer{c: c, ests: ests, nationalMax: nationalMax, explain: opt.Explain, lang: opt.Lang, format: f}
	return s, out.write(w, s)
}

// checkBands finds the errors a computation would meet (INT-02: a
// category-D activity the national maximum cannot serve), each on its
// establishment's line, before anything is written.
func checkBands(c *forfait.Compiled, ests []Establishment, nationalMax forfait.NationalMax) error {
	var errs []error
	for i := range ests {
		x := combinedOf(c, &ests[i])
		if _, err := c.Category(x, nationalMax); err != nil {
			errs = append(errs, &LineError{Line: ests[i].Line, Field: "combined_activity", Value: x.String(), Err: err})
		}
	}
	return errors.Join(errs...)
}

// streamer writes records chunk by chunk.
type streamer struct {
	c           *forfait.Compiled
	ests        []Establishment
	nationalMax forfait.NationalMax
	explain     bool
	lang        codec.Lang
	format      Format
}

// chunk is how many establishments one worker formats at a time.
const chunk = 64

// write writes the head, then the records, formatted in chunks of
// establishments on every processor and written in order (see
// orderedOutput): memory does not grow with the extract, and few fresh
// pages are touched.
func (s *streamer) write(w io.Writer, sum Summary) error {
	head := []byte(header + "\n")
	if s.format == JSON {
		var err error
		if head, err = jsonHead(sum); err != nil {
			return err
		}
	}
	if _, err := w.Write(head); err != nil {
		return err
	}
	if err := s.writeChunks(w); err != nil {
		return err
	}
	if s.format == JSON {
		_, err := w.Write([]byte("\n]}\n"))
		return err
	}
	return nil
}

// formatted is one chunk's text, or the error that stopped it; done once
// the chunk is formatted.
type formatted struct {
	buf  []byte
	err  error
	done bool
}

// orderedOutput writes chunks formatted by several workers in their order.
// Whoever finishes the chunk next in order writes it, and the chunks done
// after it, while the others go on formatting: a worker waits only when it
// would run more chunks ahead of the output than there are slots. Workers
// rarely sleep, which matters: waking a worker on another processor costs
// as much as formatting a few establishments.
type orderedOutput struct {
	w       io.Writer
	chunks  int // chunks to write
	mu      sync.Mutex
	ahead   sync.Cond   // signalled when a chunk is written
	claimed int         // chunks handed out
	written int         // chunks written, or failed
	writing bool        // a worker is writing
	slots   []formatted // chunk n's text in slot n mod len(slots), until written
	free    [][]byte    // buffers written out, for reuse
	err     error       // the first error, in chunk order; nothing is written after it
}

func (s *streamer) writeChunks(w io.Writer) error {
	workers := runtime.GOMAXPROCS(0)
	o := &orderedOutput{w: w, chunks: (len(s.ests) + chunk - 1) / chunk, slots: make([]formatted, workers+1)}
	o.ahead.L = &o.mu
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			o.work(s)
		}()
	}
	o.work(s) // this goroutine is a worker too
	wg.Wait()
	return o.err
}

// work formats chunks until none is left, writing those whose turn comes.
func (o *orderedOutput) work(s *streamer) {
	for {
		o.mu.Lock()
		for o.err == nil && o.claimed < o.chunks && o.claimed >= o.written+len(o.slots) {
			o.ahead.Wait()
		}
		if o.err != nil || o.claimed == o.chunks {
			o.mu.Unlock()
			return
		}
		n := o.claimed
		o.claimed++
		var buf []byte
		if k := len(o.free); k > 0 {
			buf, o.free = o.free[k-1], o.free[:k-1]
		} else {
			buf = make([]byte, 0, chunk*rowsPerEstablishment*96) // a CSV line is about 70 bytes
		}
		o.mu.Unlock()

		a := n * chunk
		buf, err := s.appendRange(buf[:0], a, min(a+chunk, len(s.ests)))

		o.mu.Lock()
		o.slots[n%len(o.slots)] = formatted{buf: buf, err: err, done: true}
		if !o.writing {
			o.writeReady()
		}
		o.mu.Unlock()
	}
}

// writeReady writes the chunks done, in order, from the next to write on;
// o.mu is held, and released during each write so that the other workers
// go on.
func (o *orderedOutput) writeReady() {
	o.writing = true
	for o.err == nil && o.slots[o.written%len(o.slots)].done {
		f := &o.slots[o.written%len(o.slots)]
		buf, err := f.buf, f.err
		*f = formatted{}
		o.mu.Unlock()
		if err == nil {
			_, err = o.w.Write(buf)
		}
		o.mu.Lock()
		o.err = err
		o.free = append(o.free, buf)
		o.written++
		o.ahead.Broadcast()
	}
	o.writing = false
}

// appendRange appends the records of establishments [a, b).
func (s *streamer) appendRange(dst []byte, a, b int) ([]byte, error) {
	for i := a; i < b; i++ {
		e := &s.ests[i]
		var err error
		if s.format == JSON {
			dst, err = s.appendJSON(dst, i, e)
		} else {
			dst, err = s.appendCSV(dst, i, e)
		}
		if err != nil {
			return dst, err
		}
	}
	return dst, nil
}

// appendCSV appends e's records as CSV lines: whole cents from the
// compiled rules, decimals only when an amount is finer than a cent.
func (s *streamer) appendCSV(dst []byte, i int, e *Establishment) ([]byte, error) {
	combined := combinedOf(s.c, e)
	prefix := len(dst)
	dst = append(dst, e.FINESS.String()...)
	dst = append(dst, ',')
	dst = append(dst, e.Region.String()...)
	dst = append(dst, ',')
	dst = combined.AppendFormat(dst)
	dst = append(dst, ',')
	var rowBuf [64]byte
	row := append(rowBuf[:0], dst[prefix:]...) // "finess,region,combined," shared by the 16 lines
	dst = dst[:prefix]
	var t forfait.Table
	switch err := s.c.ComputeTable(combined, s.nationalMax, &t); {
	case err == nil:
		return appendTable(dst, row, &t), nil
	case !errors.Is(err, forfait.ErrNotCents):
		return dst, &LineError{Line: e.Line, Field: "combined_activity", Value: combined.String(), Err: err}
	}
	// An amount finer than a cent (a rounding unit below it): decimals.
	for _, v := range forfait.Variants() {
		for _, w := range window.All() {
			f, err := s.c.Compute(s.request(combined, v, w))
			if err != nil {
				return dst, &LineError{Line: e.Line, Field: "combined_activity", Value: combined.String(), Err: err}
			}
			dst = append(dst, row...)
			dst = appendCells(dst, f.Category, v, w)
			for _, d := range [...]decimal.Decimal{f.Base, f.Amount, f.Advance, f.Balance} {
				dst = append(dst, ',')
				dst = forfait.AppendFormat(dst, d)
			}
			dst = append(dst, '\n')
		}
	}
	return dst, nil
}

// appendTable appends the lines of a table of forfaits, each starting with
// row. Amounts repeat: a variant's base in its four windows (and as the
// forfait of a window whose factor is 1), and a whole row (DS3's is DS2's
// under the 2021 rules); their text is copied, not formatted again.
func appendTable(dst, row []byte, t *forfait.Table) []byte {
	var lines [numVariants][window.Count]struct{ from, to int } // each line's amounts in dst
	for k := range t {
		same := slices.Index(t[:k], t[k])
		var buf [24]byte
		base := t[k][0].Base
		baseText := base.AppendFormat(buf[:0])
		for j := range t[k] {
			a := &t[k][j]
			dst = append(dst, row...)
			dst = append(dst, cells[a.Category.Index()][k][j]...)
			from := len(dst)
			if same >= 0 {
				dst = append(dst, dst[lines[same][j].from:lines[same][j].to]...)
			} else {
				for _, c := range [...]forfait.Cents{a.Base, a.Amount, a.Advance, a.Balance} {
					dst = append(dst, ',')
					if c == base {
						dst = append(dst, baseText...)
					} else {
						dst = c.AppendFormat(dst)
					}
				}
			}
			lines[k][j].from, lines[k][j].to = from, len(dst)
			dst = append(dst, '\n')
		}
	}
	return dst
}

// cells are the "category,domain,cro,window" cells of every record, by
// category, variant and window: the same 64 texts for every extract.
var cells = func() (out [forfait.NumCategories][numVariants][window.Count]string) {
	for c := range out {
		for k, v := range forfait.Variants() {
			for j, w := range window.All() {
				out[c][k][j] = string(appendCells(nil, forfait.Category(c)+forfait.A, v, w))
			}
		}
	}
	return out
}()

func appendCells(dst []byte, c forfait.Category, v forfait.Variant, w window.Window) []byte {
	dst = append(dst, c.String()...)
	dst = append(dst, ',')
	dst = append(dst, v.Domain.String()...)
	dst = append(dst, ',')
	dst = strconv.AppendBool(dst, v.CRO)
	dst = append(dst, ',')
	return append(dst, w.String()...)
}

// appendJSON appends e's records as JSON objects, each preceded by a
// separator, with their derivations when asked.
func (s *streamer) appendJSON(dst []byte, i int, e *Establishment) ([]byte, error) {
	combined := combinedOf(s.c, e)
	for k, v := range forfait.Variants() {
		for j, w := range window.All() {
			req := s.request(combined, v, w)
			rec := Record{Establishment: e}
			var err error
			if s.explain {
				var d forfait.Derivation
				d, err = s.c.Explain(req)
				if s.lang != 0 {
					d = d.In(s.lang)
				}
				rec.Forfait, rec.Derivation = d.Forfait, &d
			} else {
				rec.Forfait, err = s.c.Compute(req)
			}
			if err != nil {
				return dst, &LineError{Line: e.Line, Field: "combined_activity", Value: combined.String(), Err: err}
			}
			obj, err := rec.MarshalJSON()
			if err != nil {
				return dst, err
			}
			if i > 0 || k > 0 || j > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, "\n"...)
			dst = append(dst, obj...)
		}
	}
	return dst, nil
}

// request is the request of an establishment of this combined activity for
// variant v in window w.
func (s *streamer) request(combined forfait.Combined, v forfait.Variant, w window.Window) forfait.Request {
	return forfait.Request{Combined: combined.Decimal(), NationalMax: s.nationalMax.Decimal(), Variant: v, Window: w}
}

// jsonHead opens the JSON object: the national maximum used and where it
// comes from (INT-02), then the records array.
func jsonHead(s Summary) ([]byte, error) {
	type origin struct {
		FINESS string `json:"finess"`
		Line   int    `json:"line"`
	}
	head := struct {
		NationalMax string  `json:"national_max"`
		From        *origin `json:"national_max_from,omitempty"`
	}{NationalMax: forfait.Format(s.NationalMax)}
	if s.From != nil {
		head.From = &origin{FINESS: s.From.FINESS.String(), Line: s.From.Line}
	}
	data, err := json.Marshal(head)
	if err != nil {
		return nil, err
	}
	return append(data[:len(data)-1], `,"records":[`...), nil
}
