/**
 * Explanations as data (in the manner of Publicodes' evaluated nodes): the rules record what they applied as steps —
 * the parameter values, the input fields, the caps and minorations — and this module alone renders them in French,
 * for ACI.MSP_DETAIL. No remark restates a number: each one comes from the step, so it cannot disagree with a
 * parameter. POINTS and EUROS never build a step (their trace is undefined).
 */
import { cite } from "../readings";
import { frenchDate } from "../dates";
import { frNumber, frPercent } from "../format";
import type { FieldCode } from "./fields";

export type Step =
  | { kind: "not-met"; reason: "snp" | "coordination" | "si_standard" | "crise_plan" | "fermeture_longue" }
  | { kind: "amplitude-min"; amplitude: number; min: number }
  | { kind: "reunions-min"; reunions: number; min: number; prorated: boolean }
  | { kind: "si-after-year"; date: string; annee: number }
  | { kind: "crise-sans-plan" }
  | { kind: "minorations"; amplitude?: { from: number; to: number; points: number }; samedi: number; conges: number }
  | { kind: "pdsa" }
  | { kind: "cap"; field: FieldCode; given: number; paid: number }
  | { kind: "level"; level: number; cumulative: boolean }
  | { kind: "ipa"; points: number; per?: "protocole"; variable: boolean; missions?: number }
  | { kind: "prorata"; field: "si_date" | "si_avance_date" | "date_adhesion"; date: string; days: number; daysInYear: number }
  | { kind: "dossiers"; dossiers: number; patients: number; taux: number; cible: number; atteinte: number }
  | { kind: "dossiers-sans-base" }
  | { kind: "seuil"; seuil: number; auDela: number; reference: number }
  | { kind: "ps"; n: number }
  | { kind: "stages"; extra: number; each: number; included: number }
  | { kind: "crise-variable"; payable: boolean; annee: number; survenue: boolean }
  | { kind: "obesite-theme"; missions: number; required: number };

const plural = (n: number, word: string) => `${frNumber(n)} ${word}${n > 1 ? "s" : ""}`;

const NOT_MET: Record<Extract<Step, { kind: "not-met" }>["reason"], string> = {
  snp: "organisation des soins non programmés absente (snp = 0) : indicateur non atteint",
  coordination: "fonction de coordination absente (coordination = 0) : indicateur non atteint",
  si_standard: "logiciel labellisé absent (si_standard = 0) : indicateur non atteint",
  crise_plan: "pas de plan de préparation (crise_plan = 0)",
  fermeture_longue:
    "fermeture de plus de 3 semaines pendant les congés scolaires ou de plus d'une semaine hors congés (fermeture_longue = 1) : indicateur non atteint",
};

const PRORATA_OF: Record<Extract<Step, { kind: "prorata" }>["field"], string> = {
  si_date: "depuis l'acquisition du logiciel le",
  si_avance_date: "depuis l'acquisition du logiciel de niveau avancé le",
  date_adhesion: "depuis la signature du contrat le",
};

const joinParts = (a: string, b: string): string => (a ? `${a}, ${b}` : b);

/**
 * A number that identifies a step among those of its kind, built from its counts, levels and parameters (whole
 * numbers below 100 000, flags as 0 or 1), or -1 when the step holds a date, a fraction or a value beyond: those steps
 * are rendered each time. The others take few values in a sheet (a number of meetings, of PS, a level, the year's
 * parameters): their text is kept (`renderStep`), since rendering is the costly part of ACI.MSP_DETAIL.
 */
function stepKey(step: Step): number {
  switch (step.kind) {
    case "reunions-min":
      return key3(step.reunions, step.min, step.prorated ? 1 : 0);
    case "minorations": {
      // the band's bounds (0 without an amplitude minoration, else 1 + both bounds), its points with Saturday's, the holidays'
      const a = step.amplitude;
      const band = a ? key2Small(a.from, a.to) : -1;
      if (a && band < 0) return -1;
      return key3(band + 1, key2Small(a ? a.points : 0, step.samedi), step.conges);
    }
    case "cap":
      return key3(CAPPED_FIELDS.indexOf(step.field), step.given, step.paid);
    case "level":
      return key3(step.level, step.cumulative ? 1 : 0, 0);
    case "ipa":
      return key3(step.points, (step.per === "protocole" ? 2 : 0) + (step.variable ? 1 : 0), step.missions ?? 0);
    case "seuil":
      return key3(step.seuil, step.auDela, step.reference);
    case "ps":
      return key3(step.n, 0, 0);
    case "stages":
      return key3(step.extra, step.each, step.included);
    case "crise-variable":
      return key3(step.annee, step.payable ? 1 : 0, step.survenue ? 1 : 0);
    case "obesite-theme":
      return key3(step.missions, step.required, 0);
    default:
      return -1;
  }
}

