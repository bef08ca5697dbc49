import { z } from "zod";

/**
 * Something the server did to what was sent that the writer should know, in a successful answer:
 * `free_text.national_id_masked` — national IDs in a free text field (`field`, its name in the
 * request body) were masked (`010190 *****`) before the text was stored or sent on; `count` of them.
 */
export const noticeSchema = z.object({ code: z.string(), field: z.string(), count: z.number().int() });
export type Notice = z.infer<typeof noticeSchema>;
export const noticesSchema = z.array(noticeSchema);
