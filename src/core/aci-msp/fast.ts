/**
 * SPEED KERNEL: ACI.MSP_POINTS and ACI.MSP_EUROS only. The one module of the rules core written for speed rather than
 * for reading. `evaluateMsp` (index.ts) is the evaluator, the one place the aggregation of an MSP's remuneration is
 * read; this kernel computes the same two numbers for one header row and one value row in a fraction of its time
 * (issue 21's targets: 2 µs a call as Excel sends them, where the evaluator's immutable records take about 5). A
 * property test (tests/properties/rules.test.ts, « ACI.MSP_POINTS / EUROS keep nothing from one cell to the next »)
 * checks that both functions give, row after row, what the evaluator gives each row afresh, value or refusal.
 *
 * What it does differently, and only here:
 * - the row is read into a record reused from call to call: the numbers in an array by field index, read by name
 *   through accessors on its prototype (the indicators' own rules read `v.snp`), « given » as a 64-bit mask;
 * - the year's plan (parameters, prerequisites) is the evaluator's, and so are the indicators' rules, the checks and
 *   their messages; only the sums are written again, without the per-indicator records;
 * - a row that gives a field of a later text than its year a value goes to the evaluator (it sets it aside in a copy
 *   of the inputs).
 */
import { roundCents } from "../money";
import type { Since } from "../inputs/msp-fields";
import {
  cachedLayout,
  checkRequired,
  FIELD_CODES,
  REQUIRED,
  readCell,
  readMspRow,
  type FieldCode,
  type FieldValues,
  type Layout,
  type MspInput,
  type PlainValue,
} from "./fields";
import { contextOf } from "./indicators";
import {
  checkCounts,
  evaluateMsp,
  newStructureComplement,
  newStructureMinimum,
  planFor,
  precariteGap,
  precariteRate,
  remunerationYear,
  requiredPrerequisites,
  signingYear,
} from "./index";

if (FIELD_CODES.length > 64) throw new Error("plus de 64 champs MSP : le masque « given » du noyau rapide n'en tient que 64");

/**
 * An array of `n` zeros that holds any number without changing its storage: built from a fraction, V8 stores it
 * unboxed, and writing a fraction into an array of small integers would copy it.
 */
const doubles = (n: number): number[] => Array.from({ length: n }, () => 0.5).fill(0);

/** The numbers of one row by field index, read by name through accessors defined once per field on the prototype. */
class FieldArray {
  constructor(readonly at: number[]) {}
}
FIELD_CODES.forEach((code, i) => {
  Object.defineProperty(FieldArray.prototype, code, {
    get(this: FieldArray) {
      return this.at[i];
    },
  });
});

const INDEX: ReadonlyMap<FieldCode, number> = new Map(FIELD_CODES.map((c, i) => [c, i]));

/** The schema's requirements by field index, to test them on the array. */
const REQUIRED_AT = REQUIRED.map((r) => ({ r, at: INDEX.get(r.code)!, field: r.field ? INDEX.get(r.field)! : -1, unless: r.unless.map((u) => INDEX.get(u)!) }));

/** Some requirement not met (`isMissingRequired` on the array): the evaluator's check then refuses the row, naming it. */
function missesRequired(at: readonly number[]): boolean {
  for (const { at: i, field, unless } of REQUIRED_AT) {
    if (at[i] === 0 && (field < 0 || at[field] > 0) && !unless.some((u) => at[u] > 0)) return true;
  }
  return false;
}

/** « Given » as two words of bits, one per field index. */
class GivenBits {
  constructor(
    public low = 0,
    public high = 0,
  ) {}
  has(code: FieldCode): boolean {
    const i = INDEX.get(code)!;
    return i < 32 ? ((this.low >>> i) & 1) === 1 : ((this.high >>> (i - 32)) & 1) === 1;
  }
}

/** The record every call reads its row into (valid until the next call): the kernel's input, as the evaluator's. */
interface LeanInput extends MspInput {
  values: FieldValues & FieldArray;
  given: GivenBits;
  siDate?: string;
  siAvanceDate?: string;
  adhesionDate?: string;
}
const LEAN: LeanInput = { values: new FieldArray(doubles(FIELD_CODES.length)) as FieldValues & FieldArray, given: new GivenBits() };

/** The row's values into LEAN: the reading of fields.ts (same layout, same refusals), stored by index. */
function readLean(layout: Layout, cells: readonly unknown[], plain?: PlainValue): LeanInput {
  const v = LEAN.values.at;
  v.fill(0);
  LEAN.siDate = LEAN.siAvanceDate = LEAN.adhesionDate = undefined;
  let low = 0;
  let high = 0;
  for (let i = 0; i < layout.length; i++) {
    const value = readCell(layout[i], cells[i], i, plain);
    if (value === undefined) continue;
    const { code, index } = layout[i]!;
    if (index < 32) low |= 1 << index;
    else high |= 1 << (index - 32);
    if (typeof value === "number") v[index] = value;
    else if (code === "si_date") LEAN.siDate = value;
    else if (code === "si_avance_date") LEAN.siAvanceDate = value;
    else LEAN.adhesionDate = value;
  }
  LEAN.given.low = low;
  LEAN.given.high = high;
  return LEAN;
}

