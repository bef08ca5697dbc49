import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  administratorRole,
  allows,
  allowsCaller,
  allowsTrustWide,
  institutionRole,
  type PolicyName,
  policies,
  requestableRoles,
} from "./policies.ts";
import { roles } from "./vocabulary.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const roleNames = new Set<string>(roles);

/**
 * Where a role may be named in src/: the policies table, the contracts' role list (`roles` in
 * vocabulary.ts, checked below), tests (they set up their callers), and the demo data (it creates
 * memberships). Everything else asks a policy.
 */
const mayNameRoles = (path: string) =>
  path === "src/contracts/policies.ts" || /\.test\.tsx?$/.test(path) || path.startsWith("src/server/demo/");

/** Literals that equal a role's name without meaning the role, each with why. */
const notRoles = [{ path: "src/web/app/router.tsx", text: "admin", why: "the URL segment of /admin" }];

/**
 * Every string literal whose whole text is a role's name: in either quote or as a template
 * without substitutions, in code or in a type (`"admin" | "coordinator"`), as a JSX attribute or
 * a quoted property name. Not comments, and not identifier keys of a `Record<Role, …>` (the
 * compiler asks such a map for every role, so a new role is not forgotten there). `allowed`
 * spans (start, end) are skipped.
 */
function roleLiterals(path: string, source: string, allowed: [number, number][] = []) {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: { path: string; line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && roleNames.has(node.text)) {
      const start = node.getStart(file);
      if (!allowed.some(([from, to]) => start >= from && start < to)) {
        found.push({ path, line: file.getLineAndCharacterOfPosition(start).line + 1, text: node.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The span of `export const roles = [...]` in vocabulary.ts: the contracts' role list. */
function roleListSpan(source: string): [number, number] {
  const file = ts.createSourceFile("vocabulary.ts", source, ts.ScriptTarget.Latest, true);
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const declaration = statement.declarationList.declarations.find((d) => d.name.getText(file) === "roles");
    if (declaration?.initializer) return [declaration.initializer.getStart(file), declaration.initializer.getEnd()];
  }
  throw new Error("src/contracts/vocabulary.ts declares no `roles`");
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("role literals", () => {
  it("are named only in the policies table and the contracts' role list", () => {
    const files = sourceFiles("src").filter((path) => !mayNameRoles(path));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((path) => {
      const source = readFileSync(join(root, path), "utf8");
      return roleLiterals(path, source, path === "src/contracts/vocabulary.ts" ? [roleListSpan(source)] : []);
    });
    const unexplained = found.filter((f) => !notRoles.some((n) => n.path === f.path && n.text === f.text));
    expect(
      unexplained.map((f) => `${f.path}:${f.line} "${f.text}"`),
      "name a policy from src/contracts/policies.ts instead",
    ).toEqual([]);
    for (const n of notRoles) {
      expect(
        found.some((f) => f.path === n.path && f.text === n.text),
        `${n.path} "${n.text}" (${n.why}) is still there`,
      ).toBe(true);
    }
  });

  it("are found in either quote, in templates, in types and in JSX", () => {
    const source = [
      `if (hasRole(me, 'coordinator')) show();`,
      "const key = `student_admin`;",
      'type Keeper = "admin" | "ehealth";',
      'const gate = <Gate role="it_provider" />;',
      "// a comment about the coordinator, and 'admin' in it, is prose",
      'const label = "admin@demo.test";',
    ].join("\n");
    expect(roleLiterals("example.tsx", source).map((f) => [f.line, f.text])).toEqual([
      [1, "coordinator"],
      [2, "student_admin"],
      [3, "admin"],
      [3, "ehealth"],
      [4, "it_provider"],
    ]);
  });
});

describe("policies", () => {
  it("name only known roles", () => {
    for (const [name, policy] of Object.entries(policies)) {
      expect(
        policy.roles.filter((r) => !roleNames.has(r)),
        name,
      ).toEqual([]);
    }
  });

  it("let a system administrator in only where they say so, and never through `allows`", () => {
    const systemAdmin = { roles: [], isSystemAdmin: true };
    const open = (Object.keys(policies) as PolicyName[]).filter((p) => allowsCaller(systemAdmin, p));
    expect(open.sort()).toEqual(["devMailbox.read", "institutions.manage", "institutions.read", "trusts.manage"]);
    expect(open.filter((p) => allows(systemAdmin.roles, p))).toEqual([]);
  });

  it("scope a policy held only through the institution's role to that institution", () => {
    expect(allowsTrustWide([institutionRole], "overviews.read")).toBe(false);
    expect(allowsTrustWide([institutionRole, "student_admin"], "overviews.read")).toBe(true);
    expect(allowsTrustWide(["it_provider"], "catalog.read")).toBe(true);
    expect(allowsTrustWide(["it_provider"], "overviews.read")).toBe(false);
  });

  it("let people ask for every role but the administrator's", () => {
    expect([...requestableRoles, administratorRole].sort()).toEqual([...roles].sort());
  });
});
