/**
 * ACI MSP remuneration for one structure and one year. `evaluateMsp` computes the numbers only, in two steps (the
 * points, then their euros); ACI.MSP_POINTS and ACI.MSP_EUROS run it on records reused from cell to cell
 * (`mspPoints`, `mspAmounts`: no string, no step, no allocation per indicator). `computeMsp` adds what the detail and
 * the regional sheets show: each indicator's source, its remark rendered from the steps the rules recorded, the
 * avance and the solde. The rules are small named functions: prerequisites, précarité, new-structure minimum, avance,
 * solde.
 */
import { daysInYear, daysToYearEnd, frenchDate, todayParisIso, yearOf } from "../dates";
import { fail } from "../errors";
import { frNumber } from "../format";
import { roundCents } from "../money";
import { confidenceOf, referenceText, type Confidence, type Reference } from "../params";
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
import {
  anyGiven,
  LATER_FIELDS,
  doubles,
  newMspInput,
  readMspRow,
  fieldIndex,
  givenAt,
  givenMask,
  type FieldCode,
  type MspInput,
  type PlainValue,
  checkRequired,
} from "./fields";
import { contextOf, INDICATORS, newContext, newEarned, nothingEarned, type Axe, type Context, type Earned, type Values } from "./indicators";
import { FIRST_MSP_YEAR, yearRules, type IndicatorType, type YearRules } from "./params";
import type { Since } from "../inputs/msp-fields";

export { readMspFields, readMspRow, FIELD_CODES, FIELD_LABELS, fieldCode, type FieldCode, type MspInput } from "./fields";
export { INDICATORS, type Axe } from "./indicators";
export type { IndicatorType } from "./params";

const ANNEE = fieldIndex("annee");
const PATIENTELE = fieldIndex("patientele");
const PATIENTS_ALD75 = fieldIndex("patients_ald75");
const DOSSIERS = fieldIndex("dossiers");
const ANNEE_ADHESION = fieldIndex("annee_adhesion");
/** Per indicator, the index of the field without which it pays nothing, and whether its rule then says why. */
const GATE_AT = INDICATORS.map((def) => fieldIndex(def.gate));
const EXPLAINS_GATE = INDICATORS.map((def) => def.explainsGate === true);
/** By text, the fields of later texts: their codes, « given » mask and positions. */
const LATER = new Map([...LATER_FIELDS].map(([version, fields]) => [version, { fields, mask: givenMask(fields), at: fields.map(fieldIndex) }] as const));

/** `from`'s numbers written into `to` (an evaluation's record, reused from cell to cell). */
function copyValues(from: Values, to: Values): Values {
  for (let i = 0; i < from.at.length; i++) to.at[i] = from.at[i];
  return to;
}

/** Year the contract was signed: from date_adhesion, else annee_adhesion; both must agree. */
function contractYear(input: MspInput): number | undefined {
  const fromDate = input.adhesionDate ? yearOf(input.adhesionDate) : undefined;
  const fromYear = givenAt(input, ANNEE_ADHESION) && input.values.annee_adhesion > 0 ? input.values.annee_adhesion : undefined;
  if (fromDate !== undefined && fromYear !== undefined && fromDate !== fromYear) {
    fail("date_adhesion", `signature le ${frenchDate(input.adhesionDate!)}, mais annee_adhesion vaut ${fromYear}`);
  }
  return fromDate ?? fromYear;
}

export function mspRulesFor(annee: number): YearRules {
  if (annee < FIRST_MSP_YEAR) fail("annee", `l'ACI MSP s'applique aux rémunérations depuis ${FIRST_MSP_YEAR} ; année reçue ${annee}`);
  return yearRules(annee);
}

const RATES = (
  [
    ["taux_css", "taux_css_national"],
    ["taux_ame", "taux_ame_national"],
  ] as const
).map(([own, national]) => ({ own, national, ownAt: fieldIndex(own), nationalAt: fieldIndex(national) }));

