/**
 * ACI MSP remuneration for one structure and one year. `evaluateMsp` is the one evaluator: each indicator's rule on its
 * own parameter, then the prerequisites, the précarité, the euros, a new structure's minimum, the avance and the solde,
 * in one immutable record (with `explain`, the steps each rule applied, as data). ACI.MSP_POINTS and ACI.MSP_EUROS read
 * a number of it; `computeMsp` adds what the detail and the regional sheets show: each indicator's source and its
 * remark rendered from its steps.
 */
import { daysInYear, daysToYearEnd, frenchDate, todayParisIso, yearOf } from "../dates";
import { fail } from "../errors";
import { frNumber } from "../format";
import { roundCents } from "../money";
import { confidenceOf, referenceText, type Confidence, type Dated, type Reference } from "../params";
import {
  absentRemark,
  avanceRemark,
  joinRemarks,
  minimumRemark,
  precariteRemark,
  prorataNote,
  renderRemark,
  unpaidRemark,
  wholeRemarks,
  yearWording,
  type Step,
  type YearWording,
} from "./explain";
import { checkRequired, isGiven, LATER_FIELDS, type FieldCode, type MspInput, type NumberField } from "./fields";
import { contextOf, INDICATORS, type Axe, type Context, type Earned, type IndicatorDefinition, type Values } from "./indicators";
import { FIRST_MSP_YEAR, yearRules, type IndicatorType, type YearRules } from "./params";
import type { Since } from "../inputs/msp-fields";

export { readMspFields, readMspRow, FIELD_CODES, FIELD_LABELS, fieldCode, type FieldCode, type MspInput } from "./fields";
export { INDICATORS, type Axe } from "./indicators";
export type { IndicatorType } from "./params";

/** Year the contract was signed: from date_adhesion, else annee_adhesion; both must agree. */
function contractYear(input: MspInput): number | undefined {
  const fromDate = input.adhesionDate ? yearOf(input.adhesionDate) : undefined;
  const fromYear = isGiven(input, "annee_adhesion") && input.values.annee_adhesion > 0 ? input.values.annee_adhesion : undefined;
  if (fromDate !== undefined && fromYear !== undefined && fromDate !== fromYear) {
    fail("date_adhesion", `signature le ${frenchDate(input.adhesionDate!)}, mais annee_adhesion vaut ${fromYear}`);
  }
  return fromDate ?? fromYear;
}

/** The year the contract was signed, refused when after the remuneration year. */
export function signingYear(input: MspInput, annee: number): number | undefined {
  const adhesionYear = contractYear(input);
  if (adhesionYear !== undefined && adhesionYear > annee) {
    fail(input.adhesionDate ? "date_adhesion" : "annee_adhesion", `année de signature ${adhesionYear} postérieure à l'année de rémunération ${annee}`);
  }
  return adhesionYear;
}

export function mspRulesFor(annee: number): YearRules {
  if (annee < FIRST_MSP_YEAR) fail("annee", `l'ACI MSP s'applique aux rémunérations depuis ${FIRST_MSP_YEAR} ; année reçue ${annee}`);
  return yearRules(annee);
}

const RATES = [
  { own: "taux_css", national: "taux_css_national" },
  { own: "taux_ame", national: "taux_ame_national" },
] as const;

/** The MSP's own rates left blank beside their national rate: read as 0 %, no précarité on them (the regional job says so). */
export const blankOwnRates = (input: MspInput): readonly { own: FieldCode; national: FieldCode }[] =>
  RATES.filter(({ own, national }) => isGiven(input, national) && !isGiven(input, own));

/**
 * The counts of an MSP that must agree (the blanks are the schema's `requiredWhen`, checked before): the patients in
 * ALD or over 75 are part of the patientèle, and the files reviewed are theirs (more files than patients is a data
 * error: two columns swapped paid the whole concertation).
 */
export function checkCounts({ values: v }: MspInput): void {
  if (v.patients_ald75 > v.patientele) {
    fail(
      "patients_ald75",
      `${frNumber(v.patients_ald75)} patients en ALD ou de plus de 75 ans pour une patientèle de ${frNumber(v.patientele)} : ils en font partie ; vérifier la saisie`,
    );
  }
  if (v.dossiers > v.patients_ald75 && v.patients_ald75 > 0) {
    fail(
      "dossiers",
      `${frNumber(v.dossiers)} dossiers revus pour ${frNumber(v.patients_ald75)} patients en ALD ou de plus de 75 ans : ce sont des dossiers de ces patients ; vérifier la saisie (colonnes dossiers et patients_ald75 inversées ?)`,
    );
  }
}

