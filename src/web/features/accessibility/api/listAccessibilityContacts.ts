import { useQuery } from "@tanstack/react-query";
import type { AccessibilityContact } from "../../../../contracts/trusts.ts";
import { apiGet } from "../../../lib/api.ts";
import { queryKeys } from "../../../lib/queryKeys.ts";

/** GET /api/public/accessibility-contacts — each trust's contact for accessibility problems (public). */
export const listAccessibilityContacts = () => apiGet<AccessibilityContact[]>("/api/public/accessibility-contacts");

export function useAccessibilityContacts() {
  return useQuery({ queryKey: queryKeys.accessibilityContacts, queryFn: listAccessibilityContacts });
}
