package instruction

import "github.com/sunes-spec/sunes/forfait/codec"

// In returns the unit as a reader of l reads it: in French, its heading
// and its rules' statements and reasons from the register's French
// edition; in English, as it is. IDs, kinds, statuses, symbols, tests and
// INT ids never change. A text the French edition lacks stays in English
// (a test fails on it).
func (u Unit) In(l codec.Lang) Unit {
	if l == codec.English {
		return u
	}
	if h, ok := unitHeadingsFR[u.ID]; ok {
		u.Heading = h
	}
	rules := make([]Rule, len(u.Rules))
	for i, r := range u.Rules {
		if fr, ok := rulesFR[r.ID]; ok {
			r.Statement = fr.Statement
			if r.Reason != "" && fr.Reason != "" {
				r.Reason = fr.Reason
			}
		}
		rules[i] = r
	}
	u.Rules = rules
	return u
}

// unitHeadingsFR are the units' headings in French, by unit ID.
var unitHeadingsFR = map[string]string{
	"Mention Outre-mer": "Application outre-mer",
	"§1":                "Le Ségur : une chance d'accélérer la feuille de route nationale du numérique en santé",
	"§2":                "Le volet numérique du Ségur",
	"§2.1":              "Mon Espace Santé pour chaque citoyen",
	"§2.2":              "Un travail organisé en task forces",
	"§2.3":              "Deux leviers : l'équipement (SONS) et le financement à l'usage",
	"§3":                "Le programme SUN-ES : présentation et pilotage",
	"§3.1":              "Objectifs de SUN-ES",
	"§3.2":              "Deux volets : alimenter le DMP et la messagerie sécurisée",
	"§3.3":              "Répartition financière entre les deux volets",
	"§4":                "Modalités de financement du volet 1",
	"§4.1":              "Un financement conditionné à des objectifs d'usage",
	"§4.2":              "Cohérence avec la convergence du GHT",
	"§4.3":              "Des forfaits par domaine, quel que soit le coût",
	"§4.4":              "Un programme inclusif, à enveloppes régionales",
	"§5":                "Conditions de financement",
	"§6":                "Mise en œuvre du levier de financement",
	"§6.1":              "Volet 1 : calendrier, candidatures, sélection par l'ARS",
	"§6.2":              "Volet 2 : messagerie sécurisée citoyenne",
	"§7":                "Pilotage du levier de financement",
	"§7.1":              "Pilotage national",
	"§7.2":              "Déclinaison régionale",
	"§8":                "Questions et contacts",
	"Annexe 1":          "Prérequis et indicateurs d'usage du volet 1",
	"Annexe 1 PS1.1":    "Cellule d'identitovigilance opérationnelle",
	"Annexe 1 PS1.2":    "Référentiel national d'identitovigilance approprié",
	"Annexe 1 PS2.1":    "Politique de sécurité, plan d'action et responsable de la sécurité",
	"Annexe 1 PS2.2":    "Audit externe de cybersurveillance",
	"Annexe 1 PS3.1":    "Système d'information hospitalier en capacité d'alimenter le DMP",
	"Annexe 1 PS3.2":    "Messagerie dans l'espace de confiance MSSanté",
	"Annexe 1 DS1.1":    "Lettres de liaison de sortie envoyées au DMP",
	"Annexe 1 DS1.2":    "Ordonnances de sortie envoyées au DMP",
	"Annexe 1 DS1.3":    "Comptes rendus opératoires envoyés au DMP (bonus)",
	"Annexe 1 DS2.1":    "Comptes rendus de biologie structurés envoyés au DMP",
	"Annexe 1 DS3.1":    "Comptes rendus d'imagerie envoyés au DMP",
	"Annexe 2":          "Enveloppes régionales",
	"Annexe 2 §1":       "Enveloppes régionales du volet 1",
	"Annexe 2 §2":       "Enveloppes des pilotes du volet 2",
	"Annexe 2 §3":       "Volet 1 : parts d'avance et d'usage de l'enveloppe",
	"Annexe 2 §4":       "Volet 2 : parts d'avance et d'usage",
	"Annexe 2 §5":       "Sélections et rythme de consommation de l'enveloppe régionale",
	"Annexe 3":          "Montant unitaire par domaine et par établissement, volet 1",
	"Annexe 3 §1":       "Activité combinée",
	"Annexe 3 §2":       "Montant par établissement et au sein d'un GHT",
	"Annexe 3 §3":       "Montants minima et maxima par catégorie et par domaine",
	"Annexe 3 §4":       "Exemple chiffré, catégorie C",
}

