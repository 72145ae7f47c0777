package codec

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// Encoding is how a file a person brings is encoded. The zero value,
// DetectEncoding, asks the reader to find it.
type Encoding uint8

const (
	// DetectEncoding: UTF-16 when a byte-order mark says so; otherwise
	// UTF-8, or Windows-1252 when the first character beyond ASCII is not
	// UTF-8 (see TextReader).
	DetectEncoding Encoding = iota
	UTF8
	// Windows1252 is what a French spreadsheet saves as "CSV" and a
	// Windows editor as "ANSI".
	Windows1252
	UTF16LE // detected by its byte-order mark only
	UTF16BE // detected by its byte-order mark only
)

func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "UTF-8"
	case Windows1252:
		return "Windows-1252"
	case UTF16LE:
		return "UTF-16LE"
	case UTF16BE:
		return "UTF-16BE"
	}
	return "undetected"
}

var (
	// ErrEncoding: bytes that are not text in the file's encoding, or a
	// file mixing encodings.
	ErrEncoding = NewSentinel("not text in the file's encoding", "n'est pas du texte dans l'encodage du fichier")
	// ErrEncodingName: an encoding named that is neither UTF-8 nor
	// Windows-1252 (ParseDialect).
	ErrEncodingName = NewSentinel("an encoding is utf-8 or windows-1252", "n'est pas un encodage admis (UTF-8 ou CP1252)")
	// ErrLineTooLong: a line beyond MaxLine bytes, which no file of the
	// module holds; the reader stops there rather than hold it.
	ErrLineTooLong = NewSentinel("line too long", "est trop longue")
)

// MaxLine bounds the length of a row of the files a person brings (a
// line, or the lines a quoted field joins), in bytes of UTF-8: a thousand times a real line of an extract or a
// ledger, and small enough that one line of junk costs little memory.
const MaxLine = 1 << 20

// TextReader decodes a file a person brings into UTF-8, streaming, in
// constant memory. It skips a UTF-8 byte-order mark, decodes UTF-16 (LE
// or BE) announced by its byte-order mark, and decides between UTF-8 and
// Windows-1252 on the whole input: the two agree on ASCII, so the first
// character beyond ASCII decides, and a later character that contradicts
// it (Windows-1252 bytes after UTF-8 accents, or a UTF-8 sequence after
// Windows-1252 bytes) stops the reading with an ErrEncoding located on its
// line, since no decoding of such a file is right. An imposed
// Windows-1252 decodes every byte. A NUL byte (UTF-16 without a byte-order mark) is an ErrEncoding
// too. With a limit, a row longer than it stops the reading with
// ErrLineTooLong: a line, or lines joined by a quoted CSV field (a quote
// left open), so that no field of a CSV file outgrows it either. Errors are *LineError located by line, from 1.
type TextReader struct {
	r        io.Reader
	enc      Encoding // imposed, found, or DetectEncoding until decided
	detected bool     // enc was found, not imposed
	bom      bool
	maxLine  int

	started bool
	in      []byte // read, not yet decoded
	out     []byte // decoded, not yet returned
	buf     []byte // out's whole array, reused
	line    int    // the line being decoded, from 1
	col     int    // the bytes of the row so far: since the last line end outside quotes
	quoted  bool   // inside a quoted CSV field: a line end does not end the row
	err     error  // sticky
	eof     bool
}

// NewTextReader returns a TextReader decoding r from enc (DetectEncoding
// to find it) and stopping at a line longer than maxLine bytes (0 for no
// limit).
func NewTextReader(r io.Reader, enc Encoding, maxLine int) *TextReader {
	return &TextReader{r: r, enc: enc, maxLine: maxLine, line: 1}
}

// Encoding is the encoding imposed or found so far: DetectEncoding while
// the input read holds only ASCII.
func (t *TextReader) Encoding() Encoding { return t.enc }

// Detected reports whether the encoding was found rather than imposed.
func (t *TextReader) Detected() bool { return t.detected }

// BOM reports whether a byte-order mark was skipped.
func (t *TextReader) BOM() bool { return t.bom }

func (t *TextReader) Read(p []byte) (int, error) {
	for len(t.out) == 0 {
		if t.err != nil {
			return 0, t.err
		}
		t.fill()
	}
	n := copy(p, t.out)
	t.out = t.out[n:]
	return n, nil
}

// chunkSize is how much fill reads at once.
const chunkSize = 32 << 10

