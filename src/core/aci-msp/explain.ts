/**
 * Explanations as data (in the manner of Publicodes' evaluated nodes): the rules record what they applied as steps —
 * the parameter values, the input fields, the caps and minorations — and this module alone renders them in French,
 * for ACI.MSP_DETAIL. No remark restates a number: each one comes from the step, so it cannot disagree with a
 * parameter. POINTS and EUROS never build a step (their trace is undefined).
 */
import { frenchDate } from "../dates";
import { frNumber, frPercent } from "../format";
import type { FieldCode } from "./fields";

export type Step =
  | { kind: "not-met"; reason: "snp" | "coordination" | "si_standard" | "crise_plan" | "fermeture_longue" }
  | { kind: "amplitude-min"; amplitude: number; min: number }
  | { kind: "reunions-min"; reunions: number; min: number; prorated: boolean }
  | { kind: "si-after-year"; date: string; annee: number }
  | { kind: "crise-sans-plan" }
  | { kind: "minorations"; items: { what: "amplitude"; from: number; to: number; points: number }[]; samedi: number; conges: number }
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

/** One step in French. */
export function renderStep(step: Step): string {
  switch (step.kind) {
    case "not-met":
      return NOT_MET[step.reason];
    case "amplitude-min":
      return `amplitude de ${frNumber(step.amplitude)} h, moins de ${frNumber(step.min)} h par jour : indicateur non atteint`;
    case "reunions-min":
      return `${plural(step.reunions, "réunion")} dans l'année, il en faut au moins ${frNumber(step.min)}${step.prorated ? " (minimum proratisé sur la date de signature, arrondi à l'entier supérieur : lecture de RULES.md)" : ""}`;
    case "si-after-year":
      return `logiciel acquis le ${frenchDate(step.date)}, après l'année ${step.annee}`;
    case "crise-sans-plan":
      return "crise survenue sans plan de préparation : rien n'est versé";
    case "minorations": {
      const parts = [
        ...step.items.map((m) => `amplitude de ${frNumber(m.from)} à ${frNumber(m.to)} h −${frNumber(m.points)}`),
        ...(step.samedi ? [`fermeture le samedi matin −${frNumber(step.samedi)}`] : []),
        ...(step.conges ? [`fermeture pendant les congés scolaires −${frNumber(step.conges)}`] : []),
      ];
      return `minorations cumulées (guide CNAM) : ${parts.join(", ")}`;
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
      return "patients_ald75 non renseigné : objectif de dossiers considéré atteint dès un dossier revu";
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

/** The steps of an indicator as the text of its Remarque cell. */
export function renderRemark(steps: readonly Step[]): string {
  let text = "";
  for (const step of steps) text = joinRemarks(text, renderStep(step));
  return text;
}
