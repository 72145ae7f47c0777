package envelope

import (
	"strconv"
	"strings"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
)

// Region is one of the 18 regions of Annexe 2 §1, each with its ARS and its
// volet-1 envelope. The zero value is not a region.
type Region uint8

// The regions in the order of the Annexe 2 §1 table.
const (
	AuvergneRhoneAlpes     Region = 1
	BourgogneFrancheComte  Region = 2
	Bretagne               Region = 3
	CentreValDeLoire       Region = 4
	Corse                  Region = 5
	GrandEst               Region = 6
	Guadeloupe             Region = 7
	Guyane                 Region = 8
	HautsDeFrance          Region = 9
	IleDeFrance            Region = 10
	LaReunion              Region = 11
	Martinique             Region = 12
	Mayotte                Region = 13
	Normandie              Region = 14
	NouvelleAquitaine      Region = 15
	Occitanie              Region = 16
	PaysDeLaLoire          Region = 17
	ProvenceAlpesCoteDAzur Region = 18
)

// NumRegions is the number of volet-1 regions in Annexe 2 §1.
const NumRegions = 18

// regionNames are spelt exactly as in the Annexe 2 §1 table, which has
// "Ile-de-France" without a circumflex.
var regionNames = [...]string{
	"", "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire", "Corse",
	"Grand Est", "Guadeloupe", "Guyane", "Hauts-de-France", "Ile-de-France", "La Réunion", "Martinique",
	"Mayotte", "Normandie", "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur",
}

// ErrUnknownRegion: a name that is not one of Annexe 2 §1's regions.
var ErrUnknownRegion = codec.NewSentinel("envelope: not a region of Annexe 2", "n'est pas une région de l'annexe 2")

// Regions lists the 18 regions in Annexe 2 order.
func Regions() [NumRegions]Region {
	var rs [NumRegions]Region
	for i := range rs {
		rs[i] = Region(i + 1)
	}
	return rs
}

// IsValid reports whether r is one of the 18 regions.
func (r Region) IsValid() bool { return r >= AuvergneRhoneAlpes && r <= ProvenceAlpesCoteDAzur }

// Index is r's position from 0 in Annexe 2 order, for arrays indexed by
// region. It is only meaningful for a valid region.
func (r Region) Index() int { return int(r) - 1 }

// regionText is the text form of a region (codec.Enum); UnmarshalText
// reads more (ParseRegion).
var regionText = codec.Enum[Region]{Kind: "region", Names: regionNames[:], Err: ErrUnknownRegion}

// String returns the region's name as spelt in Annexe 2; "unset" for the
// zero value and "invalid region n" for another invalid one.
func (r Region) String() string { return regionText.String(r) }

// inseeCodes are the regions' INSEE codes, in Annexe 2 order.
var inseeCodes = [...]string{"", "84", "27", "53", "24", "94", "44", "01", "03", "32", "11", "04", "02", "06", "28", "75", "76", "52", "93"}

// INSEE returns r's INSEE region code ("84" … "93"), "" for an invalid
// region (Annexe 2 §1 names the regions; the code is how files name them).
func (r Region) INSEE() string {
	if !r.IsValid() {
		return ""
	}
	return inseeCodes[r]
}

// ParseRegion reads a region as people write it (Annexe 2 §1): the Annexe 2
// spelling or the official one ("Île-de-France"), in any case, with
// accents or not, composed or combining, typographic apostrophes,
// hyphens or spaces (codec.Fold); or its INSEE code ("11", "01" or
// "1"). The result prints as the one canonical Annexe 2 name. An unknown
// name is a *forfait.InputError wrapping ErrUnknownRegion that suggests
// the nearest region, or lists them all.
func ParseRegion(s string) (Region, error) {
	for _, r := range Regions() { // the Annexe 2 spelling, the most common, without folding
		if s == regionNames[r] {
			return r, nil
		}
	}
	f := codec.Fold(s)
	for _, r := range Regions() {
		if f == foldedNames[r] || f == inseeCodes[r] || len(f) == 1 && "0"+f == inseeCodes[r] {
			return r, nil
		}
	}
	return 0, &forfait.InputError{Field: "region", Value: strconv.Quote(codec.Clip(s)), Reason: suggest(f), Err: ErrUnknownRegion}
}

// foldedNames are the region names as Fold leaves them.
var foldedNames = func() [NumRegions + 1]string {
	var out [NumRegions + 1]string
	for r := Region(1); r <= NumRegions; r++ {
		out[r] = codec.Fold(regionNames[r])
	}
	return out
}()

// suggest names the nearest region to the folded text f when it is close
// (a typo or two), and otherwise lists the names accepted.
func suggest(f string) codec.Text {
	best, dist := Region(0), 4
	for _, r := range Regions() {
		if d := distance(f, foldedNames[r]); d < dist {
			best, dist = r, d
		}
	}
	if best.IsValid() {
		return codec.Text{
			French:  "vouliez-vous dire " + best.String() + " (INSEE " + best.INSEE() + ") ?",
			English: "did you mean " + best.String() + " (INSEE " + best.INSEE() + ")?"}
	}
	names := make([]string, 0, NumRegions)
	for _, r := range Regions() {
		names = append(names, r.String())
	}
	list := strings.Join(names, ", ")
	return codec.Text{
		French:  "attendu : l'une des régions " + list + ", ou un code de région INSEE",
		English: "want one of " + list + ", or an INSEE region code"}
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev, cur := make([]int, len(rb)+1), make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// MarshalText encodes r as String does, the zero value as ""; another
// invalid region is an error.
func (r Region) MarshalText() ([]byte, error) { return regionText.Marshal(r) }

// UnmarshalText decodes the form MarshalText produces; "" is the zero value.
func (r *Region) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*r = 0
		return nil
	}
	v, err := ParseRegion(string(text))
	if err != nil {
		return err
	}
	*r = v
	return nil
}
