/* global Office, Excel, document, URL, HTMLElement, HTMLElementTagNameMap, HTMLSelectElement, HTMLInputElement, HTMLButtonElement, HTMLProgressElement */
/**
 * Task pane (shared runtime): pick the source tables, the reference year, and
 * produce the regional sheets. Every text that may come from the workbook is
 * set with textContent, never as HTML.
 */
import { frenchDate } from "../core/dates";
import {
  FIRST_REFERENCE_YEAR,
  LAST_REFERENCE_YEAR,
  OPTIONAL_SHEETS,
  SHEET_KINDS,
  SHEET_NAMES,
  SHEET_NEEDS,
  TABLE_LABELS,
  type SheetKind,
  type TableKind,
} from "../core/regional";
import { defaultChoice, readWorkbook, type Inventory } from "./excel-io";
import { generateDeck, generateSheets } from "./generate";
import { svgToPng } from "./picture";

const KINDS = Object.keys(TABLE_LABELS) as TableKind[];
/** The tables only optional sheets need (ALD_MT…): « Tout produire » does without them. */
const OPTIONAL_TABLES = new Set<TableKind>([...OPTIONAL_SHEETS].flatMap((k) => SHEET_NEEDS[k]));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

interface Ui {
  selects: Record<TableKind, HTMLSelectElement>;
  annee: HTMLInputElement;
  date: HTMLInputElement;
  buttons: HTMLButtonElement[];
  progress: HTMLProgressElement;
  etat: HTMLElement;
  resultat: HTMLElement;
}

function buildUi(root: HTMLElement): Ui {
  root.replaceChildren();
  root.append(el("h2", {}, "Tableaux sources"));
  const table = el("table");
  const selects = {} as Record<TableKind, HTMLSelectElement>;
  for (const kind of KINDS) {
    const row = el("tr");
    const label = el("label", { for: `source-${kind}` }, TABLE_LABELS[kind]);
    if (OPTIONAL_TABLES.has(kind)) label.append(el("span", { class: "discret" }, " (facultatif)"));
    const select = el("select", { id: `source-${kind}` });
    selects[kind] = select;
    const th = el("th");
    th.append(label);
    const td = el("td");
    td.append(select);
    row.append(th, td);
    table.append(row);
  }
  const refresh = el("button", { id: "actualiser", class: "secondaire", type: "button" }, "Actualiser la liste");
  root.append(table, refresh);

  root.append(el("h2", {}, "Année ou date de référence"));
  // empty: the year the tables give (latest remuneration year of the MSP table…), as the offline job does
  // the bounds the job accepts (buildRegionalSheets refuses a year outside them)
  const [first, last] = [String(FIRST_REFERENCE_YEAR), String(LAST_REFERENCE_YEAR)];
  const annee = el("input", { id: "annee", type: "number", min: first, max: last, step: "1", placeholder: "auto" });
  const anneeLabel = el("label", { for: "annee" }, "Situation au 31/12 de l'année ");
  // a day other than 31/12 (the CDS follow-up tables are dated snapshots): its year is the reference year
  const date = el("input", { id: "date-reference", type: "date", min: `${first}-01-01`, max: `${last}-12-31` });
  root.append(
    anneeLabel,
    annee,
    el("p", { class: "aide" }, "Laisser vide : dernière année de rémunération du tableau MSP (sinon dernière année de signature)."),
    el("label", { for: "date-reference" }, "ou situation au "),
    date,
    el("p", { class: "aide" }, "Une date donne la situation à ce jour (stades, contrats en cours) ; les rémunérations restent celles de son année."),
  );

  root.append(el("h2", {}, "Feuilles à produire"));
  const boutons = el("div", { class: "boutons" });
  const buttons: HTMLButtonElement[] = [];
  const all = el("button", { id: "btn-tout", type: "button" }, "Tout produire");
  buttons.push(all);
  boutons.append(all);
  for (const kind of SHEET_KINDS) {
    const b = el("button", { id: `btn-${kind}`, class: "secondaire", type: "button", "data-kind": kind }, SHEET_NAMES[kind]);
    buttons.push(b);
    boutons.append(b);
  }
  const diaporama = el("button", { id: "btn-diaporama", class: "secondaire", type: "button" }, "Diaporama");
  buttons.push(diaporama);
  boutons.append(diaporama);
  root.append(boutons);
  const progress = el("progress", { id: "progression", max: "1", value: "0" });
  progress.hidden = true;
  const etat = el("p", { id: "etat", role: "status" });
  const resultat = el("div", { id: "resultat", "aria-live": "polite" });
  root.append(progress, etat, resultat);
  refresh.addEventListener("click", () => void refreshSources(ui));
  const ui: Ui = { selects, annee, date, buttons, progress, etat, resultat };
  all.addEventListener("click", () => void produce(ui, SHEET_KINDS));
  for (const b of buttons.slice(1)) if (b.dataset.kind) b.addEventListener("click", () => void produce(ui, [b.dataset.kind as SheetKind]));
  diaporama.addEventListener("click", () => void slides(ui));
  return ui;
}

