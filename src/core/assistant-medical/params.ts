/**
 * Aide à l'emploi d'un assistant médical.
 *
 * Médecins libéraux: avenant 7 à la convention médicale 2016 (options 1/3, 1/2
 * et 1 ETP), then the convention médicale 2024 amounts from 22/06/2024; the
 * 1/3 option is closed to contracts signed from 01/05/2023 (règlement arbitral).
 * Centres de santé: avenant 3 à l'accord national (contracts signed before
 * 06/08/2024), then avenant 5 (contracts from 06/08/2024).
 */
import { fromDeck, fromText, parameter, deckSlide, TEXTS, toConfirm, type Parameter, type Series } from "../params";

export type Regime = "liberal" | "cds";
export type Option = "1/3" | "1/2" | "1";
export type Bande = "P30-P50" | "P50-P70" | "P70-P90" | "P90-P95" | "P95+";

/** Amounts of one option (libéral) or of one ETP (centre de santé), euros per contract year. */
export interface AidTable {
  /** Years 1, 2 and 3+, for patientèles between P30 and P90. `null`: option not offered any more. */
  readonly annee1: number | null;
  readonly annee2: number;
  readonly annee3: number;
  /** Year 3 and after, patientèle between P90 and P95. */
  readonly annee3P90: number;
  /** Any year, patientèle at or above P95. */
  readonly p95: number;
  /** True when the text sets no band majoration: the yearly amounts apply whatever the band. */
  readonly sansMajorationBandes?: boolean;
}

const avenant7 = (slide: string) =>
  fromDeck(deckSlide("journeeMspNormandie2022", `${slide} (années 1 à 3)`), { ...TEXTS.avenant7, title: `${TEXTS.avenant7.title} (P90-P95, P95+)` });
const CM_2024 = fromText("ameli", TEXTS.ameliAm2024);

export const AVENANT_7_START = "2019-08-21";
export const CM_2024_START = "2024-06-22";
const DAY_BEFORE_CM_2024 = "2024-06-21";

export const LIBERAL: Readonly<Record<Option, Series<AidTable>>> = {
  "1/3": [
    {
      from: AVENANT_7_START,
      to: DAY_BEFORE_CM_2024,
      value: { annee1: 12_000, annee2: 9_000, annee3: 7_000, annee3P90: 8_350, p95: 12_000 },
      ...avenant7("« Assistants médicaux »"),
    },
    { from: CM_2024_START, value: { annee1: null, annee2: 9_450, annee3: 7_350, annee3P90: 8_767, p95: 12_600 }, ...CM_2024 },
  ],
  "1/2": [
    {
      from: AVENANT_7_START,
      to: DAY_BEFORE_CM_2024,
      value: { annee1: 18_000, annee2: 13_500, annee3: 10_500, annee3P90: 12_500, p95: 18_000 },
      ...avenant7("« Assistants médicaux »"),
    },
    { from: CM_2024_START, value: { annee1: 19_000, annee2: 14_000, annee3: 11_000, annee3P90: 13_000, p95: 19_000 }, ...CM_2024 },
  ],
  "1": [
    {
      from: AVENANT_7_START,
      to: DAY_BEFORE_CM_2024,
      value: { annee1: 36_000, annee2: 27_000, annee3: 21_000, annee3P90: 25_000, p95: 36_000 },
      ...avenant7("« Zone sous dense »"),
    },
    { from: CM_2024_START, value: { annee1: 38_000, annee2: 28_000, annee3: 22_000, annee3P90: 26_000, p95: 38_000 }, ...CM_2024 },
  ],
};

/** The 1/3 ETP option: no new contract signed from 01/05/2023 (règlement arbitral, JO 30/04/2023). */
export const OPTION_TIERS_FERMEE = parameter<boolean>("am.option_tiers_fermee", "Option 1/3 ETP fermée aux nouveaux contrats", "code", [
  { from: "2023-05-01", value: true, ...fromText("ameli", TEXTS.reglementArbitral2023) },
]);

/** Centres de santé: the avenant 3 contract (JO 03/09/2020) until 05/08/2024, the avenant 5 contract from 06/08/2024. */
export const CDS_AVENANT_3_START = "2020-09-03";
export const CDS_START = "2024-08-06";
const DAY_BEFORE_CDS_AVENANT_5 = "2024-08-05";

/**
 * Centres de santé, amounts for one ETP of assistant médical, multiplied by the number of ETP; the table of the
 * contract's signature date applies for the whole contract (each avenant created its own contract).
 */