/** The field indices of each year's later-text fields (a plan's list, by identity), for the test on the bits. */
const LATER_AT = new WeakMap<readonly FieldCode[], readonly number[]>();
const SI_AVANCE_AT = INDEX.get("si_avance_date")!;

/** Whether the row gives a value to a field of a later text than its year's (as the evaluator's `ignored` list). */
function givesLaterField(input: LeanInput, fields: readonly FieldCode[]): boolean {
  let at = LATER_AT.get(fields);
  if (!at) LATER_AT.set(fields, (at = fields.map((code) => INDEX.get(code)!)));
  const { low, high } = input.given;
  const v = input.values.at;
  for (const i of at) {
    const given = i < 32 ? (low >>> i) & 1 : (high >>> (i - 32)) & 1;
    if (given && (i === SI_AVANCE_AT || v[i] !== 0)) return true;
  }
  return false;
}

/** Points and euros of one row, as `evaluateMsp` gives them (`euros` NaN unless asked). */
function amounts(headers: readonly unknown[], cells: readonly unknown[], plain: PlainValue | undefined, withEuros: boolean): { points: number; euros: number } {
  const input = readLean(cachedLayout(headers), cells, plain);
  const annee = remunerationYear(input);
  const plan = planFor(annee);
  // a field of a later text given a value: the evaluator sets it aside in a copy of the inputs
  if (givesLaterField(input, plan.later.fields)) {
    const e = evaluateMsp(readMspRow(headers, cells, plain));
    return { points: e.points, euros: e.totalEuros };
  }
  const { rules, base: leaves } = plan;
  const base = { valeurPoint: leaves.valeurPoint.value, precariteMax: leaves.precariteMax.value, minimum: leaves.minimum.value };
  const adhesionYear = signingYear(input, annee);
  const values = input.values;
  // the requirements checked on the array (a keyed read through the accessors is slow); refused by the evaluator's check
  if (missesRequired(values.at)) checkRequired(values, rules, leaves.version.value as Since);
  checkCounts(input);
  const ctx = contextOf(input, values, annee, rules, leaves.reference.value, input.siAvanceDate);
  const derogation = adhesionYear !== undefined && annee - adhesionYear < leaves.derogationAnnees.value;
  let total = 0;
  let met = 0;
  let sumFixes = 0;
  let sumVariables = 0;
  let sumEuros = 0;
  let basePrecarite = 0;
  // each indicator's points; the prerequisites counted on the way, its sums dropped if they fail
  for (let i = 0; i < plan.indicators.length; i++) {
    const { def, param } = plan.indicators[i];
    if (!param) continue;
    const e = def.compute(param.value, ctx, undefined);
    if (plan.prerequisites[i]) {
      total++;
      if (e.atteint) met++;
    }
    const fixes = roundCents(e.fixes);
    const variables = roundCents(e.variables);
    const points = fixes + variables;
    sumFixes += fixes;
    sumVariables += variables;
    if (withEuros) sumEuros += points === 0 ? 0 : roundCents(roundCents(points) * base.valeurPoint);
    basePrecarite += e.variablesPatientele;
  }
  const declenche = met >= requiredPrerequisites(total, derogation);
  if (!declenche) sumFixes = sumVariables = sumEuros = basePrecarite = 0;
  const precaritePoints = roundCents(basePrecarite * precariteRate(precariteGap(values), base.precariteMax));
  const points = roundCents(roundCents(sumFixes) + roundCents(sumVariables + precaritePoints));
  if (!withEuros) return { points, euros: NaN };
  const eurosPoints = roundCents(sumEuros + roundCents(precaritePoints * base.valeurPoint));
  const complement = newStructureComplement(newStructureMinimum(base.minimum, ctx.prorataAdhesion), derogation, declenche, eurosPoints);
  return { points, euros: roundCents(eurosPoints + complement) };
}

/** ACI.MSP_POINTS: the points of one header row and value row. */
export const fastMspPoints = (headers: readonly unknown[], cells: readonly unknown[], plain?: PlainValue): number =>
  amounts(headers, cells, plain, false).points;

/** ACI.MSP_EUROS: the euros of one header row and value row. */
export const fastMspEuros = (headers: readonly unknown[], cells: readonly unknown[], plain?: PlainValue): number => amounts(headers, cells, plain, true).euros;
