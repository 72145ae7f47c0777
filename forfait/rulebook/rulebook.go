// Package rulebook writes the rule book of an instruction: every figure of
// Annexes 1–3, the calendar with the provenance of each date, the
// prerequisites and conditions with their reason codes, the split rules,
// the envelopes, the interpretation register and the worked example of
// Annexe 3 §4 computed live, all read from the rules themselves, in
// Markdown, in French or in English: the French edition speaks the
// instruction's terms and writes numbers and dates the French way
// ("99 761,93", "15 septembre 2021"); the texts of the conditions, the
// interpretations and the register come from their packages' French
// editions. examples/rulebook commits both editions; the server example
// serves them.
package rulebook

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/sunes-spec/sunes/eligibility"
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait"
	"github.com/sunes-spec/sunes/forfait/codec"
	"github.com/sunes-spec/sunes/forfait/instruction"
	"github.com/sunes-spec/sunes/indicator"
	"github.com/sunes-spec/sunes/window"
)

// book accumulates Markdown in one language; the first write error stops
// the writing and is what Render returns.
type book struct {
	w    io.Writer
	err  error
	lang codec.Lang
}

// printf writes one formatted line; go vet checks its calls like fmt.Printf's.
func (b *book) printf(format string, args ...any) {
	if b.err == nil {
		_, b.err = fmt.Fprintf(b.w, format+"\n", args...)
	}
}

// line writes text as it is, then a newline: no verbs are interpreted.
func (b *book) line(text string) {
	if b.err == nil {
		_, b.err = io.WriteString(b.w, text+"\n")
	}
}

func (b *book) table(header string, rows [][]string) {
	cols := strings.Split(header, " | ")
	b.printf("| %s |", header)
	b.printf("|%s", strings.Repeat("---|", len(cols)))
	for _, r := range rows {
		b.printf("| %s |", strings.Join(r, " | "))
	}
	b.line("")
}

// t is the text in the book's language: fr in French, en in English.
func (b *book) t(fr, en string) string { return codec.Text{French: fr, English: en}.In(b.lang) }

// f is a number in the book's language: "176300", "176 300".
func (b *book) f(d decimal.Decimal) string { return b.lang.Number(d) }

// percent is a rate as a percentage: "30 %".
func (b *book) percent(d decimal.Decimal) string { return b.lang.Percent(d) }

// src is a source as the book's language writes it: the default rules'
// sources in French where they hold words, the paragraph numbers as the
// text names itself.
func (b *book) src(s string) string {
	if b.lang == codec.English {
		return s
	}
	if fr, ok := sourcesFR[s]; ok {
		return fr
	}
	return frenchPunctuation.Replace(s)
}

// frenchPunctuation writes a source's paragraph numbers the French way:
// "and" as "et", a space before ";" and ":" (text already spaced stays
// as it is).
var frenchPunctuation = strings.NewReplacer(" ; ", " ; ", " : ", " : ", " and ", " et ", "; ", " ; ", ": ", " : ")

