/**
 * ACI MSP remuneration for one structure and one year: indicator points,
 * prerequisites (with the new-structure derogation), précarité majoration,
 * euros, new-structure minimum, avance and solde.
 */
import { daysInYear, daysToYearEnd, frenchDate, todayParisIso, yearOf } from "../dates";
import { fail } from "../errors";
import { frNumber, frPercent } from "../format";
import { roundCents } from "../money";
import { entryAt, type Confidence } from "../params";
import { FIELD_LABELS, type FieldCode, type MspInput } from "./fields";
import { DEROGATION, FIRST_MSP_YEAR, MSP_VERSIONS, type MspRules, type Param } from "./params";

export { readMspFields, FIELD_CODES, FIELD_LABELS, fieldCode, type FieldCode, type MspInput } from "./fields";

export type Axe = "Accès aux soins" | "Travail en équipe et coordination" | "Système d'information";
export type IndicatorType = "prérequis" | "socle" | "optionnel";

interface Earned {
  fixes: number;
  variables: number;
  /** Variable points that scale with the patientèle (the base of the précarité majoration). */
  variablesPatientele: number;
  /** False when the indicator is not met (matters for the prerequisites). */
  atteint: boolean;
  remarques: string[];
}

interface Context {
  v: MspInput["values"];
  input: MspInput;
  annee: number;
  /** Patientèle as a multiple of the 4 000 reference patients. */
  ratio: number;
  ipa: boolean;
}

interface IndicatorDefinition {
  code: string;
  axe: Axe;
  label: string;
  type: IndicatorType;
  param: (rules: MspRules) => Param<unknown> | undefined;
  compute: (rules: MspRules, c: Context) => Earned;
  /** Points counted in the avance, at 100 % achievement (prerequisites and socle only). */
  avance?: (rules: MspRules, c: Context) => number;
}

const earned = (fixes: number, variables = 0, patientele = true, remarques: string[] = [], atteint = fixes + variables > 0): Earned => ({
  fixes,
  variables,
  variablesPatientele: patientele ? variables : 0,
  atteint,
  remarques,
});
const notMet = (remarque: string): Earned => earned(0, 0, true, [remarque], false);
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;
/**
 * Remarks are only read by ACI.MSP_DETAIL; POINTS, EUROS and the regional
 * sheets compute without them, and formatting French numbers was the largest
 * cost of an evaluation. Set for the duration of one synchronous computeMsp call.
 */
let explaining = true;
const fmt = (n: number) => (explaining ? frNumber(n) : "");
const pct = (rate: number) => (explaining ? frPercent(rate) : "");

function coordinationVariables(p: MspRules["coordination"]["value"], patientele: number, reference: number): number {
  return (p.variables * Math.min(patientele, p.seuil)) / reference + (p.variablesAuDela * Math.max(patientele - p.seuil, 0)) / reference;
}

