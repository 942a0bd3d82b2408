/**
 * CPTS remuneration of the reference year, by taille and by mission: count,
 * mean, min, max (seed 001: N = 18, mean 224 550 €, min 91 250 €, max
 * 300 000 €). Each CPTS's amount comes from the same rules as CPTS.MISSION.
 */
import { cite } from "../readings";
import { AVENANT_2_START, cptsMission, cptsTaille, cptsVersion, type MissionCode, type Taille } from "../aci-cpts";
import { daysInYear, daysToYearEnd, frenchDate, yearOf } from "../dates";
import { roundCents } from "../money";
import { cell, summarize, summaryCells } from "./aggregates";
import { referenceDate, referenceNote, sourcesNote, type BuildContext } from "./context";
import { SHEET_NAMES, type CellValue, type SheetModel } from "./sheet-model";
import type { Cpts } from "./tables";

export type MissionGroup =
  "Fonctionnement" | "Accès aux soins" | "Parcours" | "Prévention" | "Qualité et pertinence" | "Accompagnement des PS" | "Crises sanitaires";
export const MISSION_GROUPS: readonly MissionGroup[] = [
  "Fonctionnement",
  "Accès aux soins",
  "Parcours",
  "Prévention",
  "Qualité et pertinence",
  "Accompagnement des PS",
  "Crises sanitaires",
];

export interface CptsYear {
  cpts: Cpts;
  taille: Taille;
  missions: Record<MissionGroup, number>;
  total: number;
}

/** A part of the year under one set of rules: its first day (which picks the rules) and its number of days. */
interface Segment {
  start: string;
  days: number;
}

/**
 * The days of `annee` a contract signed on `signature` was in force, split at the avenant 2 (03/09/2022): the first
 * contract year runs from the signature; in 2022, the 2019 tables until 02/09 and avenant 2 from 03/09.
 */
export function segmentsOf(signature: string, annee: number): Segment[] {
  const yearStart = `${annee}-01-01`;
  const yearEnd = `${annee}-12-31`;
  if (signature > yearEnd) return [];
  const start = signature > yearStart ? signature : yearStart;
  const cuts = start < AVENANT_2_START && AVENANT_2_START <= yearEnd ? [start, AVENANT_2_START] : [start];
  return cuts.map((from, i) => ({ start: from, days: i + 1 < cuts.length ? daysBetween(from, cuts[i + 1]) : daysToYearEnd(from) }));
}

const daysBetween = (from: string, to: string) => daysToYearEnd(from) - daysToYearEnd(to);

/**
 * Amounts due for `annee` to a CPTS conventionnée during that year (RULES.md, « Regional tables: choices »):
 * fonctionnement in full in the year of signature, then each year; each mission's yearly envelope prorated by days
 * from the signature in the first contract year, and in 2022 split at 03/09/2022 between the 2019 tables and the
 * avenant 2 ones; the crisis plan drafted in the first avenant-2 year then updated (no crisis declared); the +75 %
 * fonctionnement supplement in the year it is paid.
 */
export function cptsYear(cpts: Cpts, annee: number, asOf = referenceDate(annee)): CptsYear | undefined {
  // conventionnée at the reference date (31/12 of the year unless the analyst gives another day of it)
  if (cpts.stade !== "5" || !cpts.dateSignature || cpts.dateSignature > asOf) return undefined;
  const date = referenceDate(annee);
  const taille = cptsTaille(cpts.population);
  const pay = (mission: MissionCode, atteinte = 1, dateSignature = date) =>
    cptsMission({ taille, mission, volet: "total", atteinte, dateSignature, membres: cpts.membres, sas: cpts.sas }).montant;
  const yearDays = daysInYear(annee);
  const segments = segmentsOf(cpts.dateSignature, annee);
  const due = (mission: MissionCode, atteinte = 1) => segments.reduce((sum, s) => sum + (pay(mission, atteinte, s.start) * s.days) / yearDays, 0);
  const avenant2Year = yearOf(cpts.dateSignature > AVENANT_2_START ? cpts.dateSignature : AVENANT_2_START);
  const supplement = avenant2Year === annee ? pay("fonctionnement_supplement", 1, cpts.dateSignature) : 0;
  const missions: Record<MissionGroup, number> = {
    Fonctionnement: pay("fonctionnement") + supplement,
    // the accès total includes the 2019 SNP compensation volet where the 2019 table applies (CPTS.MISSION does it)
    "Accès aux soins": due("acces", cpts.atteinte.acces),
    Parcours: due("parcours", cpts.atteinte.parcours),
    Prévention: due("prevention", cpts.atteinte.prevention),
    "Qualité et pertinence": cpts.qualite ? due("qualite", cpts.atteinte.qualite) : 0,
    "Accompagnement des PS": cpts.accompagnement ? due("accompagnement", cpts.atteinte.accompagnement) : 0,
    "Crises sanitaires": due(annee === avenant2Year ? "crise_redaction" : "crise_mise_a_jour"),
  };
  for (const g of MISSION_GROUPS) missions[g] = roundCents(missions[g]);
  const total = roundCents(MISSION_GROUPS.reduce((s, g) => s + missions[g], 0));
  return { cpts, taille, missions, total };
}