/** The fields without which a prerequisite of the year cannot be met: each prerequisite indicator's gate. */
export const prerequisiteFields = (annee: number): FieldCode[] =>
  planFor(annee).indicators.flatMap((ind) => (ind.param && ind.type === "prérequis" ? [ind.def.gate] : []));

/** Prerequisites required: every one, or all but one in the first calendar years of a new structure (a reading, said). */
export const requiredPrerequisites = (total: number, derogation: boolean): number => (derogation ? total - 1 : total);

/** The labels of the prerequisites not met. */
const missingPrerequisites = (e: MspEvaluation): string[] =>
  e.indicators.filter((ind) => ind.param && ind.type === "prérequis" && !ind.earned.atteint).map((ind) => ind.def.label);

/** Précarité: the CSS and AME gaps to the national rates, added. */
export const precariteGap = (v: Values): number => v.taux_css - v.taux_css_national + (v.taux_ame - v.taux_ame_national);

/** The précarité rate: the gap floored at 0 and capped (25 %). */
export const precariteRate = (gap: number, max: number): number => Math.min(max, Math.max(0, gap));

/** New structure (first calendar years): the minimum remuneration, prorated in the signing year. */
export const newStructureMinimum = (minimumFullYear: number, prorata: number): number => roundCents(minimumFullYear * prorata);

/** What raises a new structure's remuneration to its minimum, once its prerequisites are met. */
export const newStructureComplement = (minimum: number, derogation: boolean, declenche: boolean, eurosPoints: number): number =>
  derogation && declenche ? roundCents(Math.max(0, minimum - eurosPoints)) : 0;

/** The avance: a share of the prerequisite and socle indicators' points at 100 %, prorated, at least that share of the minimum. */
export function avance(taux: number, pointsAt100: number, valeurPoint: number, prorata: number, derogation: boolean, minimum: number) {
  const euros = roundCents(taux * pointsAt100 * valeurPoint * prorata);
  const floor = roundCents(taux * minimum);
  return derogation && euros < floor ? { euros: floor, minimumApplied: true } : { euros, minimumApplied: false };
}

export const solde = (euros: number, avanceEuros: number): number => roundCents(euros - avanceEuros);

/** One indicator in one evaluation: what its rule gave, what is paid, the steps it recorded. */
export interface IndicatorEvaluation {
  readonly def: IndicatorDefinition;
  /** Its parameter in the year: `undefined` when the year's text lacks the indicator (« non applicable »). */
  readonly param?: Dated<unknown>;
  readonly type: IndicatorType;
  /** What the rule gave (nothing when the year lacks it). */
  readonly earned: Earned;
  /** Points and euros paid, each rounded to the cent (0 when the prerequisites fail). */
  readonly fixes: number;
  readonly variables: number;
  readonly euros: number;
  /** The steps its rule applied (only in an evaluation with a trace; empty otherwise). */
  readonly steps: readonly Step[];
}

/** The numbers of one evaluation, and with a trace the steps of each indicator: built once, never changed. */
export interface MspEvaluation {
  readonly annee: number;
  readonly rules: YearRules;
  readonly base: YearBase;
  readonly ctx: Context;
  readonly indicators: readonly IndicatorEvaluation[];
  readonly explained: boolean;
  readonly prerequis: { readonly total: number; readonly requis: number; readonly missing: number; readonly declenche: boolean };
  readonly derogation: boolean;
  readonly precarite: { readonly ecart: number; readonly taux: number; readonly base: number; readonly points: number; readonly euros: number };
  readonly minimum: number;
  readonly complement: number;
  readonly totalFixes: number;
  readonly totalVariables: number;
  readonly points: number;
  readonly eurosPoints: number;
  readonly totalEuros: number;
  readonly ignoredFields: readonly FieldCode[];
  readonly avancePoints: number;
  readonly avanceEuros: number;
  /** The avance is a new structure's minimum share. */
  readonly avanceMinimum: boolean;
  readonly solde: number;
}

