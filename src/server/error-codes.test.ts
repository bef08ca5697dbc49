/**
 * The server's error codes against the web's texts: every code a factory in an errors file makes has a
 * text in nb, nn and en that the web's mapper (src/web/lib/errors.ts) finds. It lives with the server
 * because the web may import nothing of the server.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import i18next, { type TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { oidcFailureCodes } from "../contracts/vocabulary.ts";
import { nationalIdErrors } from "../domain/national-id.ts";
import en from "../web/i18n/en.json";
import nb from "../web/i18n/nb.json";
import nn from "../web/i18n/nn.json";
import { ApiRequestError } from "../web/lib/api.ts";
import { errorKey, errorMessage, hasCodeText } from "../web/lib/errors.ts";
import { uploadErrorCodes } from "./modules/overviews/excel/upload-rules.ts";
import { AppError } from "./shared/errors.ts";

/** Every `.ts` file below `dir`, tests aside. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

const serverSources = sources("src/server");
/** Where the server's errors are made: `shared/errors.ts` and every module's and plugin's `*.errors.ts`. */
const errorFiles = serverSources.filter((file) => file.endsWith(".errors.ts") || file.endsWith("shared/errors.ts"));

/**
 * Arguments to call a factory with: the ones whose code is an argument (with every code they may
 * get), and the ones whose text uses a detail. Any other factory is called without arguments.
 */
const sampleArguments: Record<string, unknown[][]> = {
  invalidNationalId: nationalIdErrors.map((code) => [code]),
  sheetNameTaken: [["Høst 2026"]],
  rateLimited: [[30]],
  requestInvalid: [[400, "Bad request."]],
  fileTooLarge: [[413, "request file too large"]],
  routeNotFound: [["GET", "/api/nothing"]],
  nulCharacter: [["name"]],
  validationFailed: [[[{ path: "name", message: "Required" }]]],
  webcruiterColumnMissing: [["Fornavn", "firstName"]],
  statusColumnMissing: [["Status", "status"]],
};
/** Exported functions of errors files that make no AppError: a sign-in through an identity provider ends in a redirect. */
const notAnswers = new Set(["oidcFailure"]);

const isClass = (value: unknown) =>
  typeof value === "function" && /^class\b/.test(Function.prototype.toString.call(value));

/** Every error the server can answer with, one per code (the first sample of it). */
async function serverErrors(): Promise<Map<string, AppError>> {
  const errors = new Map<string, AppError>();
  const add = (error: AppError) => {
    if (!errors.has(error.code)) errors.set(error.code, error);
  };
  for (const file of errorFiles) {
    const module: Record<string, unknown> = await import(join(process.cwd(), file));
    for (const [name, factory] of Object.entries(module)) {
      if (typeof factory !== "function" || isClass(factory) || notAnswers.has(name)) continue;
      for (const args of sampleArguments[name] ?? [[]]) {
        const error: unknown = factory(...args);
        if (!(error instanceof AppError)) throw new Error(`${file}: ${name} does not make an AppError`);
        add(error);
      }
    }
  }
  for (const code of uploadErrorCodes) add(new AppError(code, 413, code));
  return errors;
}

const errors = await serverErrors();
const codes = [...errors.keys()].sort();

function translator(language: string, resources: object): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { [language]: { translation: resources } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t;
}
const languages = { nb: translator("nb", nb), nn: translator("nn", nn), en: translator("en", en) };

describe("every error code the server can send", () => {
  it("is collected from the server's error factories", () => {
    expect(codes.length).toBeGreaterThan(60);
    expect(codes).toEqual(
      expect.arrayContaining([
        "auth.bad_origin",
        "validation.failed",
        "validation.nul_character",
        "upload.not_xlsx",
        "import.busy",
        "server.error",
        "auth.rate_limited",
        "national_id.checksum",
      ]),
    );
  });

  it("comes from a factory in an errors file", () => {
    const inline = serverSources.filter(
      (file) => !errorFiles.includes(file) && readFileSync(file, "utf8").includes("new AppError("),
    );
    expect(inline).toEqual([]);
  });

  it("has a text of its own that the web's mapper finds", () => {
    expect(codes.filter((code) => !hasCodeText(code))).toEqual([]);
  });

  for (const [language, t] of Object.entries(languages)) {
    it(`is told in ${language}, with its details filled in`, () => {
      const generic = t("errors.unknown");
      const wrong = codes.flatMap((code) => {
        const error = errors.get(code) as AppError;
        const message = errorMessage(
          t,
          new ApiRequestError(error.status, { code, message: error.message, details: error.details }),
        );
        const fine = message !== errorKey(code) && message !== generic && !message.includes("{{");
        return fine ? [] : [{ code, message }];
      });
      expect(wrong).toEqual([]);
    });
  }
});

describe("the texts of error codes", () => {
  /** Keys the web uses itself: an unreachable server, and the texts by HTTP status. */
  const webKeys = new Set(["network_failed", "not_found", "conflict"]);
  const codeKeys = codes.map((code) => code.replaceAll(".", "_"));

  it("are for codes the server sends (or variants of them by details.reason)", () => {
    const stray = Object.keys(nb.errors.codes).filter(
      (key) => !webKeys.has(key) && !codeKeys.some((code) => key === code || key.startsWith(`${code}_`)),
    );
    expect(stray).toEqual([]);
  });
});

describe("every failure of a sign-in through an identity provider", () => {
  for (const [language, t] of Object.entries(languages)) {
    it(`has a title and a text in ${language}`, () => {
      const keys = oidcFailureCodes.flatMap((code) => {
        const key = `login.oidcErrors.${code.replace(".", "_")}`;
        return [key, `${key}_title`];
      });
      expect(keys.filter((key) => t(key) === key)).toEqual([]);
    });
  }
});