const KEY_BASE = 100_000;
const keyPart = (x: number) => Number.isInteger(x) && x >= 0 && x < KEY_BASE;
/** Three whole numbers of 0 to 99 999 as one (below 10^15, exact), or -1. */
const key3 = (a: number, b: number, c: number): number => (keyPart(a) && keyPart(b) && keyPart(c) ? (a * KEY_BASE + b) * KEY_BASE + c : -1);
/** Two whole numbers of 0 to 299 as one of 0 to 89 999 (a key3 part, 1 added at most), or -1 (then key3 gives -1). */
const key2Small = (a: number, b: number): number => (Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b >= 0 && a < 300 && b < 300 ? a * 300 + b : -1);

/** The fields a cap step can name (its key holds the field's position here). */
const CAPPED_FIELDS: readonly FieldCode[] = ["missions_sp", "protocoles", "cooperation"];

/**
 * Texts of keyed steps, per kind; emptied when one holds 1 000 (a sheet has far fewer: numbers of PS, of meetings,
 * levels, the year's parameters), so memory stays bounded.
 */
const STEP_TEXTS = new Map<Step["kind"], Map<number, string>>();
const MAX_KEPT = 1_000;

/** One step in French (kept by key for the steps that take few values). */
export function renderStep(step: Step): string {
  const key = stepKey(step);
  if (key < 0) return stepText(step);
  let texts = STEP_TEXTS.get(step.kind);
  if (!texts) STEP_TEXTS.set(step.kind, (texts = new Map()));
  let text = texts.get(key);
  if (text === undefined) {
    if (texts.size >= MAX_KEPT) texts.clear();
    texts.set(key, (text = stepText(step)));
  }
  return text;
}