// fill reads one chunk and decodes it.
func (t *TextReader) fill() {
	if cap(t.in)-len(t.in) < chunkSize {
		t.in = append(make([]byte, 0, len(t.in)+chunkSize), t.in...)
	}
	n, err := io.ReadAtLeast(t.r, t.in[len(t.in):cap(t.in)], 1)
	t.in = t.in[:len(t.in)+n]
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		t.eof = true
	} else if err != nil {
		t.err = err
	}
	if !t.started {
		if len(t.in) < 3 && !t.eof && t.err == nil {
			return // a byte-order mark may be cut
		}
		t.started = true
		t.readBOM()
	}
	t.out = t.buf[:0]
	t.decode()
	t.buf = t.out[:0]
	if t.eof && t.err == nil && len(t.out) == 0 {
		if len(t.in) > 0 { // a cut sequence at the very end
			t.fail(&ParseError{Err: ErrEncoding, Reason: Text{
				French:  "le fichier s'arrête au milieu d'un caractère « " + t.enc.String() + " »",
				English: fmt.Sprintf("the file ends inside a %s character", t.enc)}})
			return
		}
		t.err = io.EOF
	}
}

func (t *TextReader) readBOM() {
	switch {
	case bytes.HasPrefix(t.in, []byte("\xef\xbb\xbf")) && (t.enc == DetectEncoding || t.enc == UTF8):
		t.in, t.bom = t.in[3:], true
		t.enc, t.detected = UTF8, t.enc == DetectEncoding
	case bytes.HasPrefix(t.in, []byte("\xff\xfe")) && t.enc == DetectEncoding:
		t.in, t.bom, t.enc, t.detected = t.in[2:], true, UTF16LE, true
	case bytes.HasPrefix(t.in, []byte("\xfe\xff")) && t.enc == DetectEncoding:
		t.in, t.bom, t.enc, t.detected = t.in[2:], true, UTF16BE, true
	}
}

// decode decodes what t.in holds into t.out, keeping a cut sequence.
func (t *TextReader) decode() {
	in := t.in
	if t.enc == UTF16LE || t.enc == UTF16BE {
		in = t.decodeUTF16(in)
	} else {
		in = t.decode8(in)
	}
	t.in = append(t.in[:0], in...)
}

// decode8 decodes ASCII-compatible bytes and returns the cut tail.
func (t *TextReader) decode8(in []byte) []byte {
	for len(in) > 0 && t.err == nil {
		c := in[0]
		if c < utf8.RuneSelf {
			j := 1
			for j < len(in) && in[j] < utf8.RuneSelf {
				j++
			}
			t.ascii(in[:j])
			in = in[j:]
			continue
		}
		if t.enc == Windows1252 {
			if t.detected && c >= 0xc2 { // a UTF-8 sequence after Windows-1252 bytes?
				if !utf8.FullRune(in) && !t.eof {
					return in
				}
				if r, size := utf8.DecodeRune(in); r != utf8.RuneError || size > 1 {
					t.fail(&ParseError{Err: ErrEncoding, Reason: Text{
						French:  fmt.Sprintf("« %c » est de l'UTF-8, alors que le texte qui précède est en « Windows-1252 » : le fichier mêle deux encodages", r),
						English: fmt.Sprintf("%q is UTF-8, though the text before is Windows-1252: the file mixes encodings", r)}})
					return nil
				}
			}
			t.emit(windows1252Rune(c), nil)
			in = in[1:]
			continue
		}
		if !utf8.FullRune(in) && !t.eof {
			return in
		}
		r, size := utf8.DecodeRune(in)
		if r == utf8.RuneError && size <= 1 {
			if t.enc == UTF8 {
				reason := Text{French: "n'est pas de l'UTF-8", English: "not UTF-8"}
				if t.detected {
					reason = Text{
						French:  "n'est pas de l'UTF-8, alors que le texte qui précède en est : le fichier mêle deux encodages",
						English: "not UTF-8, though the text before is: the file mixes encodings"}
				}
				t.fail(&ParseError{Err: ErrEncoding, Reason: Text{
					French:  fmt.Sprintf("l'octet %#x %s", c, reason.French),
					English: fmt.Sprintf("byte %#x is %s", c, reason.English)}})
				return nil
			}
			t.enc, t.detected = Windows1252, true // all before was ASCII, the same in both
			continue
		}
		if t.enc == DetectEncoding {
			t.enc, t.detected = UTF8, true
		}
		t.emit(r, in[:size])
		in = in[size:]
	}
	return in
}

// ascii writes a run of ASCII text, line by line.
func (t *TextReader) ascii(run []byte) {
	for len(run) > 0 {
		seg := run
		i := bytes.IndexByte(run, '\n')
		if i >= 0 {
			seg = run[:i]
		}
		if z := bytes.IndexByte(seg, 0); z >= 0 {
			t.out = append(t.out, seg[:z]...)
			t.emit(0, nil)
			return
		}
		t.col += len(seg)
		if bytes.Count(seg, []byte{'"'})%2 == 1 {
			t.quoted = !t.quoted
		}
		if t.maxLine > 0 && t.col > t.maxLine {
			t.tooLong()
			return
		}
		t.out = append(t.out, seg...)
		if i < 0 {
			return
		}
		t.out = append(t.out, '\n')
		t.newline()
		run = run[i+1:]
	}
}