function fillSelects(ui: Ui, inv: Inventory): void {
  const chosen = defaultChoice(inv);
  for (const kind of KINDS) {
    const select = ui.selects[kind];
    const previous = select.value;
    select.replaceChildren(el("option", { value: "" }, "— aucun —"));
    for (const option of inv.options) select.append(el("option", { value: option.key }, option.label));
    const keep = inv.options.some((o) => o.key === previous) ? previous : (chosen[kind] ?? "");
    select.value = keep;
  }
}

async function refreshSources(ui: Ui, announce = true): Promise<void> {
  try {
    const read = await Excel.run((context) => readWorkbook(context));
    fillSelects(ui, read.inv);
    const found = KINDS.filter((k) => ui.selects[k].value).length;
    if (announce) ui.etat.textContent = `${found} tableau(x) source(s) reconnu(s) sur ${KINDS.length}.`;
  } catch (error) {
    showError(ui, error);
  }
}

function showList(ui: Ui, title: string, items: string[], className: string): void {
  if (!items.length) return;
  ui.resultat.append(el("h2", {}, title));
  const list = el("ul");
  for (const item of items) list.append(el("li", { class: className }, item));
  ui.resultat.append(list);
}

function showError(ui: Ui, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  ui.resultat.replaceChildren();
  showList(ui, "Erreur", [`Excel a refusé l'opération : ${message}. Aucune feuille de l'utilisateur n'a été modifiée.`], "probleme");
}

function setBusy(ui: Ui, busy: boolean): void {
  for (const b of ui.buttons) b.disabled = busy;
  ui.progress.hidden = !busy;
}

async function produce(ui: Ui, kinds: readonly SheetKind[]): Promise<void> {
  const annee = ui.annee.value.trim() === "" ? undefined : Number(ui.annee.value);
  const date = ui.date.value === "" ? undefined : ui.date.value;
  const choice: Partial<Record<TableKind, string>> = {};
  for (const kind of KINDS) if (ui.selects[kind].value) choice[kind] = ui.selects[kind].value;
  setBusy(ui, true);
  ui.resultat.replaceChildren();
  try {
    const outcome = await generateSheets(Excel.run, {
      kinds,
      annee,
      date,
      choice,
      options: { suspendScreenUpdating: Office.context.requirements.isSetSupported("ExcelApi", "1.9"), picture: svgToPng },
      onProgress: (done, total, label) => {
        ui.progress.max = total;
        ui.progress.value = done;
        ui.etat.textContent = label;
      },
    });
    if (outcome.problems.length) {
      ui.etat.textContent = "Aucune feuille écrite : corriger les tableaux puis relancer.";
      showList(ui, `Problèmes (${outcome.problems.length})`, outcome.problems, "probleme");
    } else {
      ui.etat.textContent = `${outcome.written.length} feuille(s) écrite(s), situation au ${frenchDate(outcome.date!)} (${outcome.anneeNote}).`;
      showList(ui, "Feuilles produites", outcome.written, "succes");
    }
    showList(ui, "Avertissements", outcome.warnings, "avertissement");
    await refreshSources(ui, false);
  } catch (error) {
    showError(ui, error);
  } finally {
    setBusy(ui, false);
  }
}

/** Builds the commission deck in the pane and offers it for download (nothing is written in the workbook). */
async function slides(ui: Ui): Promise<void> {
  const annee = ui.annee.value.trim() === "" ? undefined : Number(ui.annee.value);
  const date = ui.date.value === "" ? undefined : ui.date.value;
  const choice: Partial<Record<TableKind, string>> = {};
  for (const kind of KINDS) if (ui.selects[kind].value) choice[kind] = ui.selects[kind].value;
  setBusy(ui, true);
  ui.resultat.replaceChildren();
  ui.etat.textContent = "Construction du diaporama…";
  try {
    const outcome = await generateDeck(Excel.run, { annee, date, choice });
    if (outcome.problems.length) {
      ui.etat.textContent = "Aucun diaporama : corriger les tableaux puis relancer.";
      showList(ui, `Problèmes (${outcome.problems.length})`, outcome.problems, "probleme");
    } else {
      ui.etat.textContent = `Diaporama prêt, situation au ${frenchDate(outcome.date!)}.`;
      const link = el("a", { id: "lien-diaporama", download: outcome.fileName!, href: URL.createObjectURL(outcome.deck!) }, `Télécharger ${outcome.fileName}`);
      ui.resultat.append(el("h2", {}, "Diaporama"), link);
      ui.resultat.append(
        el(
          "p",
          { class: "aide" },
          "Si le téléchargement ne démarre pas (certaines versions d'Excel le bloquent dans le volet), produire le diaporama hors Excel : npm run regional -- classeur.xlsx commission.pptx",
        ),
      );
    }
    showList(ui, "Avertissements", outcome.warnings, "avertissement");
  } catch (error) {
    showError(ui, error);
  } finally {
    setBusy(ui, false);
  }
}

Office.onReady((info) => {
  const hote = document.getElementById("hote");
  const root = document.getElementById("app");
  if (!hote || !root) return;
  if (info.host !== Office.HostType.Excel) {
    hote.textContent = "Ouvrir ce volet depuis Excel.";
    return;
  }
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.12")) {
    hote.textContent =
      "Cette version d'Excel est trop ancienne pour produire les feuilles (ExcelApi 1.12 requis) ; les fonctions de cellule restent disponibles.";
    return;
  }
  hote.textContent = "Connecté à Excel";
  const ui = buildUi(root);
  void refreshSources(ui);
});