/** The parameters every MSP year has, read from the year's rules (a missing one is a fault of params.ts, not of the input). */
export interface YearBase {
  version: string;
  valeurPoint: number;
  reference: number;
  precariteMax: number;
  avanceTaux: number;
  minimum: number;
  derogationAnnees: number;
}

/** A year's parameters and indicators: each indicator's parameter (none when the year lacks it) and type. */
export interface Plan {
  rules: YearRules;
  base: BaseLeaves;
  indicators: readonly { def: IndicatorDefinition; param?: Dated<unknown>; type: IndicatorType }[];
  /** Per indicator: a prerequisite of the year. */
  prerequisites: readonly boolean[];
  /** The indicators the avance counts: the year's prerequisites and socle. */
  atFull: readonly { def: IndicatorDefinition; param: Dated<unknown> }[];
  later: { fields: readonly FieldCode[] };
  /** Its texts, written the first time a full result of the year is asked (`yearTexts`). */
  texts?: YearTexts;
}

/** The leaves every MSP year has (a missing one is a fault of params.ts, not of the input). */
const BASE_LEAVES = {
  version: "version",
  valeurPoint: "valeurPoint",
  reference: "patienteleReference",
  precariteMax: "precariteMax",
  avanceTaux: "avanceTaux",
  minimum: "minimumNouvelleStructure",
  derogationAnnees: "derogationAnnees",
} as const satisfies Record<keyof YearBase, keyof YearRules>;

type BaseLeaves = { readonly [K in keyof YearBase]: Dated<YearBase[K]> };

function baseLeaves(rules: YearRules): BaseLeaves {
  return Object.fromEntries(
    Object.entries(BASE_LEAVES).map(([name, key]) => {
      const leaf = rules[key];
      if (!leaf) throw new Error(`paramètre ACI MSP ${key} absent pour ${rules.annee}`);
      return [name, leaf];
    }),
  ) as unknown as BaseLeaves;
}

/** The year's base parameters, read from its leaves at each evaluation. */
const yearBase = ({ base: b }: Plan): YearBase => ({
  version: b.version.value,
  valeurPoint: b.valeurPoint.value,
  reference: b.reference.value,
  precariteMax: b.precariteMax.value,
  avanceTaux: b.avanceTaux.value,
  minimum: b.minimum.value,
  derogationAnnees: b.derogationAnnees.value,
});

/** Worked out once per year, by year from the first one. */
const PLANS: (Plan | undefined)[] = [];

export function planFor(annee: number): Plan {
  let plan = PLANS[annee - FIRST_MSP_YEAR]; // before the first year: none, and mspRulesFor refuses it
  if (!plan) {
    const rules = mspRulesFor(annee);
    const base = baseLeaves(rules);
    const indicators = INDICATORS.map((def) => {
      const param = def.param(rules);
      return { def, param, type: param ? def.type(rules) : ("optionnel" as const) };
    });
    plan = {
      rules,
      base,
      indicators,
      prerequisites: indicators.map((ind) => ind.param !== undefined && ind.type === "prérequis"),
      atFull: indicators.flatMap(({ def, param, type }) => (param && (type === "prérequis" || type === "socle") ? [{ def, param }] : [])),
      later: { fields: LATER_FIELDS.get(base.version.value) ?? [] },
    };
    PLANS[annee - FIRST_MSP_YEAR] = plan;
  }
  return plan;
}

/** The remuneration year: `annee`, or the current year when it is not given (said in the detail). */
export const remunerationYear = (input: MspInput): number => (isGiven(input, "annee") ? input.values.annee : yearOf(todayParisIso()));

const NOTHING: Earned = Object.freeze({ fixes: 0, variables: 0, variablesPatientele: 0, atteint: false });
const NO_STEP: readonly Step[] = Object.freeze([]);

/** The inputs the year reads: the fields of a later text than the year's set aside (and said). */
function yearInputs(input: MspInput, plan: Plan) {
  const ignored = plan.later.fields.filter((code) => isGiven(input, code) && (code === "si_avance_date" || input.values[code as NumberField] !== 0));
  if (ignored.length === 0) return { values: input.values, siAvanceDate: input.siAvanceDate, ignored };
  const values = { ...input.values };
  for (const code of ignored) if (code !== "si_avance_date") values[code as NumberField] = 0;
  return { values, siAvanceDate: ignored.includes("si_avance_date") ? undefined : input.siAvanceDate, ignored };
}