/** The MSP's own rates left blank beside their national rate: read as 0 %, no précarité on them (the regional job says so). */
export const blankOwnRates = (input: MspInput): readonly { own: FieldCode; national: FieldCode }[] =>
  RATES.filter(({ ownAt, nationalAt }) => givenAt(input, nationalAt) && !givenAt(input, ownAt));

/**
 * The counts of an MSP that must agree (the blanks are the schema's `requiredWhen`, checked before): the patients in
 * ALD or over 75 are part of the patientèle, and the files reviewed are theirs (more files than patients is a data
 * error: two columns swapped paid the whole concertation).
 */
function checkCounts(input: MspInput): void {
  const at = input.values.at;
  if (at[PATIENTS_ALD75] > at[PATIENTELE] || (at[DOSSIERS] > at[PATIENTS_ALD75] && at[PATIENTS_ALD75] > 0)) refuseCounts(input.values);
}

function refuseCounts(v: Values): never {
  if (v.patients_ald75 > v.patientele) {
    fail(
      "patients_ald75",
      `${frNumber(v.patients_ald75)} patients en ALD ou de plus de 75 ans pour une patientèle de ${frNumber(v.patientele)} : ils en font partie ; vérifier la saisie`,
    );
  }
  return fail(
    "dossiers",
    `${frNumber(v.dossiers)} dossiers revus pour ${frNumber(v.patients_ald75)} patients en ALD ou de plus de 75 ans : ce sont des dossiers de ces patients ; vérifier la saisie (colonnes dossiers et patients_ald75 inversées ?)`,
  );
}

/** The fields without which a prerequisite of the year cannot be met: each prerequisite indicator's gate. */
export function prerequisiteFields(annee: number): FieldCode[] {
  const { exists, types } = planFor(annee);
  return INDICATORS.flatMap((def, i) => (exists[i] && types[i] === "prérequis" ? [def.gate] : []));
}

/** Prerequisites required: every one, or all but one in the first calendar years of a new structure (a reading, said). */
export const requiredPrerequisites = (total: number, derogation: boolean): number => (derogation ? total - 1 : total);

/** The labels of the prerequisites not met. */
function missingPrerequisites(e: MspEvaluation): string[] {
  const labels: string[] = [];
  if (e.prerequis.missing === 0) return labels;
  for (let i = 0; i < INDICATORS.length; i++) if (e.exists[i] && e.types[i] === "prérequis" && !e.earned[i].atteint) labels.push(INDICATORS[i].label);
  return labels;
}

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

/** The numbers of one evaluation. */
export interface MspEvaluation {
  annee: number;
  rules: YearRules;
  ctx: Context;
  types: readonly IndicatorType[];
  /** Per INDICATORS entry: whether it exists that year (its parameter has a period then). */
  exists: readonly boolean[];
  /** Per INDICATORS entry: what the rule gave (meaningful where it exists). */
  earned: Earned[];
  /** Points and euros paid per indicator (0 when the prerequisites fail). */
  fixes: number[];
  variables: number[];
  euros: number[];
  prerequis: { total: number; requis: number; missing: number; declenche: boolean };
  derogation: boolean;
  precarite: { ecart: number; taux: number; base: number; points: number; euros: number };
  minimum: number;
  complement: number;
  totalFixes: number;
  totalVariables: number;
  points: number;
  eurosPoints: number;
  totalEuros: number;
  ignoredFields: readonly FieldCode[];
  /** The inputs with the ignored fields at 0, when there are some (its ctx then reads them): reused from cell to cell. */
  ignoring: Values;
  /** The steps of every indicator, one after the other (only with a trace): indicator i's start at `stepStarts[i]`. */
  steps?: Step[];
  stepStarts: number[];
  /** The avance and the solde: NaN until `settle`. */
  avancePoints: number;
  avanceEuros: number;
  /** The avance is a new structure's minimum share. */
  avanceMinimum: boolean;
  solde: number;
}

