import { programmeNameOf } from "../catalog/catalog.public.ts";
import { institutionShortNameOf } from "../institutions/institutions.public.ts";
import { overviews, studentGroups } from "./overviews.table.ts";

/** A document, its group and the programme's and institution's names (read with `studentGroups` joined). */
export const overviewColumns = {
  id: overviews.id,
  trustId: overviews.trustId,
  institutionId: overviews.institutionId,
  name: overviews.name,
  createdAt: overviews.createdAt,
  updatedAt: overviews.updatedAt,
  groupId: studentGroups.id,
  programmeId: studentGroups.programmeId,
  cohort: studentGroups.cohort,
  programmeName: programmeNameOf(studentGroups.programmeId),
  institutionShortName: institutionShortNameOf(overviews.institutionId),
};

export type OverviewRecord = {
  id: string;
  trustId: string;
  institutionId: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  groupId: string;
  programmeId: string;
  cohort: number;
  programmeName: string;
  institutionShortName: string;
};
