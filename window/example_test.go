package window_test

import (
	"fmt"
	"time"

	"github.com/sunes-spec/sunes/window"
)

func ExampleParse() {
	w, err := window.Parse("3")
	fmt.Println(w, err)
	_, err = window.Parse("5")
	fmt.Println(err)
	// Output:
	// 3 <nil>
	// window: not a funding window 1-4: window = "5" (want 1, 2, 3 or 4)
}

// Which window is an establishment applying for on a given day (§6.1)?
func ExampleSchedule_ApplicationWindow() {
	s := window.Instruction2021()
	for _, day := range []window.Date{
		window.DateOf(2022, time.September, 15),
		window.DateOf(2022, time.November, 2),
	} {
		w, ok := s.ApplicationWindow(day)
		fmt.Println(day, w, ok)
	}
	// Output:
	// 2022-09-15 3 true
	// 2022-11-02 unset false
}

func ExampleSchedule_Factor() {
	s := window.Instruction2021()
	for _, w := range window.All() {
		t := s.Terms(w)
		fmt.Printf("window %s: %s, review %s\n", w, s.Factor(w), t.Review)
	}
	// Output:
	// window 1: 1, review 2021-09-01 – 2021-12-31 (stated)
	// window 2: 0.9, review 2022-03-01 – 2022-06-30 (inferred)
	// window 3: 0.85, review 2022-09-01 – 2022-12-31 (stated)
	// window 4: 0.8, review 2023-03-01 – 2023-06-30 (inferred)
}

func ExampleWindow_Deferral() {
	for _, w := range []window.Window{window.W1, window.W4} {
		next, ok := w.Deferral()
		fmt.Println(w, "→", next, ok)
	}
	// Output:
	// 1 → 2 true
	// 4 → unset false
}
