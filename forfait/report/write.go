package report

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"

	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
)

// WriteCSV writes t as the CSV French spreadsheets open: a UTF-8
// byte-order mark, the headings, then one line per row, fields separated
// by ";", amounts with a decimal comma and no thousands separator
// ("1234,5"), CRLF line ends.
func WriteCSV(w io.Writer, t Table) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString("\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.Comma, cw.UseCRLF = ';', true
	record := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		record[i] = c.Heading
	}
	if err := cw.Write(record); err != nil {
		return err
	}
	for _, row := range t.Rows {
		for i, c := range row {
			record[i] = c.Text
			if c.Money {
				record[i] = strings.Replace(forfait.Format(c.Amount), ".", ",", 1)
			}
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// WriteJSON writes t as {"title": …, "columns": [{"key", "heading"}…],
// "rows": [{key: value…}…]}, each row's keys in the columns' order and
// amounts as decimal strings ("1234.5").
func WriteJSON(w io.Writer, t Table) error {
	var b strings.Builder
	str := func(s string) {
		q, _ := json.Marshal(s) // a string always marshals
		b.Write(q)
	}
	b.WriteString(`{"title":`)
	str(t.Title)
	b.WriteString(`,"columns":[`)
	for i, c := range t.Columns {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"key":`)
		str(c.Key)
		b.WriteString(`,"heading":`)
		str(c.Heading)
		b.WriteByte('}')
	}
	b.WriteString(`],"rows":[`)
	for i, row := range t.Rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n{")
		for j, c := range row {
			if j > 0 {
				b.WriteByte(',')
			}
			str(t.Columns[j].Key)
			b.WriteByte(':')
			if c.Money {
				str(forfait.Format(c.Amount))
			} else {
				str(c.Text)
			}
		}
		b.WriteByte('}')
	}
	b.WriteString("\n]}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown writes t as a Markdown table under its title, amounts the
// French way: "99 761,93 €", thousands separated by a narrow no-break
// space.
func WriteMarkdown(w io.Writer, t Table) error {
	var b strings.Builder
	b.WriteString("## " + t.Title + "\n\n|")
	for _, c := range t.Columns {
		b.WriteString(" " + escape(c.Heading) + " |")
	}
	b.WriteString("\n|")
	for _, c := range t.Columns {
		if strings.HasSuffix(c.Heading, "(€)") {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteByte('\n')
	for _, row := range t.Rows {
		b.WriteByte('|')
		for _, c := range row {
			v := escape(c.Text)
			if c.Money {
				v = codec.French.Money(c.Amount)
			}
			b.WriteString(" " + v + " |")
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func escape(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ") }
