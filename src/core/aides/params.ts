/**
 * The aids the commission decks list beside the ACI, as dated parameters: the IPA training aid, the pay of the
 * protocoles de coopération « soins non programmés », the psychologist forfaits. A value holds from its `from` to its
 * `to` (or until the next); a value no official text of ours gives is `to-confirm`, with why.
 */
import { deckSlide, fromDeck, parameter, toConfirm, TEXTS, type Parameter, type Reference } from "../params";

const REFS = {
  avenant10Infirmiers: { title: "avenant 10 à la convention nationale des infirmiers (en vigueur le 28/07/2023) : aide à la formation IPA" },
  arreteSnp2020: { title: "arrêté du 10/09/2020 : modèle économique des protocoles de coopération « soins non programmés »" },
  arreteCystite: { title: "arrêté du 09/03/2023 : protocole de coopération « cystite aiguë simple »" },
  arreteAngine: { title: "arrêté du 17/08/2023 : protocole de coopération « odynophagie / angine »" },
  psyEnfant: { title: "dispositif « 100 % psy enfants » (forfait annoncé le 14/04/2021, inclusions jusqu'au 31/10/2021, fin le 31/01/2022)" },
  monSoutienPsy2022: { title: "dispositif MonPsy (décret du 04/04/2022), en vigueur le 05/04/2022" },
  imt: { title: "consultation longue IMT, liste des actes et prestations (JO du 14/05/2023), facturable depuis le 15/05/2023" },
  monSoutienPsy2024: { title: "dispositif « Mon soutien psy » (séance à 50 €, 12 séances par an, à partir du 29/06/2024 ; décret 2025-424)" },
} as const satisfies Record<string, Reference>;

// ---------------------------------------------------------------- IPA training aid

/** Per ETP of nurse in training: the amount in metropolitan France and in the DROM. */
export interface IpaAid {
  metropole: number;
  drom: number;
}

export const IPA_FORMATION = {
  liberal: parameter<IpaAid>("aides.ipa_formation.liberal", "Aide à la formation IPA, infirmier libéral (par ETP, versée en deux fois)", "euros", [
    {
      from: "2023-07-28",
      value: { metropole: 15_000, drom: 17_000 },
      ...toConfirm("montants lus dans la présentation des aides IPA, le texte de l'avenant 10 n'est pas repris ici", "secondary", REFS.avenant10Infirmiers),
    },
  ]),
  cds: parameter<IpaAid>("aides.ipa_formation.cds", "Aide à la formation IPA, centre de santé (par ETP d'infirmier salarié)", "euros", [
    {
      from: "2024-08-06",
      value: { metropole: 15_000, drom: 17_000 },
      ...fromDeck(deckSlide("journeeCdsPaca2024", "« contrat d'aide à la formation IPA : conditions et montants »"), TEXTS.cdsAvenant5),
    },
  ]),
} as const;

// ---------------------------------------------------------------- protocoles de coopération SNP

export const SNP_PROTOCOLES = ["rhinite", "odynophagie", "eruption", "pollakiurie", "entorse", "lombalgie", "cystite", "angine"] as const;
export type SnpProtocole = (typeof SNP_PROTOCOLES)[number];

/** What the team is paid: per patient entering the protocol, and for the second consultation where there is one. */
export interface SnpPay {
  patient: number;
  seconde?: number;
}

const SNP_SLIDE = deckSlide("cprCptsNouvelleAquitaine2023", "« Les protocoles de coopération SNP – conditions et rémunération »");
const snp2020 = (value: SnpPay) => ({ from: "2020-09-10", value, ...fromDeck(SNP_SLIDE, REFS.arreteSnp2020) });
const snpLater = (from: string, ref: Reference) => ({
  from,
  value: { patient: 25 },
  ...toConfirm("25 € par patient, comme les protocoles de 2020 : montant à vérifier dans l'arrêté", "legal-text", ref),
});