// ruleFR is a rule's text in French.
type ruleFR struct {
	Statement string
	Reason    string // for a rule not encoded
}

const (
	outsideARSFR      = "une obligation de l'ARS envers le niveau national, hors du champ d'une bibliothèque de règles"
	outsideNationalFR = "une obligation du niveau national (DGOS, DNS), hors du champ d'une bibliothèque de règles"
)

// rulesFR are the rules in French, by rule ID.
var rulesFR = map[string]ruleFR{
	"R-OM-01":  {"Les règles s'appliquent outre-mer, sauf en Polynésie française, en Nouvelle-Calédonie et à Wallis-et-Futuna.", ""},
	"R-2.3-01": {"Le financement à l'usage de cette instruction va aux seuls établissements de santé du secteur sanitaire, ni aux professionnels de santé ni au secteur médico-social.", ""},
	"R-3.2-01": {"Le volet 1 a trois domaines : documents de sortie, comptes rendus de biologie médicale, comptes rendus d'imagerie.", ""},
	"R-3.2-02": {"Le pilote du volet 2, la messagerie sécurisée citoyenne, se tient dans trois départements de juillet à novembre 2021 ; une instruction ultérieure couvre la généralisation.",
		"les départements et les dates du pilote sont choisis par l'Assurance Maladie, hors des règles du forfait"},
	"R-3.3-01": {"Les 210 M€ nationaux se répartissent en 158 M€ pour le volet 1 (123 M€ documents de sortie, 11 M€ biologie, 24 M€ imagerie), 1,5 M€ pour le pilote du volet 2 et 50,5 M€ pour la généralisation de la messagerie sécurisée.", ""},
	"R-3.3-02": {"Les enveloppes du volet 1 et du volet 2 ne sont pas fongibles.", ""},
	"R-3.3-03": {"Seules les ARS Hauts-de-France, Occitanie et Pays de la Loire participent au pilote du volet 2.", ""},
	"R-3.3-04": {"Chaque ARS désigne les établissements pilotes avec l'Assurance Maladie, la DNS et la DGOS, selon le statut juridique, l'activité et la capacité à atteindre les objectifs.",
		"un choix de l'ARS et de ses partenaires, selon leurs propres critères, hors du champ d'une bibliothèque de règles : le module prend la désignation telle qu'elle lui est donnée (R-3.3-08)"},
	"R-3.3-05": {"Le forfait d'un établissement pilote est fondé sur son activité combinée 2019.",
		"le texte ne donne aucune formule sous le plafond : le module prend le montant que déclare l'ARS (INT-18) et ne le tire pas de l'activité combinée"},
	"R-3.3-06": {"Un établissement pilote reçoit au plus 100 k€.", ""},
	"R-3.3-07": {"Un forfait pilote est versé à 30 % en avance et à 70 % quand les objectifs du pilote sont atteints.", ""},
	"R-3.3-08": {"Le financement du volet 2 va aux établissements que leur ARS a désignés, sur le montant forfaitaire attribué à chacun.", ""},
	"R-4.2-01": {"Les cibles ne peuvent être atteintes avec des logiciels nouvellement acquis hors du schéma de convergence du GHT ; les logiciels déjà en place peuvent servir.", ""},
	"R-4.3-01": {"Le forfait dépend de l'activité combinée, du domaine et de la fenêtre ; plus la fenêtre choisie est précoce, plus ses cibles sont basses et son forfait élevé.", ""},
	"R-5-01":   {"Une candidature se fait par établissement (par FINESS), et son financement est calculé sur sa propre activité combinée 2019, même au sein d'un GHT ou d'un groupe privé.", ""},
	"R-5-02":   {"Les six prérequis de l'Annexe 1 doivent tous être atteints.", ""},
	"R-5-03":   {"L'établissement s'engage sur les cibles des domaines et de la fenêtre qu'il désigne, parmi quatre fenêtres ; les cibles sont suivies par établissement.", ""},
	"R-5-04":   {"Les éditeurs des logiciels utilisés sont référencés dans RELIMS.", ""},
	"R-5-05":   {"Les prérequis sont saisis dans oSIS à la candidature, et l'établissement s'engage à déclarer ses cibles dans oSIS à la fin de sa fenêtre.", ""},
	"R-5-06":   {"La biologie et l'imagerie requièrent un laboratoire ou un plateau d'imagerie interne de même FINESS juridique que l'établissement.", ""},
	"R-5-07":   {"Un membre de GHT requiert aussi le schéma directeur du système d'information du GHT, à jour, déposé dans oSIS par l'établissement support, ses indicateurs de convergence saisis dans oSIS, et un DSI de GHT validé par le directeur de l'établissement support.", ""},
	"R-5-08":   {"Un financement antérieur Hôpital numérique ou HOP'EN n'est jamais un motif de refus.", ""},
	"R-5-09":   {"L'avance vaut 30 % du forfait du domaine, notifiée à la validation de la candidature, sans facture.", ""},
	"R-5-10":   {"Le solde (forfait moins avance) est versé une fois les cibles du domaine atteintes, mesurées sur les taux déclarés dans oSIS, après contrôle par l'ARS.", ""},
	"R-5-11":   {"Les taux sont ceux déclarés aux échéances fixées dans le dossier de financement : un dossier aux déclarations tardives est clos.", ""},
	"R-5-12":   {"Les documents de sortie ont un forfait standard et un forfait avancé, avec un bonus de 10 %, pour les dossiers dont les comptes rendus opératoires alimentent le DMP.", ""},
	"R-5-13":   {"Un domaine n'est financé qu'une fois par établissement sur le programme : une candidature sur un domaine que l'historique de l'établissement montre financé est refusée, et le suivi des crédits n'inscrit jamais deux fois la même notification.", ""},
	"R-5-14":   {"Un domaine financé dans une fenêtre ne l'est pas de nouveau dans une autre : les dossiers et le suivi des crédits eux-mêmes le refusent.", ""},
	"R-5-15":   {"Un domaine dont l'avance a été remboursée compte comme financé : une candidature ultérieure sur ce domaine est refusée, et une seconde avance sur ce domaine est un doublon.", ""},
	"R-6.1-01": {"Quatre fenêtres de financement, une par semestre ; chacune a une période de candidature de 2 mois au plus et une période d'instruction par l'ARS de 4 mois au plus, qui peut commencer au premier dépôt.", ""},
	"R-6.1-02": {"Un établissement ne candidate que pendant la période de candidature de la fenêtre qu'il vise.", ""},
	"R-6.1-03": {"Une candidature par fenêtre, qui désigne ses domaines ; des domaines visant des fenêtres différentes demandent une candidature par fenêtre.", ""},
	"R-6.1-04": {"Les justificatifs des prérequis sont déposés avec la candidature ; sans eux l'ARS ne peut valider.",
		"le module enregistre si chaque prérequis est atteint (et, dans un GHT, si l'établissement support s'en est assuré), non les justificatifs déposés ; les apprécier relève de l'instruction par l'ARS"},
	"R-6.1-05": {"Les candidatures sont déposées sur Démarches simplifiées, par un formulaire, par un référent projet disposant d'un compte utilisateur.",
		"un canal de dépôt, hors du champ d'une bibliothèque de règles"},
	"R-6.1-06": {"Pour un membre public d'un GHT, le directeur de l'établissement et le directeur de l'établissement support valident la candidature.", ""},
	"R-6.1-07": {"L'ARS instruit d'abord les prérequis, puis sélectionne ; un refus énonce ses motifs de non validation.", ""},
	"R-6.1-08": {"L'ARS peut valider toute candidature conforme aux §4 et §5, dans la limite des crédits qui lui sont délégués.", ""},
	"R-6.1-09": {"Pour chaque fenêtre, l'ARS présente à la DNS et à la DGOS les candidatures validées et refusées : FINESS géographique et juridique, domaines et échéances, statut, financement ou motif, et GHT.", ""},
	"R-6.1-10": {"L'ARS informe les établissements des validations et des refus, motivés, avant la fin de la période d'instruction.", ""},
	"R-6.1-11": {"Les versements suivent le calendrier : une avance suit une candidature déposée pendant la période de candidature de sa fenêtre ; un solde ou un remboursement suit la mesure des cibles d'usage de la fenêtre sur son semestre.", ""},
	"R-6.1-12": {"Les crédits délégués dès la première fenêtre sont suffisamment élevés pour ne pas limiter les candidatures que valide une ARS.",
		"une obligation du niveau national quand il dimensionne les délégations, hors du champ d'une bibliothèque de règles : le module confronte chaque inscription aux tranches qui lui sont données (R-6.1-08), il ne les dimensionne pas"},
	"R-7.1-01":      {"La DGOS, sous l'égide de la DNS, suit le déploiement et les indicateurs, les délégations et le calendrier, et fournit une plateforme pour les dossiers et les enveloppes.", outsideNationalFR},
	"R-7.2-01":      {"Chaque ARS désigne un correspondant au plus tard le 31 août 2021, rend compte périodiquement à la DGOS et à la DNS, participe aux revues et promeut le programme.", outsideARSFR},
	"R-A1-01":       {"Les indicateurs et les cibles peuvent évoluer après concertation publique : ce sont des données des règles, par indicateur et par fenêtre.", ""},
	"R-A1-02":       {"Un domaine est atteint quand chacun de ses indicateurs atteint la cible de sa fenêtre (DS1 par DS1.1 et DS1.2, le bonus aussi par DS1.3), comparée exactement ; un taux jamais déclaré manque, il ne vaut pas zéro.", ""},
	"R-A1-03":       {"Les cibles de chaque fenêtre sont mesurées sur son semestre : S1 2022, S2 2022, S1 2023, S2 2023.", ""},
	"R-A1-PS1.1-01": {"La cellule d'identitovigilance se réunit au moins une fois par semestre et peut livrer un rapport d'activité.", ""},
	"R-A1-PS1.1-02": {"Au sein d'un GHT, une cellule de niveau GHT s'appuie sur les cellules des membres.", ""},
	"R-A1-PS1.1-03": {"Au sein d'un GHT, chaque prérequis reste jugé par établissement candidat.", ""},
	"R-A1-PS1.1-04": {"Au sein d'un GHT, l'établissement support s'assure que chaque membre candidat atteint chaque prérequis.", ""},
	"R-A1-PS1.2-01": {"Le questionnaire d'appropriation RNIV 1 et 2 du guide des prérequis est renseigné.", ""},
	"R-A1-PS2.1-01": {"Une politique de sécurité, une analyse des risques détaillée, un plan d'action incluant le plan de l'instruction 309 achevé et suivi, un responsable de la sécurité (RSSI), au moins deux rendez-vous annuels entre le RSSI et la direction, et une procédure de remontée des incidents.", ""},
	"R-A1-PS2.1-02": {"Au sein d'un GHT, une politique de sécurité de GHT déclinée par membre et un RSSI de GHT qui s'assure que chaque membre atteint le prérequis.", ""},
	"R-A1-PS2.2-01": {"Une attestation, signée par le directeur, de réalisation de l'audit externe ; en fenêtre 1 seulement, un bon de commande à la place, si l'audit est réalisé avant la fin de la période d'instruction (31 décembre 2021), jugé sur la date d'audit connue à la décision.", ""},
	"R-A1-PS2.2-02": {"Un dossier de fenêtre 1 validé sur bon de commande est contrôlé de nouveau à la fin de la période d'instruction : l'audit doit alors avoir été réalisé.", ""},
	"R-A1-PS3.1-01": {"Le système d'information hospitalier est en capacité d'alimenter le DMP.", ""},
	"R-A1-PS3.2-01": {"Une messagerie opérationnelle est raccordée à l'espace de confiance MSSanté.", ""},
	"R-A1-DS1.1-01": {"Taux de séjours dont le DMP a reçu une lettre de liaison de sortie (CDA R2 niveau 1, INS qualifiée), par établissement : 49, 59, 64, 69 % en fenêtres 1 à 4.", ""},
	"R-A1-DS1.2-01": {"Taux de séjours dont le DMP a reçu au moins une ordonnance de sortie (CDA R2 niveau 1, INS qualifiée), par établissement : 40, 48, 59, 63 %.", ""},
	"R-A1-DS1.3-01": {"Taux de séjours dont le DMP a reçu un compte rendu opératoire (CDA R2 niveau 1, INS qualifiée), par établissement : 49, 59, 64, 69 % ; il ne conditionne que le bonus CRO.", ""},
	"R-A1-DS2.1-01": {"Taux de comptes rendus de biologie médicale structurés en CDA R2 niveau 3 envoyés au DMP avec une INS qualifiée : 45, 54, 59, 63 %.", ""},
	"R-A1-DS3.1-01": {"Taux de comptes rendus d'imagerie en CDA R2 niveau 1 envoyés au DMP avec une INS qualifiée : 45, 54, 59, 63 %.", ""},
	"R-A2.1-01":     {"Chacune des 18 ARS a une enveloppe du volet 1 pour tout le programme, fixée au niveau national, les 18 faisant 158 M€.", ""},
	"R-A2.1-02":     {"L'enveloppe d'une région est sa part du total national des forfaits, comme si chaque établissement était financé à 100 % de ses forfaits du volet 1, d'après les données SAE et PMSI 2019 et la liste oSIS.", ""},
	"R-A2.2-01":     {"Les trois ARS pilotes (Hauts-de-France, Occitanie, Pays de la Loire) ont chacune 500 k€ pour le volet 2, 1,5 M€ en tout.", ""},
	"R-A2.3-01":     {"Chaque enveloppe régionale se compose de 30 % de crédits d'avance et de 70 % de crédits d'usage.", ""},
	"R-A2.3-02":     {"Aucun versement entre l'avance et les cibles : l'argent d'un domaine est une avance, un solde, ou le remboursement de l'avance.", ""},
	"R-A2.3-03":     {"Un établissement retenu sur plusieurs domaines reçoit une avance et un solde par domaine, chacun sur le forfait de ce domaine, l'avance en étant déduite.", ""},
	"R-A2.3-04":     {"L'ARS décide domaine par domaine : une candidature peut être retenue sur certains de ses domaines et non sur d'autres.", ""},
	"R-A2.3-05":     {"Pour un dossier de GHT, le soutien est versé à l'atteinte, par chaque membre, des cibles d'un domaine.", ""},
	"R-A2.3-06":     {"Cibles manquées dans la fenêtre initiale, et dans la fenêtre de report quand elle a été demandée : l'ARS demande le remboursement de l'avance.", ""},
	"R-A2.3-07":     {"Un remboursement rend à la région les crédits d'avance qu'elle avait consommés.", ""},
	"R-A2.5-01":     {"L'ARS pilote son enveloppe par fenêtre de financement sur tout le programme.", ""},
	"R-A2.5-02":     {"À la demande, l'ARS fait connaître les notifications qu'elle prévoit, avance et usage, par domaine, pour ajuster les délégations et ne perdre aucun crédit : encodé en totaux par région, fenêtre et domaine.", ""},
	"R-A2.5-03":     {"Les notifications prévues sont détaillées par établissement ou par GHT.", ""},
	"R-A2.5-04":     {"Les fonds parviennent aux ARS par tranches, par circulaires budgétaires FMIS : une ARS ne notifie que sur ce qui lui a été délégué à cette date, dans la limite de son enveloppe de l'Annexe 2.", ""},
	"R-A2.5-05": {"Les crédits d'avance, et les fonds des pilotes du volet 2, sont délégués dès 2021 ; les crédits d'usage suivent par des circulaires ultérieures.",
		"une obligation du niveau national, qui fixe l'ordre et les dates des circulaires, hors du champ d'une bibliothèque de règles : le module prend chaque tranche telle que l'ARS l'enregistre, datée"},
	"R-A3.1-01": {"L'activité combinée compte les journées MCO pour 1, les séances MCO pour 0,5, les hospitalisations de jour de chirurgie ambulatoire pour 1,5, les journées SSR, de psychiatrie, d'HAD et d'USLD pour 0,5, les autres hospitalisations de jour pour 1.", ""},
	"R-A3.1-02": {"L'activité combinée est calculée au niveau national, une fois, d'après les données SAE et PMSI 2019, quelle que soit l'année de candidature ou de sélection.", ""},
	"R-A3.1-03": {"Un établissement sans activité combinée 2019 n'a pas de forfait : sa candidature est refusée et aucun dossier ne s'ouvre.", ""},
	"R-A3.1-05": {"Le maximum national qu'une extraction nationale fixe d'elle-même est sa plus grande activité combinée ; celle qui dépasse de loin toutes les autres est tenue pour une erreur tant que l'appelant ne donne pas le maximum.", ""},
	"R-A3.1-04": {"Chaque ARS reçoit l'activité combinée des établissements de sa région.",
		"une livraison de données par le niveau national, hors du champ d'une bibliothèque de règles"},
	"R-A3.2-01": {"Un établissement éligible peut candidater à chacun des trois domaines ; chaque domaine a son propre forfait, fixé au niveau national d'après l'activité combinée, le domaine et la fenêtre, décroissant avec la fenêtre.", ""},
	"R-A3.2-02": {"Pour un dossier de GHT, le montant de chaque établissement partie est calculé sur sa propre activité, et le total est fait au niveau du GHT.", ""},
	"R-A3.2-03": {"Le total du GHT est versé selon les modalités prévues par la convention de délégation passée entre l'ARS et l'établissement support.",
		"les termes de la convention relèvent de l'ARS et de l'établissement support, hors du champ d'une bibliothèque de règles ; et le bénéficiaire n'est pas enregistré là où l'argent est inscrit : la remise de chaque étape désigne l'établissement support (settlement.Remittance), mais une notification, et donc le suivi régional des crédits et l'audit, désigne l'établissement partie qu'elle finance (INT-25)"},
	"R-A3.3-01": {"Quatre catégories selon l'activité combinée (A dès 0, B dès 7 000, C dès 22 500, D de 230 000 au maximum national), chacune avec un minimum et un maximum par domaine.", ""},
	"R-A3.3-02": {"Au sein d'une catégorie, le montant croît linéairement avec l'activité combinée entre son minimum et son maximum, le maximum d'une catégorie étant le minimum de la suivante.", ""},
	"R-A3.4-01": {"Dégressivité : 100 % en fenêtre 1, 90 % en fenêtre 2, 85 % en fenêtre 3, 80 % en fenêtre 4.", ""},
	"R-A3.4-02": {"Le soutien d'un établissement est la somme, sur ses domaines, de base × (1 + bonus) × facteur de la fenêtre ; 30 % de chacun quand les prérequis sont atteints, le reste à chaque cible atteinte.", ""},
	"R-A3.4-03": {"L'exemple de l'annexe : catégorie C, activité 127 800, DS1 avec CRO en fenêtre 1, biologie en fenêtre 4, imagerie en fenêtre 2, 176 k€ en tout.", ""},
}