// sourcesFR are the default rules' sources that hold words, in French.
var sourcesFR = map[string]string{
	"ARS programme pages (Île-de-France, Bourgogne-Franche-Comté)":                                                "pages du programme des ARS (Île-de-France, Bourgogne-Franche-Comté)",
	"§6.1: review lasts at most 4 months from the start of the application period":                                "§6.1 : l'instruction dure au plus 4 mois à compter du début de la période de candidature",
	"Annexe 1, PS2.2: end of review 31 December 2021; §6.1: review may start with the first filing":               "Annexe 1, PS2.2 : fin de l'instruction le 31 décembre 2021 ; §6.1 : l'instruction peut commencer au premier dépôt",
	"Annexe 3 §1: the MCO day is the unit":                                                                        "Annexe 3 §1 : la journée MCO est l'unité",
	"Annexe 3 §1: 1 MCO session = 0.5 MCO day":                                                                    "Annexe 3 §1 : 1 séance en MCO équivaut à 0,5 journée MCO",
	"Annexe 3 §1: 1 ambulatory-surgery day stay = 1.5 MCO days":                                                   "Annexe 3 §1 : 1 hospitalisation de jour de chirurgie ambulatoire équivaut à 1,5 journée MCO",
	"Annexe 3 §1: 1 day-hospital stay outside ambulatory surgery = 1 MCO day":                                     "Annexe 3 §1 : 1 hospitalisation de jour, hors chirurgie ambulatoire, équivaut à 1 journée MCO",
	"Annexe 3 §1: 1 SSR day = 0.5 MCO day":                                                                        "Annexe 3 §1 : 1 journée en SSR équivaut à 0,5 journée MCO",
	"Annexe 3 §1: 1 PSY day = 0.5 MCO day":                                                                        "Annexe 3 §1 : 1 journée en PSY équivaut à 0,5 journée MCO",
	"Annexe 3 §1: 1 HAD day = 0.5 MCO day":                                                                        "Annexe 3 §1 : 1 journée en HAD équivaut à 0,5 journée MCO",
	"Annexe 3 §1: 1 USLD day = 0.5 MCO day":                                                                       "Annexe 3 §1 : 1 journée en USLD équivaut à 0,5 journée MCO",
	"§6.1, example of window 3":                                                                                   "§6.1, exemple de la fenêtre 3",
	"Annexe 1, volet 1, columns « Fenêtre 1 - S1 2022 » to « Fenêtre 4 - S2 2023 »":                               "Annexe 1, volet 1, colonnes « Fenêtre 1 - S1 2022 » à « Fenêtre 4 - S2 2023 »",
	"§5: targets declared in oSIS at the end of the funding window; Annexe 1: the window is the semester; INT-22": "§5 : cibles d'usage renseignées dans oSIS à la fin de la fenêtre de financement ; Annexe 1 : la fenêtre est le semestre ; INT-22",
}

// Render writes the rule book of the rules in (Annexes 1–3, §3.3, §5,
// §6.1), in English: RenderIn with codec.English.
func Render(w io.Writer, in *instruction.Rules) error { return RenderIn(w, in, codec.English) }

