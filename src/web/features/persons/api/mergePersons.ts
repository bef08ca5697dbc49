import { useMutation, useQueryClient } from "@tanstack/react-query";
import { mergePersonResponse } from "../../../../contracts/persons.ts";
import { apiSend } from "../../../lib/api.ts";

/** POST /api/persons/{id}/merge — the other person's rows move to this one, and the other is deleted. */
export const mergePerson = (personId: string, otherId: string) =>
  apiSend("POST", `/api/persons/${encodeURIComponent(personId)}/merge`, mergePersonResponse, { otherId });

/** Merges each of `otherIds` into `keepId`, one after the other; the rows moved in all. */
export function useMergePersons() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ keepId, otherIds }: { keepId: string; otherIds: string[] }) => {
      let movedRows = 0;
      for (const otherId of otherIds) movedRows += (await mergePerson(keepId, otherId)).movedRows;
      return { movedRows };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["persons", "duplicates"] }),
  });
}
