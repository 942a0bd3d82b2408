/**
 * ACI MSP (accord conventionnel interprofessionnel relatif aux structures de
 * santé pluriprofessionnelles, 20/04/2017) and its avenant 1 (signed
 * 04/03/2022, JO 03/08/2022, applied to remuneration year 2022 onwards).
 *
 * Every indicator value carries its source and a confidence flag; avenant-1
 * values found only in third-party material are `to-confirm` and the detail
 * output says so.
 */
import { SEEDS, type Confidence, type Series } from "../params";

export interface Param<T> {
  readonly value: T;
  readonly ref: string;
  readonly confidence: Confidence;
}

const ACI_2017 = `${SEEDS.journeeMspNormandie2022}, « Présentation de l'ACI » (ACI MSP du 20/04/2017)`;
const RECONDUIT = "reconduit par l'avenant 1 (aucune modification publiée)";
const AV1_OFFICIAL = "avenant 1 ACI MSP (JO 03/08/2022), notes/domain-rules.md §1.2";
const AV1_3P = "avenant 1 ACI MSP : valeur trouvée seulement dans des sources tierces (notes/domain-rules.md §1.2)";

const seed = <T>(value: T, detail = ""): Param<T> => ({ value, ref: detail ? `${ACI_2017}, ${detail}` : ACI_2017, confidence: "seed" });
const kept = <T>(p: Param<T>): Param<T> => ({ ...p, ref: `${p.ref} ; ${RECONDUIT}` });
const official = <T>(value: T, detail: string): Param<T> => ({ value, ref: `${AV1_OFFICIAL} (${detail})`, confidence: "official" });
const toConfirm = <T>(value: T): Param<T> => ({ value, ref: AV1_3P, confidence: "to-confirm" });

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

export interface CoordinationParams {
  fixes: number;
  /** Variable points per 4 000 patients up to `seuil` patients, then `variablesAuDela` per 4 000 beyond. */
  variables: number;
  seuil: number;
  variablesAuDela: number;
}

export interface MspRules {
  readonly version: "ACI 2017" | "avenant 1";
  readonly valeurPoint: Param<number>;
  readonly patienteleReference: Param<number>;
  readonly precariteMax: Param<number>;
  readonly avanceTaux: Param<number>;
  readonly minimumNouvelleStructure: Param<number>;
  readonly horaires: Param<HorairesParams>;
  readonly coordination: Param<CoordinationParams>;
  readonly protocoles: Param<{ parProtocole: number; max: number; ipaParProtocole: number }>;
  readonly concertation: Param<{ variables: number; reunionsMin: number; tauxDossiers: number; ipaVariables: number }>;
  readonly siStandard: Param<{ fixes: number; parPs: number; seuilPs: number; parPsAuDela: number }>;
  readonly siAvance: Param<number>;
  readonly diversite: Param<number>;
  readonly secondRecours: Param<number>;
  readonly cstm: Param<number>;
  readonly missionsSp: Param<{ variables: number; max: number; ipaFixes: number }>;
  readonly satisfaction?: Param<number>;
  readonly formation: Param<{ fixes: number; parStageSupplementaire: number; stagesInclus: number; stagesMax: number }>;
  readonly coordExterne: Param<number>;
  // avenant 1 only
  readonly crise?: Param<{ planFixes: number; survenueVariables: number }>;
  readonly usagers?: Param<{ niveau1Fixes: number; niveau2Variables: number }>;
  readonly sas?: Param<{ niveau1Fixes: number; niveau2Fixes: number }>;
  readonly qualite?: Param<{ niveau1Fixes: number; niveau2Variables: number; niveau3Variables: number }>;
  readonly cooperation?: Param<{ parProtocole: number; max: number }>;
  readonly parcoursIc?: Param<number>;
  readonly parcoursObesite?: Param<number>;
}

const HORAIRES_2017 = seed<HorairesParams>(
  {
    points: 800,
    amplitudeSansMinoration: 12,
    amplitudeMoyenne: 10,
    amplitudeMinimale: 8,
    minorationAmplitudeMoyenne: 60,
    minorationAmplitudeFaible: 150,
    minorationSamediFerme: 120,
    minorationConges: 20,
  },
  "« Horaires d'ouverture et soins non programmés » (800 points, minorations 60/150/120/20 ; moins de 8 h : non atteint, concourspluripro 2021)",
);