/** One step in French, rendered each time (what `renderStep` keeps). */
export function stepText(step: Step): string {
  switch (step.kind) {
    case "not-met":
      return NOT_MET[step.reason];
    case "amplitude-min":
      return `amplitude de ${frNumber(step.amplitude)} h, moins de ${frNumber(step.min)} h par jour : indicateur non atteint`;
    case "reunions-min":
      return `${plural(step.reunions, "réunion")} dans l'année, il en faut au moins ${frNumber(step.min)}${step.prorated ? " (minimum proratisé sur la date de signature, arrondi à l'entier supérieur : lecture retenue)" : ""}`;
    case "si-after-year":
      return `logiciel acquis le ${frenchDate(step.date)}, après l'année ${step.annee}`;
    case "crise-sans-plan":
      return "crise survenue sans plan de préparation : rien n'est versé";
    case "minorations": {
      const a = step.amplitude;
      let parts = a ? `amplitude de ${frNumber(a.from)} à ${frNumber(a.to)} h −${frNumber(a.points)}` : "";
      if (step.samedi) parts = joinParts(parts, `fermeture le samedi matin −${frNumber(step.samedi)}`);
      if (step.conges) parts = joinParts(parts, `fermeture pendant les congés scolaires −${frNumber(step.conges)}`);
      return `minorations cumulées (guide CNAM) : ${parts}`;
    }
    case "pdsa":
      return "dérogation PDSA accordée par l'ARS : pas de minoration d'amplitude ni de plancher de 8 h";
    case "cap":
      return `${frNumber(step.given)} déclaré${step.given > 1 ? "s" : ""} (${step.field}), ${frNumber(step.paid)} rémunéré${step.paid > 1 ? "s" : ""} au plus`;
    case "level":
      return `niveau ${step.level}${step.cumulative ? " (niveaux cumulés)" : ""}`;
    case "ipa":
      return step.per === "protocole"
        ? `+${frNumber(step.points)} points par protocole avec une IPA`
        : `+${frNumber(step.points)} points ${step.variable ? "variables" : "fixes"} avec une IPA${step.missions ? ` et ${step.missions} missions` : ""}`;
    case "prorata":
      return `prorata temporis ${PRORATA_OF[step.field]} ${frenchDate(step.date)} : ${step.days} jours sur ${step.daysInYear}`;
    case "dossiers":
      return `${plural(step.dossiers, "dossier")} revus pour ${frNumber(step.patients)} patients en ALD ou de plus de 75 ans : ${frNumber(Math.round(step.taux * 1e6) / 1e4)} % (tronqué à deux décimales), cible ${frPercent(step.cible)} : atteinte ${frPercent(step.atteinte)}`;
    case "dossiers-sans-base":
      return "aucun dossier revu (dossiers et patients_ald75 non renseignés ou à 0) : objectif de dossiers non atteint";
    case "seuil":
      return `au-delà de ${frNumber(step.seuil)} patients : ${frNumber(step.auDela)} points par tranche de ${frNumber(step.reference)}`;
    case "ps":
      return `${plural(step.n, "professionnel")} de santé associé${step.n > 1 ? "s" : ""}`;
    case "stages":
      return `${plural(step.extra, "stagiaire")} au-delà du ${step.included}e : +${frNumber(step.each)} points chacun`;
    case "crise-variable":
      return step.payable
        ? "volet variable versé seulement en cas de crise sanitaire grave (crise_survenue)"
        : `volet variable non versé en ${step.annee} (aucune crise sanitaire grave reconnue cette année-là, guide CNAM)${step.survenue ? " : crise_survenue ignoré" : ""}`;
    case "obesite-theme":
      return step.missions === 0
        ? "aucune mission de santé publique : parcours non rémunéré"
        : `une seule mission de santé publique, sur un autre thème que le surpoids et l'obésité de l'enfant (mission_sp_obesite = 0) : il en faut ${step.required} ou une sur ce thème`;
  }
}

/** Remarks shown in one cell, separated by « ; » (empty ones left out). */
export const joinRemarks = (a: string, b: string): string => (a && b ? `${a} ; ${b}` : a || b);

/** Steps `from` to `to` (excluded) of a list, an indicator's, as the text of its Remarque cell. */
export const renderRemark = (steps: readonly Step[]): string => steps.reduce((text, step) => joinRemarks(text, renderStep(step)), "");

// What the evaluation as a whole shows: each remark below is rendered from numbers of the evaluation and parameters
// of the year, here only. The parts that depend on the year alone are rendered once per year (`yearWording`).

/** The remark of an indicator the year's texts do not have. */
export const absentRemark = (code: string): string =>
  code === "satisfaction" ? "remplacé par l'implication des usagers (avenant 1)" : "indicateur créé par l'avenant 1 (années 2022 et suivantes)";

/** Points an indicator computed but that are not paid: a prerequisite is missing. */
export const unpaidRemark = (points: number): string => `non versé (${frNumber(points)} points calculés) : prérequis manquant(s)`;

/** The year's parameters a remark names, rendered once per year. */
export interface YearWording {
  /** Per indicator: « valeur à confirmer : … » when its value is still to confirm, else "". */
  toConfirm: string[];
  /** The précarité base (« points variables liés à la patientèle ») and why it is still to confirm. */
  precariteBase: string;
  /** The avance's share and what it is a share of. */
  avanceShare: string;
  avanceRate: string;
  /** The minimum of a new structure for a full year, and the number of calendar years of the derogation. */
  minimumFullYear: string;
  derogationYears: number;
}

export interface WordingParameters {
  toConfirm: readonly (string | undefined)[];
  precariteBase: { value: string; why?: string };
  avanceTaux: number;
  minimum: number;
  derogationAnnees: number;
}