const statsRow = (label: string, values: number[]): CellValue[] => [label, ...summaryCells(summarize(values))];

export function cptsSheet(ctx: BuildContext): SheetModel {
  const { annee } = ctx;
  const years = ctx.tables.cpts.map((c) => cptsYear(c, annee, ctx.date)).filter((y): y is CptsYear => y !== undefined);
  const when = frenchDate(ctx.date);
  const byTaille = ([1, 2, 3, 4] as Taille[]).map((t) =>
    statsRow(
      `Taille ${t}`,
      years.filter((y) => y.taille === t).map((y) => y.total),
    ),
  );
  const byMission = MISSION_GROUPS.map((g) =>
    statsRow(
      g,
      years.map((y) => y.missions[g]).filter((v) => v > 0),
    ),
  );
  const header = ["", "CPTS", "Moyenne", "Minimum", "Maximum", "Total"];
  const signed = ctx.tables.cpts.filter((c) => c.stade === "5" && c.dateSignature);
  const empty = years.length
    ? []
    : [
        `Aucune CPTS conventionnée au ${when} dans le tableau CPTS${
          signed.length ? ` ; années de signature présentes : ${[...new Set(signed.map((c) => yearOf(c.dateSignature!)))].sort().join(", ")}` : ""
        } : aucun montant.`,
      ];
  const formats = ["text", "integer", "euro", "euro", "euro", "euro"] as const;
  return {
    kind: "remunerations_cpts",
    name: SHEET_NAMES.remunerations_cpts,
    title: `Rémunérations ACI des CPTS au titre de ${annee}`,
    notes: [
      referenceNote(ctx.date),
      sourcesNote(ctx, ["cpts"]),
      `Règles : ACI CPTS ${cptsVersion(referenceDate(annee))}${cptsVersion(referenceDate(annee)) === "avenant 2" ? ` (en vigueur le ${frenchDate(AVENANT_2_START)})` : ""}, calcul identique à CPTS.MISSION, au 31/12/${annee} ; CPTS conventionnées (stade 5) au ${when}.`,
      `Lecture : montants dus au titre de ${annee} aux CPTS sous contrat pendant l'année ; fonctionnement versé en entier l'année de la signature puis chaque année ; missions : enveloppe annuelle proratisée par jours depuis la signature la première année${annee === yearOf(AVENANT_2_START) ? `, et en ${annee} barèmes 2019 jusqu'au 02/09 puis avenant 2 à partir du ${frenchDate(AVENANT_2_START)}, chacun au prorata des jours` : ""} ; part variable aux taux d'atteinte du tableau (100 % s'ils manquent) ; plan de crise rédigé la première année de l'avenant 2 puis mis à jour, aucune crise déclarée ; supplément de fonctionnement de +75 % compté l'année de son versement (${cite("L-04")}).`,
      ...empty,
    ],
    tables: [
      {
        title: "Par taille de CPTS",
        header: ["Taille", ...header.slice(1)],
        rows: [
          ...byTaille,
          statsRow(
            "Ensemble",
            years.map((y) => y.total),
          ),
        ],
        formats: [...formats],
        totalRows: 1,
      },
      { title: "Par mission (CPTS financées pour la mission)", header: ["Mission", ...header.slice(1)], rows: byMission, formats: [...formats], totalRows: 0 },
      {
        title: "Par taille et par mission (CPTS financées pour la mission)",
        header: ["Taille", "Mission", "CPTS", "Moyenne", "Minimum", "Maximum"],
        rows: ([1, 2, 3, 4] as Taille[]).flatMap((t) =>
          MISSION_GROUPS.map((g) => {
            const s = summarize(years.filter((y) => y.taille === t && y.missions[g] > 0).map((y) => y.missions[g]));
            return [`Taille ${t}`, g, s.count, cell(s.mean), cell(s.min), cell(s.max)];
          }),
        ),
        formats: ["text", "text", "integer", "euro", "euro", "euro"],
        totalRows: 0,
      },
    ],
    charts: [
      {
        kind: "columnClustered",
        title: `Rémunération moyenne par taille, ${annee}`,
        table: 0,
        categoryColumn: 0,
        seriesColumns: [2],
        withoutTotals: true,
      },
    ],
  };
}