export const CDS: Series<AidTable> = [
  {
    from: CDS_AVENANT_3_START,
    to: DAY_BEFORE_CDS_AVENANT_5,
    value: { annee1: 36_000, annee2: 27_000, annee3: 21_000, annee3P90: 21_000, p95: 36_000, sansMajorationBandes: true },
    ...toConfirm(
      "les sources de l'avenant 3 ne donnent que 36 000 / 27 000 / 21 000 € par ETP : aucune majoration P90-P95 ni P95+ n'y figure, montants annuels appliqués quelle que soit la bande",
      "secondary",
      TEXTS.cdsAvenant3,
    ),
  },
  {
    from: CDS_START,
    value: { annee1: 36_000, annee2: 27_000, annee3: 21_000, annee3P90: 25_000, p95: 36_000 },
    ...fromDeck(deckSlide("journeeCdsPaca2024", "« Assistant médical : financement par l'assurance maladie » (avenant 5 CDS)"), TEXTS.cdsAvenant5),
  },
];

/** The accord national des centres de santé of 28/08/2025 (JO 15/10/2025): its quota applies from 16/10/2025. */
const ACCORD_CDS_2025 = { title: "accord national des centres de santé du 28/08/2025 (JO du 15/10/2025), en vigueur le 16/10/2025" };
const ACCORD_CDS_2025_START = "2025-10-16";
const QUOTA_2025_WHY = "quota de 8 ETP par centre (sans plafond en zone sous-dense) annoncé pour l'accord de 2025 : texte non encore lu";

/**
 * At most 4 ETP of assistant médical per centre (and 0,5 ETP per ETP de médecin) under avenants 3 and 5, 8 under the
 * accord of 2025.
 */
export const CDS_MAX_ETP = parameter<number>("am.cds.etp_max", "ETP d'assistant médical financés au plus par centre", "ETP", [
  { from: CDS_AVENANT_3_START, to: DAY_BEFORE_CDS_AVENANT_5, value: 4, ...fromText("secondary", TEXTS.cdsAvenant3) },
  { from: CDS_START, to: "2025-10-15", value: 4, ...fromDeck(deckSlide("journeeCdsPaca2024", "« dans la limite de 4 ETP »")) },
  { from: ACCORD_CDS_2025_START, value: 8, ...toConfirm(QUOTA_2025_WHY, "secondary", ACCORD_CDS_2025) },
]);

/** Whether a centre in a zone sous-dense is financed without the per-centre ceiling (from the accord of 2025). */
export const CDS_SANS_PLAFOND_ZONE_SOUS_DENSE = parameter<boolean>(
  "am.cds.sans_plafond_zone_sous_dense",
  "Centre en zone sous-dense : pas de plafond par centre",
  "code",
  [{ from: ACCORD_CDS_2025_START, value: true, ...toConfirm(QUOTA_2025_WHY, "secondary", ACCORD_CDS_2025) }],
);

/** ETP of assistant per ETP of doctor in a centre (seed 004: 4,8 ETP of doctors → 2,4 ETP of assistants). */
export const CDS_ETP_PAR_MEDECIN = parameter<number>("am.cds.etp_par_medecin", "ETP d'assistant médical par ETP de médecin (centres de santé)", "rate", [
  { from: CDS_AVENANT_3_START, to: DAY_BEFORE_CDS_AVENANT_5, value: 0.5, ...fromText("secondary", TEXTS.cdsAvenant3) },
  {
    from: CDS_START,
    value: 0.5,
    ...fromDeck(deckSlide("journeeCdsPaca2024", "« 0,5 ETP d'assistant médical pour 1 ETP de médecin … dans la limite de 4 ETP »")),
  },
]);

/** Patientèle increase a contract asks for, by initial band: a rate (0 = maintien), `null` where no source gives it. */
export type ObjectiveGrid = Readonly<Record<Bande, number | null>>;

const S46 = {
  title: "egora, « Assistants médicaux : où en est-on ? » (fourchettes d'objectifs par option)",
  url: "https://v2-dev.egora.fr/actus-pro/conditions-dexercice/assistants-medicaux-ou-en-est",
};
const S44 = {
  title: "CSMF, « Assistant médical : les contreparties pour le médecin »",
  url: "http://www.csmf.org/assistant-medical-les-contreparties-pour-le-medecin",
};

/**
 * Libéraux, avenant 7 (contracts signed before the convention médicale 2024): option 1/3 from the text's extract
 * (art. 9-5-2-2); options 1/2 and 1 only at the ends of the published ranges; the other cells are in no source.
 */
