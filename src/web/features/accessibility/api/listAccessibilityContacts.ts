import { useQuery } from "@tanstack/react-query";
import { accessibilityContactsSchema } from "../../../../contracts/trusts.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** GET /api/public/accessibility-contacts — each trust's contact for accessibility problems (public). */
export const listAccessibilityContacts = () =>
  apiGet("/api/public/accessibility-contacts", accessibilityContactsSchema);

export function useAccessibilityContacts() {
  return useQuery({ queryKey: queryKeys.accessibilityContacts, queryFn: listAccessibilityContacts });
}
