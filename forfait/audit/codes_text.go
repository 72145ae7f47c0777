package audit

import (
	"github.com/sunes-spec/sunes/envelope"
	"github.com/sunes-spec/sunes/forfait/codec"
)

// Text returns what a finding of code c is, as people read it, in French
// and English; the zero Text for a code not of Codes. The package
// documentation gives the rule behind each code.
func (c Code) Text() codec.Text { return codeTexts[c] }

// codeTexts is the catalogue of the findings, by code.
var codeTexts = map[Code]codec.Text{
	AdvanceAmount: {French: "Avance d'un autre montant que la part d'avance du forfait",
		English: "Advance of another amount than the forfait's advance share"},
	BalanceAmount: {French: "Solde d'un autre montant que le forfait moins l'avance versée",
		English: "Balance of another amount than the forfait less the advance paid"},
	BalanceWindow: {French: "Solde dans une autre fenêtre que celle de l'avance ou sa fenêtre de report",
		English: "Balance in another window than the advance's or its deferral window"},
	RepaymentAmount: {French: "Remboursement d'un autre montant que l'avance versée",
		English: "Repayment of another amount than the advance paid"},
	Duplicate: {French: "Versement en double : un domaine n'est financé qu'une fois",
		English: "Duplicate payment: a domain is funded once"},
	NoAdvance: {French: "Solde ou remboursement sans avance versée",
		English: "Balance or repayment with no advance paid"},
	BalanceAndRepayment: {French: "Solde et remboursement pour le même domaine",
		English: "Both a balance and a repayment for one domain"},
	UnknownEstablishment: {French: "Établissement absent de l'extraction",
		English: "Establishment not in the extract"},
	CRONotDS1: {French: "Bonus CRO hors du domaine DS1",
		English: "CRO bonus off domain DS1"},
	RegionCredits: {French: "Versements au-delà des crédits d'avance ou d'usage de la région",
		English: "Payments beyond the region's advance or usage credits"},
	DateCalendar: {French: "Versement daté hors du calendrier de sa fenêtre de financement",
		English: "Payment dated outside its funding window's calendar"},
	NotPilot: {French: "Versement du volet 2 hors des trois ARS pilotes",
		English: "Volet-2 payment outside the three pilot ARS"},
	NotDesignated: {French: "Versement du volet 2 à un établissement sans montant attribué",
		English: "Volet-2 payment to an establishment with no amount attributed"},
	Volet2Cap: {French: "Versements du volet 2 au-delà du plafond de 100 k€ par établissement",
		English: "Volet-2 payments beyond the 100 k€ cap per establishment"},
	AdvanceKept: {French: "Avance conservée après sa date de remboursement, sans solde ni remboursement",
		English: "Advance kept past its repayment date, with neither balance nor repayment"},
}

// kindFR names a payment's kind in French.
var kindFR = map[envelope.Kind]string{envelope.Advance: "avance", envelope.Balance: "solde", envelope.Repayment: "remboursement"}