export const SNP_PAY: Readonly<Record<SnpProtocole, Parameter<SnpPay>>> = {
  rhinite: parameter("aides.snp.rhinite", "Protocole SNP rhino-conjonctivite allergique saisonnière", "euros", [snp2020({ patient: 25 })]),
  odynophagie: parameter("aides.snp.odynophagie", "Protocole SNP odynophagie", "euros", [snp2020({ patient: 25 })]),
  eruption: parameter("aides.snp.eruption", "Protocole SNP éruption prurigineuse de l'enfant", "euros", [snp2020({ patient: 25 })]),
  pollakiurie: parameter("aides.snp.pollakiurie", "Protocole SNP pollakiurie / brûlure mictionnelle", "euros", [snp2020({ patient: 25, seconde: 25 })]),
  entorse: parameter("aides.snp.entorse", "Protocole SNP traumatisme en torsion de la cheville", "euros", [snp2020({ patient: 25, seconde: 25 })]),
  lombalgie: parameter("aides.snp.lombalgie", "Protocole SNP douleur lombaire", "euros", [snp2020({ patient: 25, seconde: 20 })]),
  cystite: parameter("aides.snp.cystite", "Protocole SNP cystite", "euros", [snpLater("2023-03-09", REFS.arreteCystite)]),
  angine: parameter("aides.snp.angine", "Protocole SNP angine", "euros", [snpLater("2023-08-17", REFS.arreteAngine)]),
};

// ---------------------------------------------------------------- psychologist forfaits

export const PSY_DISPOSITIFS = ["psy_enfant", "mon_soutien_psy"] as const;
export type PsyDispositif = (typeof PSY_DISPOSITIFS)[number];

/** One course: the first session's pay, each later one's, and the most sessions paid (per course, or per year). */
export interface PsyPay {
  premiere: number;
  suivantes: number;
  maximum: number;
  /** What `maximum` counts. */
  par: "parcours" | "an";
}

export const PSY_PAY: Readonly<Record<PsyDispositif, Parameter<PsyPay>>> = {
  psy_enfant: parameter("aides.psy.enfant", "Forfait 100 % psy enfants (entretien initial, séances suivantes)", "euros", [
    {
      from: "2021-04-14",
      to: "2022-01-31",
      value: { premiere: 32, suivantes: 22, maximum: 10, par: "parcours" },
      ...fromDeck(
        deckSlide("cprMspBretagne2021", "« Un dispositif exceptionnel d'urgence ciblé sur les enfants et ados : nombre de séances »"),
        REFS.psyEnfant,
      ),
    },
  ]),
  mon_soutien_psy: parameter("aides.psy.mon_soutien_psy", "Mon soutien psy (première séance, séances suivantes)", "euros", [
    {
      from: "2022-04-05",
      to: "2024-06-28",
      value: { premiere: 40, suivantes: 30, maximum: 8, par: "an" },
      ...toConfirm("montants connus par la communication du dispositif, le décret n'est pas repris ici", "secondary", REFS.monSoutienPsy2022),
    },
    {
      from: "2024-06-29",
      value: { premiere: 50, suivantes: 50, maximum: 12, par: "an" },
      ...toConfirm("montants connus par la communication du dispositif, le décret n'est pas repris ici", "secondary", REFS.monSoutienPsy2024),
    },
  ]),
};

// ---------------------------------------------------------------- consultation longue IMT

/** The start of the IMT consultation (consultation longue d'inscription comme médecin traitant d'un patient en ALD). */
export const IMT_START = "2023-05-15";

export const IMT_TARIF = {
  metropole: parameter<number>("aides.imt.metropole", "Consultation IMT (inscription médecin traitant d'un patient en ALD), métropole", "euros", [
    {
      from: IMT_START,
      value: 60,
      ...fromDeck(deckSlide("journeeCdsPaca2024", "« Action Zéro patient en ALD sans médecin traitant » : « valorisée à 60 € »")),
    },
  ]),
  drom: parameter<number>("aides.imt.drom", "Consultation IMT, départements et régions d'outre-mer", "euros", [
    { from: IMT_START, value: 72, ...toConfirm("tarif des DROM non repris dans la présentation (60 € en métropole)", "secondary", REFS.imt) },
  ]),
} as const;

export const AIDES_PARAMETERS: readonly Parameter[] = [
  ...Object.values(IPA_FORMATION),
  ...Object.values(SNP_PAY),
  ...Object.values(PSY_PAY),
  ...Object.values(IMT_TARIF),
];