const NO_FIELD: readonly FieldCode[] = Object.freeze([]);

/** A year's parameters and indicators: which exist (their parameter has a period then) and their type. */
interface Plan {
  rules: YearRules;
  exists: boolean[];
  types: IndicatorType[];
  /** The indicators the avance counts: the prerequisites and the socle. */
  atFull: number[];
  /** Its texts, written the first time a full result of the year is asked (`yearTexts`). */
  texts?: YearTexts;
}

/** Worked out once per year, by year from the first one (a lookup in every evaluated cell). */
const PLANS: (Plan | undefined)[] = [];

function planFor(annee: number): Plan {
  let plan = PLANS[annee - FIRST_MSP_YEAR]; // before the first year: none, and mspRulesFor refuses it
  if (!plan) {
    const rules = mspRulesFor(annee);
    const exists = INDICATORS.map((def) => def.param(rules) !== undefined);
    const types = INDICATORS.map((def, i): IndicatorType => (exists[i] ? def.type(rules) : "optionnel"));
    const atFull = INDICATORS.flatMap((_, i) => (exists[i] && (types[i] === "prérequis" || types[i] === "socle") ? [i] : []));
    plan = { rules, exists, types, atFull };
    PLANS[annee - FIRST_MSP_YEAR] = plan;
  }
  return plan;
}

const PER_INDICATOR_ZEROS = doubles(INDICATORS.length);

/**
 * The records an evaluation fills: one Earned per indicator, the per-indicator columns, the prerequisites and the
 * précarité. Amounts start as NaN (not evaluated yet: a cell never shows it), which also stores them as fractions.
 */
export function newEvaluation(): MspEvaluation {
  const ignoring = newMspInput().values;
  return {
    annee: 0,
    rules: undefined!,
    ctx: newContext(ignoring),
    types: [],
    exists: [],
    earned: INDICATORS.map(newEarned),
    fixes: PER_INDICATOR_ZEROS.slice(),
    variables: PER_INDICATOR_ZEROS.slice(),
    euros: PER_INDICATOR_ZEROS.slice(),
    prerequis: { total: 0, requis: 0, missing: 0, declenche: false },
    derogation: false,
    precarite: { ecart: NaN, taux: NaN, base: NaN, points: NaN, euros: NaN },
    minimum: NaN,
    complement: NaN,
    totalFixes: NaN,
    totalVariables: NaN,
    points: NaN,
    eurosPoints: NaN,
    totalEuros: NaN,
    ignoredFields: NO_FIELD,
    ignoring,
    steps: undefined,
    stepStarts: PER_INDICATOR_ZEROS.slice(),
    avancePoints: NaN,
    avanceEuros: NaN,
    avanceMinimum: false,
    solde: NaN,
  };
}

/**
 * Numbers only, unless `explain`: then each indicator's steps too. `into` is the record filled (a new one by default).
 * The points, then their euros.
 */
export const evaluateMsp = (input: MspInput, explain = false, into: MspEvaluation = newEvaluation()): MspEvaluation =>
  payInEuros(evaluatePoints(input, explain, into));

/** The remuneration year: `annee`, or the current year when it is not given (said in the detail). */
const remunerationYear = (input: MspInput): number => (givenAt(input, ANNEE) ? input.values.annee : yearOf(todayParisIso()));

