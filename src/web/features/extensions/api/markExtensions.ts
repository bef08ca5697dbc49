import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type markExtensionsBody, markExtensionsResponse } from "../../../../contracts/extensions.ts";
import { apiSend } from "../../../lib/api.ts";
import { extensionKeys } from "./keys.ts";

/** POST /api/extensions/mark — all of them or none. */
export const markExtensions = (body: z.input<typeof markExtensionsBody>) =>
  apiSend("POST", "/api/extensions/mark", markExtensionsResponse, body);

export function useMarkExtensions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markExtensions,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: extensionKeys.all }),
  });
}
