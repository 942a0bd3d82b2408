/**
 * Aide à l'emploi d'un assistant médical.
 *
 * Médecins libéraux: avenant 7 à la convention médicale 2016 (options 1/3, 1/2
 * et 1 ETP), then the convention médicale 2024 amounts from 22/06/2024; the
 * 1/3 option is closed to contracts signed from 01/05/2023 (règlement arbitral).
 * Centres de santé: avenant 5 à l'accord national, contracts from 06/08/2024.
 */
import { SEEDS, type Series } from "../params";

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
}

const AVENANT_7 = "avenant 7 à la convention médicale 2016 (arrêté du 14/08/2019, JO du 20/08/2019, en vigueur le lendemain), art. 9-5-2-2";
const CM_2024 = "convention médicale 2024, en vigueur le 22/06/2024 : tableau ameli « Aide à l'emploi d'un assistant médical : ce qui change dès juin 2024 »";

export const AVENANT_7_START = "2019-08-21";
export const CM_2024_START = "2024-06-22";
const DAY_BEFORE_CM_2024 = "2024-06-21";

export const LIBERAL: Readonly<Record<Option, Series<AidTable>>> = {
  "1/3": [
    {
      from: AVENANT_7_START,
      to: DAY_BEFORE_CM_2024,
      value: { annee1: 12_000, annee2: 9_000, annee3: 7_000, annee3P90: 8_350, p95: 12_000 },
      ref: `${SEEDS.journeeMspNormandie2022}, « Assistants médicaux » (années 1 à 3) ; ${AVENANT_7} (P90-P95, P95+)`,
      confidence: "seed",
    },
    { from: CM_2024_START, value: { annee1: null, annee2: 9_450, annee3: 7_350, annee3P90: 8_767, p95: 12_600 }, ref: CM_2024, confidence: "official" },
  ],
  "1/2": [
    {
      from: AVENANT_7_START,
      to: DAY_BEFORE_CM_2024,
      value: { annee1: 18_000, annee2: 13_500, annee3: 10_500, annee3P90: 12_500, p95: 18_000 },
      ref: `${SEEDS.journeeMspNormandie2022}, « Assistants médicaux » (années 1 à 3) ; ${AVENANT_7} (P90-P95, P95+)`,
      confidence: "seed",
    },
    { from: CM_2024_START, value: { annee1: 19_000, annee2: 14_000, annee3: 11_000, annee3P90: 13_000, p95: 19_000 }, ref: CM_2024, confidence: "official" },
  ],
  "1": [
    {
      from: AVENANT_7_START,
      to: DAY_BEFORE_CM_2024,
      value: { annee1: 36_000, annee2: 27_000, annee3: 21_000, annee3P90: 25_000, p95: 36_000 },
      ref: `${SEEDS.journeeMspNormandie2022}, « Zone sous dense » (années 1 à 3) ; ${AVENANT_7} (P90-P95, P95+)`,
      confidence: "seed",
    },
    { from: CM_2024_START, value: { annee1: 38_000, annee2: 28_000, annee3: 22_000, annee3P90: 26_000, p95: 38_000 }, ref: CM_2024, confidence: "official" },
  ],
};

/** The 1/3 ETP option: no new contract signed from 01/05/2023 (règlement arbitral, JO 30/04/2023). */
export const OPTION_TIERS_FERMEE = {
  from: "2023-05-01",
  ref: "règlement arbitral médecins (JO 30/04/2023), en vigueur le 01/05/2023",
  confidence: "official",
} as const;

export const CDS_START = "2024-08-06";

/** Centres de santé, amounts for one ETP of assistant médical, multiplied by the number of ETP. */
export const CDS: Series<AidTable> = [
  {
    from: CDS_START,
    value: { annee1: 36_000, annee2: 27_000, annee3: 21_000, annee3P90: 25_000, p95: 36_000 },
    ref: `${SEEDS.journeeCdsPaca2024}, « Assistant médical : financement par l'assurance maladie » (avenant 5 CDS)`,
    confidence: "seed",
  },
];

/** At most 4 ETP of assistant médical per centre (and 0,5 ETP per ETP de médecin). */
export const CDS_MAX_ETP = { value: 4, ref: `${SEEDS.journeeCdsPaca2024}, « dans la limite de 4 ETP »`, confidence: "seed" } as const;
