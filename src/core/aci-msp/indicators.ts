/**
 * The ACI MSP indicators: each one a small rule over the year's parameters and the MSP's fields, returning its points
 * and, when a trace is given (ACI.MSP_DETAIL only), the steps it applied. An indicator exists in a year when its
 * parameter has a period then (params.ts); its rule reads that parameter's value, resolved by the evaluator. `atFull`
 * gives its inputs as if reached at 100 %: the avance is each prerequisite and socle indicator's own formula evaluated
 * on those inputs.
 */
import { daysInYear, daysToYearEnd, yearOf } from "../dates";
import type { Dated } from "../params";
import type { Step } from "./explain";
import type { FieldValues, MspInput, NumberField } from "./fields";
import type { CoordinationParams, IndicatorType, YearRules } from "./params";

export type Axe = "Accès aux soins" | "Travail en équipe et coordination" | "Système d'information";
export type Values = FieldValues;
export type Trace = Step[] | undefined;

export interface Earned {
  readonly fixes: number;
  readonly variables: number;
  /** Variable points that scale with the patientèle (the base of the précarité majoration). */
  readonly variablesPatientele: number;
  /** False when the indicator is not met (matters for the prerequisites). */
  readonly atteint: boolean;
}

/** What every indicator of one evaluation reads besides its own parameter. */
export interface Context {
  readonly v: Values;
  readonly annee: number;
  readonly rules: YearRules;
  /** The reference patientèle of the variable points (4 000), and the patientèle as a multiple of it. */
  readonly reference: number;
  readonly ratio: number;
  readonly ipa: boolean;
  readonly siDate?: string;
  readonly siAvanceDate?: string;
  /** Signature date when the contract was signed during the year (it prorates the concertation, avance, minimum). */
  readonly adhesionDate?: string;
  /** Share of the year from the signature (1 outside the signing year). */
  readonly prorataAdhesion: number;
}

export interface IndicatorDefinition<P = unknown> {
  code: string;
  axe: Axe;
  label: string;
  /** Its parameter in the year's rules: the indicator exists in a year when it has a period then. */
  param: (r: YearRules) => Dated<P> | undefined;
  type: (r: YearRules) => IndicatorType;
  /** Its points from its parameter's value; records its steps in `trace` when one is given. */
  compute: (p: P, c: Context, trace: Trace) => Earned;
  /** The fields it reads set as if reached at 100 % (the avance). */
  atFull?: (p: P, v: Values) => Partial<Values>;
  /**
   * The field without which the indicator pays nothing and is not met (0 there: no points, whatever else is given);
   * a property test checks the claim for every indicator and year.
   */
  gate: NumberField;
}

/** One definition, its parameter's type inferred for its rule. */
const indicator = <P>(def: IndicatorDefinition<P>): IndicatorDefinition => def as unknown as IndicatorDefinition;

const earned = (fixes: number, variables = 0, patientele = true, atteint = fixes + variables > 0): Earned => ({
  fixes,
  variables,
  variablesPatientele: patientele ? variables : 0,
  atteint,
});
/** Not met: no points, and a prerequisite missing. */
const NOT_MET: Earned = Object.freeze(earned(0, 0, true, false));

const fixed = (type: IndicatorType) => () => type;

/** A parameter the year's rules must have beside an indicator's own (a missing one is a fault of params.ts). */
function needed<T>(d: Dated<T> | undefined, name: string, annee: number): T {
  if (!d) throw new Error(`paramètre ${name} absent pour ${annee}`);
  return d.value;
}

/** A count paid up to `max`, said when capped. */
function capped(field: NumberField, given: number, max: number, trace: Trace): number {
  if (given <= max) return given;
  trace?.push({ kind: "cap", field, given, paid: max });
  return max;
}

