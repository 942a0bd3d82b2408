/**
 * What a CPTS is due for a calendar year (issue 21 item 3: the year rules in their family; lecture L-04). Amounts of
 * the CPR ACI CPTS Nouvelle-Aquitaine (19/01/2023) and the Bilan de la négociation ACI CPTS 2019: T2 accès aux soins
 * 47 000 € (2019 total with the SNP volet) then 100 000 € with a SAS (avenant 2, 03/09/2022); crisis plan 35 000 €.
 */
import { describe, expect, it } from "vitest";
import { CPTS_RULE_CHANGES, cptsVersion } from "../../src/core/aci-cpts";
import { cptsYear, segmentsOf, type CptsContract } from "../../src/core/aci-cpts/year";

const cents = (v: number) => Math.round(v * 100) / 100;
const T2: CptsContract = {
  stade: "5",
  dateSignature: "2021-06-01",
  population: 60_000,
  membres: 20,
  sas: true,
  atteinte: { acces: 1, parcours: 1, prevention: 1, qualite: 1, accompagnement: 1 },
  qualite: false,
  accompagnement: false,
};

describe("a CPTS's calendar year", () => {
  it("2022 is split at 03/09/2022: 2019 tables for 245 days, avenant 2 for 120", () => {
    expect(segmentsOf("2021-06-01", 2022)).toEqual([
      { start: "2022-01-01", days: 245 },
      { start: "2022-09-03", days: 120 },
    ]);
    const y = cptsYear(T2, 2022)!;
    expect(y.taille).toBe(2);
    expect(y.missions["Accès aux soins"]).toBe(cents((47_000 * 245) / 365 + (100_000 * 120) / 365));
    // the crisis plan drafted in the first avenant-2 year, for its days under avenant 2
    expect(y.missions["Crises sanitaires"]).toBe(cents((35_000 * 120) / 365));
  });

  it("the first contract year runs from the signature: 214 days of 2021 from 01/06", () => {
    expect(segmentsOf("2021-06-01", 2021)).toEqual([{ start: "2021-06-01", days: 214 }]);
    expect(cptsYear(T2, 2021)!.missions["Accès aux soins"]).toBe(cents((47_000 * 214) / 365));
  });

  it("fonctionnement: in full each year, with the +75 % supplement in the year it is paid (2022 here)", () => {
    const f2021 = cptsYear(T2, 2021)!.missions.Fonctionnement;
    const f2023 = cptsYear(T2, 2023)!.missions.Fonctionnement;
    expect(cptsYear(T2, 2022)!.missions.Fonctionnement).toBe(cents(f2021 * 1.75));
    expect(f2023).toBe(f2021);
  });

  it("nothing is due to a project, nor before the contract is signed at the reference date", () => {
    expect(cptsYear({ ...T2, stade: "4" }, 2022)).toBeUndefined();
    expect(cptsYear(T2, 2020)).toBeUndefined();
    expect(cptsYear({ ...T2, dateSignature: "2022-10-01" }, 2022, "2022-06-30")).toBeUndefined();
    expect(cptsYear({ ...T2, dateSignature: "2022-10-01" }, 2022)).toBeDefined();
  });

  it("the year's cuts and the version come from the dated values: the avenant 2's first day, 03/09/2022", () => {
    // CPR ACI CPTS Nouvelle-Aquitaine (19/01/2023): avenant 2 financial measures in force on 03/09/2022
    expect(CPTS_RULE_CHANGES).toEqual(["2022-09-03"]);
    expect([cptsVersion("2019-08-25"), cptsVersion("2022-09-02"), cptsVersion("2022-09-03")]).toEqual(["ACI 2019", "ACI 2019", "avenant 2"]);
    // a contract signed after the cut has one part only
    expect(segmentsOf("2022-10-01", 2022)).toEqual([{ start: "2022-10-01", days: 92 }]);
  });
});