const COMMON_2017 = {
  valeurPoint: seed(7, "« Valeur du point = 7 € »"),
  patienteleReference: seed(4_000, "« patientèle médecin traitant 4000 patients »"),
  precariteMax: seed(0.25, "« Majoration de précarité … plafonnée à 25 % »"),
  avanceTaux: seed(0.6, "« Avance = 60 % des indicateurs Socles et Prérequis »"),
  minimumNouvelleStructure: {
    value: 20_000,
    ref: "communiqué CNAM du 04/06/2018 : rémunération minimale de 20 000 € pour une nouvelle structure (année pleine), avance 12 000 €",
    confidence: "official",
  } as Param<number>,
  protocoles: seed({ parProtocole: 100, max: 8, ipaParProtocole: 0 }, "« Protocoles pluri-professionnels » (100 points, 8 au plus)"),
  concertation: seed(
    { variables: 1_000, reunionsMin: 6, tauxDossiers: 0.05, ipaVariables: 0 },
    "« Concertation pluri-professionnelle » (1 000 points variables, 6 réunions, 5 % des patients MT en ALD ou de plus de 75 ans)",
  ),
  siStandard: seed({ fixes: 500, parPs: 200, seuilPs: 16, parPsAuDela: 150 }, "« Système d'information – niveau standard »"),
  siAvance: seed(100, "« Système d'information niveau avancé »"),
  missionsSp: seed({ variables: 350, max: 2, ipaFixes: 0 }, "« Missions de santé publique » (350 points variables, 2 missions au plus)"),
};

const RULES_2017: MspRules = {
  version: "ACI 2017",
  ...COMMON_2017,
  horaires: HORAIRES_2017,
  coordination: seed(
    { fixes: 700, variables: 1_350, seuil: 8_000, variablesAuDela: 1_000 },
    "« Fonction de coordination » (700 fixes + 1 350 variables jusqu'à 8 000 patients + 1 000 au-delà)",
  ),
  diversite: seed(250, "« Diversité de l'offre » niveaux 1 et 2"),
  secondRecours: seed(250, "« 2nd recours » niveaux 1 et 2"),
  cstm: seed(200, "« Accueil CSTM »"),
  satisfaction: seed(100, "« Satisfaction des patients »"),
  formation: seed({ fixes: 450, parStageSupplementaire: 0, stagesInclus: 0, stagesMax: 0 }, "« Formation des jeunes »"),
  coordExterne: seed(200, "« Coordination externe » (200 points variables)"),
};

const RULES_AVENANT_1: MspRules = {
  version: "avenant 1",
  valeurPoint: kept(COMMON_2017.valeurPoint),
  patienteleReference: kept(COMMON_2017.patienteleReference),
  precariteMax: kept(COMMON_2017.precariteMax),
  avanceTaux: kept(COMMON_2017.avanceTaux),
  minimumNouvelleStructure: COMMON_2017.minimumNouvelleStructure,
  horaires: { ...HORAIRES_2017, ref: `${HORAIRES_2017.ref} ; ${AV1_3P}`, confidence: "to-confirm" },
  coordination: {
    value: { fixes: 1_000, variables: 1_700, seuil: 8_000, variablesAuDela: 1_100 },
    ref: `${AV1_OFFICIAL} (1 000 fixes + 1 700 variables) ; 1 100 au-delà de 8 000 patients : ${AV1_3P}`,
    confidence: "to-confirm",
  },
  protocoles: official({ parProtocole: 100, max: 8, ipaParProtocole: 40 }, "+40 points par protocole si une IPA exerce dans la MSP"),
  concertation: official({ variables: 1_000, reunionsMin: 6, tauxDossiers: 0.05, ipaVariables: 200 }, "+200 points variables si une IPA exerce dans la MSP"),
  siStandard: kept(COMMON_2017.siStandard),
  siAvance: kept(COMMON_2017.siAvance),
  missionsSp: official({ variables: 350, max: 2, ipaFixes: 200 }, "+200 points fixes avec une IPA et 2 missions"),
  diversite: toConfirm(300),
  secondRecours: toConfirm(300),
  cstm: toConfirm(200),
  formation: toConfirm({ fixes: 450, parStageSupplementaire: 225, stagesInclus: 2, stagesMax: 4 }),
  coordExterne: toConfirm(200),
  crise: official({ planFixes: 100, survenueVariables: 350 }, "crise sanitaire : 100 points fixes pour le plan, 350 variables en cas de crise"),
  usagers: toConfirm({ niveau1Fixes: 200, niveau2Variables: 300 }),
  sas: toConfirm({ niveau1Fixes: 100, niveau2Fixes: 200 }),
  qualite: toConfirm({ niveau1Fixes: 100, niveau2Variables: 200, niveau3Variables: 300 }),
  cooperation: toConfirm({ parProtocole: 100, max: 6 }),
  parcoursIc: toConfirm(100),
  parcoursObesite: toConfirm(100),
};

/** Rule sets by remuneration year: 01/01 of the year picks the version. */
export const MSP_VERSIONS: Series<MspRules> = [
  { from: "2017-01-01", to: "2021-12-31", value: RULES_2017, ref: ACI_2017, confidence: "seed" },
  { from: "2022-01-01", value: RULES_AVENANT_1, ref: AV1_OFFICIAL, confidence: "official" },
];

export const FIRST_MSP_YEAR = 2017;
/** Calendar years of adhesion during which 2 of the 3 prerequisites suffice (year of adhesion and the next). */
export const DEROGATION = seed(2, "« Dérogation pour les nouvelles structures » (deux premières années civiles)");
