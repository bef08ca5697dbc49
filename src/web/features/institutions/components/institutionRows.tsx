import type { TFunction } from "i18next";
import type { Agreement, Institution } from "../../../../contracts/institutions.ts";
import type { ListColumn } from "../../../components/ListTable.tsx";
import { ContactCell } from "./ContactCell.tsx";

/** An institution with its agreement at this trust, if it has one: a row of the institution lists. */
export type InstitutionRow = { institution: Institution; agreement: Agreement | undefined };

export function institutionRows(institutions: readonly Institution[], agreements: readonly Agreement[]) {
  const byInstitution = new Map(agreements.map((a) => [a.institution.id, a]));
  return institutions.map((i): InstitutionRow => ({ institution: i, agreement: byInstitution.get(i.id) }));
}

/** What the search field of an institution list searches: the names and the contact persons. */
export const institutionSearchText = (r: InstitutionRow) => [
  r.institution.name,
  r.institution.shortName,
  r.agreement?.mainContact?.name,
  r.agreement?.deputyContact?.name,
];

export function nameColumns(t: TFunction): ListColumn<InstitutionRow>[] {
  return [
    {
      key: "name",
      header: t("institutions.name"),
      cell: (r) => r.institution.name,
      sortValue: (r) => r.institution.name,
    },
    {
      key: "shortName",
      header: t("institutions.shortName"),
      cell: (r) => r.institution.shortName,
      sortValue: (r) => r.institution.shortName,
    },
  ];
}

/** The FOU contact persons; `noAgreement` stands in the main contact's cell of an institution without one. */
export function contactColumns(t: TFunction, noAgreement: string): ListColumn<InstitutionRow>[] {
  return [
    {
      key: "mainContact",
      header: t("agreements.mainContact"),
      cell: (r) => (r.agreement ? <ContactCell person={r.agreement.mainContact} /> : noAgreement),
      sortValue: (r) => r.agreement?.mainContact?.name ?? "\uffff",
    },
    {
      key: "deputyContact",
      header: t("agreements.deputyContact"),
      cell: (r) => (r.agreement ? <ContactCell person={r.agreement.deputyContact} /> : "–"),
      sortValue: (r) => r.agreement?.deputyContact?.name ?? "\uffff",
    },
  ];
}