function siPoints(p: MspRules["siStandard"]["value"], nbPs: number): { fixes: number; variables: number } {
  return { fixes: p.fixes, variables: p.parPs * Math.min(nbPs, p.seuilPs) + p.parPsAuDela * Math.max(nbPs - p.seuilPs, 0) };
}

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    code: "horaires",
    axe: "Accès aux soins",
    label: "Horaires d'ouverture et soins non programmés",
    type: "prérequis",
    param: (r) => r.horaires,
    compute: (rules, { v }) => {
      const h = rules.horaires.value;
      if (!v.snp) return notMet("organisation des soins non programmés absente (snp = 0) : indicateur non atteint");
      if (v.amplitude_h < h.amplitudeMinimale)
        return notMet(`amplitude de ${fmt(v.amplitude_h)} h, moins de ${h.amplitudeMinimale} h par jour : indicateur non atteint`);
      const minorations: [string, number][] = [];
      if (v.amplitude_h < h.amplitudeMoyenne) minorations.push([`amplitude de ${h.amplitudeMinimale} à ${h.amplitudeMoyenne} h`, h.minorationAmplitudeFaible]);
      else if (v.amplitude_h < h.amplitudeSansMinoration)
        minorations.push([`amplitude de ${h.amplitudeMoyenne} à ${h.amplitudeSansMinoration} h`, h.minorationAmplitudeMoyenne]);
      if (!v.samedi_matin) minorations.push(["fermeture le samedi matin", h.minorationSamediFerme]);
      if (v.fermeture_conges) minorations.push(["fermeture pendant les congés scolaires", h.minorationConges]);
      const total = minorations.reduce((s, [, m]) => s + m, 0);
      const remarques = minorations.length ? [`minorations cumulées (lecture de RULES.md) : ${minorations.map(([w, m]) => `${w} −${m}`).join(", ")}`] : [];
      return earned(Math.max(0, h.points - total), 0, true, remarques, true);
    },
    avance: (rules) => rules.horaires.value.points,
  },
  {
    code: "crise",
    axe: "Accès aux soins",
    label: "Réponse aux crises sanitaires graves",
    type: "socle",
    param: (r) => r.crise,
    compute: (rules, { v, ratio }) => {
      const p = rules.crise!.value;
      if (!v.crise_plan)
        return notMet(v.crise_survenue ? "crise survenue sans plan de préparation : rien n'est versé" : "pas de plan de préparation (crise_plan = 0)");
      const variables = v.crise_survenue ? p.survenueVariables * ratio : 0;
      return earned(p.planFixes, variables, true, v.crise_survenue ? [] : ["volet variable versé seulement en cas de crise sanitaire grave (crise_survenue)"]);
    },
    avance: (rules) => rules.crise!.value.planFixes,
  },
  {
    code: "diversite",
    axe: "Accès aux soins",
    label: "Diversité de l'offre de soins",
    type: "optionnel",
    param: (r) => r.diversite,
    compute: (rules, { v }) => earned(rules.diversite.value * v.diversite, 0, true, v.diversite ? [`niveau ${v.diversite}`] : []),
  },
  {
    code: "second_recours",
    axe: "Accès aux soins",
    label: "Consultations de second recours",
    type: "optionnel",
    param: (r) => r.secondRecours,
    compute: (rules, { v }) => earned(rules.secondRecours.value * v.second_recours, 0, true, v.second_recours ? [`niveau ${v.second_recours}`] : []),
  },
  {
    code: "cstm",
    axe: "Accès aux soins",
    label: "Accueil de médecins CSTM",
    type: "optionnel",
    param: (r) => r.cstm,
    compute: (rules, { v }) => earned(rules.cstm.value * v.cstm),
  },
  {
    code: "missions_sp",
    axe: "Accès aux soins",
    label: "Missions de santé publique",
    type: "optionnel",
    param: (r) => r.missionsSp,
    compute: (rules, { v, ratio, ipa }) => {
      const p = rules.missionsSp.value;
      const n = Math.min(v.missions_sp, p.max);
      const remarques = v.missions_sp > p.max ? [`${v.missions_sp} missions déclarées, ${p.max} rémunérées au plus`] : [];
      const bonus = ipa && n === p.max ? p.ipaFixes : 0;
      if (bonus) remarques.push(`+${bonus} points avec une IPA et ${p.max} missions`);
      return earned(bonus, p.variables * n * ratio, true, remarques);
    },
  },
  {
    code: "satisfaction",
    axe: "Accès aux soins",
    label: "Satisfaction des patients",
    type: "optionnel",
    param: (r) => r.satisfaction,
    compute: (rules, { v }) => earned(rules.satisfaction!.value * v.satisfaction),
  },
  {
    code: "usagers",
    axe: "Accès aux soins",
    label: "Implication des usagers",
    type: "optionnel",
    param: (r) => r.usagers,
    compute: (rules, { v, ratio }) => {
      const p = rules.usagers!.value;
      return earned(
        v.usagers >= 1 ? p.niveau1Fixes : 0,
        v.usagers >= 2 ? p.niveau2Variables * ratio : 0,
        true,
        v.usagers ? [`niveau ${v.usagers} (niveaux cumulés)`] : [],
      );
    },
  },
  {
    code: "sas",
    axe: "Accès aux soins",
    label: "Soins non programmés : participation au SAS",
    type: "optionnel",
    param: (r) => r.sas,
    compute: (rules, { v }) => {
      const p = rules.sas!.value;
      return earned(v.sas === 2 ? p.niveau2Fixes : v.sas === 1 ? p.niveau1Fixes : 0, 0, true, v.sas ? [`niveau ${v.sas}`] : []);
    },
  },
  {
    code: "coordination",
    axe: "Travail en équipe et coordination",
    label: "Fonction de coordination",
    type: "prérequis",
    param: (r) => r.coordination,
    compute: (rules, { v }) => {
      if (!v.coordination) return notMet("fonction de coordination absente (coordination = 0) : indicateur non atteint");
      const p = rules.coordination.value;
      const remarques = v.patientele > p.seuil ? [`au-delà de ${fmt(p.seuil)} patients : ${p.variablesAuDela} points par tranche de 4 000`] : [];
      return earned(p.fixes, coordinationVariables(p, v.patientele, rules.patienteleReference.value), true, remarques, true);
    },
    avance: (rules, { v }) => rules.coordination.value.fixes + coordinationVariables(rules.coordination.value, v.patientele, rules.patienteleReference.value),
  },
  {
    code: "protocoles",
    axe: "Travail en équipe et coordination",
    label: "Protocoles pluriprofessionnels",
    type: "socle",
    param: (r) => r.protocoles,
    compute: (rules, { v, ipa }) => {
      const p = rules.protocoles.value;
      const n = Math.min(v.protocoles, p.max);
      const remarques = v.protocoles > p.max ? [`${v.protocoles} protocoles déclarés, ${p.max} rémunérés au plus`] : [];
      const perProtocol = p.parProtocole + (ipa ? p.ipaParProtocole : 0);
      if (ipa && p.ipaParProtocole) remarques.push(`+${p.ipaParProtocole} points par protocole avec une IPA`);
      return earned(n * perProtocol, 0, true, remarques);
    },
    avance: (rules, { ipa }) => rules.protocoles.value.max * (rules.protocoles.value.parProtocole + (ipa ? rules.protocoles.value.ipaParProtocole : 0)),
  },
  {
    code: "concertation",
    axe: "Travail en équipe et coordination",
    label: "Concertation pluriprofessionnelle",
    type: "socle",
    param: (r) => r.concertation,
    compute: (rules, { v, ratio, ipa }) => {
      const p = rules.concertation.value;
      if (v.reunions < p.reunionsMin) return notMet(`${plural(v.reunions, "réunion")} dans l'année, il en faut au moins ${p.reunionsMin}`);
      const objectif = p.tauxDossiers * v.patients_ald75;
      const taux = objectif > 0 ? Math.min(1, v.dossiers / objectif) : v.dossiers > 0 ? 1 : 0;
      const base = p.variables + (ipa ? p.ipaVariables : 0);
      const remarques = [
        objectif > 0
          ? `${plural(v.dossiers, "dossier")} revus pour un objectif de ${fmt(objectif)} (5 % de ${fmt(v.patients_ald75)} patients en ALD ou de plus de 75 ans) : ${pct(taux)}`
          : "patients_ald75 non renseigné : objectif de dossiers considéré atteint dès un dossier revu",
      ];
      if (ipa && p.ipaVariables) remarques.push(`+${p.ipaVariables} points variables avec une IPA`);
      return earned(0, base * ratio * taux, true, remarques);
    },
    avance: (rules, { ratio, ipa }) => (rules.concertation.value.variables + (ipa ? rules.concertation.value.ipaVariables : 0)) * ratio,
  },
  {
    code: "formation",
    axe: "Travail en équipe et coordination",
    label: "Formation des jeunes professionnels",
    type: "optionnel",
    param: (r) => r.formation,
    compute: (rules, { v }) => {
      const p = rules.formation.value;
      if (!v.formation) return earned(0);
      const extra = Math.min(Math.max(v.stages - p.stagesInclus, 0), p.stagesMax - p.stagesInclus);
      const remarques = extra > 0 ? [`${plural(extra, "stagiaire")} au-delà du ${p.stagesInclus}e : +${p.parStageSupplementaire} points chacun`] : [];
      return earned(p.fixes + extra * p.parStageSupplementaire, 0, true, remarques);
    },
  },
  {
    code: "coord_externe",
    axe: "Travail en équipe et coordination",
    label: "Coordination externe",
    type: "optionnel",
    param: (r) => r.coordExterne,
    compute: (rules, { v, ratio }) => earned(0, rules.coordExterne.value * v.coord_externe * ratio),
  },
  {
    code: "qualite",
    axe: "Travail en équipe et coordination",
    label: "Démarche qualité",
    type: "optionnel",
    param: (r) => r.qualite,
    compute: (rules, { v, ratio }) => {
      const p = rules.qualite!.value;
      const variables = (v.qualite >= 2 ? p.niveau2Variables : 0) + (v.qualite >= 3 ? p.niveau3Variables : 0);
      return earned(v.qualite >= 1 ? p.niveau1Fixes : 0, variables * ratio, true, v.qualite ? [`niveau ${v.qualite} (niveaux cumulés)`] : []);
    },
  },
  {
    code: "cooperation",
    axe: "Travail en équipe et coordination",
    label: "Protocoles nationaux de coopération",
    type: "optionnel",
    param: (r) => r.cooperation,
    compute: (rules, { v }) => {
      const p = rules.cooperation!.value;
      const n = Math.min(v.cooperation, p.max);
      return earned(n * p.parProtocole, 0, true, v.cooperation > p.max ? [`${v.cooperation} protocoles déclarés, ${p.max} rémunérés au plus`] : []);
    },
  },
  {
    code: "parcours_ic",
    axe: "Travail en équipe et coordination",
    label: "Parcours insuffisance cardiaque",
    type: "optionnel",
    param: (r) => r.parcoursIc,
    compute: (rules, { v, ratio }) => earned(0, rules.parcoursIc!.value * v.parcours_ic * ratio),
  },
  {
    code: "parcours_obesite",
    axe: "Travail en équipe et coordination",
    label: "Parcours surpoids et obésité de l'enfant",
    type: "optionnel",
    param: (r) => r.parcoursObesite,
    compute: (rules, { v }) => earned(rules.parcoursObesite!.value * v.parcours_obesite),
  },
  {
    code: "si_standard",
    axe: "Système d'information",
    label: "Système d'information labellisé, niveau standard",
    type: "prérequis",
    param: (r) => r.siStandard,
    compute: (rules, { v, input, annee }) => {
      if (!v.si_standard) return notMet("logiciel labellisé absent (si_standard = 0) : indicateur non atteint");
      const { fixes, variables } = siPoints(rules.siStandard.value, v.nb_ps);
      const remarques = [`${plural(v.nb_ps, "professionnel")} de santé associé${v.nb_ps > 1 ? "s" : ""}`];
      let prorata = 1;
      if (input.siDate) {
        const year = yearOf(input.siDate);
        if (year > annee) return notMet(`logiciel acquis le ${frenchDate(input.siDate)}, après l'année ${annee}`);
        if (year === annee) {
          const days = daysToYearEnd(input.siDate);
          prorata = days / daysInYear(annee);
          remarques.push(`prorata temporis depuis le ${frenchDate(input.siDate)} : ${days} jours sur ${daysInYear(annee)}`);
        }
      }
      return earned(fixes * prorata, variables * prorata, false, remarques, true);
    },
    avance: (rules, { v }) => {
      const { fixes, variables } = siPoints(rules.siStandard.value, v.nb_ps);
      return fixes + variables;
    },
  },
  {
    code: "si_avance",
    axe: "Système d'information",
    label: "Système d'information, niveau avancé",
    type: "optionnel",
    param: (r) => r.siAvance,
    compute: (rules, { v }) => earned(rules.siAvance.value * v.si_avance),
  },
];

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
  confidence: Confidence | "none";
  remarque: string;
}