/** Share of the remuneration year from an acquisition date: 0 after the year, 1 before it. */
function prorataFrom(date: string | undefined, annee: number, field: "si_date" | "si_avance_date", trace: Trace): number {
  if (!date) return 1;
  const year = yearOf(date);
  if (year > annee) return 0;
  if (year < annee) return 1;
  const days = daysToYearEnd(date);
  trace?.push({ kind: "prorata", field, date, days, daysInYear: daysInYear(annee) });
  return days / daysInYear(annee);
}

export function coordinationVariables(p: CoordinationParams, patientele: number, reference: number): number {
  return (p.variables * Math.min(patientele, p.seuil)) / reference + (p.variablesAuDela * Math.max(patientele - p.seuil, 0)) / reference;
}

/** Two decimals of a percent, truncated, as the CNAM computes the share of files reviewed (30 of 650 → 4,61 %). */
export const truncatedRate = (part: number, whole: number): number => Math.floor((part / whole) * 10_000 + 1e-9) / 10_000;

export const INDICATORS: readonly IndicatorDefinition[] = [
  indicator({
    code: "horaires",
    gate: "snp",
    axe: "Accès aux soins",
    label: "Horaires d'ouverture et soins non programmés",
    param: (r) => r.horaires,
    type: fixed("prérequis"),
    compute: (h, { v, rules }, trace) => {
      const av1 = rules.horairesAvenant1?.value;
      if (av1?.fermetureLongue && v.fermeture_longue) {
        trace?.push({ kind: "not-met", reason: "fermeture_longue" });
        return NOT_MET;
      }
      if (!v.snp) {
        trace?.push({ kind: "not-met", reason: "snp" });
        return NOT_MET;
      }
      const pdsa = av1?.derogationPdsa === true && v.derogation_pdsa === 1;
      if (pdsa) trace?.push({ kind: "pdsa" });
      else if (v.amplitude_h < h.amplitudeMinimale) {
        trace?.push({ kind: "amplitude-min", amplitude: v.amplitude_h, min: h.amplitudeMinimale });
        return NOT_MET;
      }
      // the opening-hours band below full hours: [from, to) and its minoration (none with the PDSA derogation)
      const low = !pdsa && v.amplitude_h < h.amplitudeMoyenne;
      const middle = !pdsa && !low && v.amplitude_h < h.amplitudeSansMinoration;
      const amplitude = low ? h.minorationAmplitudeFaible : middle ? h.minorationAmplitudeMoyenne : 0;
      const samedi = v.samedi_matin ? 0 : h.minorationSamediFerme;
      const conges = v.fermeture_conges ? h.minorationConges : 0;
      const minoration = amplitude + samedi + conges;
      if (minoration && trace) {
        const band = low
          ? { from: h.amplitudeMinimale, to: h.amplitudeMoyenne, points: amplitude }
          : middle
            ? { from: h.amplitudeMoyenne, to: h.amplitudeSansMinoration, points: amplitude }
            : undefined;
        trace.push({ kind: "minorations", amplitude: band, samedi, conges });
      }
      return earned(Math.max(0, h.points - minoration), 0, true, true);
    },
    atFull: (h) => ({ snp: 1, amplitude_h: h.amplitudeSansMinoration, samedi_matin: 1, fermeture_conges: 0, fermeture_longue: 0 }),
  }),
  indicator({
    code: "crise",
    gate: "crise_plan",
    axe: "Accès aux soins",
    label: "Réponse aux crises sanitaires graves",
    param: (r) => r.crise,
    type: (r) => needed(r.criseStatut, "msp.crise.statut", r.annee).type,
    compute: (p, { v, ratio, annee, rules }, trace) => {
      if (!v.crise_plan) {
        trace?.push(v.crise_survenue ? { kind: "crise-sans-plan" } : { kind: "not-met", reason: "crise_plan" });
        return NOT_MET;
      }
      const payable = needed(rules.criseStatut, "msp.crise.statut", annee).survenuePayable;
      const variables = v.crise_survenue && payable ? p.survenueVariables * ratio : 0;
      if (!variables) trace?.push({ kind: "crise-variable", payable, annee, survenue: v.crise_survenue === 1 });
      return earned(p.planFixes, variables);
    },
    atFull: () => ({ crise_plan: 1, crise_survenue: 0 }),
  }),
  indicator({
    code: "diversite",
    gate: "diversite",
    axe: "Accès aux soins",
    label: "Diversité de l'offre de soins",
    param: (r) => r.diversite,
    type: fixed("optionnel"),
    compute: (points, { v }, trace) => {
      if (v.diversite) trace?.push({ kind: "level", level: v.diversite, cumulative: false });
      return earned(points * v.diversite);
    },
  }),
  indicator({
    code: "second_recours",
    gate: "second_recours",
    axe: "Accès aux soins",
    label: "Consultations de second recours",
    param: (r) => r.secondRecours,
    type: fixed("optionnel"),
    compute: (points, { v }, trace) => {
      if (v.second_recours) trace?.push({ kind: "level", level: v.second_recours, cumulative: false });
      return earned(points * v.second_recours);
    },
  }),
  indicator({
    code: "cstm",
    gate: "cstm",
    axe: "Accès aux soins",
    label: "Accueil de médecins CSTM",
    param: (r) => r.cstm,
    type: fixed("optionnel"),
    compute: (points, { v }) => earned(points * v.cstm),
  }),
  indicator({
    code: "missions_sp",
    gate: "missions_sp",
    axe: "Accès aux soins",
    label: "Missions de santé publique",
    param: (r) => r.missionsSp,
    type: fixed("optionnel"),
    compute: (p, { v, ratio, ipa }, trace) => {
      const n = capped("missions_sp", v.missions_sp, p.max, trace);
      // the IPA bonus is fixed: not prorated to the patientèle (CNAM guide, p. 15)
      const bonus = ipa && n === p.max ? p.ipaFixes : 0;
      if (bonus) trace?.push({ kind: "ipa", points: bonus, variable: false, missions: p.max });
      return earned(bonus, p.variables * n * ratio);
    },
  }),
  indicator({
    code: "satisfaction",
    gate: "satisfaction",
    axe: "Accès aux soins",
    label: "Satisfaction des patients",
    param: (r) => r.satisfaction,
    type: fixed("optionnel"),
    compute: (points, { v }) => earned(points * v.satisfaction),
  }),
  indicator({
    code: "usagers",
    gate: "usagers",
    axe: "Accès aux soins",
    label: "Implication des usagers",
    param: (r) => r.usagers,
    type: fixed("optionnel"),
    compute: (p, { v, ratio }, trace) => {
      if (v.usagers) trace?.push({ kind: "level", level: v.usagers, cumulative: true });
      return earned(v.usagers >= 1 ? p.niveau1Fixes : 0, v.usagers >= 2 ? p.niveau2Variables * ratio : 0);
    },
  }),
  indicator({
    code: "sas",
    gate: "sas",
    axe: "Accès aux soins",
    label: "Soins non programmés : participation au SAS",
    param: (r) => r.sas,
    type: fixed("optionnel"),
    compute: (p, { v }, trace) => {
      if (v.sas) trace?.push({ kind: "level", level: v.sas, cumulative: false });
      return earned(v.sas === 2 ? p.niveau2Fixes : v.sas === 1 ? p.niveau1Fixes : 0);
    },
  }),
  indicator({
    code: "coordination",
    gate: "coordination",
    axe: "Travail en équipe et coordination",
    label: "Fonction de coordination",
    param: (r) => r.coordination,
    type: fixed("prérequis"),
    compute: (p, { v, reference }, trace) => {
      if (!v.coordination) {
        trace?.push({ kind: "not-met", reason: "coordination" });
        return NOT_MET;
      }
      if (v.patientele > p.seuil) trace?.push({ kind: "seuil", seuil: p.seuil, auDela: p.variablesAuDela, reference });
      return earned(p.fixes, coordinationVariables(p, v.patientele, reference), true, true);
    },
    atFull: () => ({ coordination: 1 }),
  }),
  indicator({
    code: "protocoles",
    gate: "protocoles",
    axe: "Travail en équipe et coordination",
    label: "Protocoles pluriprofessionnels",
    param: (r) => r.protocoles,
    type: fixed("socle"),
    compute: (p, { v, ipa }, trace) => {
      const n = capped("protocoles", v.protocoles, p.max, trace);
      const bonus = ipa ? p.ipaParProtocole : 0;
      if (bonus) trace?.push({ kind: "ipa", points: bonus, per: "protocole", variable: false });
      return earned(n * (p.parProtocole + bonus));
    },
    atFull: (p) => ({ protocoles: p.max }),
  }),
  indicator({
    code: "concertation",
    gate: "reunions",
    axe: "Travail en équipe et coordination",
    label: "Concertation pluriprofessionnelle",
    param: (r) => r.concertation,
    type: fixed("socle"),
    compute: (p, { v, ratio, ipa, prorataAdhesion, adhesionDate, annee }, trace) => {
      // in the signing year the 6-meeting minimum and the points run from the signature (CNAM guide)
      const min = prorataAdhesion < 1 ? Math.ceil(p.reunionsMin * prorataAdhesion - 1e-9) : p.reunionsMin;
      if (v.reunions < min) {
        trace?.push({ kind: "reunions-min", reunions: v.reunions, min, prorated: prorataAdhesion < 1 });
        return NOT_MET;
      }
      let atteinte = 0;
      if (v.patients_ald75 > 0) {
        const taux = truncatedRate(v.dossiers, v.patients_ald75);
        atteinte = Math.min(1, taux / p.tauxDossiers);
        trace?.push({ kind: "dossiers", dossiers: v.dossiers, patients: v.patients_ald75, taux, cible: p.tauxDossiers, atteinte });
      } else trace?.push({ kind: "dossiers-sans-base" });
      const bonus = ipa ? p.ipaVariables : 0;
      if (bonus) trace?.push({ kind: "ipa", points: bonus, variable: true });
      if (prorataAdhesion < 1 && adhesionDate)
        trace?.push({ kind: "prorata", field: "date_adhesion", date: adhesionDate, days: daysToYearEnd(adhesionDate), daysInYear: daysInYear(annee) });
      return earned(0, (p.variables + bonus) * ratio * atteinte * prorataAdhesion);
    },
    // every file reviewed (a base of one patient when it is blank: the rate is 100 % all the same)
    atFull: (p, v) => {
      const patients = Math.max(v.patients_ald75, 1);
      return { reunions: Math.max(v.reunions, p.reunionsMin), patients_ald75: patients, dossiers: patients };
    },
  }),
  indicator({
    code: "formation",
    gate: "formation",
    axe: "Travail en équipe et coordination",
    label: "Formation des jeunes professionnels",
    param: (r) => r.formation,
    type: fixed("optionnel"),
    compute: (p, { v }, trace) => {
      if (!v.formation) return earned(0);
      const extra = Math.min(Math.max(v.stages - p.stagesInclus, 0), p.stagesMax - p.stagesInclus);
      if (extra > 0) trace?.push({ kind: "stages", extra, each: p.parStageSupplementaire, included: p.stagesInclus });
      return earned(p.fixes + extra * p.parStageSupplementaire);
    },
  }),
  indicator({
    code: "coord_externe",
    gate: "coord_externe",
    axe: "Travail en équipe et coordination",
    label: "Coordination externe",
    param: (r) => r.coordExterne,
    type: fixed("optionnel"),
    compute: (points, { v, ratio }) => earned(0, points * v.coord_externe * ratio),
  }),
  indicator({
    code: "qualite",
    gate: "qualite",
    axe: "Travail en équipe et coordination",
    label: "Démarche qualité",
    param: (r) => r.qualite,
    type: fixed("optionnel"),
    compute: (p, { v, ratio }, trace) => {
      if (v.qualite) trace?.push({ kind: "level", level: v.qualite, cumulative: true });
      const variables = (v.qualite >= 2 ? p.niveau2Variables : 0) + (v.qualite >= 3 ? p.niveau3Variables : 0);
      return earned(v.qualite >= 1 ? p.niveau1Fixes : 0, variables * ratio);
    },
  }),
  indicator({
    code: "cooperation",
    gate: "cooperation",
    axe: "Travail en équipe et coordination",
    label: "Protocoles nationaux de coopération",
    param: (r) => r.cooperation,
    type: fixed("optionnel"),
    compute: (p, { v }, trace) => earned(capped("cooperation", v.cooperation, p.max, trace) * p.parProtocole),
  }),
  indicator({
    code: "parcours_ic",
    gate: "parcours_ic",
    axe: "Travail en équipe et coordination",
    label: "Parcours insuffisance cardiaque",
    param: (r) => r.parcoursIc,
    type: fixed("optionnel"),
    compute: (points, { v, ratio }) => earned(0, points * v.parcours_ic * ratio),
  }),
  indicator({
    code: "parcours_obesite",
    gate: "parcours_obesite",
    axe: "Travail en équipe et coordination",
    label: "Parcours surpoids et obésité de l'enfant",
    param: (r) => r.parcoursObesite,
    type: fixed("optionnel"),
    compute: (p, { v }, trace) => {
      if (!v.parcours_obesite) return earned(0);
      // a single public-health mission counts only on this theme; two or more, whatever their themes (CNAM guide)
      if (v.missions_sp >= p.missionsSansTheme || (v.missions_sp === 1 && v.mission_sp_obesite === 1)) return earned(p.fixes);
      trace?.push({ kind: "obesite-theme", missions: v.missions_sp, required: p.missionsSansTheme });
      return earned(0);
    },
  }),
  indicator({
    code: "si_standard",
    gate: "si_standard",
    axe: "Système d'information",
    label: "Système d'information labellisé, niveau standard",
    param: (r) => r.siStandard,
    type: fixed("prérequis"),
    compute: (p, { v, siDate, annee }, trace) => {
      if (!v.si_standard) {
        trace?.push({ kind: "not-met", reason: "si_standard" });
        return NOT_MET;
      }
      trace?.push({ kind: "ps", n: v.nb_ps });
      if (siDate && yearOf(siDate) > annee) {
        trace?.push({ kind: "si-after-year", date: siDate, annee });
        return NOT_MET;
      }
      const prorata = prorataFrom(siDate, annee, "si_date", trace);
      const variables = p.parPs * Math.min(v.nb_ps, p.seuilPs) + p.parPsAuDela * Math.max(v.nb_ps - p.seuilPs, 0);
      return earned(p.fixes * prorata, variables * prorata, false, true);
    },
    atFull: () => ({ si_standard: 1 }),
  }),
  indicator({
    code: "si_avance",
    gate: "si_avance",
    axe: "Système d'information",
    label: "Système d'information, niveau avancé",
    param: (r) => r.siAvance,
    type: fixed("optionnel"),
    compute: (points, { v, siAvanceDate, annee }, trace) =>
      v.si_avance ? earned(points * prorataFrom(siAvanceDate, annee, "si_avance_date", trace)) : earned(0),
  }),
];

/** The context of one evaluation. */
export function contextOf(input: MspInput, values: Values, annee: number, rules: YearRules, reference: number, siAvanceDate: string | undefined): Context {
  const { adhesionDate } = input;
  const prorataAdhesion = adhesionDate && yearOf(adhesionDate) === annee ? daysToYearEnd(adhesionDate) / daysInYear(annee) : 1;
  return {
    v: values,
    annee,
    rules,
    reference,
    ratio: values.patientele / reference,
    ipa: values.ipa === 1,
    siDate: input.siDate,
    siAvanceDate,
    adhesionDate: prorataAdhesion < 1 ? adhesionDate : undefined,
    prorataAdhesion,
  };
}
