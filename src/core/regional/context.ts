import { frenchDate } from "../dates";
import { frInteger } from "../format";
import type { Problem, RegionalTables, TableKind } from "./tables";
import { TABLE_LABELS } from "./tables";

export interface BuildContext {
  tables: RegionalTables;
  /** Reference year: the year of `date`; the remuneration sheets give what is due for it. */
  annee: number;
  /** Reference date, ISO: 31/12 of `annee` unless the analyst gives another; stages and contracts are taken then. */
  date: string;
  /** Where each table was read and how many rows it had. */
  sources: Partial<Record<TableKind, { source: string; rows: number }>>;
  warnings: string[];
  /** Errors of the rules on a row, with its table, column and Excel row: the job then writes nothing. */
  problems: Problem[];
}

export const referenceDate = (annee: number) => `${annee}-12-31`;
export const referenceNote = (date: string) => `Situation au ${frenchDate(date)}`;

export function sourcesNote(ctx: BuildContext, kinds: TableKind[]): string {
  const parts = kinds.map((k) => {
    const s = ctx.sources[k];
    return s ? `${TABLE_LABELS[k]} (« ${s.source} », ${frInteger(s.rows)} ligne${s.rows > 1 ? "s" : ""})` : TABLE_LABELS[k];
  });
  return `Sources : ${parts.join(", ")}`;
}