export interface MspResult {
  version: MspRules["version"];
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
}

/** Fields created by avenant 1: given for an ACI 2017 year, they are ignored and the detail says so. */
const AVENANT_1_FIELDS: readonly FieldCode[] = [
  "ipa",
  "crise_plan",
  "crise_survenue",
  "sas",
  "usagers",
  "qualite",
  "cooperation",
  "parcours_ic",
  "parcours_obesite",
  "stages",
];

/** Year the contract was signed: from date_adhesion, else annee_adhesion; both must agree. */
function contractYear(input: MspInput): number | undefined {
  const fromDate = input.adhesionDate ? yearOf(input.adhesionDate) : undefined;
  const fromYear = input.given.has("annee_adhesion") && input.values.annee_adhesion > 0 ? input.values.annee_adhesion : undefined;
  if (fromDate !== undefined && fromYear !== undefined && fromDate !== fromYear) {
    fail("date_adhesion", `signature le ${frenchDate(input.adhesionDate!)}, mais annee_adhesion vaut ${fromYear}`);
  }
  return fromDate ?? fromYear;
}

export function mspRulesFor(annee: number): MspRules {
  if (annee < FIRST_MSP_YEAR) fail("annee", `l'ACI MSP s'applique aux rémunérations depuis ${FIRST_MSP_YEAR} ; année reçue ${annee}`);
  return entryAt(MSP_VERSIONS, `${annee}-01-01`)!.value;
}