/** The points of an evaluation: each indicator's, the prerequisites, the précarité. Its euros are left NaN. */
function evaluatePoints(input: MspInput, explain: boolean, into: MspEvaluation): MspEvaluation {
  const annee = remunerationYear(input);
  const { rules, exists, types } = planFor(annee);
  const adhesionYear = contractYear(input);
  if (adhesionYear !== undefined && adhesionYear > annee) {
    fail(input.adhesionDate ? "date_adhesion" : "annee_adhesion", `année de signature ${adhesionYear} postérieure à l'année de rémunération ${annee}`);
  }
  // fields of a later text than the year's are ignored (and said): the field declares which text created it
  let values = input.values;
  let siAvanceDate = input.siAvanceDate;
  let ignoredFields = NO_FIELD;
  const later = LATER.get(rules.version!.value as string)!;
  if (later.fields.length && anyGiven(input, later.mask)) {
    const ignored: FieldCode[] = [];
    for (let k = 0; k < later.fields.length; k++) {
      const at = later.at[k];
      if (!givenAt(input, at)) continue;
      if (later.fields[k] === "si_avance_date") {
        ignored.push(later.fields[k]);
        siAvanceDate = undefined;
      } else if (values.at[at] !== 0) {
        // the evaluation's own copy of the inputs, refilled (the input itself is the caller's)
        if (values === input.values) values = copyValues(input.values, into.ignoring);
        values.at[at] = 0;
        ignored.push(later.fields[k]);
      }
    }
    ignoredFields = ignored;
  }
  checkRequired(values, rules, rules.version!.value as Since);
  checkCounts(input);
  const ctx = contextOf(into.ctx, input.siDate, siAvanceDate, values, annee, rules, input.adhesionDate);
  const derogation = adhesionYear !== undefined && annee - adhesionYear < rules.derogationAnnees!.value;
  const { earned, fixes, variables } = into;
  // one list for every indicator's steps (a fresh one: emptying the previous one measured slower)
  const steps: Step[] | undefined = explain ? [] : undefined;
  const stepStarts = into.stepStarts;
  // each existing indicator's points, rounded to the cent; paid only if the prerequisites are met
  let total = 0;
  let missing = 0;
  let sumFixes = 0;
  let sumVariables = 0;
  let basePrecarite = 0;
  for (let i = 0; i < INDICATORS.length; i++) {
    fixes[i] = variables[i] = 0;
    if (steps) stepStarts[i] = steps.length;
    if (!exists[i]) continue;
    // without its gate field the rule gives nothing: run it only to explain why
    const e = (steps && EXPLAINS_GATE[i]) || values.at[GATE_AT[i]] !== 0 ? INDICATORS[i].compute(rules, ctx, steps, earned[i]) : nothingEarned(earned[i]);
    if (types[i] === "prérequis") {
      total++;
      if (!e.atteint) missing++;
    }
    if (e.fixes === 0 && e.variables === 0) continue;
    sumFixes += fixes[i] = roundCents(e.fixes);
    sumVariables += variables[i] = roundCents(e.variables);
    basePrecarite += e.variablesPatientele;
  }
  const prerequis = into.prerequis;
  prerequis.total = total;
  prerequis.missing = missing;
  prerequis.requis = requiredPrerequisites(total, derogation);
  prerequis.declenche = total - missing >= prerequis.requis;
  if (!prerequis.declenche) {
    for (let i = 0; i < INDICATORS.length; i++) fixes[i] = variables[i] = 0;
    sumFixes = sumVariables = basePrecarite = 0;
  }
  const precarite = into.precarite;
  precarite.ecart = precariteGap(values);
  precarite.taux = precariteRate(precarite.ecart, rules.precariteMax!.value);
  precarite.base = roundCents(basePrecarite);
  precarite.points = roundCents(basePrecarite * precarite.taux);
  precarite.euros = NaN;
  const totalFixes = roundCents(sumFixes);
  const totalVariables = roundCents(sumVariables + precarite.points);
  into.annee = annee;
  into.rules = rules;
  into.ctx = ctx;
  into.types = types;
  into.exists = exists;
  into.derogation = derogation;
  into.totalFixes = totalFixes;
  into.totalVariables = totalVariables;
  into.points = roundCents(totalFixes + totalVariables);
  into.minimum = into.complement = into.eurosPoints = into.totalEuros = NaN;
  into.ignoredFields = ignoredFields;
  into.steps = steps;
  into.avancePoints = into.avanceEuros = into.solde = NaN;
  into.avanceMinimum = false;
  return into;
}