/** Points of the prerequisite and socle indicators reached at 100 %: each one's own formula on its full inputs, over a full year. */
function pointsAt100(plan: Plan, ctx: Context): number {
  const counted = plan.atFull;
  const values: Record<NumberField, number> = { ...ctx.v };
  for (const { def, param } of counted) if (def.atFull) Object.assign(values, def.atFull(param.value, values));
  // no acquisition or signature date: a full year
  const full: Context = {
    v: values,
    annee: ctx.annee,
    rules: ctx.rules,
    reference: ctx.reference,
    ratio: ctx.ratio,
    ipa: ctx.ipa,
    siDate: undefined,
    siAvanceDate: undefined,
    adhesionDate: undefined,
    prorataAdhesion: 1,
  };
  let points = 0;
  for (const { def, param } of counted) {
    const r = def.compute(param.value, full, undefined);
    points += r.fixes + r.variables;
  }
  return roundCents(points);
}

/**
 * The evaluation of one MSP for its year: each indicator's points (with `explain`, the steps its rule applied), the
 * prerequisites, the précarité, their euros, a new structure's minimum, the avance and the solde.
 */
export function evaluateMsp(input: MspInput, explain = false): MspEvaluation {
  const annee = remunerationYear(input);
  const plan = planFor(annee);
  const { rules } = plan;
  const base = yearBase(plan);
  const adhesionYear = signingYear(input, annee);
  const { values, siAvanceDate, ignored } = yearInputs(input, plan);
  checkRequired(values, rules, base.version as Since);
  checkCounts(input);
  const ctx = contextOf(input, values, annee, rules, base.reference, siAvanceDate);
  const derogation = adhesionYear !== undefined && annee - adhesionYear < base.derogationAnnees;
  // with a trace, one list of steps per indicator
  const steps: Step[][] | undefined = explain ? plan.indicators.map(() => []) : undefined;
  // each existing indicator's points, paid only if the prerequisites are met
  const earned = plan.indicators.map(({ def, param }, i) => (param ? def.compute(param.value, ctx, steps?.[i]) : NOTHING));
  let total = 0;
  let met = 0;
  for (let i = 0; i < earned.length; i++) {
    if (plan.prerequisites[i]) {
      total++;
      if (earned[i].atteint) met++;
    }
  }
  const requis = requiredPrerequisites(total, derogation);
  const declenche = met >= requis;
  let sumFixes = 0;
  let sumVariables = 0;
  let sumEuros = 0;
  let basePrecarite = 0;
  const indicators = plan.indicators.map(({ def, param, type }, i): IndicatorEvaluation => {
    const e = earned[i];
    const fixes = declenche ? roundCents(e.fixes) : 0;
    const variables = declenche ? roundCents(e.variables) : 0;
    const points = fixes + variables;
    const euros = points === 0 ? 0 : roundCents(roundCents(points) * base.valeurPoint);
    sumFixes += fixes;
    sumVariables += variables;
    sumEuros += euros;
    if (declenche) basePrecarite += e.variablesPatientele;
    return { def, param, type, earned: e, fixes, variables, euros, steps: steps?.[i] ?? NO_STEP };
  });
  const ecart = precariteGap(values);
  const taux = precariteRate(ecart, base.precariteMax);
  const precaritePoints = roundCents(basePrecarite * taux);
  const precarite = { ecart, taux, base: roundCents(basePrecarite), points: precaritePoints, euros: roundCents(precaritePoints * base.valeurPoint) };
  const totalFixes = roundCents(sumFixes);
  const totalVariables = roundCents(sumVariables + precarite.points);
  const eurosPoints = roundCents(sumEuros + precarite.euros);
  const minimum = newStructureMinimum(base.minimum, ctx.prorataAdhesion);
  const complement = newStructureComplement(minimum, derogation, declenche, eurosPoints);
  const totalEuros = roundCents(eurosPoints + complement);
  const avancePoints = pointsAt100(plan, ctx);
  const a = avance(base.avanceTaux, avancePoints, base.valeurPoint, ctx.prorataAdhesion, derogation, minimum);
  return {
    annee,
    rules,
    base,
    ctx,
    indicators,
    explained: explain,
    prerequis: { total, requis, missing: total - met, declenche },
    derogation,
    precarite,
    minimum,
    complement,
    totalFixes,
    totalVariables,
    points: roundCents(totalFixes + totalVariables),
    eurosPoints,
    totalEuros,
    ignoredFields: ignored,
    avancePoints,
    avanceEuros: a.euros,
    avanceMinimum: a.minimumApplied,
    solde: solde(totalEuros, a.euros),
  };
}

