/**
 * An `ilike` pattern for text that holds `text` anywhere: `%`, `_` and `\` in it stand for
 * themselves (escaped with PostgreSQL's default escape character), so a search for "100%" or
 * "a_b" finds exactly that.
 */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;
