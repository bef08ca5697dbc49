/**
 * The import rules (`npm run lint:imports`, part of `npm test`); docs/architecture.md "Modules" and
 * docs/decisions/0006-module-ownership.md say why. Type-only imports count like any other.
 */

/**
 * The server modules from the bottom up: a module may import only modules below it. The audit
 * module is split: its trail (`audit.public.ts` and what it needs) is below every module, the audit
 * log (the rest of it) above them all, because it names the records of every module.
 */
const layers = [
  "trusts",
  "institutions",
  "catalog",
  "users",
  "clinical-systems",
  "auth",
  "identity-providers",
  "outbox",
  "notifications",
  "account-requests",
  "persons",
  "overviews",
  "registrations",
  "learning-portal",
  "orders",
  "retention",
  "dashboard",
  "health",
];

const modules = "^src/server/modules";
const auditTrail = `${modules}/audit/(audit[.]public|audit[.]table|trail[.]repository)[.]ts$`;
const auditLog = `${modules}/audit/(?!(audit[.]public|audit[.]table|trail[.]repository)[.]ts$)`;
const tests = "[.]test[.]ts$";

/**
 * KNOWN, the one arrow against the layering left: the agreements table (institutions) names its FOU
 * contacts by foreign keys to users, while memberships (users) point at institutions. It is schema,
 * not a call, and the files have no cycle; the fix (agreements in a module above users) moves the
 * agreements' routes, which another part of issue 9 is rewriting. docs/decisions/0006 says more.
 */
const agreementContacts = {
  from: `${modules}/institutions/agreements[.]table[.]ts$`,
  to: `${modules}/users/users[.]table[.]ts$`,
};

const layerRules = layers.map((name, index) => {
  const above = [...layers.slice(index + 1), "audit"];
  return {
    name: `layer-${name}`,
    comment: `${name} may import only modules below it: ${layers.slice(0, index).join(", ") || "none"} and the audit trail`,
    severity: "error",
    from: {
      path: `${modules}/${name}/`,
      pathNot: [tests, ...(name === "institutions" ? [agreementContacts.from] : [])],
    },
    to: { path: `${modules}/(${above.join("|")})/`, pathNot: auditTrail },
  };
});

const agreementContactsRule = {
  name: "layer-institutions-agreement-contacts",
  comment:
    "The agreements table may import only the users table of the modules above institutions (see agreementContacts)",
  severity: "error",
  from: { path: agreementContacts.from },
  to: { path: `${modules}/(${layers.slice(2).join("|")}|audit)/`, pathNot: agreementContacts.to },
};

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No import cycles, type-only imports included",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "module-private",
      comment:
        "Another module is reached only through its <module>.public.ts (docs/architecture.md, Modules); tables have their own rule",
      severity: "error",
      from: { path: `${modules}/([^/]+)/`, pathNot: [tests, auditLog] },
      to: { path: `${modules}/`, pathNot: [`${modules}/$1/`, "[.]public[.]ts$", "[.]table[.]ts$"] },
    },
    {
      name: "foreign-tables-in-modules",
      comment:
        "Another module's table is imported only by table files (foreign keys) and by repositories that join it read-only (lower modules only, by the layering)",
      severity: "error",
      from: { path: `${modules}/([^/]+)/`, pathNot: [tests, "[.]table[.]ts$", "[.]repository[.]ts$"] },
      to: { path: `${modules}/[^/]+/[^/]+[.]table[.]ts$`, pathNot: `${modules}/$1/` },
    },
    {
      name: "tables-only-tables",
      comment: "A table file imports no other file of another module than its tables",
      severity: "error",
      from: { path: `${modules}/([^/]+)/[^/]+[.]table[.]ts$` },
      to: { path: `${modules}/`, pathNot: [`${modules}/$1/`, "[.]table[.]ts$"] },
    },
    {
      name: "audit-log-reads-tables",
      comment: "The audit log reads other modules' tables (read-only, to name records) and public files, nothing else",
      severity: "error",
      from: { path: auditLog, pathNot: tests },
      to: {
        path: `${modules}/(?!audit/)`,
        pathNot: ["[.]table[.]ts$", "[.]public[.]ts$"],
      },
    },
    {
      name: "tables-outside-modules",
      comment: "Outside the modules only db/schema.ts, the demo seed and the encryption upgrade import tables",
      severity: "error",
      from: {
        path: "^src/server/(?!modules/)",
        pathNot: [
          tests,
          "^src/server/db/schema[.]ts$",
          "^src/server/demo/demo-data[.]ts$",
          "^src/server/encryption-upgrade[.]ts$",
        ],
      },
      to: { path: `${modules}/[^/]+/[^/]+[.]table[.]ts$` },
    },
    {
      name: "composition-root",
      comment:
        "The composition root (jobs.ts, module-links.ts, main.ts, demo/, cli/, encryption-upgrade.ts) imports a module's public file or its use-case and job factories",
      severity: "error",
      from: {
        path: "^src/server/(jobs|main|module-links|encryption-upgrade)[.]ts$|^src/server/(demo|cli)/",
        pathNot: tests,
      },
      to: { path: `${modules}/`, pathNot: ["[.]public[.]ts$", "[.]table[.]ts$", "[.]usecases[.]ts$", "[.]jobs[.]ts$"] },
    },
    {
      name: "frame-public-only",
      comment:
        "The rest of the server outside the modules (plugins, shared, config, db) imports only modules' public files",
      severity: "error",
      from: {
        path: "^src/server/(?!modules/)",
        pathNot: [
          tests,
          "^src/server/(app|jobs|main|module-links|encryption-upgrade)[.]ts$",
          "^src/server/(demo|cli)/",
          "^src/server/db/schema[.]ts$",
        ],
      },
      to: { path: `${modules}/`, pathNot: "[.]public[.]ts$" },
    },
    {
      name: "composition-root-app",
      comment: "app.ts registers the modules' routes plugins and builds their use-cases from public files or factories",
      severity: "error",
      from: { path: "^src/server/app[.]ts$" },
      to: {
        path: `${modules}/`,
        pathNot: ["[.]public[.]ts$", "[.]routes[.]ts$", "[.]usecases[.]ts$"],
      },
    },
    {
      name: "layer-audit-trail",
      comment: "The audit trail (audit.public.ts) is below every module and imports none",
      severity: "error",
      from: { path: auditTrail },
      to: { path: `${modules}/(?!audit/)` },
    },
    ...layerRules,
    agreementContactsRule,
    {
      name: "no-cross-feature",
      comment: "A web feature does not import another feature (shared code goes to src/web/components or lib)",
      severity: "error",
      from: { path: "^src/web/features/([^/]+)/" },
      to: { path: "^src/web/features/", pathNot: "^src/web/features/$1/" },
    },
    {
      name: "web-not-server",
      comment: "The web app imports nothing of the server (shared code is in src/contracts and src/domain)",
      severity: "error",
      from: { path: "^src/web/" },
      to: { path: "^src/server/" },
    },
    {
      name: "shared-code-stays-shared",
      comment: "src/domain and src/contracts import nothing of the server or the web app",
      severity: "error",
      from: { path: "^src/(domain|contracts)/" },
      to: { path: "^src/(server|web)/" },
    },
    {
      name: "domain-below-contracts",
      comment: "The contracts derive their schemas from src/domain; the domain does not import the contracts",
      severity: "error",
      from: { path: "^src/domain/", pathNot: tests },
      to: { path: "^src/contracts/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^src/server/db/migrations/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