export interface IndicatorResult {
  code: string;
  axe: Axe;
  label: string;
  type: IndicatorType;
  applicable: boolean;
  fixes: number;
  variables: number;
  points: number;
  euros: number;
  source: string;
  references: readonly Reference[];
  confidence: Confidence | "none";
  /** Why the value is still to confirm. */
  why?: string;
  remarque: string;
}

export interface MspResult {
  version: string;
  annee: number;
  valeurPoint: number;
  indicateurs: IndicatorResult[];
  prerequisManquants: string[];
  declenche: boolean;
  derogation: boolean;
  precarite: { taux: number; base: number; points: number; euros: number; source: string; remarque: string };
  complementMinimum: { euros: number; source: string; remarque: string };
  fixes: number;
  variables: number;
  points: number;
  euros: number;
  avance: { points: number; euros: number; source: string; remarque: string };
  solde: number;
  /** What applies to the whole computation: prerequisites, derogation, ignored fields. */
  remarques: string[];
  /** The avenant 1 fields the row gives that its year (ACI 2017) ignores. */
  champsIgnores: readonly FieldCode[];
}

/**
 * What a year pays an MSP, as the regional sheets aggregate it: the total, each indicator's euros (in INDICATORS'
 * order), the prerequisites missing and the fields the year ignores. The same evaluation as `computeMsp`, without its
 * 26 indicator records and their texts: a national table holds thousands of MSP.
 */
export interface MspPayment {
  euros: number;
  eurosParIndicateur: readonly number[];
  prerequisManquants: string[];
  champsIgnores: readonly FieldCode[];
}

export function mspPayment(input: MspInput): MspPayment {
  const e = evaluateMsp(input);
  return {
    euros: e.totalEuros,
    eurosParIndicateur: e.indicators.map((i) => i.euros),
    prerequisManquants: missingPrerequisites(e),
    champsIgnores: e.ignoredFields,
  };
}

/** The texts the full result of a year shows whatever the MSP: the sources and the year's wording, written once per year. */
export interface YearTexts {
  /** Per indicator: its references ("" when the year lacks it), and as the detail's Source column shows them. */
  sources: string[];
  sourceCells: string[];
  /** Per indicator the year lacks: why (« indicateur créé par l'avenant 1 … »). */
  absent: string[];
  precariteSource: string;
  minimumSource: string;
  avanceSource: string;
  /** The total's label (« avenant 1, rémunération 2023 ») and the point value (« valeur du point : 7 € »). */
  totalLabel: string;
  pointValue: string;
  wording: YearWording;
}

export function yearTexts(e: MspEvaluation): YearTexts {
  const plan = planFor(e.annee);
  if (!plan.texts) {
    const { rules } = plan;
    const base = e.base;
    const params = plan.indicators.map((ind) => ind.param);
    const sources = params.map((param) => (param ? referenceText(param) : ""));
    const reference = (key: keyof YearRules & string) => referenceText(rules[key] as Dated<unknown>);
    plan.texts = {
      sources,
      // the Source column flags a value still to confirm
      sourceCells: params.map((param, i) => (param?.status === "to-confirm" ? `${sources[i]} [à confirmer]` : sources[i])),
      absent: plan.indicators.map((ind) => (ind.param ? "" : absentRemark(ind.def.code))),
      precariteSource: `${reference("precariteMax")} ; assiette : ${reference("precariteBase")}`,
      minimumSource: reference("minimumNouvelleStructure"),
      avanceSource: reference("avanceTaux"),
      totalLabel: `${base.version}, rémunération ${e.annee}`,
      pointValue: `valeur du point : ${base.valeurPoint} €`,
      wording: yearWording({
        toConfirm: params.map((param) => (param?.status === "to-confirm" ? param.why : undefined)),
        precariteBase: rules.precariteBase as Dated<string>,
        avanceTaux: base.avanceTaux,
        minimum: base.minimum,
        derogationAnnees: base.derogationAnnees,
      }),
    };
  }
  return plan.texts;
}

