/**
 * ACI MSP parameters, leaf by leaf (accord conventionnel interprofessionnel du 20/04/2017, arrêté du 24/07/2017; its
 * avenant 1, signed 04/03/2022, JO 03/08/2022, applied to remuneration year 2022 onwards). Each leaf is a dated series:
 * an indicator exists in a remuneration year because its parameter has a period on 01/01 of that year.
 *
 * Avenant 1 values come from the CNAM's guide to the indicators (October 2022), the payer's own reading
 * (notes/cnam-guide-aci-msp.md): they are confirmed, citing the guide. ACI 2017 values come from seed 002.
 */
import { memo } from "../memo";
import { readingReference } from "../readings";
import { entryAt, fromDeck, fromText, parameter, deckSlide, TEXTS, toConfirm, type Dated, type Parameter, type Reference, type Source } from "../params";

export type IndicatorType = "prérequis" | "socle" | "optionnel";

const ACI_2017_FROM = "2017-01-01";
const ACI_2017_TO = "2021-12-31";
const AVENANT_1_FROM = "2022-01-01";

const seed = (slide: string): Source => fromDeck(deckSlide("journeeMspNormandie2022", slide));
const guide = (indicator: string, detail?: string): Source =>
  fromText("cnam-guide", { ...TEXTS.guideCnamAciMsp, title: `${TEXTS.guideCnamAciMsp.title}, « ${indicator} »${detail ? ` (${detail})` : ""}` });

/** A value of the ACI 2017 (remuneration years 2017 to 2021), from seed 002. */
const aci2017 = <T>(value: T, slide: string): Dated<T> => ({ from: ACI_2017_FROM, to: ACI_2017_TO, value, ...seed(slide) });
/** A value of avenant 1 (remuneration years from 2022), from the CNAM guide. */
const avenant1 = <T>(value: T, indicator: string, detail?: string, to?: string): Dated<T> => ({ from: AVENANT_1_FROM, to, value, ...guide(indicator, detail) });
/** A value kept by avenant 1: the seed for 2017–2021, the guide from 2022. */
const both = <T>(value: T, slide: string, indicator: string, detail?: string): Dated<T>[] => [aci2017(value, slide), avenant1(value, indicator, detail)];
/** A value of every year since 2017, with its references. */
const always = <T>(value: T, source: Source): Dated<T> => ({ from: ACI_2017_FROM, value, ...source });

export interface HorairesParams {
  points: number;
  /** Amplitude (hours a day) from which no minoration applies, and the two lower bands. */
  amplitudeSansMinoration: number;
  amplitudeMoyenne: number;
  amplitudeMinimale: number;
  minorationAmplitudeMoyenne: number;
  minorationAmplitudeFaible: number;
  minorationSamediFerme: number;
  minorationConges: number;
}

const HORAIRES: HorairesParams = {
  points: 800,
  amplitudeSansMinoration: 12,
  amplitudeMoyenne: 10,
  amplitudeMinimale: 8,
  minorationAmplitudeMoyenne: 60,
  minorationAmplitudeFaible: 150,
  minorationSamediFerme: 120,
  minorationConges: 20,
};

export interface CoordinationParams {
  fixes: number;
  /** Variable points per 4 000 patients up to `seuil` patients, then `variablesAuDela` per 4 000 beyond. */
  variables: number;
  seuil: number;
  variablesAuDela: number;
}

/** The crisis indicator's place: optional in 2022 with no payable variable part, a prerequisite from 2023. */
export interface CriseStatut {
  type: IndicatorType;
  survenuePayable: boolean;
}

