/**
 * The ACI MSP indicators: each one a small rule over the year's parameters and the MSP's fields, returning its points
 * and, when a trace is given (ACI.MSP_DETAIL only), the steps it applied. An indicator exists in a year when its
 * parameter has a period then (params.ts). `atFull` sets its inputs as if reached at 100 %: the avance is each
 * prerequisite and socle indicator's own formula evaluated on those inputs.
 */
import { daysInYear, daysToYearEnd, yearOf } from "../dates";
import type { Dated } from "../params";
import type { Step } from "./explain";
import type { FieldValues, NumberField } from "./fields";
import type { IndicatorType, YearRules } from "./params";

export type Axe = "Accès aux soins" | "Travail en équipe et coordination" | "Système d'information";
export type Values = FieldValues;
export type Trace = Step[] | undefined;

export interface Earned {
  fixes: number;
  variables: number;
  /** Variable points that scale with the patientèle (the base of the précarité majoration). */
  variablesPatientele: number;
  /** False when the indicator is not met (matters for the prerequisites). */
  atteint: boolean;
}

export interface Context {
  v: Values;
  annee: number;
  /** Patientèle as a multiple of the reference patientèle (4 000). */
  ratio: number;
  ipa: boolean;
  siDate?: string;
  siAvanceDate?: string;
  /** Signature date when the contract was signed during the year (it prorates the concertation, avance, minimum). */
  adhesionDate?: string;
  /** Share of the year from the signature (1 outside the signing year). */
  prorataAdhesion: number;
}

export interface IndicatorDefinition {
  code: string;
  axe: Axe;
  label: string;
  param: (r: YearRules) => Dated<unknown> | undefined;
  type: (r: YearRules) => IndicatorType;
  /** Writes the points into `out` and returns it; records its steps in `trace` when one is given. */
  compute: (r: YearRules, c: Context, trace: Trace, out: Earned) => Earned;
  atFull?: (v: Values, r: YearRules) => void;
  /**
   * The field without which the indicator pays nothing and is not met (0 there: no points, whatever else is given).
   * ACI.MSP_POINTS skips the rule then; a property test checks the claim for every indicator and year.
   */
  gate: NumberField;
  /**
   * The rule says why when its gate field is 0 (« snp = 0 : indicateur non atteint »): ACI.MSP_DETAIL runs it then. The
   * others record no step without their gate field, so the detail skips them too; a property test checks the claim.
   */
  explainsGate?: true;
}

/** A fresh record for `compute` to write into (the evaluation keeps one per indicator; POINTS reuses them). NaN: not computed. */
export const newEarned = (): Earned => ({ fixes: NaN, variables: NaN, variablesPatientele: NaN, atteint: false });

/** Writes what an indicator earned into `out` (no allocation: ACI.MSP_POINTS runs this in every MSP row). */
function earned(out: Earned, fixes: number, variables = 0, patientele = true, atteint = fixes + variables > 0): Earned {
  out.fixes = fixes;
  out.variables = variables;
  out.variablesPatientele = patientele ? variables : 0;
  out.atteint = atteint;
  return out;
}
/** Not met: no points, and a prerequisite missing (its step is recorded by the caller, only when tracing). */
const notMet = (out: Earned): Earned => earned(out, 0, 0, true, false);

/** What an indicator gives when its gate field is 0: nothing, not met. */
export const nothingEarned = notMet;
const fixed = (type: IndicatorType) => () => type;

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

export function coordinationVariables(p: NonNullable<YearRules["coordination"]>["value"], patientele: number, reference: number): number {
  return (p.variables * Math.min(patientele, p.seuil)) / reference + (p.variablesAuDela * Math.max(patientele - p.seuil, 0)) / reference;
}