/** The euros of evaluated points: each indicator's at the point value, the précarité's, and a new structure's minimum. */
function payInEuros(e: MspEvaluation): MspEvaluation {
  const valeurPoint = e.rules.valeurPoint!.value;
  let sumEuros = 0;
  for (let i = 0; i < INDICATORS.length; i++) {
    const points = e.fixes[i] + e.variables[i];
    sumEuros += e.euros[i] = points === 0 ? 0 : roundCents(roundCents(points) * valeurPoint);
  }
  e.precarite.euros = roundCents(e.precarite.points * valeurPoint);
  e.eurosPoints = roundCents(sumEuros + e.precarite.euros);
  e.minimum = newStructureMinimum(e.rules.minimumNouvelleStructure!.value, e.ctx.prorataAdhesion);
  e.complement = newStructureComplement(e.minimum, e.derogation, e.prerequis.declenche, e.eurosPoints);
  e.totalEuros = roundCents(e.eurosPoints + e.complement);
  return e;
}

/** The input and evaluation records reused by every ACI.MSP_POINTS / EUROS call: each reads one number and keeps nothing. */
const LEAN_INPUT = newMspInput();
const LEAN = newEvaluation();

/** The points of one header row and value row (ACI.MSP_POINTS): its euros are not worked out. */
export const mspPoints = (headers: readonly unknown[], values: readonly unknown[], plain?: PlainValue): number =>
  evaluatePoints(readMspRow(headers, values, LEAN_INPUT, plain), false, LEAN).points;

/** The numbers of one header row and value row (ACI.MSP_EUROS): valid until the next call. */
export const mspAmounts = (headers: readonly unknown[], values: readonly unknown[], plain?: PlainValue): Readonly<MspEvaluation> =>
  evaluateMsp(readMspRow(headers, values, LEAN_INPUT, plain), false, LEAN);

/** The records the avance's second pass fills (the inputs at 100 %, their context, one indicator's points): reused. */
const AT_100 = newMspInput().values;
const AT_100_EARNED = newEarned();
const AT_100_CONTEXT: Context = newContext(AT_100);

/** Points of the prerequisite and socle indicators reached at 100 %: each one's own formula on its full inputs. */
export function pointsAt100(e: MspEvaluation): number {
  copyValues(e.ctx.v, AT_100);
  const counted = planFor(e.annee).atFull;
  for (const i of counted) INDICATORS[i].atFull?.(AT_100, e.rules);
  // no acquisition or signature date: a full year
  const ctx = AT_100_CONTEXT;
  ctx.annee = e.ctx.annee;
  ctx.ratio = e.ctx.ratio;
  ctx.ipa = e.ctx.ipa;
  let points = 0;
  for (const i of counted) {
    const r = INDICATORS[i].compute(e.rules, ctx, undefined, AT_100_EARNED);
    points += r.fixes + r.variables;
  }
  return roundCents(points);
}

/** The avance and the solde of an evaluation (the detail and the regional sheets: POINTS and EUROS never need them). */
export function settle(e: MspEvaluation): MspEvaluation {
  e.avancePoints = pointsAt100(e);
  const a = avance(e.rules.avanceTaux!.value, e.avancePoints, e.rules.valeurPoint!.value, e.ctx.prorataAdhesion, e.derogation, e.minimum);
  e.avanceEuros = a.euros;
  e.avanceMinimum = a.minimumApplied;
  e.solde = solde(e.totalEuros, a.euros);
  return e;
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
    const params = INDICATORS.map((def, i) => (plan.exists[i] ? def.param(rules) : undefined));
    const sources = params.map((param) => (param ? referenceText(param) : ""));
    plan.texts = {
      sources,
      // the Source column flags a value still to confirm
      sourceCells: params.map((param, i) => (param?.status === "to-confirm" ? `${sources[i]} [à confirmer]` : sources[i])),
      absent: INDICATORS.map((def, i) => (plan.exists[i] ? "" : absentRemark(def.code))),
      precariteSource: `${referenceText(rules.precariteMax!)} ; assiette : ${referenceText(rules.precariteBase!)}`,
      minimumSource: referenceText(rules.minimumNouvelleStructure!),
      avanceSource: referenceText(rules.avanceTaux!),
      totalLabel: `${rules.version!.value}, rémunération ${e.annee}`,
      pointValue: `valeur du point : ${rules.valeurPoint!.value} €`,
      wording: yearWording({
        toConfirm: params.map((param) => (param?.status === "to-confirm" ? param.why : undefined)),
        precariteBase: rules.precariteBase!,
        avanceTaux: rules.avanceTaux!.value,
        minimum: rules.minimumNouvelleStructure!.value,
        derogationAnnees: rules.derogationAnnees!.value,
      }),
    };
  }
  return plan.texts;
}