// RenderIn writes the rule book of the rules in (Annexes 1–3, §3.3, §5,
// §6.1, the interpretation register), every figure read from them, and
// the coverage of the text read from the register of its rules
// (instruction.Register), in the language l. It returns the first error
// of w.
func RenderIn(w io.Writer, in *instruction.Rules, l codec.Lang) error {
	b := &book{w: w, lang: l}
	if err := in.Validate(); err != nil {
		return err
	}
	f, percent := b.f, b.percent
	rs, targets, a2 := in.Forfait, in.Targets, in.Envelopes
	b.line(b.t("# SUN-ES volet 1 — le livre des règles", "# SUN-ES volet 1 — the rule book"))
	b.line("")
	b.printf(b.t("Produit par `go run ./examples/rulebook` à partir des jeux de règles par défaut de la bibliothèque (%s). Ne pas modifier : "+
		"`go run ./examples/rulebook -update` le régénère, et un test échoue quand il n'est plus à jour.",
		"Generated by `go run ./examples/rulebook` from the library's default rule sets (%s). Do not edit: "+
			"`go run ./examples/rulebook -update` regenerates it, and a test fails when it is stale."), rs.Name)
	b.line("")

	b.line(b.t("## 1. Activité combinée (Annexe 3 §1)", "## 1. Combined activity (Annexe 3 §1)"))
	b.line("")
	var rows [][]string
	for _, fld := range forfait.ActivityFields() {
		wt := rs.Weights[fld]
		name := "`" + fld.String() + "`"
		if label, ok := codec.FieldLabel(fld.String()); ok && b.lang != codec.English {
			name = label.French + " (" + name + ")"
		}
		rows = append(rows, []string{name, f(wt.Factor), b.src(wt.Source)})
	}
	b.table(b.t("compte | pondération (équivalent journées MCO) | source", "count | weight (MCO-day equivalents) | source"), rows)

	b.line(b.t("## 2. Catégories et montants de base (Annexe 3 §3 ; INT-01, INT-02)", "## 2. Categories and base amounts (Annexe 3 §3; INT-01, INT-02)"))
	b.line("")
	rows = nil
	for i, band := range rs.Bands {
		upper := b.t("maximum national (INT-02)", "national maximum (INT-02)")
		if i+1 < forfait.NumCategories {
			upper = f(rs.Bands[i+1].Lower) + b.t(" (exclu)", " (excluded)")
		}
		row := []string{forfait.Category(i + 1).String(), f(band.Lower), upper}
		for _, d := range forfait.Domains() {
			r := band.Amounts[d.Index()]
			row = append(row, f(r.Min)+" – "+f(r.Max))
		}
		rows = append(rows, append(row, b.src(band.Source)))
	}
	b.table(b.t("catégorie | de | à | DS1 standard (€) | DS2 biologie (€) | DS3 imagerie (€) | source",
		"category | from | to | DS1 standard (€) | DS2 biology (€) | DS3 imaging (€) | source"), rows)
	b.line(b.t("Au sein d'une catégorie, le montant de base est interpolé linéairement : min + (activité − de) × (max − min) / (à − de) (INT-01).",
		"Within a category the base amount is interpolated linearly: min + (activity − from) × (max − min) / (to − from) (INT-01)."))
	b.line("")

	b.line(b.t("## 3. Bonus, fenêtres et dégressivité", "## 3. Bonus, windows and discount"))
	b.line("")
	b.printf(b.t("- Bonus CRO (DS1 seulement) : +%s [%s]", "- CRO bonus (DS1 only): +%s [%s]"), percent(rs.CROBonus.Value), b.src(rs.CROBonus.Source))
	b.printf(b.t("- Forfait = base × (1 + bonus, si CRO) × facteur de la fenêtre, arrondi : la base à %s €, le forfait à %s € (les moitiés en s'éloignant de zéro) [%s ; INT-03, paramètre `RuleSet.Rounding`]",
		"- Forfait = base × (1 + bonus, if CRO) × window factor, rounded: base to %s €, forfait to %s € (halves away from zero) [%s; INT-03, policy `RuleSet.Rounding`]"),
		f(rs.Rounding.BaseUnit), f(rs.Rounding.ForfaitUnit), b.src(rs.Rounding.Source))
	b.line("")
	rows = nil
	for _, win := range window.All() {
		t := rs.Windows.Terms(win)
		rows = append(rows, []string{win.String(), percent(t.Factor), b.src(t.FactorSource), b.period(t.Application), b.period(t.Review), b.period(t.Measurement)})
	}
	b.table(b.t("fenêtre | facteur | source | période de candidature | période d'instruction par l'ARS | mesure des cibles",
		"window | factor | source | application period | ARS review period | targets measured"), rows)
	b.line(b.t("Chaque période est marquée *énoncée* (dans l'instruction), *publiée* (pages du programme des ARS) ou *déduite* (de la règle des 4 mois du §6.1). Sources :",
		"Each period is marked *stated* (in the instruction), *published* (ARS programme pages) or *inferred* (from §6.1's 4-month rule). Sources:"))
	b.line("")
	for _, win := range window.All() {
		t := rs.Windows.Terms(win)
		b.printf(b.t("- fenêtre %s : candidature — %s ; instruction — %s ; mesure — %s", "- window %s: application — %s; review — %s; measurement — %s"),
			win, b.src(t.Application.Source), b.src(t.Review.Source), b.src(t.Measurement.Source))
	}
	b.line(b.t("- fenêtre de report : w+1, aucune après la fenêtre 4 (Annexe 2 §3 ; INT-05)", "- deferral window (fenêtre de report): w+1, none after window 4 (Annexe 2 §3; INT-05)"))
	b.line("")
	b.line(b.t("Dates limites de déclaration : l'établissement renseigne ses cibles d'usage dans oSIS à la fin de la fenêtre (§5) ; un domaine toujours pas déclaré après la date limite de la fenêtre qu'il attend est traité comme ayant manqué ses cibles (INT-23).",
		"Declaration deadlines: the establishment declares its targets in oSIS at the end of the window (§5); a domain still undeclared after the deadline of the window it awaits is settled as missed (INT-23)."))
	b.line("")
	for _, win := range window.All() {
		d := rs.Windows.Terms(win).Declaration
		b.printf(b.t("- fenêtre %s : %s *%s* [%s]", "- window %s: %s *%s* [%s]"), win, d.Date.In(b.lang), b.provenance(d.Provenance), b.src(d.Source))
	}
	b.line("")

	b.line(b.t("## 4. Cibles d'usage (Annexe 1 ; INT-07)", "## 4. Usage targets (Annexe 1; INT-07)"))
	b.line("")
	rows = nil
	for _, id := range indicator.IDs() {
		in := indicator.Describe(id)
		row := []string{id.String(), in.Domain.String(), in.Label, b.t(strings.ReplaceAll(in.Format, "level", "niveau"), in.Format)}
		for _, win := range window.All() {
			row = append(row, percent(targets.Target(id, win).Shift(-2)))
		}
		rows = append(rows, row)
	}
	b.table(b.t("indicateur | domaine | libellé de l'Annexe 1 | format | fenêtre 1 | fenêtre 2 | fenêtre 3 | fenêtre 4",
		"indicator | domain | Annexe 1 wording | format | window 1 | window 2 | window 3 | window 4"), rows)
	b.printf(b.t("DS1 est atteint quand DS1.1 et DS1.2 le sont ; son bonus CRO demande aussi DS1.3 ; DS2 par DS2.1, DS3 par DS3.1. Une cible est atteinte quand taux ≥ cible, comparés exactement [%s].",
		"DS1 is reached when DS1.1 and DS1.2 are; its CRO bonus needs DS1.3 too; DS2 by DS2.1, DS3 by DS3.1. A target is reached when rate ≥ target, compared exactly [%s]."), b.src(targets.Source))
	b.line("")

	conds := eligibility.Conditions(in)
	b.line(b.t("## 5. Les six prérequis (Annexe 1)", "## 5. The six prerequisites (Annexe 1)"))
	b.line("")
	rows = nil
	for _, c := range conds {
		if strings.HasPrefix(string(c.Code), "PS") {
			if b.lang == codec.English {
				rows = append(rows, []string{"`" + string(c.Code) + "`", c.Source, c.English, c.French})
			} else {
				rows = append(rows, []string{"`" + string(c.Code) + "`", b.src(c.Source), c.French})
			}
		}
	}
	b.table(b.t("code du motif | source | motif de non validation", "reason code | source | refused when (English) | motif (français)"), rows)

	b.line(b.t("## 6. Conditions d'éligibilité (§5, §4.2, §6.1)", "## 6. Eligibility conditions (§5, §4.2, §6.1)"))
	b.line("")
	rows = nil
	for _, c := range conds {
		if !strings.HasPrefix(string(c.Code), "PS") {
			scope := b.t("candidature", "application")
			if c.PerDomain() {
				scope = b.t("chaque domaine", "each domain")
			}
			src := c.Source
			if len(c.Interpretations) > 0 {
				src += "; " + strings.Join(c.Interpretations, ", ")
			}
			if b.lang == codec.English {
				rows = append(rows, []string{"`" + string(c.Code) + "`", src, scope, c.English, c.French})
			} else {
				rows = append(rows, []string{"`" + string(c.Code) + "`", b.src(src), scope, c.French})
			}
		}
	}
	b.table(b.t("code du motif | source | jugé pour | motif de non validation", "reason code | source | judged for | refused when (English) | motif (français)"), rows)
	b.line(b.t("Un financement antérieur HOP'EN ou Hôpital numérique n'est jamais un motif de refus (§5).", "Earlier HOP'EN or Hôpital numérique funding is never a reason to refuse (§5)."))
	b.line("")
	b.line(b.t("Chaque domaine d'une candidature est décidé pour lui-même : une condition jugée pour la candidature fait refuser tous ses domaines, une condition jugée pour chaque domaine ne fait refuser que celui-ci (DS2 sans laboratoire, DS3 sans plateau d'imagerie, un domaine déjà financé) ; la décision énumère les domaines validés et, pour chaque domaine refusé, tous ses motifs de non validation (§5, §6.1). Un dossier n'ouvre que les domaines validés, avec leurs avances ; la décision est prise, et le dossier ouvert, avant la fin de la période d'instruction de la fenêtre (§6.1).",
		"Each domain of an application is decided on its own: a condition judged for the application refuses every domain, a condition judged for each domain refuses that domain alone (DS2 without a laboratory, DS3 without an imaging unit, a domain already funded); the decision lists the domains validated and, for each one refused, every reason (§5, §6.1). A dossier opens the validated domains only, with their advances; a decision is taken, and a dossier opened, by the end of the window's review period (§6.1)."))
	b.line("")

	b.line(b.t("## 7. Avance, solde, remboursement (§5, Annexe 2 §3 ; INT-04 à INT-06)", "## 7. Advance, balance, repayment (§5, Annexe 2 §3; INT-04 to INT-06)"))
	b.line("")
	b.printf(b.t("- Avance = %s du forfait de chaque domaine, arrondie à %s €, à la validation [%s ; INT-04].", "- Advance = %s of each domain's forfait, rounded to %s €, on validation [%s; INT-04]."),
		percent(rs.Advance.Value), f(rs.Rounding.AdvanceUnit), b.src(rs.Advance.Source))
	b.line(b.t("- Solde = forfait − avance, quand les cibles du domaine sont atteintes ; avance + solde = forfait, toujours.", "- Balance = forfait − advance, when the domain's targets are reached; advance + balance = forfait, always."))
	b.line(b.t("- CRO demandé, DS1 atteint, DS1.3 manqué : le forfait standard moins l'avance (INT-06).", "- CRO asked, DS1 reached, DS1.3 missed: the standard forfait less the advance (INT-06)."))
	b.line(b.t("- Cibles manquées : un report en w+1, avec ses cibles et son forfait, l'avance déduite (INT-05) ; sinon, ou de nouveau manquées, l'avance est remboursée (Annexe 2 §3).",
		"- Targets missed: one deferral to w+1 with its targets and forfait, the advance deducted (INT-05); otherwise, or missed again, the advance is repaid (Annexe 2 §3)."))
	b.line(b.t("- Cibles non déclarées après la date limite de déclaration de la fenêtre qu'attend un domaine : manquées ; report en w+1 si l'établissement l'a demandé dans sa première fenêtre, avance remboursée sinon ou après la date limite de la fenêtre de report (§5, Annexe 2 §3 ; INT-22, INT-23).",
		"- Targets undeclared after the declaration deadline of the window a domain awaits: missed; deferred to w+1 if the establishment asked for it in its first window, its advance repaid otherwise or after the deferral window's deadline (§5, Annexe 2 §3; INT-22, INT-23)."))
	b.line(b.t("- PS2.2 attesté par un bon de commande en fenêtre 1 : l'audit doit être enregistré comme réalisé avant la fin de la période d'instruction de la fenêtre 1 ; sinon, passé ce jour, chaque domaine qui attend encore ses cibles est remboursé au règlement (Annexe 1, PS2.2 ; INT-24).",
		"- PS2.2 proved by a purchase order in window 1: the audit must be recorded done by the end of window 1's review period; otherwise, once that day has passed, every domain still awaiting its targets is repaid at settlement (Annexe 1, PS2.2; INT-24)."))
	b.line(b.t("- Dossier de GHT : les forfaits et les cibles de chaque établissement partie sont les siens ; le GHT les totalise et son établissement support reçoit les notifications dans le cadre de sa convention de délégation avec l'ARS (Annexe 3 §2 ; INT-25).",
		"- GHT dossier: each member's forfaits and targets are its own; the GHT totals them and its support establishment receives the notifications under its delegation agreement with the ARS (Annexe 3 §2; INT-25)."))
	b.line("")

	b.line(b.t("## 8. Enveloppes (§3.3, Annexe 2)", "## 8. Envelopes (§3.3, Annexe 2)"))
	b.line("")
	b.printf(b.t("Programme national %s € = volet 1 %s € + pilote du volet 2 %s € + généralisation de la MSS %s € ; volet 1 = DS1 %s € + DS2 %s € + DS3 %s € [%s].",
		"National programme %s € = volet 1 %s € + volet 2 pilot %s € + MSS generalisation %s €; volet 1 = DS1 %s € + DS2 %s € + DS3 %s € [%s]."),
		f(a2.Total), f(a2.Volet1), f(a2.Volet2Pilot), f(a2.MSSGeneralisation), f(a2.Volet1ByDomain[0]), f(a2.Volet1ByDomain[1]), f(a2.Volet1ByDomain[2]), b.src(a2.Source))
	b.line("")
	rows = nil
	for _, e := range a2.Regions {
		c, err := envelope.SplitCredits(&rs, e.Amount)
		if err != nil {
			return err
		}
		rows = append(rows, []string{e.Region.String(), f(e.Amount), f(c.Advance), f(c.Usage)})
	}
	rows = append(rows, []string{"**total**", f(a2.Volet1), "", ""})
	b.table(b.t("région (Annexe 2 §1) | enveloppe du volet 1 (€) | crédits d'avance, 30 % (€) | crédits d'usage (€)",
		"region (Annexe 2 §1) | volet 1 envelope (€) | advance credits, 30 % (€) | usage credits (€)"), rows)
	rows = nil
	for _, e := range a2.Pilots {
		rows = append(rows, []string{e.Region.String(), f(e.Amount)})
	}
	b.table(b.t("région pilote du volet 2 (Annexe 2 §2) | enveloppe (€)", "volet 2 pilot region (Annexe 2 §2) | envelope (€)"), rows)
	b.printf(b.t("Les forfaits du volet 2 sont plafonnés à %s € par établissement ; les enveloppes du volet 1 et du volet 2 ne sont pas fongibles (§3.3). Les répartitions se font à l'euro, par plus forts restes (INT-08).",
		"Volet-2 forfaits are capped at %s € per establishment; volet 1 and volet 2 envelopes are not fungible (§3.3). Allocations are to the euro by largest remainder (INT-08)."), f(a2.Volet2Cap))
	b.line("")

	b.line(b.t("## 9. Registre des interprétations", "## 9. Interpretation register"))
	b.line("")
	for _, e := range forfait.Interpretations() {
		e = e.In(b.lang)
		b.printf("### %s — %s", e.ID, e.Question)
		b.line("")
		b.printf(b.t("- Passage : %s", "- Passage: %s"), b.src(e.Passage))
		b.printf(b.t("- Lectures envisagées : %s", "- Options considered: %s"), strings.Join(e.Options, b.t(" ; ", "; ")))
		b.printf(b.t("- Lecture retenue : %s", "- Reading: %s"), e.Reading)
		b.printf(b.t("- Pourquoi : %s", "- Why: %s"), e.Why)
		if e.Policy != "" {
			b.printf(b.t("- Paramètre (l'appelant peut en choisir une autre) : %s", "- Policy (a caller may choose otherwise): %s"), e.Policy)
		} else {
			b.line(b.t("- Paramètre : aucun, la lecture est fixe", "- Policy: none, the reading is fixed"))
		}
		if b.lang == codec.English {
			b.printf("- Relied on by: %s", strings.Join(e.DependsOn, ", "))
		} else {
			b.printf("- Utilisée par : `%s`", strings.Join(e.DependsOn, "`, `"))
		}
		b.printf(b.t("- Arrêtée : %s", "- Settled in: %s"), b.origin(e.Origin))
		b.line("")
	}

	b.line(b.t("## 10. Exemple chiffré (Annexe 3 §4), calculé à la volée", "## 10. Worked example (Annexe 3 §4), computed live"))
	b.line("")
	b.line(b.t("Catégorie C, activité combinée 127 800 ; DS1 avec CRO en fenêtre 1, biologie en fenêtre 4, imagerie en fenêtre 2. "+
		"(L'annexe intitule sa ligne à 80 % « Fenêtre 3 » ; 80 % est le facteur de la fenêtre 4.)",
		"Category C, combined activity 127 800; DS1 with CRO in window 1, biology in window 4, imaging in window 2. "+
			"(The annex labels its 80 % line \"Fenêtre 3\"; 80 % is window 4's factor.)"))
	b.line("")
	for _, unit := range []int64{1000, 1} {
		ex := rs
		ex.Rounding.BaseUnit = decimal.New(unit, 0)
		rows = nil
		total := decimal.Zero
		for _, req := range forfait.WorkedExample() {
			fo, err := ex.Compute(req)
			if err != nil {
				return err
			}
			rows = append(rows, []string{fo.Variant.Domain.String(), fo.Window.String(), f(fo.Base), f(fo.Amount), f(fo.Advance), f(fo.Balance)})
			total = total.Add(fo.Amount)
		}
		rows = append(rows, []string{"**total**", "", "", f(total), "", ""})
		b.printf(b.t("Unité de base %s € (INT-03) :", "Base unit %s € (INT-03):"), f(ex.Rounding.BaseUnit))
		b.line("")
		b.table(b.t("domaine | fenêtre | base (€) | forfait (€) | avance (€) | solde (€)", "domain | window | base (€) | forfait (€) | advance (€) | balance (€)"), rows)
	}
	b.coverage(instruction.Register())
	return b.err
}

