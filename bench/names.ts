/**
 * What the generated region is made of: Helse Vest's four trusts, fifteen institutions, health
 * programmes, wards, and common Norwegian names. Students get synthetic national IDs only (see
 * generate.ts): birth dates in the 2030s, which nobody has yet.
 */

/** The trusts and their share of the region's students and documents. */
export const trusts = [
  { name: "Helse Bergen", share: 0.5 },
  { name: "Helse Stavanger", share: 0.25 },
  { name: "Helse Fonna", share: 0.15 },
  { name: "Helse Førde", share: 0.1 },
] as const;

export const institutions = [
  { shortName: "UiB", name: "Universitetet i Bergen" },
  { shortName: "HVL", name: "Høgskulen på Vestlandet" },
  { shortName: "VID", name: "VID vitenskapelige høgskole" },
  { shortName: "UiS", name: "Universitetet i Stavanger" },
  { shortName: "NTNU", name: "Norges teknisk-naturvitenskapelige universitet" },
  { shortName: "OsloMet", name: "OsloMet – storbyuniversitetet" },
  { shortName: "UiO", name: "Universitetet i Oslo" },
  { shortName: "UiT", name: "UiT Norges arktiske universitet" },
  { shortName: "USN", name: "Universitetet i Sørøst-Norge" },
  { shortName: "UiA", name: "Universitetet i Agder" },
  { shortName: "HVO", name: "Høgskulen i Volda" },
  { shortName: "Nord", name: "Nord universitet" },
  { shortName: "INN", name: "Høgskolen i Innlandet" },
  { shortName: "LDH", name: "Lovisenberg diakonale høgskole" },
  { shortName: "NLA", name: "NLA Høgskolen" },
] as const;

/**
 * The fixed institutions of what is measured at Helse Bergen: one whose coordinator sees exactly
 * the small list, one that holds the import targets. The generated documents leave both alone.
 */
export const listInstitution = "NLA";
export const importInstitution = "LDH";

/** How many of the institutions each trust has agreements with (the first n of the list). */
export const agreementsPerTrust = [15, 10, 8, 6] as const;

export const programmes: { name: string; profession: string }[] = [
  { name: "Sykepleie", profession: "Sykepleier" },
  { name: "Medisin", profession: "Lege" },
  { name: "Fysioterapi", profession: "Fysioterapeut" },
  { name: "Radiografi", profession: "Radiograf" },
  { name: "Bioingeniørfag", profession: "Bioingeniør" },
  { name: "Ergoterapi", profession: "Ergoterapeut" },
  { name: "Vernepleie", profession: "Vernepleier" },
  { name: "Paramedisin", profession: "Paramedisiner" },
  { name: "Jordmorfag", profession: "Jordmor" },
  { name: "Anestesisykepleie", profession: "Sykepleier" },
  { name: "Intensivsykepleie", profession: "Sykepleier" },
  { name: "Operasjonssykepleie", profession: "Sykepleier" },
  { name: "Barnesykepleie", profession: "Sykepleier" },
  { name: "Klinisk ernæring", profession: "Klinisk ernæringsfysiolog" },
  { name: "Psykisk helsearbeid", profession: "Sykepleier" },
  { name: "Farmasi", profession: "Farmasøyt" },
];

export const departments = [
  "Medisinsk avdeling",
  "Kirurgisk klinikk",
  "Barne- og ungdomsklinikken",
  "Akuttklinikken",
  "Kvinneklinikken",
  "Hjerteavdelinga",
  "Nevrologisk avdeling",
  "Radiologisk avdeling",
  "Laboratorieklinikken",
  "Psykiatrisk divisjon",
  "Ortopedisk klinikk",
  "Kreftavdelinga",
  "Lungeavdelinga",
  "Nyreseksjonen",
  "Øyeavdelinga",
];

export const firstNames = [
  "Nora Emma Sofie Ella Olivia Ada Sara Ingrid Leah Maja Frida Astrid Ingeborg Hedda Selma Thea Tiril",
  "Sigrid Marte Hanna Jakob Emil Noah Oliver Filip William Lucas Henrik Aksel Magnus Olav Isak Tobias",
  "Sander Mathias Elias Johannes Kristian Eirik Håkon",
]
  .join(" ")
  .split(" ");

export const lastNames = [
  "Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen Johnsen Pettersen",
  "Eriksen Berg Haugen Hagen Johannessen Andreassen Jacobsen Dahl Jørgensen Henriksen Lund Halvorsen",
  "Sørensen Jakobsen Moen Gundersen Iversen Strand Solberg Svendsen Eide Knutsen Martinsen Paulsen",
  "Bakken Kristoffersen Mathisen Lie Amundsen Nguyen Rasmussen Ali Lunde Solheim Berge Moe Nygård Bakke",
  "Kristensen Fredriksen Holm Lien Hauge Christensen Andresen Nielsen Knudsen Evensen Sæther Aas Myhre",
  "Hanssen Ahmed Haugland Thomassen Sivertsen Simonsen Danielsen Brekke Nordvik Vik Myklebust Fjeld",
  "Tveit Rønning Aasen Sandvik Hovland",
]
  .join(" ")
  .split(" ");

/** The surname searched for: common, so the search has many hits in every region. */
export const searchedSurname = "Haugland";
