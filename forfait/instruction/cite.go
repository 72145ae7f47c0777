package instruction

import (
	"regexp"
	"strings"
)

// citeToken finds the pieces of a citation: the scope note, an annex (or a
// range of annexes), an annex paragraph written "A2§3", a paragraph, and a
// row of Annexe 1.
var citeToken = regexp.MustCompile(`Mention Outre-mer|Annexes?[  ](\d)(?:\s*[–-]\s*(\d))?|\bA(\d) ?§ ?(\d+(?:\.\d+)*)|§ ?(\d+(?:\.\d+)*)|\b(PS|DS) ?(\d\.\d)\b`)

// citeJoin is what may stand between two paragraphs of one annex: "§3-§4",
// "§1 and §3", "§4, §5". Anything else ends the annex's scope.
var citeJoin = regexp.MustCompile(`^\s*(?:[,–-]|and|et|or|ou|to|à)?\s*$`)

// cited is one citation found in a text: the unit identifier it names, as
// the register spells it ("§6.1", "Annexe 2 §3", "Annexe 1 PS2.2"), and the
// text as written.
type cited struct {
	Unit    string
	Written string
}

// citations returns every citation in text, in order. A paragraph that
// follows an annex's paragraph or row, joined to it by a comma, a dash or
// "and", is a paragraph of the same annex: an annex's range followed by
// "and" and a paragraph names that annex's paragraph, not one of the
// instruction. Whether each named unit exists is the register's to say
// (Lookup).
func citations(text string) []cited {
	var out []cited
	annex, inAnnex, last := "", false, 0
	for _, m := range citeToken.FindAllStringSubmatchIndex(text, -1) {
		gap := text[last:m[0]]
		if !(inAnnex && citeJoin.MatchString(gap) || strings.TrimSpace(gap) == "") {
			annex = ""
		}
		inAnnex = false
		last = m[1]
		written := text[m[0]:m[1]]
		g := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return text[m[2*i]:m[2*i+1]]
		}
		switch {
		case written == "Mention Outre-mer":
			annex = ""
			out = append(out, cited{written, written})
		case g(1) != "":
			annex = "Annexe " + g(1)
			out = append(out, cited{annex, written})
			if to := g(2); to != "" {
				for n := g(1)[0] + 1; n <= to[0]; n++ {
					out = append(out, cited{"Annexe " + string(n), written})
				}
				annex = ""
			}
		case g(3) != "":
			annex, inAnnex = "Annexe "+g(3), true
			out = append(out, cited{annex + " §" + g(4), written})
		case g(5) != "":
			id := "§" + g(5)
			if annex != "" {
				id = annex + " " + id
				inAnnex = true
				out = dropBare(out, annex)
			}
			out = append(out, cited{id, written})
		default:
			annex = "Annexe 1"
			out = dropBare(out, annex)
			out = append(out, cited{"Annexe 1 " + g(6) + g(7), written})
		}
	}
	return out
}

// dropBare removes a bare annex just cited when one of its paragraphs or
// rows follows it: "Annexe 3 §1" names §1 of Annexe 3, not the annex too.
func dropBare(out []cited, annex string) []cited {
	if n := len(out); n > 0 && out[n-1].Unit == annex {
		return out[:n-1]
	}
	return out
}
