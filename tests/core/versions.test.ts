/**
 * Versions as data (issue 21 item 2): each family's texts in one ordered leaf, a field « created by » a text compared
 * by position in that list. ACI MSP: accord of 2017 then avenant 1 (remunerations from 2022, guide CNAM); ACI CPTS:
 * accord of 2019 then avenant 2 (03/09/2022); assistant médical: avenant 7 then convention médicale 2024 (22/06/2024),
 * centres de santé: avenant 3 then avenant 5 (06/08/2024).
 */
import { describe, expect, it } from "vitest";
import { LATER_FIELDS } from "../../src/core/aci-msp/fields";
import { isLaterText, MSP_TEXTS } from "../../src/core/aci-msp/params";
import { amAid } from "../../src/core/assistant-medical";
import { AM_VERSION } from "../../src/core/assistant-medical/params";
import { MSP_FIELDS, type MspFieldEntry } from "../../src/core/inputs/msp-fields";

describe("the texts of each family, in order", () => {
  it("ACI MSP: every field's text is one of the leaf's, so that « later » never silently fails", () => {
    expect(MSP_TEXTS).toEqual(["ACI 2017", "avenant 1"]);
    for (const f of Object.values(MSP_FIELDS) as MspFieldEntry[]) if (f.since) expect(MSP_TEXTS).toContain(f.since);
    expect(isLaterText("avenant 1", "ACI 2017")).toBe(true);
    expect(isLaterText("ACI 2017", "avenant 1")).toBe(false);
    expect(isLaterText(undefined, "ACI 2017")).toBe(false);
  });

  it("ACI MSP: an ACI 2017 year sets aside the avenant 1 fields (IPA, crisis plan, SAS…), an avenant 1 year none", () => {
    expect(LATER_FIELDS.get("ACI 2017")).toEqual(expect.arrayContaining(["ipa", "crise_plan", "crise_survenue", "sas", "usagers"]));
    expect(LATER_FIELDS.get("ACI 2017")).not.toContain("patientele");
    expect(LATER_FIELDS.get("avenant 1")).toEqual([]);
  });

  it("assistant médical: the version of the aid comes from the leaf, at the contract year (libéral) or the signature (centre)", () => {
    expect(AM_VERSION.liberal.series.map((e) => e.from)).toEqual(["2019-08-21", "2024-06-22"]);
    const liberal = (dateSignature: string, anneeContrat: number) =>
      amAid({ regime: "liberal", etp: 1, anneeContrat, dateSignature, bande: "P50-P70", atteinte: 1 }).version;
    // signed in 2023: year 1 under the avenant 7, year 2 (from 01/09/2024) under the convention médicale 2024
    expect([liberal("2023-09-01", 1), liberal("2023-09-01", 2)]).toEqual(["avenant 7 (convention médicale 2016)", "convention médicale 2024"]);
    const centre = (dateSignature: string) => amAid({ regime: "cds", etp: 1, anneeContrat: 2, dateSignature, atteinte: 1 }).version;
    expect([centre("2024-08-05"), centre("2024-08-06")]).toEqual(["avenant 3 centres de santé", "avenant 5 centres de santé"]);
  });
});