/** Where indicator i's steps end in the evaluation's list. */
const stepsEnd = (e: MspEvaluation, i: number): number => (i + 1 < INDICATORS.length ? e.stepStarts[i + 1] : e.steps!.length);

/** The steps indicator i recorded (an evaluation with a trace). */
export const stepsOf = (e: MspEvaluation, i: number): Step[] => e.steps!.slice(e.stepStarts[i], stepsEnd(e, i));

/** An indicator's Remarque: points not paid, its steps, a value to confirm. */
export function indicatorRemark(e: MspEvaluation, texts: YearTexts, i: number): string {
  if (!e.exists[i]) return texts.absent[i];
  const r = e.earned[i];
  const computed = r.fixes + r.variables;
  const unpaid = !e.prerequis.declenche && computed > 0 ? unpaidRemark(computed) : "";
  return joinRemarks(joinRemarks(unpaid, renderRemark(e.steps!, e.stepStarts[i], stepsEnd(e, i))), texts.wording.toConfirm[i]);
}

/** « , proratisée depuis la signature du … » in the signing year, else "". */
const prorataNoteOf = (e: MspEvaluation, input: MspInput): string =>
  e.ctx.prorataAdhesion < 1 && input.adhesionDate ? prorataNote(input.adhesionDate, daysToYearEnd(input.adhesionDate), daysInYear(e.annee)) : "";

/** The remarks of the précarité, the minimum, the avance and the whole computation. */
export function evaluationRemarks(e: MspEvaluation, input: MspInput, texts: YearTexts, missing = missingPrerequisites(e)) {
  const { rules, prerequis } = e;
  const w = texts.wording;
  const note = prorataNoteOf(e, input);
  return {
    precarite: precariteRemark(w, e.precarite.ecart, rules.precariteMax!.value, e.precarite.taux, e.precarite.base),
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
      defaultYearVersion: givenAt(input, ANNEE) ? undefined : rules.version!.value,
    }),
  };
}

/** The evaluation record reused by computeMsp: the result it returns copies every number and keeps no part of it. */
const FULL = newEvaluation();

/**
 * The full result: numbers, sources, and (with `explain`, the default) every remark rendered from the steps.
 * The regional sheets call it with `explain = false`.
 */
export function computeMsp(input: MspInput, explain = true): MspResult {
  const e = settle(evaluateMsp(input, explain, FULL));
  const { rules, annee, prerequis, derogation } = e;
  const texts = yearTexts(e);
  const indicateurs: IndicatorResult[] = INDICATORS.map((def, i) => {
    const remarque = explain ? indicatorRemark(e, texts, i) : "";
    const param = e.exists[i] ? def.param(rules) : undefined;
    if (!param) {
      return {
        code: def.code,
        axe: def.axe,
        label: def.label,
        type: e.types[i],
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
      type: e.types[i],
      applicable: true,
      fixes: e.fixes[i],
      variables: e.variables[i],
      points: roundCents(e.fixes[i] + e.variables[i]),
      euros: e.euros[i],
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
    version: rules.version!.value,
    annee,
    valeurPoint: rules.valeurPoint!.value,
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