/** Two decimals of a percent, truncated, as the CNAM computes the share of files reviewed (30 of 650 → 4,61 %). */
export const truncatedRate = (part: number, whole: number): number => Math.floor((part / whole) * 10_000 + 1e-9) / 10_000;

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: "horaires",
    explainsGate: true,
    gate: "snp",
    axe: "Accès aux soins",
    label: "Horaires d'ouverture et soins non programmés",
    param: (r) => r.horaires,
    type: fixed("prérequis"),
    compute: (r, { v }, trace, out) => {
      const h = r.horaires!.value;
      const av1 = r.horairesAvenant1?.value;
      if (av1?.fermetureLongue && v.fermeture_longue) {
        trace?.push({ kind: "not-met", reason: "fermeture_longue" });
        return notMet(out);
      }
      if (!v.snp) {
        trace?.push({ kind: "not-met", reason: "snp" });
        return notMet(out);
      }
      const pdsa = av1?.derogationPdsa === true && v.derogation_pdsa === 1;
      if (pdsa) trace?.push({ kind: "pdsa" });
      else if (v.amplitude_h < h.amplitudeMinimale) {
        trace?.push({ kind: "amplitude-min", amplitude: v.amplitude_h, min: h.amplitudeMinimale });
        return notMet(out);
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
      return earned(out, Math.max(0, h.points - minoration), 0, true, true);
    },
    atFull: (v, r) => {
      v.snp = 1;
      v.amplitude_h = r.horaires!.value.amplitudeSansMinoration;
      v.samedi_matin = 1;
      v.fermeture_conges = 0;
      v.fermeture_longue = 0;
    },
  },
  {
    code: "crise",
    explainsGate: true,
    gate: "crise_plan",
    axe: "Accès aux soins",
    label: "Réponse aux crises sanitaires graves",
    param: (r) => r.crise,
    type: (r) => r.criseStatut!.value.type,
    compute: (r, { v, ratio, annee }, trace, out) => {
      const p = r.crise!.value;
      if (!v.crise_plan) {
        trace?.push(v.crise_survenue ? { kind: "crise-sans-plan" } : { kind: "not-met", reason: "crise_plan" });
        return notMet(out);
      }
      const payable = r.criseStatut!.value.survenuePayable;
      const variables = v.crise_survenue && payable ? p.survenueVariables * ratio : 0;
      if (!variables) trace?.push({ kind: "crise-variable", payable, annee, survenue: v.crise_survenue === 1 });
      return earned(out, p.planFixes, variables);
    },
    atFull: (v) => {
      v.crise_plan = 1;
      v.crise_survenue = 0;
    },
  },
  {
    code: "diversite",
    gate: "diversite",
    axe: "Accès aux soins",
    label: "Diversité de l'offre de soins",
    param: (r) => r.diversite,
    type: fixed("optionnel"),
    compute: (r, { v }, trace, out) => {
      if (v.diversite) trace?.push({ kind: "level", level: v.diversite, cumulative: false });
      return earned(out, r.diversite!.value * v.diversite);
    },
  },
  {
    code: "second_recours",
    gate: "second_recours",
    axe: "Accès aux soins",
    label: "Consultations de second recours",
    param: (r) => r.secondRecours,
    type: fixed("optionnel"),
    compute: (r, { v }, trace, out) => {
      if (v.second_recours) trace?.push({ kind: "level", level: v.second_recours, cumulative: false });
      return earned(out, r.secondRecours!.value * v.second_recours);
    },
  },
  {
    code: "cstm",
    gate: "cstm",
    axe: "Accès aux soins",
    label: "Accueil de médecins CSTM",
    param: (r) => r.cstm,
    type: fixed("optionnel"),
    compute: (r, { v }, _trace, out) => earned(out, r.cstm!.value * v.cstm),
  },
  {
    code: "missions_sp",
    gate: "missions_sp",
    axe: "Accès aux soins",
    label: "Missions de santé publique",
    param: (r) => r.missionsSp,
    type: fixed("optionnel"),
    compute: (r, { v, ratio, ipa }, trace, out) => {
      const p = r.missionsSp!.value;
      const n = capped("missions_sp", v.missions_sp, p.max, trace);
      // the IPA bonus is fixed: not prorated to the patientèle (CNAM guide, p. 15)
      const bonus = ipa && n === p.max ? p.ipaFixes : 0;
      if (bonus) trace?.push({ kind: "ipa", points: bonus, variable: false, missions: p.max });
      return earned(out, bonus, p.variables * n * ratio);
    },
  },
  {
    code: "satisfaction",
    gate: "satisfaction",
    axe: "Accès aux soins",
    label: "Satisfaction des patients",
    param: (r) => r.satisfaction,
    type: fixed("optionnel"),
    compute: (r, { v }, _trace, out) => earned(out, r.satisfaction!.value * v.satisfaction),
  },
  {
    code: "usagers",
    gate: "usagers",
    axe: "Accès aux soins",
    label: "Implication des usagers",
    param: (r) => r.usagers,
    type: fixed("optionnel"),
    compute: (r, { v, ratio }, trace, out) => {
      const p = r.usagers!.value;
      if (v.usagers) trace?.push({ kind: "level", level: v.usagers, cumulative: true });
      return earned(out, v.usagers >= 1 ? p.niveau1Fixes : 0, v.usagers >= 2 ? p.niveau2Variables * ratio : 0);
    },
  },
  {
    code: "sas",
    gate: "sas",
    axe: "Accès aux soins",
    label: "Soins non programmés : participation au SAS",
    param: (r) => r.sas,
    type: fixed("optionnel"),
    compute: (r, { v }, trace, out) => {
      const p = r.sas!.value;
      if (v.sas) trace?.push({ kind: "level", level: v.sas, cumulative: false });
      return earned(out, v.sas === 2 ? p.niveau2Fixes : v.sas === 1 ? p.niveau1Fixes : 0);
    },
  },
  {
    code: "coordination",
    explainsGate: true,
    gate: "coordination",
    axe: "Travail en équipe et coordination",
    label: "Fonction de coordination",
    param: (r) => r.coordination,
    type: fixed("prérequis"),
    compute: (r, { v }, trace, out) => {
      if (!v.coordination) {
        trace?.push({ kind: "not-met", reason: "coordination" });
        return notMet(out);
      }
      const p = r.coordination!.value;
      const reference = r.patienteleReference!.value;
      if (v.patientele > p.seuil) trace?.push({ kind: "seuil", seuil: p.seuil, auDela: p.variablesAuDela, reference });
      return earned(out, p.fixes, coordinationVariables(p, v.patientele, reference), true, true);
    },
    atFull: (v) => {
      v.coordination = 1;
    },
  },
  {
    code: "protocoles",
    explainsGate: true,
    gate: "protocoles",
    axe: "Travail en équipe et coordination",
    label: "Protocoles pluriprofessionnels",
    param: (r) => r.protocoles,
    type: fixed("socle"),
    compute: (r, { v, ipa }, trace, out) => {
      const p = r.protocoles!.value;
      const n = capped("protocoles", v.protocoles, p.max, trace);
      const bonus = ipa ? p.ipaParProtocole : 0;
      if (bonus) trace?.push({ kind: "ipa", points: bonus, per: "protocole", variable: false });
      return earned(out, n * (p.parProtocole + bonus));
    },
    atFull: (v, r) => {
      v.protocoles = r.protocoles!.value.max;
    },
  },
  {
    code: "concertation",
    explainsGate: true,
    gate: "reunions",
    axe: "Travail en équipe et coordination",
    label: "Concertation pluriprofessionnelle",
    param: (r) => r.concertation,
    type: fixed("socle"),
    compute: (r, { v, ratio, ipa, prorataAdhesion, adhesionDate, annee }, trace, out) => {
      const p = r.concertation!.value;
      // in the signing year the 6-meeting minimum and the points run from the signature (CNAM guide)
      const min = prorataAdhesion < 1 ? Math.ceil(p.reunionsMin * prorataAdhesion - 1e-9) : p.reunionsMin;
      if (v.reunions < min) {
        trace?.push({ kind: "reunions-min", reunions: v.reunions, min, prorated: prorataAdhesion < 1 });
        return notMet(out);
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
      return earned(out, 0, (p.variables + bonus) * ratio * atteinte * prorataAdhesion);
    },
    atFull: (v, r) => {
      v.reunions = Math.max(v.reunions, r.concertation!.value.reunionsMin);
      // every file reviewed (a base of one patient when it is blank: the rate is 100 % all the same)
      v.patients_ald75 = Math.max(v.patients_ald75, 1);
      v.dossiers = v.patients_ald75;
    },
  },
  {
    code: "formation",
    gate: "formation",
    axe: "Travail en équipe et coordination",
    label: "Formation des jeunes professionnels",
    param: (r) => r.formation,
    type: fixed("optionnel"),
    compute: (r, { v }, trace, out) => {
      const p = r.formation!.value;
      if (!v.formation) return earned(out, 0);
      const extra = Math.min(Math.max(v.stages - p.stagesInclus, 0), p.stagesMax - p.stagesInclus);
      if (extra > 0) trace?.push({ kind: "stages", extra, each: p.parStageSupplementaire, included: p.stagesInclus });
      return earned(out, p.fixes + extra * p.parStageSupplementaire);
    },
  },
  {
    code: "coord_externe",
    gate: "coord_externe",
    axe: "Travail en équipe et coordination",
    label: "Coordination externe",
    param: (r) => r.coordExterne,
    type: fixed("optionnel"),
    compute: (r, { v, ratio }, _trace, out) => earned(out, 0, r.coordExterne!.value * v.coord_externe * ratio),
  },
  {
    code: "qualite",
    gate: "qualite",
    axe: "Travail en équipe et coordination",
    label: "Démarche qualité",
    param: (r) => r.qualite,
    type: fixed("optionnel"),
    compute: (r, { v, ratio }, trace, out) => {
      const p = r.qualite!.value;
      if (v.qualite) trace?.push({ kind: "level", level: v.qualite, cumulative: true });
      const variables = (v.qualite >= 2 ? p.niveau2Variables : 0) + (v.qualite >= 3 ? p.niveau3Variables : 0);
      return earned(out, v.qualite >= 1 ? p.niveau1Fixes : 0, variables * ratio);
    },
  },
  {
    code: "cooperation",
    gate: "cooperation",
    axe: "Travail en équipe et coordination",
    label: "Protocoles nationaux de coopération",
    param: (r) => r.cooperation,
    type: fixed("optionnel"),
    compute: (r, { v }, trace, out) => {
      const p = r.cooperation!.value;
      return earned(out, capped("cooperation", v.cooperation, p.max, trace) * p.parProtocole);
    },
  },
  {
    code: "parcours_ic",
    gate: "parcours_ic",
    axe: "Travail en équipe et coordination",
    label: "Parcours insuffisance cardiaque",
    param: (r) => r.parcoursIc,
    type: fixed("optionnel"),
    compute: (r, { v, ratio }, _trace, out) => earned(out, 0, r.parcoursIc!.value * v.parcours_ic * ratio),
  },
  {
    code: "parcours_obesite",
    gate: "parcours_obesite",
    axe: "Travail en équipe et coordination",
    label: "Parcours surpoids et obésité de l'enfant",
    param: (r) => r.parcoursObesite,
    type: fixed("optionnel"),
    compute: (r, { v }, trace, out) => {
      const p = r.parcoursObesite!.value;
      if (!v.parcours_obesite) return earned(out, 0);
      // a single public-health mission counts only on this theme; two or more, whatever their themes (CNAM guide)
      if (v.missions_sp >= p.missionsSansTheme || (v.missions_sp === 1 && v.mission_sp_obesite === 1)) return earned(out, p.fixes);
      trace?.push({ kind: "obesite-theme", missions: v.missions_sp, required: p.missionsSansTheme });
      return earned(out, 0);
    },
  },
  {
    code: "si_standard",
    explainsGate: true,
    gate: "si_standard",
    axe: "Système d'information",
    label: "Système d'information labellisé, niveau standard",
    param: (r) => r.siStandard,
    type: fixed("prérequis"),
    compute: (r, { v, siDate, annee }, trace, out) => {
      if (!v.si_standard) {
        trace?.push({ kind: "not-met", reason: "si_standard" });
        return notMet(out);
      }
      const p = r.siStandard!.value;
      trace?.push({ kind: "ps", n: v.nb_ps });
      if (siDate && yearOf(siDate) > annee) {
        trace?.push({ kind: "si-after-year", date: siDate, annee });
        return notMet(out);
      }
      const prorata = prorataFrom(siDate, annee, "si_date", trace);
      const variables = p.parPs * Math.min(v.nb_ps, p.seuilPs) + p.parPsAuDela * Math.max(v.nb_ps - p.seuilPs, 0);
      return earned(out, p.fixes * prorata, variables * prorata, false, true);
    },
    atFull: (v) => {
      v.si_standard = 1;
    },
  },
  {
    code: "si_avance",
    gate: "si_avance",
    axe: "Système d'information",
    label: "Système d'information, niveau avancé",
    param: (r) => r.siAvance,
    type: fixed("optionnel"),
    compute: (r, { v, siAvanceDate, annee }, trace, out) => {
      if (!v.si_avance) return earned(out, 0);
      return earned(out, r.siAvance!.value * prorataFrom(siAvanceDate, annee, "si_avance_date", trace));
    },
  },
];

/** A context record, every field present (one shape for every evaluation: the rules read it in every cell). */
export const newContext = (v: Values): Context => ({
  v,
  annee: 0,
  ratio: 0,
  ipa: false,
  siDate: undefined,
  siAvanceDate: undefined,
  adhesionDate: undefined,
  prorataAdhesion: 1,
});

/** The context of one evaluation, written into `into` (the evaluation's own record, reused from cell to cell). */
export function contextOf(
  into: Context,
  siDate: string | undefined,
  siAvanceDate: string | undefined,
  values: Values,
  annee: number,
  rules: YearRules,
  adhesionDate: string | undefined,
): Context {
  const prorataAdhesion = adhesionDate && yearOf(adhesionDate) === annee ? daysToYearEnd(adhesionDate) / daysInYear(annee) : 1;
  into.v = values;
  into.annee = annee;
  into.ratio = values.patientele / rules.patienteleReference!.value;
  into.ipa = values.ipa === 1;
  into.siDate = siDate;
  into.siAvanceDate = siAvanceDate;
  into.adhesionDate = prorataAdhesion < 1 ? adhesionDate : undefined;
  into.prorataAdhesion = prorataAdhesion;
  return into;
}
