package forfait

import (
	"slices"

	"github.com/sunes-spec/sunes/forfait/codec"
)

// In returns the entry as a reader of l reads it: in French, its
// question, readings considered, reading chosen and reason from the
// register's French edition (and its passage, where it says more than
// paragraph numbers); in English, as it is. ID, policy, dependants and
// origin never change. An entry the French edition lacks
// is returned as it is (a test fails on it).
func (e Interpretation) In(l codec.Lang) Interpretation {
	if l == codec.English {
		return e
	}
	fr, ok := interpretationsFR[e.ID]
	if !ok {
		return e
	}
	e.Question, e.Reading, e.Why = fr.Question, fr.Reading, fr.Why
	if fr.Passage != "" {
		e.Passage = fr.Passage
	}
	e.Options = slices.Clone(fr.Options)
	return e
}

// interpretationFR is an entry's text in French.
type interpretationFR struct {
	Passage  string // when the English one holds words
	Question string
	Options  []string
	Reading  string
	Why      string
}

// interpretationsFR is the register in French, by ID: the same readings
// as Interpretations, in the instruction's terms.
var interpretationsFR = map[string]interpretationFR{
	"INT-01": {
		Question: "L'activité combinée peut être fractionnaire (pondérations de 0,5 et 1,5) : où finit une catégorie, et sur quel intervalle le montant est-il interpolé ?",
		Options: []string{
			"les tranches telles qu'imprimées (A 0–6 999, B 7 000–22 499 …), qui laissent des trous comme 6 999,5",
			"des intervalles semi-ouverts, de chaque seuil au suivant, sur lesquels on interpole",
		},
		Reading: "Une catégorie est l'intervalle semi-ouvert allant de son seuil à celui de la catégorie suivante : A [0, 7000), B [7000, 22500), C [22500, 230000), D [230000, max] ; montant = min + (activité − seuil) × (max − min) / (seuil suivant − seuil).",
		Why:     "Il ne laisse aucun trou, et la règle de l'annexe selon laquelle le maximum d'une catégorie est le minimum de la suivante rend le montant continu et croissant.",
	},
	"INT-02": {
		Passage:  "Annexe 3 §1 et §3",
		Question: "La catégorie D va de 230 000 à « max » : que vaut max ?",
		Options:  []string{"un plafond fixe", "la plus grande activité combinée nationale, fournie en entrée", "écrêter les activités au-dessus d'une valeur supposée"},
		Reading:  "max est la plus grande activité combinée de tous les établissements au niveau national, fournie par l'appelant ou tirée d'un jeu de données national ; à ce niveau, D verse son maximum. Un calcul en catégorie D sans elle, avec elle inférieure ou égale à 230 000, ou avec une activité qui la dépasse, est une erreur.",
		Why:      "L'activité est calculée au niveau national, une fois (Annexe 3 §1) ; le texte ne donne aucun chiffre : supposer ou écrêter inventerait de l'argent.",
	},
	"INT-03": {
		Question: "Où et comment les montants sont-ils arrondis ?",
		Options: []string{
			"arrondir la base au millier d'euros, comme le fait l'exemple chiffré",
			"arrondir la base à l'euro, puis le forfait à l'euro",
		},
		Reading: "Décimaux exacts de bout en bout ; la base est arrondie à une unité (1 € par défaut), bonus et dégressivité appliqués exactement, le forfait arrondi à 1 € ; les moitiés s'arrondissent en s'éloignant de zéro. Une unité de base de 1 000 € reproduit les 176 300 € de l'annexe.",
		Why:     "L'arrondi au k€ de l'annexe présente un exemple ; le défaut garde l'euro, et le paramètre reproduit l'annexe exactement.",
	},
	"INT-04": {
		Question: "Comment un forfait est-il partagé entre une avance d'exactement 30 % et un solde, en euros entiers ?",
		Options:  []string{"avance arrondie, solde = le reste", "les deux arrondis séparément"},
		Reading:  "avance = arrondi(30 % × forfait) à 1 € ; solde = forfait − avance : les deux font toujours le forfait. Les crédits régionaux se partagent de même.",
		Why:      "Arrondir les deux pourrait créer ou perdre un euro ; l'ARS ne peut notifier ni plus ni moins de 30 %, ce que respecte l'euro le plus proche.",
	},
	"INT-05": {
		Question: "Qu'entraîne une fenêtre de report pour les cibles d'usage et le forfait ?",
		Options: []string{
			"garder le forfait et les cibles de la fenêtre initiale",
			"passer à la fenêtre w+1, à ses cibles et à son forfait, l'avance déduite",
		},
		Reading: "Un seul report, vers la fenêtre w+1 (aucun après la fenêtre 4) : les cibles et le forfait de w+1 s'appliquent, l'avance déjà versée en est déduite ; cibles de nouveau manquées, ou pas de report, l'avance est remboursée en totalité.",
		Why:     "La page du programme d'une ARS décrit le passage à la deuxième fenêtre de mesure « avec le forfait afférent » ; le texte permet une seule fenêtre de report.",
	},
	"INT-06": {
		Passage:  "§5 ; Annexe 1 (bonus DS1.3)",
		Question: "Un dossier DS1 avec CRO atteint DS1.1 et DS1.2 mais pas DS1.3 : que verse-t-on ?",
		Options:  []string{"rien : les cibles du forfait avec bonus sont manquées", "le forfait standard, moins l'avance"},
		Reading:  "Le forfait standard de la fenêtre s'applique : solde = forfait standard − l'avance déjà versée (30 % du forfait avec bonus).",
		Why:      "DS1 est atteint par DS1.1 et DS1.2 ; DS1.3 ne conditionne que le bonus.",
	},
	"INT-07": {
		Question: "Quand une cible d'usage est-elle atteinte, et qu'est-ce qu'un taux valable ?",
		Options:  []string{"comparer des pourcentages arrondis ou en virgule flottante", "comparer exactement ; rejeter les taux impossibles"},
		Reading:  "Atteinte quand taux ≥ cible, exactement (numérateur × 100 ≥ cible × dénominateur). Un taux exige un dénominateur > 0 et 0 ≤ numérateur ≤ dénominateur ; sinon c'est une erreur, non un échec.",
		Why:      "L'argent dépend de la comparaison ; un arrondi ne doit pas la trancher, et un taux impossible est une erreur de données.",
	},
	"INT-08": {
		Question: "Comment partager un total entre régions (ou selon des poids quelconques) en euros entiers ?",
		Options:  []string{"arrondir chaque part (la somme peut dériver)", "plus forts restes"},
		Reading:  "Plus forts restes à l'euro : les parts font exactement le total, un poids nul reçoit zéro, chaque part est à moins de 1 € de sa part exacte, les ex æquo vont au poids placé le premier.",
		Why:      "Aucun euro n'est créé ni perdu, et le résultat est déterministe.",
	},
	"INT-09": {
		Passage:  "§5 (candidatures par établissement, par FINESS) ; §6.1 (listes par FINESS)",
		Question: "Qu'est-ce qu'un numéro FINESS bien formé ?",
		Options: []string{
			"vérifier la structure seulement",
			"vérifier aussi la clé de contrôle",
		},
		Reading: "Neuf caractères : un code de département (01–95 sauf 20, 2A, 2B, ou 971–976) puis des chiffres. Le neuvième caractère, une clé de contrôle, n'est pas vérifié.",
		Why:     "L'instruction ne donne aucun algorithme de clé ; rejeter de vrais numéros sur un algorithme supposé serait pire que de laisser l'ARS les rapprocher du répertoire FINESS.",
	},
	"INT-10": {
		Question: "« Une candidature par fenêtre » : une candidature antérieure refusée dans la même fenêtre compte-t-elle ?",
		Options: []string{
			"compter toute candidature antérieure déposée pour la fenêtre",
			"ne compter que les candidatures validées ou en cours, ce qui permet un nouveau dépôt après un refus",
		},
		Reading: "Toute candidature antérieure déposée pour cette fenêtre compte, quelle qu'en soit l'issue ; un établissement refusé candidate de nouveau dans une fenêtre ultérieure.",
		Why:     "Le texte pose une candidature par fenêtre sans exception ; un refus énonce déjà tous ses motifs, et un second dépôt dans la même période n'est pas prévu.",
	},
	"INT-11": {
		Passage:  "§5 (cibles déclarées dans oSIS à la fin de la fenêtre) ; Annexe 1",
		Question: "Un indicateur que l'établissement n'a jamais déclaré dans oSIS : sa cible d'usage est-elle manquée, ou l'issue est-elle inconnue ?",
		Options: []string{
			"le compter comme un 0 % déclaré : cible manquée et avance remboursée",
			"refuser de solder tant qu'aucun taux n'est déclaré",
		},
		Reading: "Un taux jamais déclaré manque, il ne vaut pas zéro : l'évaluation du domaine échoue (indicator.ErrMissingRate) et rien n'est soldé ; un 0 % déclaré est un échec.",
		Why:     "Le remboursement suit une cible non atteinte, que seule une déclaration établit ; traiter un trou dans les données comme un 0 % récupérerait une avance sur un oubli de saisie.",
	},
	"INT-12": {
		Passage:  "§6.1 (instruction des candidatures, notification) ; Annexe 1 (cibles mesurées par semestre) ; Annexe 2 §3",
		Question: "À quelles dates une avance, un solde ou un remboursement peuvent-ils être versés, pour l'audit des paiements effectués ?",
		Options: []string{
			"n'importe quelle date : seuls les montants sont contrôlés",
			"une avance de l'ouverture de la période de candidature de sa fenêtre à la fin de sa période d'instruction ; un solde ou un remboursement après la fin de la période de mesure de sa fenêtre",
		},
		Reading: "Une avance datée d'avant l'ouverture de la période de candidature de sa fenêtre ou d'après la fin de sa période d'instruction, ou un solde ou un remboursement daté au plus tard du dernier jour de la période de mesure de sa fenêtre, est un constat (DATE-CALENDAR), le montant étant contrôlé aussi.",
		Why:     "Une avance suit une candidature validée, déposée dans la période de candidature de la fenêtre et validée au plus tard à la fin de sa période d'instruction, quand l'ARS communique les candidatures validées (§6.1 ; settlement.Open refuse une avance plus tardive) ; un solde ou un remboursement suit les cibles, mesurées sur le semestre de la fenêtre. Les régions qui ont repoussé les échéances des soldes (leurs pages publiées le disent) restent dans cette lecture ; une avance notifiée après la période d'instruction, ou toute date plus précoce, appelle une explication que l'auditeur doit demander.",
	},
	"INT-13": {
		Passage:  "§5 (financement calculé sur la propre activité combinée 2019 de l'établissement) ; Annexe 3 §1",
		Question: "Un établissement dont l'activité combinée 2019 est nulle est-il financé ?",
		Options: []string{
			"calculer son forfait comme un autre, au minimum de la catégorie A",
			"le refuser : sans activité 2019, un forfait n'a pas de base",
		},
		Reading: "Une activité combinée nulle fait refuser la candidature (motif ACTIVITY) et n'ouvre aucun dossier (settlement.ErrInvalidDossier) ; la formule du forfait elle-même ne change pas.",
		Why:     "Les montants sont fixés d'après l'activité 2019 calculée au niveau national ; verser le minimum de la catégorie A à un établissement que les données nationales ne montrent pas actif ne financerait aucun usage que le programme sache mesurer.",
	},
	"INT-14": {
		Passage:  "§5 (un financement par domaine sur le programme) ; Annexe 2 §3 (remboursement)",
		Question: "L'avance d'un domaine a été remboursée ; une seconde avance suit pour le même établissement et le même domaine : nouveau financement ou doublon ?",
		Options: []string{
			"un remboursement clôt le premier financement : une nouvelle avance est permise",
			"un domaine n'est financé qu'une fois sur le programme : une seconde avance est un doublon, remboursée ou non",
		},
		Reading: "Une avance remboursée compte toujours comme le financement du domaine. L'éligibilité refuse une candidature ultérieure sur ce domaine (DOMAIN-REPAID ; un domaine refusé plus tôt, donc jamais payé, peut être demandé de nouveau) ; l'audit signale comme doublon (DUPLICATE) toute avance après la première pour le même établissement et le même domaine, que la première ait été remboursée ou non ; de même un second solde ou un second remboursement.",
		Why:     "Le §5 partage le financement en deux versements et notifie l'avance à la validation de la candidature : la recevoir, c'est bénéficier du financement ; l'Annexe 2 §3 donne une seconde chance (la fenêtre de report) et fait du remboursement la fin du dossier, non un retour au départ. Le texte ne prévoit aucun second financement d'un domaine après un remboursement.",
	},
	"INT-15": {
		Question: "Une enveloppe régionale est la part de la région comme si tous les établissements étaient financés à 100 % de leurs forfaits du volet 1 : quels forfaits comptent ?",
		Options: []string{
			"pour chaque établissement, les forfaits standard de fenêtre 1 des trois domaines",
			"seulement les domaines auxquels un établissement peut candidater (biologie avec un laboratoire, imagerie avec un plateau d'imagerie)",
			"le forfait des documents de sortie avec le bonus CRO",
		},
		Reading: "Le poids d'une région est la somme, sur ses établissements de l'extraction, de leurs forfaits de fenêtre 1 (dégressivité 100 %) sans bonus CRO pour DS1, DS2 et DS3 : chaque établissement compte pour les trois domaines, avec ou sans laboratoire ou plateau d'imagerie.",
		Why:     "100 % se lit comme le plein facteur de la fenêtre 1 et le niveau standard ; l'extraction nationale d'activité ne porte aucune donnée de laboratoire ou d'imagerie, et le texte ne limite pas son cas théorique aux domaines auxquels un établissement pourrait candidater.",
	},
	"INT-16": {
		Passage:  "Annexe 2 §3 (remboursement) ; §6.1 (dans la limite des crédits délégués)",
		Question: "Une avance est remboursée : la région récupère-t-elle ses crédits d'avance ?",
		Options: []string{
			"non : les crédits ont été consommés à la notification de l'avance",
			"oui : le montant remboursé revient aux crédits d'avance de la région",
		},
		Reading: "Un remboursement inscrit au suivi régional des crédits diminue d'autant les crédits d'avance consommés, qui peuvent financer une autre avance ; le suivi refuse un remboursement supérieur à ce que la région a avancé.",
		Why:     "L'enveloppe sert tout le programme (Annexe 2 §1), et l'Annexe 2 §5 cherche à éviter la perte de crédits : l'argent qui revient reste à la région.",
	},
	"INT-17": {
		Question: "Le §4.2 exclut d'atteindre les cibles avec des logiciels nouvellement acquis hors du schéma de convergence du GHT : cela vaut-il pour un établissement hors de tout GHT ?",
		Options: []string{
			"pour les membres d'un GHT seulement",
			"pour tout candidat, sur sa propre déclaration",
		},
		Reading: "La condition (CONVERGENCE-PLAN) est jugée pour toute candidature : celle qui déclare que ses cibles seraient atteintes avec des logiciels nouvellement acquis hors d'un schéma de convergence est refusée, membre d'un GHT ou non ; des logiciels déjà en place ne sont jamais un motif de refus.",
		Why:     "La condition repose sur la déclaration du candidat ; le texte ne prévoit pas d'autre traitement pour les établissements hors GHT, et les juger de même garde une seule règle.",
	},
	"INT-18": {
		Question: "Le forfait du pilote du volet 2 est fondé sur l'activité combinée 2019 et plafonné à 100 k€ par établissement : combien vaut-il, et comment est-il versé ?",
		Options: []string{
			"tirer un montant de l'activité combinée par une formule propre à la bibliothèque",
			"prendre le montant que déclare l'ARS, le confronter au plafond, et le partager comme un forfait du volet 1",
		},
		Reading: "L'ARS déclare le montant du volet 2 d'un établissement ; la bibliothèque refuse un montant non positif ou supérieur au plafond, et le partage comme un forfait du volet 1 (avance : la part du jeu de règles, arrondie selon INT-04 ; solde : le reste). Une avance, un solde ou un remboursement du volet 2 autre que ce partage est refusé.",
		Why:     "Le texte ne donne aucune formule sous le plafond ; en inventer une verserait des montants que le texte ne fixe pas. Le versement en deux temps, 30 % puis 70 %, est posé pour le volet 2 comme pour le volet 1.",
	},
	"INT-19": {
		Passage:  "§6.1 (dans la limite des crédits délégués) ; Annexe 2 §5",
		Question: "Les crédits parviennent à l'ARS par tranches déléguées par circulaires budgétaires : quelles opérations une tranche peut-elle financer ?",
		Options: []string{
			"toute opération, une fois la tranche déléguée, quelle qu'en soit la date",
			"seulement les opérations datées du jour de la tranche ou après",
		},
		Reading: "Les crédits d'une tranche financent les opérations datées de son jour ou après ; un remboursement rend des crédits d'avance à compter de sa propre date (INT-16) ; une opération est acceptée quand ce qui est engagé et payé sur son budget, net des remboursements faits à cette date, tient à sa date et à chaque date ultérieure de tranche ou de transfert.",
		Why:     "Des crédits ne peuvent être dépensés avant d'être délégués ; vérifier chaque date ultérieure empêche une opération antidatée d'utiliser des crédits sur lesquels une opération plus tardive comptait déjà.",
	},
	"INT-20": {
		Question: "Les ARS gèrent leur enveloppe par fenêtre de financement et peuvent la rééquilibrer : que contient le budget d'une fenêtre, et où vont les crédits non affectés ?",
		Options: []string{
			"tout crédit délégué appartient à une fenêtre",
			"les crédits sont délégués à la région, puis affectés aux fenêtres par des transferts explicites",
		},
		Reading: "Les crédits délégués ne sont d'abord affectés à aucune fenêtre ; un transfert daté les affecte à une fenêtre ou les déplace entre fenêtres, et ne déplace que ce que sa source détient encore à sa date, si bien qu'il ne crée jamais de crédits. Une fenêtre dotée d'un budget puise dans celui-ci ; une fenêtre sans budget puise dans les crédits non affectés.",
		Why:     "Le texte délègue les crédits aux ARS, non aux fenêtres ; les budgets par fenêtre sont la gestion qu'en font les ARS, que des pages régionales publiées montrent rééquilibrés.",
	},
	"INT-21": {
		Question: "Quels établissements relèvent des collectivités d'outre-mer que l'instruction exclut ?",
		Options: []string{
			"ceux dont la région l'indique (aucune des 18 régions de l'Annexe 2 n'en fait partie)",
			"ceux dont les numéros FINESS portent le code de département de la collectivité",
		},
		Reading: "Un établissement dont le FINESS géographique ou juridique commence par 986 (Wallis-et-Futuna), 987 (Polynésie française) ou 988 (Nouvelle-Calédonie) est refusé (TERRITORY) ; le contrôle de structure du FINESS accepte ces codes pour que le refus, et non un numéro jugé mal formé, dise pourquoi.",
		Why:     "Le code de département du FINESS est la déclaration du répertoire lui-même sur le lieu d'un établissement ; les régions de l'Annexe 2 ne peuvent pas désigner ces collectivités.",
	},
	"INT-22": {
		Passage:  "§5 (cibles d'usage renseignées dans oSIS à la fin de la fenêtre de financement, aux échéances fixées dans le dossier de financement) ; Annexe 1 (fenêtre 1 = S1 2022 … fenêtre 4 = S2 2023)",
		Question: "À quelle date au plus tard un établissement doit-il déclarer dans oSIS les taux des cibles d'usage qu'il s'est engagé à atteindre dans une fenêtre ?",
		Options: []string{
			"aucune date limite : un dossier attend sa déclaration aussi longtemps qu'il le faut",
			"le dernier jour du semestre de mesure de la fenêtre",
			"un jour plus tardif, après un délai de grâce que le texte ne prévoit pas",
		},
		Reading: "La date limite de déclaration de chaque fenêtre est le dernier jour de son semestre de mesure : 30 juin 2022, 31 décembre 2022, 30 juin 2023, 31 décembre 2023, marquées déduites dans le calendrier. Une ARS dont les dossiers de financement fixent d'autres échéances modifie sa copie du calendrier.",
		Why:     "Le §5 engage l'établissement à renseigner ses cibles d'usage à la fin de la fenêtre de financement, et l'Annexe 1 fait de chaque fenêtre un semestre ; un jour plus tardif serait une date que le texte ne donne pas, et sans date limite une avance dont les cibles ne sont jamais déclarées resterait acquise sans terme.",
	},
	"INT-23": {
		Passage:  "§5 (engagement à renseigner les cibles d'usage à la fin de la fenêtre) ; Annexe 2 §3 (cibles d'usage atteintes ni dans la fenêtre ni dans la fenêtre de report demandée : l'avance est remboursée)",
		Question: "Un domaine n'est toujours pas déclaré après la date limite de la fenêtre qu'il attend : qu'advient-il de son avance ?",
		Options: []string{
			"rien : un taux jamais déclaré manque, si bien que le dossier reste ouvert (INT-11 seule)",
			"l'atteinte des cibles n'est pas établie : report quand l'établissement l'a demandé et qu'INT-05 le permet, remboursement de l'avance sinon",
		},
		Reading: "Quand un dossier est clos un jour postérieur à la date limite de la fenêtre qu'attend un domaine, sans déclaration pour celui-ci, le domaine est traité comme ayant manqué ses cibles : reporté en fenêtre w+1 quand l'établissement a demandé le report et qu'INT-05 en permet un (fenêtre initiale, autre que la fenêtre 4), son avance remboursée en totalité sinon ; un domaine reporté toujours pas déclaré après la date limite de la fenêtre w+1 est remboursé. Avant la date limite, INT-11 s'applique : un taux manquant ne règle rien. Une déclaration fournie au règlement du dossier est réputée faite dans le délai.",
		Why:     "Seule une déclaration établit l'atteinte des cibles ; l'établissement s'est engagé à la faire à la fin de la fenêtre, et l'Annexe 2 §3 fait rembourser l'avance quand les cibles d'usage ne sont atteintes ni dans la fenêtre ni dans la fenêtre de report. INT-11 protège un dossier d'un oubli de saisie tant que la fenêtre est ouverte, non indéfiniment.",
	},
	"INT-24": {
		Passage:  "Annexe 1, PS2.2 (un bon de commande en lieu et place de l'attestation, pour la fenêtre 1 uniquement, à condition que l'audit soit réalisé avant la fin de la période d'instruction, le 31 décembre 2021) ; Annexe 2 §3 (l'avance est versée sur constatation de l'atteinte des prérequis ; aucun soutien n'est notifié avant que les prérequis et les cibles d'usage soient atteints)",
		Question: "Une candidature de fenêtre 1 a été validée sur bon de commande pour l'audit du PS2.2 : que se passe-t-il au règlement quand l'audit a été réalisé après le 31 décembre 2021, ou que sa réalisation n'est pas établie ?",
		Options: []string{
			"rien : la décision a été prise et l'avance reste acquise",
			"le solde est refusé mais l'avance est conservée",
			"le PS2.2 n'est pas atteint : chaque domaine qui attend encore ses cibles voit son avance remboursée, et aucun solde n'est versé",
		},
		Reading: "Quand un dossier ouvert sur bon de commande est réglé ou clos après la date limite de l'audit, le jour de réalisation de l'audit doit avoir été enregistré et ne pas dépasser cette date limite. Sinon le PS2.2 n'est pas atteint : chaque domaine qui attend encore ses cibles est réglé par le remboursement de la totalité de son avance, quels que soient les taux déclarés, et aucun report n'est possible ; les domaines déjà soldés ou remboursés restent en l'état. Ce remboursement, comme tout autre, est daté d'après la fin du semestre de mesure du domaine (INT-12) : un dossier clos plus tôt garde ses domaines en attente.",
		Why:     "Le bon de commande ne tient lieu d'attestation qu'à la condition que l'audit soit réalisé dans ce délai ; l'avance est versée parce que les prérequis sont atteints, et aucun soutien n'est notifié avant qu'ils le soient : la condition n'étant pas remplie, ce qui a été versé sur sa foi est repris. L'attestation incombe à l'établissement : un audit dont la réalisation n'est pas établie est un audit non réalisé. Un remboursement règle l'avance d'un domaine, que la mesure des cibles règle aussi : dater tout remboursement d'après la mesure garde un seul calendrier pour tous, celui que l'audit vérifie.",
	},
	"INT-25": {
		Passage:  "Annexe 3 §2 (forfaits calculés par établissement candidat, totalisés au niveau du GHT) ; Annexe 2 §3 (le GHT représente ses établissements parties candidats ; soutien versé à chaque atteinte des cibles d'usage d'un domaine par un établissement partie) ; §5 (un établissement financé une fois par domaine)",
		Question: "Un dossier de GHT est totalisé au niveau du GHT et versé selon la convention de délégation passée entre l'ARS et l'établissement support : que désigne chaque notification, et qu'est-ce qui n'est financé qu'une fois ?",
		Options: []string{
			"un seul forfait pour le GHT, sur l'activité cumulée de ses membres, notifié à l'établissement support",
			"les forfaits de chaque établissement partie, sur sa propre activité et ses propres cibles, totalisés au niveau du GHT, chaque notification désignant l'établissement partie et le domaine qu'elle finance, l'établissement support recevant le total",
		},
		Reading: "Le dossier de chaque établissement partie est ouvert et réglé sur sa propre activité et ses propres cibles ; le dossier du GHT totalise les forfaits, avances, soldes et sommes de ses membres, et regroupe les notifications de chaque étape en une seule somme remise à l'établissement support. Chaque notification, et donc le suivi régional des crédits, désigne toujours l'établissement partie et le domaine qu'elle finance : c'est cela qui n'est financé qu'une fois.",
		Why:     "L'Annexe 3 §2 garde le calcul par établissement et ne reporte au GHT que le total et le versement ; l'Annexe 2 §3 verse le soutien à chaque atteinte des cibles d'usage d'un domaine par un établissement partie, et le §5 compte le financement par établissement et par domaine.",
	},
	"INT-26": {
		Passage:  "Annexe 2 §3 (le montant de l'avance se déduit du soutien du domaine ; les montants perçus au titre de l'avance sont remboursés) ; §5",
		Question: "Une avance erronée est suivie de son solde ou de son remboursement, que le texte mesure à partir de l'avance versée : combien a-t-on versé à tort, et quel constat le compte ?",
		Options: []string{
			"compter l'écart de chaque constat : un solde versé comme si l'avance avait été juste est lui aussi jugé erroné, et les totaux comptent deux fois l'erreur de l'avance",
			"compter une seule fois chaque euro erroné : les sommes versées à tort pour le domaine sont ce qui a été versé moins ce qui était dû, quelle que soit l'étape où se trouve l'erreur",
		},
		Reading: "Un solde ou un remboursement mesuré à partir de l'avance versée régularise le montant erroné de l'avance. Quand il a été versé comme si l'avance avait été juste, son constat reprend l'écart de l'avance : il est signalé comme la conséquence du constat de l'avance et n'est pas compté. Sinon le constat de l'avance est régularisé et n'est pas compté, et l'écart propre du solde ou du remboursement, s'il y en a un, l'est. L'écart d'un remboursement compte avec le signe inverse (trop peu redemandé, c'est de l'argent conservé). REGION-CREDITS et VOLET2-CAP signalent un plafond, non des sommes versées au-delà du dû, et ne sont pas comptés. Les totaux (trop-versé) font alors la somme de ce qui a été versé moins ce qui était dû, par établissement et par domaine.",
		Why:     "Les totaux d'un auditeur sont les sommes à récupérer ou à reverser ; compter deux fois une erreur reportée les gonfle, et ignorer un solde qui a déduit l'avance versée signalerait des sommes déjà récupérées.",
	},
	"INT-27": {
		Passage:  "§3.3 ; Annexe 2 §4 (montants calculés sur la base de l'activité combinée 2019, dans la limite de 100 k€ par établissement, versés à 30 % puis à 70 %)",
		Question: "Une ARS a déclaré un montant du volet 2 supérieur au plafond de 100 k€ : qu'était-il dû, pour l'audit des versements effectués ?",
		Options: []string{
			"refuser l'audit : le montant déclaré est une donnée dont l'audit ne peut se servir",
			"le plafond : l'avance due en vaut 30 %, le solde le reste ; le versement qui porte l'établissement au-delà est signalé",
		},
		Reading: "L'établissement a droit au plus au montant du plafond : son avance et son solde du volet 2 sont contrôlés au regard du partage 30/70 du plafond (ADVANCE-AMOUNT, BALANCE-AMOUNT, comptés), et le versement qui porte son financement net du volet 2 au-delà du plafond est signalé en VOLET2-CAP (non compté, les sommes figurant dans les constats de montant). Un remboursement du volet 2 vaut l'avance versée, comme au volet 1 ; un versement du volet 2 à un établissement sans montant déclaré est signalé en NOT-DESIGNATED, et dans une région qui n'est pas pilote en NOT-PILOT.",
		Why:     "« Dans la limite de 100 K€ » borne ce qu'un établissement peut recevoir ; un audit signale ce qui a été versé au-delà plutôt que de s'arrêter sur le chiffre déclaré par l'ARS elle-même.",
	},
	"INT-28": {
		Passage:  "§5 (cibles d'usage renseignées à la fin de la fenêtre) ; Annexe 2 §3 (avance remboursée quand les cibles d'usage ne sont atteintes ni dans la fenêtre ni dans la fenêtre de report demandée)",
		Question: "À partir de quel jour une avance ni soldée ni remboursée est-elle conservée au-delà de sa date de remboursement, pour un audit qui ne sait pas si un report a été demandé ?",
		Options: []string{
			"la date limite de déclaration de la fenêtre de l'avance",
			"la date limite de déclaration de la fenêtre de report, dernier jour où un solde pourrait encore être dû (celle de la fenêtre 4 pour une avance de fenêtre 4, qui n'a pas de report)",
		},
		Reading: "Un audit fait après la date limite de déclaration de la fenêtre de report de l'avance (celle de la fenêtre 4 elle-même pour une avance de fenêtre 4) signale en ADVANCE-KEPT une avance du volet 1 qui n'a été suivie ni d'un solde ni d'un remboursement, montant dû 0, la totalité de l'avance comptant comme versée à tort. Un remboursement fait en retard n'est pas signalé par ce code.",
		Why:     "Les versements audités ne disent pas si un report a été demandé ; la date limite la plus tardive est le dernier jour où la conservation de l'avance peut encore être fondée, si bien qu'aucune avance n'est signalée à tort.",
	},
	"INT-29": {
		Passage:  "Annexe 3 §1 (activité combinée calculée au niveau national) ; Annexe 3 §3 (catégorie D jusqu'au maximum national)",
		Question: "Le maximum national est tiré d'une extraction nationale (INT-02) : que faire si sa plus grande activité combinée dépasse de loin toutes les autres ?",
		Options: []string{
			"la prendre telle quelle : l'extraction fait foi",
			"la refuser comme une erreur probable quand elle dépasse la suivante de plus d'un facteur fixé, sauf si l'appelant donne le maximum",
		},
		Reading: "Sans maximum national donné, une plus grande activité combinée qui dépasse de plus de trois fois (campaign.OutlierFactor) la suivante est refusée, avec sa ligne et les deux chiffres (campaign.ErrOutlierMax) ; l'appelant donne alors le maximum (-national-max). Une extraction de moins de deux activités non nulles n'est pas jugée.",
		Why:     "Un compte mal saisi (un chiffre de trop multiplie par dix) deviendrait le maximum national et réduirait tous les forfaits de catégorie D du pays ; les plus grands établissements restent bien en deçà d'un facteur trois du suivant (321 000 contre 140 800 dans l'extraction d'exemple), si bien que le contrôle arrête une faute de frappe sans refuser une extraction réelle.",
	},
	"INT-30": {
		Passage:  "Annexe 2 §1 (enveloppes régionales, par région)",
		Question: "Une ligne d'une extraction donne une région qui ne contient pas le département de son numéro FINESS : laquelle croire ?",
		Options: []string{
			"refuser la ligne",
			"garder la région écrite et avertir, en nommant les deux",
		},
		Reading: "Les deux premiers caractères d'un numéro FINESS (trois pour les départements d'outre-mer 97x) sont son département (INT-09) ; une ligne dont la région, telle que l'Annexe 2 la nomme, ne contient pas ce département est gardée avec la région écrite et signalée par un avertissement qui nomme les deux (campaign.Extract.Warnings). Les départements sont rattachés aux régions selon le Code officiel géographique de l'INSEE.",
		Why:     "La région décide de l'enveloppe qui paie ; un établissement peut être immatriculé dans un département et rattaché à l'agence d'une autre région : le module avertit l'ARS plutôt que de déplacer de l'argent sur sa propre supposition.",
	},
	"INT-31": {
		Passage:  "§5 (le forfait avancé, avec son bonus de 10 %, concerne le domaine des documents de sortie) ; Annexe 3 §3 (bonus CRO du DS1) ; Annexe 2 §3",
		Question: "Un versement porte le bonus CRO sur le DS2 ou le DS3, ou un solde DS1 porte un bonus que son avance n'avait pas : qu'était-il dû, pour l'audit des versements effectués ?",
		Options: []string{
			"signaler le bonus sans rien contrôler d'autre : le versement revendique une variante qui n'existe pas, aucun montant ne lui est dû, et il ne rejoint l'historique d'aucun domaine",
			"contrôler le versement comme la variante que le dossier peut avoir (la variante standard de son domaine ; celle de l'avance pour un solde dont l'avance n'avait pas le bonus), le signaler quel que soit son montant, et compter ce qu'il a versé au-delà du montant de cette variante",
		},
		Reading: "Un versement du volet 1 portant le bonus CRO sur le DS2 ou le DS3 est contrôlé comme la variante standard de son domaine : son avance, son solde (le forfait standard moins l'avance versée) ou son remboursement (l'avance versée) est attendu, il rejoint l'historique de son domaine comme tout versement de ce domaine, et il est signalé par CRO-NOT-DS1 quel que soit son montant, son écart compté comme ADVANCE-AMOUNT, BALANCE-AMOUNT ou REPAYMENT-AMOUNT le compteraient (INT-26). Un solde DS1 avec le bonus après une avance DS1 standard est contrôlé comme un solde standard et signalé par BALANCE-WINDOW de la même façon. Un versement que DUPLICATE, NO-ADVANCE ou BALANCE-AND-REPAYMENT comptent en entier n'est signalé que par ce constat, dont la dérivation nomme le bonus.",
		Why:     "Le bonus est propre au DS1 (§5, Annexe 3 §3) et la variante d'un dossier est fixée quand sa candidature est validée ; ce qui peut être dû à l'établissement est le forfait de la variante qu'il a, et les sommes versées au-delà sont ce que l'auditeur récupère. Laisser le versement hors de l'historique de son domaine ne compterait rien d'un bonus versé à tort et signalerait le solde ultérieur du domaine comme sans avance.",
	},
	"INT-32": {
		Passage:  "§5 (forfait calculé sur la propre activité combinée 2019 de l'établissement) ; Annexe 3 §1 (activité combinée calculée au niveau national, une fois) ; Annexe 2 §3 (solde dans la fenêtre de l'avance ou la fenêtre de report)",
		Question: "Un versement à un établissement absent de l'extraction, ou un solde pour une autre fenêtre que celle de l'avance ou la fenêtre de report : qu'était-il dû, pour l'audit des versements effectués ?",
		Options: []string{
			"ne rien compter : l'audit ne peut pas dire ce qui était dû (l'extraction peut manquer d'une ligne ; les cibles peuvent avoir été atteintes dans une fenêtre où un solde était dû)",
			"rien n'était dû : compter le versement en entier, et dire dans le constat ce que l'ARS doit montrer pour le lever",
		},
		Reading: "Rien n'est dû à un établissement absent de l'extraction : chacun de ses versements est signalé par UNKNOWN-ESTABLISHMENT, attendu 0, le versement compté en entier (un remboursement avec le signe inverse), la dérivation disant qu'une extraction à laquelle manque la ligne de l'établissement est à compléter et l'audit à refaire. Rien n'est dû d'un solde pour une autre fenêtre que celle de l'avance ou la fenêtre de report : il est signalé par BALANCE-WINDOW, attendu 0, le solde compté en entier ; il tient lieu de solde du domaine, si bien qu'un remboursement ultérieur relève de BALANCE-AND-REPAYMENT et que l'avance, contrôlée sur son propre montant, n'est pas signalée par ADVANCE-KEPT.",
		Why:     "Le forfait découle de l'activité combinée 2019 de l'établissement, calculée au niveau national une fois et fournie à l'ARS, et l'audit lit le maximum national dans la même extraction (INT-02) : un établissement qui n'y figure pas n'a pas d'activité sur laquelle quelque chose serait dû, de même que INT-13 refuse celui dont l'activité est nulle. Un solde est dû une fois les cibles atteintes dans la fenêtre de l'avance ou, après un report, la suivante (Annexe 2 §3 ; INT-05) : un solde versé pour une autre fenêtre n'est pas ce solde. Les totaux d'un auditeur sont les sommes à récupérer ; en laisser hors un versement sans fondement les sous-estimerait, et le constat nomme ce qui le lèverait.",
	},
	"INT-33": {
		Passage:  "Annexe 2 §3 (le solde suit l'avance, l'avance est remboursée) ; Annexe 2 §5 (l'ARS pilote son enveloppe par fenêtre de financement)",
		Question: "Le solde ou le remboursement d'un dossier reporté est notifié dans la fenêtre de report : sur le budget de quelle fenêtre est-il imputé ?",
		Options: []string{
			"la fenêtre de report, pour laquelle il est notifié",
			"la fenêtre de son avance, qui a versé l'avance et porte l'engagement de la décision",
		},
		Reading: "Un solde ou un remboursement est imputé sur le budget de la fenêtre de son avance, quelle que soit la fenêtre pour laquelle il est notifié : un remboursement rend à cette fenêtre ses crédits d'avance, un solde consomme ses crédits d'usage, et le budget de la fenêtre de report n'est pas touché.",
		Why:     "La décision qui a engagé le forfait a été prise, et son avance versée, dans la première fenêtre ; imputer la fenêtre de report dépenserait un budget qui n'a jamais engagé le dossier et laisserait en suspens l'engagement de la première fenêtre.",
	},
}