export const OBJECTIFS_LIBERAL: Readonly<Record<Option, Parameter<ObjectiveGrid>>> = {
  "1/3": parameter("am.objectifs.liberal.1/3", "Objectifs d'augmentation de patientèle, option 1/3 ETP", "rate", [
    {
      from: AVENANT_7_START,
      to: DAY_BEFORE_CM_2024,
      value: { "P30-P50": 0.2, "P50-P70": 0.15, "P70-P90": 0.075, "P90-P95": 0.04, "P95+": 0 },
      ...fromText("legal-text", TEXTS.avenant7),
    },
  ]),
  "1/2": parameter("am.objectifs.liberal.1/2", "Objectifs d'augmentation de patientèle, option 1/2 ETP", "rate", [
    {
      from: AVENANT_7_START,
      to: DAY_BEFORE_CM_2024,
      value: { "P30-P50": 0.25, "P50-P70": null, "P70-P90": null, "P90-P95": 0.06, "P95+": 0 },
      ...toConfirm("seules les bornes des fourchettes publiées par la presse sont connues (P30-P50 et P90-P95)", "secondary", S46, S44),
    },
  ]),
  "1": parameter("am.objectifs.liberal.1", "Objectifs d'augmentation de patientèle, option 1 ETP", "rate", [
    {
      from: AVENANT_7_START,
      to: DAY_BEFORE_CM_2024,
      value: { "P30-P50": 0.35, "P50-P70": null, "P70-P90": null, "P90-P95": 0.125, "P95+": null },
      ...toConfirm(
        "seules les bornes des fourchettes publiées sont connues ; au-delà de P95 les sources se contredisent (maintien ou +5 %)",
        "secondary",
        S46,
        S44,
      ),
    },
  ]),
};

/** Centres de santé, avenant 5 (seed 004, « Suivi des engagements »): the same grid for PMT and file active. */
export const OBJECTIFS_CDS = parameter<ObjectiveGrid>("am.objectifs.cds", "Objectifs d'augmentation de patientèle des centres de santé", "rate", [
  {
    from: CDS_START,
    value: { "P30-P50": 0.25, "P50-P70": 0.2, "P70-P90": 0.15, "P90-P95": 0.05, "P95+": 0 },
    ...fromDeck(deckSlide("journeeCdsPaca2024", "« Assistants médicaux : suivi des engagements selon la composition du CDS »"), TEXTS.cdsAvenant5),
  },
]);

/**
 * The texts of the aid, in order, the family's version leaves (each holds until the next `from`): for a médecin
 * libéral, the text in force on the contract year's first day; for a centre de santé, the one of its signature (each
 * avenant created its own contract). A new text is a new entry here and its dated values in the series above.
 */
export const AM_VERSION = {
  liberal: parameter<string>("am.version.liberal", "Texte en vigueur (médecins libéraux)", "code", [
    { from: AVENANT_7_START, to: DAY_BEFORE_CM_2024, value: "avenant 7 (convention médicale 2016)", ...fromText("secondary", TEXTS.avenant7) },
    { from: CM_2024_START, value: "convention médicale 2024", ...CM_2024 },
  ]),
  cds: parameter<string>("am.version.cds", "Texte en vigueur (centres de santé)", "code", [
    { from: CDS_AVENANT_3_START, to: DAY_BEFORE_CDS_AVENANT_5, value: "avenant 3 centres de santé", ...fromText("secondary", TEXTS.cdsAvenant3) },
    { from: CDS_START, value: "avenant 5 centres de santé", ...fromText("secondary", TEXTS.cdsAvenant5) },
  ]),
};

/** Every parameter of the assistant médical family. */
export const AM_PARAMETERS: readonly Parameter[] = [
  AM_VERSION.liberal,
  AM_VERSION.cds,
  ...(Object.entries(LIBERAL) as [Option, Series<AidTable>][]).map(([o, series]) =>
    parameter(`am.liberal.${o}`, `Aide, option ${o} ETP (libéral)`, "euros", series),
  ),
  OPTION_TIERS_FERMEE,
  parameter("am.cds.aide_par_etp", "Aide par ETP d'assistant médical (centres de santé)", "euros", CDS),
  CDS_MAX_ETP,
  CDS_SANS_PLAFOND_ZONE_SOUS_DENSE,
  CDS_ETP_PAR_MEDECIN,
  ...Object.values(OBJECTIFS_LIBERAL),
  OBJECTIFS_CDS,
];