export const MSP = {
  version: parameter<string>("msp.version", "Texte en vigueur", "code", [
    aci2017("ACI 2017", "« Présentation de l'ACI »"),
    avenant1("avenant 1", "Présentation"),
  ]),
  valeurPoint: parameter<number>("msp.valeur_point", "Valeur du point", "euros", [
    always(7, { ...fromDeck(deckSlide("journeeMspNormandie2022", "« Valeur du point = 7 € »"), TEXTS.ameliMsp) }),
  ]),
  patienteleReference: parameter<number>("msp.patientele_reference", "Patientèle de référence des points variables", "patients", [
    always(4_000, fromDeck(deckSlide("journeeMspNormandie2022", "« patientèle médecin traitant 4000 patients »"), TEXTS.ameliMsp)),
  ]),
  precariteMax: parameter<number>("msp.precarite.plafond", "Plafond de la majoration de précarité", "rate", [
    always(0.25, fromDeck(deckSlide("journeeMspNormandie2022", "« Majoration de précarité … plafonnée à 25 % »"), TEXTS.precariteFormule)),
  ]),
  precariteBase: parameter<string>("msp.precarite.base", "Points majorés par la précarité", "code", [
    always(
      "points variables liés à la patientèle",
      toConfirm(
        "ameli dit que le total des points « peut être majoré » sans préciser l'assiette ; le complément retient les points variables liés à la patientèle",
        "reading",
        TEXTS.ameliMsp,
        readingReference("L-08"),
      ),
    ),
  ]),
  avanceTaux: parameter<number>("msp.avance.taux", "Avance : part des indicateurs prérequis et socle à 100 %", "rate", [
    always(0.6, fromDeck(deckSlide("journeeMspNormandie2022", "« Avance = 60 % des indicateurs Socles et Prérequis (atteints à 100 %) »"), TEXTS.ameliMsp)),
  ]),
  minimumNouvelleStructure: parameter<number>("msp.minimum_nouvelle_structure", "Rémunération minimale d'une nouvelle structure (année pleine)", "euros", [
    always(20_000, fromText("ameli", TEXTS.cnamMinimum2018)),
  ]),
  derogationAnnees: parameter<number>("msp.derogation.annees", "Années civiles de dérogation d'une nouvelle structure", "years", [
    always(2, seed("« Dérogation pour les nouvelles structures » (deux premières années civiles)")),
  ]),
  horaires: parameter<HorairesParams>("msp.horaires", "Horaires d'ouverture et soins non programmés", "points", [
    aci2017(HORAIRES, "« Accessibilité : amplitude horaire et accès aux soins non programmés » (800 points fixes, prérequis)"),
    avenant1(HORAIRES, "Horaires d'ouverture et soins non programmés", "800 points, minorations 60 / 150 / 120 / 20, moins de 8 h : non atteint"),
  ]),
  horairesAvenant1: parameter<{ derogationPdsa: boolean; fermetureLongue: boolean }>(
    "msp.horaires.avenant_1",
    "Horaires : dérogation PDSA et fermeture longue",
    "code",
    [
      avenant1(
        { derogationPdsa: true, fermetureLongue: true },
        "Horaires d'ouverture et soins non programmés",
        "dérogation PDSA de l'ARS : minorations d'amplitude et plancher de 8 h levés ; fermeture de plus de 3 semaines en congés scolaires ou de plus d'une semaine hors congés : non atteint",
      ),
    ],
  ),
  crise: parameter<{ planFixes: number; survenueVariables: number }>("msp.crise", "Réponse aux crises sanitaires graves", "points", [
    avenant1(
      { planFixes: 100, survenueVariables: 350 },
      "Réponse aux crises sanitaires graves",
      "100 points fixes pour le plan, 350 variables en cas de crise",
    ),
  ]),
  criseStatut: parameter<CriseStatut>("msp.crise.statut", "Place de l'indicateur crise sanitaire", "code", [
    avenant1(
      { type: "optionnel", survenuePayable: false },
      "Réponse aux crises sanitaires graves",
      "2022 : indicateur optionnel, volet variable non versé",
      "2022-12-31",
    ),
    {
      ...avenant1({ type: "prérequis", survenuePayable: true }, "Réponse aux crises sanitaires graves", "socle prérequis à partir de 2023"),
      from: "2023-01-01",
    },
  ]),
  diversite: parameter<number>("msp.diversite", "Diversité de l'offre de soins, par niveau", "points", [
    aci2017(250, "« Diversité de l'offre niveau 1 / niveau 2 : 250 pts fixes »"),
    avenant1(300, "Diversité de l'offre de soins", "niveau 1 : 300, niveau 2 : 300 points fixes"),
  ]),
  secondRecours: parameter<number>("msp.second_recours", "Consultations de second recours, par niveau", "points", [
    aci2017(250, "« 2nd recours niveau 1 / niveau 2 : 250 pts fixes »"),
    avenant1(300, "Second recours", "niveau 1 : 300, niveau 2 : 300 points fixes"),
  ]),
  cstm: parameter<number>("msp.cstm", "Accueil de médecins CSTM", "points", both(200, "« Accueil CSTM : 200 pts fixes »", "CSTM", "200 points fixes")),
  missionsSp: parameter<{ variables: number; max: number; ipaFixes: number }>("msp.missions_sp", "Missions de santé publique", "points", [
    aci2017({ variables: 350, max: 2, ipaFixes: 0 }, "« Missions de santé publique : 350 pts variables par mission jusqu'à 2 missions »"),
    avenant1(
      { variables: 350, max: 2, ipaFixes: 200 },
      "Missions de santé publique",
      "350 variables par mission, 2 au plus ; +200 fixes avec une IPA et 2 missions au moins (p. 15 : 3 000 patients, 2 missions, 1 IPA → 725 points)",
    ),
  ]),
  satisfaction: parameter<number>("msp.satisfaction", "Satisfaction des patients", "points", [aci2017(100, "« Satisfaction des patients : 100 pts fixes »")]),
  usagers: parameter<{ niveau1Fixes: number; niveau2Variables: number }>("msp.usagers", "Implication des usagers", "points", [
    avenant1({ niveau1Fixes: 200, niveau2Variables: 300 }, "Implication des usagers", "niveau 1 : 200 fixes, niveau 2 : 300 variables, cumulables"),
  ]),
  sas: parameter<{ niveau1Fixes: number; niveau2Fixes: number }>("msp.sas", "Participation au SAS", "points", [
    avenant1(
      { niveau1Fixes: 100, niveau2Fixes: 200 },
      "Service d'accès aux soins",
      "100 points si la moitié des médecins participe, 200 si tous ; non cumulables",
    ),
  ]),
  coordination: parameter<CoordinationParams>("msp.coordination", "Fonction de coordination", "points", [
    aci2017(
      { fixes: 700, variables: 1_350, seuil: 8_000, variablesAuDela: 1_000 },
      "« Fonction de coordination » (700 fixes + 1 350 variables jusqu'à 8 000 patients + 1 000 au-delà)",
    ),
    avenant1(
      { fixes: 1_000, variables: 1_700, seuil: 8_000, variablesAuDela: 1_100 },
      "Fonction de coordination",
      "1 000 fixes + 1 700 variables jusqu'à 8 000 patients + 1 100 par 4 000 au-delà",
    ),
  ]),
  protocoles: parameter<{ parProtocole: number; max: number; ipaParProtocole: number }>("msp.protocoles", "Protocoles pluriprofessionnels", "points", [
    aci2017({ parProtocole: 100, max: 8, ipaParProtocole: 0 }, "« Protocoles pluri-professionnels : 100 pts fixes par protocole, jusqu'à 8 »"),
    avenant1(
      { parProtocole: 100, max: 8, ipaParProtocole: 40 },
      "Protocoles pluriprofessionnels",
      "100 par protocole, 8 au plus ; +40 par protocole avec une IPA",
    ),
  ]),
  concertation: parameter<{ variables: number; reunionsMin: number; tauxDossiers: number; ipaVariables: number }>(
    "msp.concertation",
    "Concertation pluriprofessionnelle",
    "points",
    [
      aci2017({ variables: 1_000, reunionsMin: 6, tauxDossiers: 0.05, ipaVariables: 0 }, "« Concertation pluri-professionnelle : 1 000 pts variables »"),
      avenant1(
        { variables: 1_000, reunionsMin: 6, tauxDossiers: 0.05, ipaVariables: 200 },
        "Concertation pluriprofessionnelle",
        "1 000 variables ; 6 réunions au moins ; 5 % des patients MT en ALD ou de plus de 75 ans ; taux tronqué à deux décimales ; +200 variables avec une IPA",
      ),
    ],
  ),
  formation: parameter<{ fixes: number; parStageSupplementaire: number; stagesInclus: number; stagesMax: number }>(
    "msp.formation",
    "Formation des jeunes professionnels",
    "points",
    [
      aci2017({ fixes: 450, parStageSupplementaire: 0, stagesInclus: 0, stagesMax: 0 }, "« Formation des jeunes : 450 pts fixes »"),
      avenant1(
        { fixes: 450, parStageSupplementaire: 225, stagesInclus: 2, stagesMax: 4 },
        "Formation",
        "450 fixes jusqu'à 2 stagiaires, +225 pour un 3e, +225 pour un 4e, 900 au plus",
      ),
    ],
  ),
  coordExterne: parameter<number>(
    "msp.coord_externe",
    "Coordination externe",
    "points",
    both(200, "« Coordination externe : 200 pts variables »", "Coordination externe", "200 points variables"),
  ),
  qualite: parameter<{ niveau1Fixes: number; niveau2Variables: number; niveau3Variables: number }>("msp.qualite", "Démarche qualité", "points", [
    avenant1(
      { niveau1Fixes: 100, niveau2Variables: 200, niveau3Variables: 300 },
      "Démarche qualité",
      "niveau 1 : 100 fixes, niveau 2 : 200 variables, niveau 3 : 300 variables, cumulables",
    ),
  ]),
  cooperation: parameter<{ parProtocole: number; max: number }>("msp.cooperation", "Protocoles nationaux de coopération", "points", [
    avenant1({ parProtocole: 100, max: 6 }, "Coopération, protocoles nationaux", "100 par protocole, 6 au plus"),
  ]),
  parcoursIc: parameter<number>("msp.parcours_ic", "Parcours insuffisance cardiaque", "points", [
    avenant1(100, "Parcours insuffisance cardiaque", "100 points variables"),
  ]),
  parcoursObesite: parameter<{ fixes: number; missionsSansTheme: number }>("msp.parcours_obesite", "Parcours surpoids et obésité de l'enfant", "points", [
    avenant1(
      { fixes: 100, missionsSansTheme: 2 },
      "Parcours surpoids et obésité de l'enfant",
      "100 fixes ; avec une seule mission de santé publique, seulement si elle porte sur ce thème",
    ),
  ]),
  siStandard: parameter<{ fixes: number; parPs: number; seuilPs: number; parPsAuDela: number }>(
    "msp.si_standard",
    "Système d'information, niveau standard",
    "points",
    both(
      { fixes: 500, parPs: 200, seuilPs: 16, parPsAuDela: 150 },
      "« Système d'information – niveau standard » (500 fixes + 200 par PS jusqu'à 16 + 150 au-delà)",
      "Système d'information, niveau standard",
      "500 fixes + 200 par PS jusqu'à 16 + 150 au-delà, prorata de la date d'acquisition",
    ),
  ),
  siAvance: parameter<number>(
    "msp.si_avance",
    "Système d'information, niveau avancé",
    "points",
    both(100, "« Système d'information-niveau avancé : 100 pts fixes »", "Système d'information, niveau avancé", "100 fixes, prorata de la date d'acquisition"),
  ),
} as const;