/** An indicator's Remarque: points not paid, its steps, a value to confirm (an evaluation with a trace). */
export function indicatorRemark(e: MspEvaluation, texts: YearTexts, i: number): string {
  const ind = e.indicators[i];
  if (!ind.param) return texts.absent[i];
  const computed = ind.earned.fixes + ind.earned.variables;
  const unpaid = !e.prerequis.declenche && computed > 0 ? unpaidRemark(computed) : "";
  return joinRemarks(joinRemarks(unpaid, renderRemark(ind.steps)), texts.wording.toConfirm[i]);
}

/** « , proratisée depuis la signature du … » in the signing year, else "". */
const prorataNoteOf = (e: MspEvaluation, input: MspInput): string =>
  e.ctx.prorataAdhesion < 1 && input.adhesionDate ? prorataNote(input.adhesionDate, daysToYearEnd(input.adhesionDate), daysInYear(e.annee)) : "";

/** The remarks of the précarité, the minimum, the avance and the whole computation. */
export function evaluationRemarks(e: MspEvaluation, input: MspInput, texts: YearTexts, missing = missingPrerequisites(e)) {
  const { base, prerequis } = e;
  const w = texts.wording;
  const note = prorataNoteOf(e, input);
  return {
    precarite: precariteRemark(w, e.precarite.ecart, base.precariteMax, e.precarite.taux, e.precarite.base),
    minimum: minimumRemark(w, {
      derogation: e.derogation,
      declenche: prerequis.declenche,
      complement: e.complement,
      minimum: e.minimum,
      prorated: e.ctx.prorataAdhesion < 1,
      prorataNote: note,
      requis: prerequis.requis,
      total: prerequis.total,
    }),
    avance: avanceRemark(w, e.avanceMinimum, e.avanceEuros, e.minimum, e.avancePoints, note),
    whole: wholeRemarks({
      declenche: prerequis.declenche,
      missing,
      derogation: e.derogation,
      requis: prerequis.requis,
      total: prerequis.total,
      ignoredFields: e.ignoredFields,
      annee: e.annee,
      defaultYearVersion: isGiven(input, "annee") ? undefined : base.version,
    }),
  };
}

/**
 * The full result: numbers, sources, and (with `explain`, the default) every remark rendered from the steps.
 * The regional sheets call it with `explain = false`.
 */
export function computeMsp(input: MspInput, explain = true): MspResult {
  const e = evaluateMsp(input, explain);
  const { base, annee, prerequis, derogation } = e;
  const texts = yearTexts(e);
  const indicateurs = e.indicators.map(({ def, param, type, fixes, variables, euros }, i): IndicatorResult => {
    const remarque = explain ? indicatorRemark(e, texts, i) : "";
    // written out rather than spread from a common part: a spread followed by more properties is V8's slow path, and
    // the regional job builds 26 of these per MSP and year
    if (!param) {
      return {
        code: def.code,
        axe: def.axe,
        label: def.label,
        type,
        applicable: false,
        fixes: 0,
        variables: 0,
        points: 0,
        euros: 0,
        source: "",
        references: [],
        confidence: "none",
        remarque,
      };
    }
    return {
      code: def.code,
      axe: def.axe,
      label: def.label,
      type,
      applicable: true,
      fixes,
      variables,
      points: roundCents(fixes + variables),
      euros,
      source: texts.sources[i],
      references: param.references,
      confidence: confidenceOf(param),
      why: param.why,
      remarque,
    };
  });
  const prerequisManquants = missingPrerequisites(e);
  const remarks = explain ? evaluationRemarks(e, input, texts, prerequisManquants) : undefined;
  return {
    version: base.version,
    annee,
    valeurPoint: base.valeurPoint,
    indicateurs,
    prerequisManquants,
    declenche: prerequis.declenche,
    derogation,
    precarite: {
      taux: e.precarite.taux,
      base: e.precarite.base,
      points: e.precarite.points,
      euros: e.precarite.euros,
      source: texts.precariteSource,
      remarque: remarks?.precarite ?? "",
    },
    complementMinimum: { euros: e.complement, source: texts.minimumSource, remarque: remarks?.minimum ?? "" },
    fixes: e.totalFixes,
    variables: e.totalVariables,
    points: e.points,
    euros: e.totalEuros,
    avance: { points: e.avancePoints, euros: e.avanceEuros, source: texts.avanceSource, remarque: remarks?.avance ?? "" },
    solde: e.solde,
    remarques: remarks?.whole ?? [],
    champsIgnores: e.ignoredFields,
  };
}