// origin is when an interpretation was settled, in the book's language.
func (b *book) origin(o string) string {
	switch {
	case b.lang == codec.English:
		return o
	case o == "first edition of the register":
		return "dans la première édition du registre"
	case o == "added while encoding the rules":
		return "en encodant les règles"
	}
	return o
}

// coverage writes the chapter on how much of the text the library
// encodes: per unit, its rules and where each is encoded, or why not;
// then the totals.
func (b *book) coverage(units []instruction.Unit) {
	b.line(b.t("## 11. Couverture du texte", "## 11. Coverage of the text"))
	b.line("")
	b.line(b.t("Chaque unité de l'instruction telle que le texte la numérote, avec les règles qu'elle pose et la position de la bibliothèque "+
		"pour chacune : *encodée* (les symboles qui l'appliquent et les tests qui la fixent), *interprétée* (appliquée au moyen de "+
		"lectures que le texte ne pose pas, identifiants INT) ou *non encodée* (et pourquoi). Une règle qu'une unité ultérieure répète est comptée "+
		"une fois, là où le texte la pose d'abord. « Argent » marque une règle qui fait circuler de l'argent ou décide de l'éligibilité.",
		"Every unit of the instruction as the text numbers it, with the rules it states and how the library stands "+
			"towards each: *encoded* (the symbols that apply it and the tests that pin it), *interpreted* (applied through "+
			"readings the text does not state, INT ids) or *not encoded* (and why). A rule a later unit repeats is counted "+
			"once, where the text first states it. \"Money\" marks a rule that moves money or decides eligibility."))
	b.line("")
	for _, u := range units {
		u = u.In(b.lang)
		if u.Kind == instruction.Informative {
			b.printf("### %s — %s", u.ID, u.Heading)
			b.line("")
			b.line(b.t("Informatif : contexte, objectifs ou gouvernance ; aucune règle à appliquer.", "Informative: context, objectives or governance; no rule to apply."))
			b.line("")
			continue
		}
		b.printf("### %s — %s", u.ID, u.Heading)
		b.line("")
		if len(u.Rules) > 0 {
			var rows [][]string
			for _, r := range u.Rules {
				money := b.t("non", "no")
				if r.Money {
					money = b.t("oui", "yes")
				}
				rows = append(rows, []string{r.ID, r.Statement, money, "*" + b.status(r.Status) + "*", b.where(r)})
			}
			b.table(b.t("règle | énoncé | argent | statut | où, ou pourquoi pas", "rule | statement | money | status | where, or why not"), rows)
		}
		if len(u.Restates) > 0 {
			b.printf(b.t("Reprend %s.", "Restates %s."), strings.Join(u.Restates, ", "))
			b.line("")
		}
	}
	t := instruction.Count(units)
	b.line(b.t("### Totaux", "### Totals"))
	b.line("")
	row := func(name string, c instruction.Coverage) []string {
		return []string{name, fmt.Sprint(c.Encoded), fmt.Sprint(c.Interpreted), fmt.Sprint(c.NotEncoded), fmt.Sprint(c.Total())}
	}
	b.table(b.t("règles | encodées | interprétées | non encodées | total", "rules | encoded | interpreted | not encoded | total"), [][]string{
		row(b.t("faisant circuler de l'argent ou décidant de l'éligibilité", "moving money or deciding eligibility"), t.Money),
		row(b.t("autres", "other"), t.Other),
		row(b.t("**toutes**", "**all**"), t.All),
	})
}