// decodeUTF16 decodes UTF-16 code units and returns the cut tail.
func (t *TextReader) decodeUTF16(in []byte) []byte {
	unit := func(b []byte) rune {
		if t.enc == UTF16LE {
			return rune(b[0]) | rune(b[1])<<8
		}
		return rune(b[0])<<8 | rune(b[1])
	}
	for len(in) >= 2 && t.err == nil {
		r, size := unit(in), 2
		if utf16.IsSurrogate(r) {
			if len(in) < 4 {
				if !t.eof {
					return in
				}
				t.fail(&ParseError{Err: ErrEncoding, Reason: loneSurrogate})
				return nil
			}
			if r = utf16.DecodeRune(r, unit(in[2:])); r == utf8.RuneError {
				t.fail(&ParseError{Err: ErrEncoding, Reason: loneSurrogate})
				return nil
			}
			size = 4
		}
		t.emit(r, nil)
		in = in[size:]
	}
	return in
}

// loneSurrogate is why a UTF-16 text with half a pair is refused.
var loneSurrogate = Text{French: "une moitié de paire UTF-16 isolée", English: "a lone UTF-16 surrogate"}

// emit writes r (whose UTF-8 is raw when given) and counts lines.
func (t *TextReader) emit(r rune, raw []byte) {
	switch r {
	case '\n':
		t.newline()
	case '"':
		t.quoted = !t.quoted
	case 0:
		t.fail(&ParseError{Err: ErrEncoding, Reason: Text{
			French:  "un octet NUL (de l'UTF-16 sans marque d'ordre des octets ?)",
			English: "a NUL byte (UTF-16 without a byte-order mark?)"}})
		return
	}
	n := len(t.out)
	if raw != nil {
		t.out = append(t.out, raw...)
	} else {
		t.out = utf8.AppendRune(t.out, r)
	}
	if r != '\n' {
		t.col += len(t.out) - n
		if t.maxLine > 0 && t.col > t.maxLine {
			t.tooLong()
		}
	}
}

// tooLong stops the reading at a row beyond the limit.
func (t *TextReader) tooLong() {
	if t.quoted {
		t.fail(&ParseError{Err: ErrLineTooLong, Reason: Text{
			French:  "un champ entre guillemets dépasse " + Thousands(t.maxLine) + " octets (un guillemet resté ouvert ?)",
			English: fmt.Sprintf("a quoted field runs over more than %s bytes (a quote left open?)", Thousands(t.maxLine))}})
		return
	}
	t.fail(&ParseError{Err: ErrLineTooLong, Reason: Text{
		French:  "plus de " + Thousands(t.maxLine) + " octets",
		English: fmt.Sprintf("more than %s bytes", Thousands(t.maxLine))}})
}

// newline counts a line end: a new line, and a new row unless inside
// quotes.
func (t *TextReader) newline() {
	t.line++
	if t.quoted {
		t.col++
		return
	}
	t.col = 0
}

func (t *TextReader) fail(err error) {
	if t.err == nil {
		t.err = &LineError{Line: t.line, Err: err}
	}
}

// windows1252 maps the bytes 0x80–0x9F of Windows-1252 to their runes; the
// bytes 0xA0–0xFF are Latin-1, the rune of the same value. The five
// unassigned bytes map to U+FFFD.
var windows1252 = [32]rune{
	'€', '\ufffd', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\ufffd', 'Ž', '\ufffd',
	'\ufffd', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\ufffd', 'ž', 'Ÿ',
}

func windows1252Rune(c byte) rune {
	if c >= 0x80 && c < 0xa0 {
		return windows1252[c-0x80]
	}
	return rune(c)
}

// DecodeText returns data, a whole file, as UTF-8 text decoded as
// TextReader decodes it (no line limit), with the encoding imposed or
// found: UTF8 for text that is ASCII only. Valid UTF-8 without a
// byte-order mark is returned as is.
func DecodeText(data []byte, enc Encoding) ([]byte, Encoding, error) {
	if (enc == DetectEncoding || enc == UTF8) && utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 && !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return data, UTF8, nil
	}
	t := NewTextReader(bytes.NewReader(data), enc, 0)
	out, err := io.ReadAll(t)
	found := t.Encoding()
	if found == DetectEncoding {
		found = UTF8
	}
	return out, found, err
}
