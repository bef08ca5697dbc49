/** The readiness list's path (the start page's numbers link to it with `?ikkeKlar=14` and `?bestilt=rejected`). */
export const READINESS_PATH = "/klar";

/** Not ready this many days or fewer before the start: shown red, as the start page counts them. */
export const redWithin = 14;