function checkRates(input: MspInput): void {
  for (const [own, national] of [
    ["taux_css", "taux_css_national"],
    ["taux_ame", "taux_ame_national"],
  ] as const) {
    if (input.given.has(own) && input.values[own] > 0 && !input.given.has(national)) {
      fail(national, `requis avec ${own} : le taux national de l'année (${FIELD_LABELS[national]}) change chaque année et n'a pas de valeur par défaut`);
    }
  }
}

/** `explain`: also write the remarks (minorations, prorata, readings) that the detail shows. */
export function computeMsp(input: MspInput, explain = true): MspResult {
  explaining = explain;
  try {
    return compute(input);
  } finally {
    explaining = true;
  }
}

function compute(input: MspInput): MspResult {
  const v = input.values;
  const annee = input.given.has("annee") ? v.annee : yearOf(todayParisIso());
  const rules = mspRulesFor(annee);
  checkRates(input);
  const adhesionYear = contractYear(input);
  if (adhesionYear !== undefined && adhesionYear > annee) {
    const field = input.adhesionDate ? "date_adhesion" : "annee_adhesion";
    fail(field, `année de signature ${adhesionYear} postérieure à l'année de rémunération ${annee}`);
  }
  // In the year the contract is signed, the avance (and the new-structure minimum, set for a full year) run from the signature.
  const prorata = input.adhesionDate && adhesionYear === annee ? daysToYearEnd(input.adhesionDate) / daysInYear(annee) : 1;
  const prorataNote =
    prorata < 1
      ? `, proratisée depuis la signature du ${frenchDate(input.adhesionDate!)} (${daysToYearEnd(input.adhesionDate!)} jours sur ${daysInYear(annee)})`
      : "";
  const reference = rules.patienteleReference.value;
  const ctx: Context = { v, input, annee, ratio: v.patientele / reference, ipa: rules.version === "avenant 1" && v.ipa === 1 };

  const raw = INDICATORS.map((def) => {
    const param = def.param(rules);
    return { def, param, result: param ? def.compute(rules, ctx) : undefined };
  });
  const prerequis = raw.filter((r) => r.def.type === "prérequis");
  const prerequisManquants = prerequis.filter((r) => !r.result?.atteint).map((r) => r.def.label);
  const derogation = adhesionYear !== undefined && annee - adhesionYear < DEROGATION.value;
  const requis = derogation ? prerequis.length - 1 : prerequis.length;
  const declenche = prerequis.length - prerequisManquants.length >= requis;
  const valeurPoint = rules.valeurPoint.value;

  const ignoredFields = rules.version === "ACI 2017" ? AVENANT_1_FIELDS.filter((f) => input.given.has(f) && v[f as keyof typeof v]) : [];

  const indicateurs: IndicatorResult[] = raw.map(({ def, param, result }) => {
    if (!param || !result) {
      const why =
        def.code === "satisfaction" ? "remplacé par l'implication des usagers (avenant 1)" : "indicateur créé par l'avenant 1 (années 2022 et suivantes)";
      return {
        code: def.code,
        axe: def.axe,
        label: def.label,
        type: def.type,
        applicable: false,
        fixes: 0,
        variables: 0,
        points: 0,
        euros: 0,
        source: "",
        confidence: "none",
        remarque: why,
      };
    }
    const remarques = [...result.remarques];
    let fixes = result.fixes;
    let variables = result.variables;
    if (!declenche && fixes + variables > 0) {
      remarques.unshift(`non versé (${fmt(fixes + variables)} points calculés) : prérequis manquant(s)`);
      fixes = 0;
      variables = 0;
    }
    if (param.confidence === "to-confirm") remarques.push("valeur à confirmer (source non officielle)");
    const points = roundCents(fixes + variables);
    return {
      code: def.code,
      axe: def.axe,
      label: def.label,
      type: def.type,
      applicable: true,
      fixes: roundCents(fixes),
      variables: roundCents(variables),
      points,
      euros: roundCents(points * valeurPoint),
      source: param.ref,
      confidence: param.confidence,
      remarque: remarques.join(" ; "),
    };
  });

  // Précarité: the sum of the CSS and AME gaps to the national rates, capped, on the patientèle-based variable points.
  const ecart = v.taux_css - v.taux_css_national + (v.taux_ame - v.taux_ame_national);
  const tauxPrecarite = Math.min(rules.precariteMax.value, Math.max(0, ecart));
  const basePrecarite = declenche ? raw.reduce((s, r) => s + (r.result?.variablesPatientele ?? 0), 0) : 0;
  const pointsPrecarite = roundCents(basePrecarite * tauxPrecarite);
  const precarite = {
    taux: tauxPrecarite,
    base: roundCents(basePrecarite),
    points: pointsPrecarite,
    euros: roundCents(pointsPrecarite * valeurPoint),
    source: `${rules.precariteMax.ref} ; formule : ameli (écarts CSS et AME au national additionnés), appliquée aux points variables liés à la patientèle (RULES.md)`,
    remarque:
      ecart > rules.precariteMax.value
        ? `écart de ${pct(ecart)} plafonné à ${pct(rules.precariteMax.value)}`
        : `taux ${pct(tauxPrecarite)} sur ${fmt(roundCents(basePrecarite))} points variables liés à la patientèle`,
  };

  const fixesTotal = roundCents(indicateurs.reduce((s, i) => s + i.fixes, 0));
  const variablesTotal = roundCents(indicateurs.reduce((s, i) => s + i.variables, 0) + pointsPrecarite);
  const points = roundCents(fixesTotal + variablesTotal);
  const eurosPoints = roundCents(indicateurs.reduce((s, i) => s + i.euros, 0) + precarite.euros);

  const minimum = roundCents(rules.minimumNouvelleStructure.value * prorata);
  const complement = derogation && declenche ? roundCents(Math.max(0, minimum - eurosPoints)) : 0;
  const complementMinimum = {
    euros: complement,
    source: rules.minimumNouvelleStructure.ref,
    remarque: derogation
      ? declenche
        ? complement > 0
          ? `nouvelle structure (deux premières années civiles) : rémunération portée à ${fmt(minimum)} €${prorata < 1 ? ` (${fmt(rules.minimumNouvelleStructure.value)} € pour une année pleine${prorataNote})` : " pour une année pleine"}`
          : `nouvelle structure : minimum de ${fmt(minimum)} € déjà atteint`
        : "nouvelle structure, mais moins de 2 prérequis sur 3 : pas de minimum"
      : "sans objet (structure adhérente depuis plus de deux années civiles, ou annee_adhesion / date_adhesion non renseignée)",
  };
  const euros = roundCents(eurosPoints + complement);

  const avancePoints = roundCents(raw.reduce((s, r) => s + (r.param && r.def.avance ? r.def.avance(rules, ctx) : 0), 0));
  const avanceTaux = rules.avanceTaux.value;
  let avanceEuros = roundCents(avanceTaux * avancePoints * valeurPoint * prorata);
  let avanceRemarque = `${pct(avanceTaux)} des points des indicateurs prérequis et socle atteints à 100 % (${fmt(avancePoints)} points)${prorataNote || ", année pleine"}`;
  if (derogation && avanceEuros < avanceTaux * minimum) {
    avanceEuros = roundCents(avanceTaux * minimum);
    avanceRemarque = `nouvelle structure : avance minimale de ${fmt(avanceEuros)} € (${pct(avanceTaux)} du minimum de ${fmt(minimum)} €${prorataNote})`;
  }
  const solde = roundCents(euros - avanceEuros);

  const remarques: string[] = [];
  if (!declenche) {
    remarques.push(
      `prérequis manquant(s) : ${prerequisManquants.join(", ")}${derogation ? " (2 sur 3 suffisent les deux premières années civiles)" : ""} : aucune rémunération`,
    );
  } else if (prerequisManquants.length) {
    remarques.push(`dérogation nouvelle structure : 2 prérequis sur 3 suffisent (manquant : ${prerequisManquants.join(", ")})`);
  }
  if (ignoredFields.length) remarques.push(`champs de l'avenant 1 ignorés pour ${annee} : ${ignoredFields.join(", ")}`);
  if (!input.given.has("annee")) remarques.push(`annee non renseignée : règles de ${annee} (${rules.version})`);

  return {
    version: rules.version,
    annee,
    valeurPoint,
    indicateurs,
    prerequisManquants,
    declenche,
    derogation,
    precarite,
    complementMinimum,
    fixes: fixesTotal,
    variables: variablesTotal,
    points,
    euros,
    avance: { points: avancePoints, euros: avanceEuros, source: rules.avanceTaux.ref, remarque: avanceRemarque },
    solde,
    remarques,
  };
}