// status is a rule's status in the book's language.
func (b *book) status(s instruction.Status) string {
	switch {
	case b.lang == codec.English:
		return s.String()
	case s == instruction.Encoded:
		return "encodée"
	case s == instruction.Interpreted:
		return "interprétée"
	}
	return "non encodée"
}

// where says where a rule is encoded (symbols, INT ids, tests) or why not.
func (b *book) where(r instruction.Rule) string {
	if r.Status == instruction.NotEncoded {
		return r.Reason
	}
	s := "`" + strings.Join(r.Symbols, "`, `") + "`"
	if len(r.Interpretations) > 0 {
		s += b.t(" ; ", "; ") + strings.Join(r.Interpretations, ", ")
	}
	if b.lang == codec.English {
		return s + "; tests: " + strings.Join(r.Tests, ", ")
	}
	return s + " ; tests : `" + strings.Join(r.Tests, "`, `") + "`"
}

// period is a period in the book's language, with its provenance.
func (b *book) period(p window.Period) string {
	return p.Start.In(b.lang) + " – " + p.End.In(b.lang) + " *" + b.provenance(p.Provenance) + "*"
}

// provenance is where a date of the calendar comes from, in the book's
// language.
func (b *book) provenance(p window.Provenance) string {
	if b.lang == codec.English {
		return p.String()
	}
	return map[window.Provenance]string{window.Stated: "énoncée", window.Published: "publiée", window.Inferred: "déduite"}[p]
}