type Msp = typeof MSP;
type ValueOf<P> = P extends Parameter<infer T> ? T : never;

/** The parameters in force for one remuneration year: each leaf's period on 01/01, or undefined when none. */
export type YearRules = { readonly annee: number } & { readonly [K in keyof Msp]: Dated<ValueOf<Msp[K]>> | undefined };

/** The rules of a year (remembered: every cell of a year asks for the same ones). */
export const yearRules = memo((annee: number): YearRules => {
  const date = `${annee}-01-01`;
  return { annee, ...Object.fromEntries(Object.entries(MSP).map(([k, p]) => [k, entryAt((p as Parameter).series, date)])) } as YearRules;
}, 1_000);

export const FIRST_MSP_YEAR = 2017;

/** Every parameter of the ACI MSP family. */
export const MSP_PARAMETERS: readonly Parameter[] = Object.values(MSP);

/** The texts of the ACI MSP, in order: the version leaf's values (« ACI 2017 », « avenant 1 »). */
export const MSP_TEXTS: readonly string[] = MSP.version.series.map((e) => e.value);

/** Whether a field created by the text `since` (the first when unsaid) comes after `version` (a year under it ignores it). */
export const isLaterText = (since: string | undefined, version: string): boolean =>
  since !== undefined && MSP_TEXTS.indexOf(since) > MSP_TEXTS.indexOf(version);

export type { Reference };