export function yearWording(p: WordingParameters): YearWording {
  const avanceRate = frPercent(p.avanceTaux);
  return {
    toConfirm: p.toConfirm.map((why) => (why === undefined ? "" : `valeur à confirmer : ${why}`)),
    precariteBase: ` ${p.precariteBase.value} (assiette à confirmer : ${p.precariteBase.why})`,
    avanceShare: `${avanceRate} des points des indicateurs prérequis et socle atteints à 100 % (`,
    avanceRate,
    minimumFullYear: frNumber(p.minimum),
    derogationYears: p.derogationAnnees,
  };
}

/** The précarité: its rate on its base, or the gap capped. */
export const precariteRemark = (w: YearWording, ecart: number, max: number, taux: number, base: number): string =>
  ecart > max ? `écart de ${frPercent(ecart)} plafonné à ${frPercent(max)}` : `taux ${frPercent(taux)} sur ${frNumber(base)}${w.precariteBase}`;

/** In the signing year: « , proratisée depuis la signature du … (n jours sur 365) », else "". */
export const prorataNote = (adhesionDate: string | undefined, days: number, daysInYear: number): string =>
  adhesionDate ? `, proratisée depuis la signature du ${frenchDate(adhesionDate)} (${days} jours sur ${daysInYear})` : "";

export interface MinimumFacts {
  derogation: boolean;
  declenche: boolean;
  complement: number;
  minimum: number;
  prorated: boolean;
  prorataNote: string;
  requis: number;
  total: number;
}

/** The new-structure minimum: raised to it, already reached, out of reach, or not a new structure. */
export function minimumRemark(w: YearWording, f: MinimumFacts): string {
  if (!f.derogation) return "sans objet (structure adhérente depuis plus de deux années civiles, ou annee_adhesion / date_adhesion non renseignée)";
  if (!f.declenche) return `nouvelle structure, mais moins de ${f.requis} prérequis sur ${f.total} : pas de minimum`;
  if (f.complement <= 0) return `nouvelle structure : minimum de ${frNumber(f.minimum)} € déjà atteint`;
  return `nouvelle structure (${w.derogationYears} premières années civiles) : rémunération portée à ${frNumber(f.minimum)} €${f.prorated ? ` (${w.minimumFullYear} € pour une année pleine${f.prorataNote})` : " pour une année pleine"}`;
}

/** The avance: the minimum's share for a new structure, else the share of the points reached at 100 %. */
export const avanceRemark = (w: YearWording, minimumApplied: boolean, euros: number, minimum: number, points: number, prorataNote: string): string =>
  minimumApplied
    ? `nouvelle structure : avance minimale de ${frNumber(euros)} € (${w.avanceRate} du minimum de ${frNumber(minimum)} €${prorataNote})`
    : `${w.avanceShare}${frNumber(points)} points, chacun calculé par sa propre règle)${prorataNote || ", année pleine"}`;

export interface WholeFacts {
  declenche: boolean;
  missing: readonly string[];
  derogation: boolean;
  requis: number;
  total: number;
  ignoredFields: readonly string[];
  annee: number;
  /** The year's text when annee was not given (the rules of the current year), else undefined. */
  defaultYearVersion?: string;
}

/** What applies to the whole computation: prerequisites, the derogation, ignored fields, the default year. */
export function wholeRemarks(f: WholeFacts): string[] {
  const remarks: string[] = [];
  if (!f.declenche) {
    remarks.push(
      `prérequis manquant(s) : ${f.missing.join(", ")}${f.derogation ? ` (${f.requis} sur ${f.total} suffisent les premières années civiles)` : ""} : aucune rémunération`,
    );
  } else if (f.missing.length) {
    remarks.push(`dérogation nouvelle structure (${cite("L-10")}) : ${f.requis} prérequis sur ${f.total} suffisent (manquant : ${f.missing.join(", ")})`);
  }
  if (f.ignoredFields.length) remarks.push(`champs de l'avenant 1 ignorés pour ${f.annee} : ${f.ignoredFields.join(", ")}`);
  if (f.defaultYearVersion !== undefined) remarks.push(`annee non renseignée : règles de ${f.annee} (${f.defaultYearVersion})`);
  return remarks;
}

/** The solde's remark: negative means an overpayment. */
export const soldeRemark = (solde: number): string =>
  solde < 0 ? "solde négatif : avance supérieure à la rémunération, trop-perçu" : "versé avec l'avance de l'année suivante";
