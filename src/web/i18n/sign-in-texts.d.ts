/** `nb.json?sign-in`: a part of the bokmål texts, always with `errors` (src/build/sign-in-texts.ts). */
declare module "*/nb.json?sign-in" {
  type Texts = typeof import("./nb.json");
  const texts: Partial<Texts> & Pick<Texts, "errors">;
  export default texts;
}
