/** The access profiles' list; each profile's page is below it (`/admin/tilgangsprofiler/<id>`). */
export const PROFILES_PATH = "/admin/tilgangsprofiler";
