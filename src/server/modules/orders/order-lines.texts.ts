import type { Language } from "../../../contracts/vocabulary.ts";

/** What coordinators are told when the IT provider has decided their students' lines: one per sheet and request. */
export const decidedTexts: Record<
  "implement" | "reject",
  (p: { sheet: string; students: number; trust: string }) => Record<Language, string>
> = {
  implement: (p) => ({
    nb: `${p.trust}: ${p.students === 1 ? "1 student" : `${p.students} studenter`} på ${p.sheet} har fått tilgang til fagsystemene`,
    nn: `${p.trust}: ${p.students === 1 ? "1 student" : `${p.students} studentar`} på ${p.sheet} har fått tilgang til fagsystema`,
    en: `${p.trust}: ${p.students === 1 ? "1 student" : `${p.students} students`} on ${p.sheet} now have access to the clinical systems`,
  }),
  reject: (p) => ({
    nb: `${p.trust}: Helse Vest IKT har avvist tilgang for ${p.students === 1 ? "1 student" : `${p.students} studenter`} på ${p.sheet}`,
    nn: `${p.trust}: Helse Vest IKT har avvist tilgang for ${p.students === 1 ? "1 student" : `${p.students} studentar`} på ${p.sheet}`,
    en: `${p.trust}: Helse Vest IKT rejected access for ${p.students === 1 ? "1 student" : `${p.students} students`} on ${p.sheet}`,
  }),
};
