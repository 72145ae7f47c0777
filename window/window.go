package window

import (
	"github.com/sunes-spec/sunes/forfait/codec"
)

// Window is one of the four funding windows (fenêtres de financement) of
// §6.1: the semester in which an establishment commits to reach its usage
// targets. The zero value is not a window; use IsValid.
type Window uint8

// The four windows of the 2021 instruction (§6.1, Annexe 1).
const (
	W1 Window = 1 + iota // fenêtre 1, targets measured in S1 2022
	W2                   // fenêtre 2, S2 2022
	W3                   // fenêtre 3, S1 2023
	W4                   // fenêtre 4, S2 2023
)

// Count is the number of funding windows: "4 fenêtres de financement" (§6.1).
const Count = 4

// All lists the windows in order.
func All() [Count]Window { return [Count]Window{W1, W2, W3, W4} }

// ErrInvalid is the sentinel for a value that is not a window 1–4.
var ErrInvalid = codec.NewSentinel("window: not a funding window 1-4", "n'est pas une fenêtre de financement (1 à 4)")

// IsValid reports whether w is one of the windows 1–4.
func (w Window) IsValid() bool { return w >= W1 && w <= W4 }

// Index is w's position from 0, for arrays indexed by window. It is only
// meaningful for a valid window.
func (w Window) Index() int { return int(w) - 1 }

// windowText is the text form of a window (codec.Enum).
var windowText = codec.Enum[Window]{Kind: "window", Names: []string{1: "1", 2: "2", 3: "3", 4: "4"}, Err: ErrInvalid}

// String returns "1" to "4"; "unset" for the zero value and "invalid
// window n" for another invalid one.
func (w Window) String() string { return windowText.String(w) }

// Parse reads the form String returns: "1", "2", "3" or "4".
func Parse(s string) (Window, error) { return windowText.Parse(s) }

// MarshalText encodes w as String does, and the zero value (no window) as
// ""; another invalid window is an error.
func (w Window) MarshalText() ([]byte, error) { return windowText.Marshal(w) }

// UnmarshalText decodes the form MarshalText produces; "" is the zero
// value (no window).
func (w *Window) UnmarshalText(text []byte) error { return windowText.Unmarshal(text, w) }

// Deferral returns the deferral window (fenêtre de report) of w: the next
// window, w+1. There is none after window 4 in this instruction, and none
// for an invalid window. Annexe 2 §3, INT-05.
func (w Window) Deferral() (Window, bool) {
	if !w.IsValid() || w == W4 {
		return 0, false
	}
	return w + 1, true
}
