import type { InstancesResult } from "./checks.ts";
import type { LoadResult } from "./load.ts";
import type { PageBytes } from "./web.ts";

/** Everything one run measured: printed as Markdown, written as JSON to bench/results/. */
export interface Results {
  startedAt: string;
  machine: {
    cpus: number;
    memoryGb: number;
    node: string;
    database: string;
    loadAverageBefore: number[];
    loadAverageAfter: number[];
  };
  settings: { scale: number; smallScale: number; seconds: number; connections: number[]; rounds: number };
  generated: { counts: Record<string, number>; seconds: number; smallSeconds: number };
  verified: string[];
  measurements: Measurement[];
  queries: { label: string; statements: number }[];
  cost: { label: string; small: LoadResult; large: LoadResult }[];
  duringImports: { idle: LoadResult; busy: LoadResult; importsDone: number } | null;
  memory: { baseline: number; peaks: { rows: number; peak: number }[] };
  web: PageBytes[];
  instances: InstancesResult | null;
}

export interface Measurement {
  group: "read" | "sign-in" | "registration" | "import" | "export" | "order";
  label: string;
  statements: number | null;
  app: LoadResult;
  floor: LoadResult;
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const rps = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "–");
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(0)} MB`;

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

/** The targets of issue 11, each with what this run measured (8 connections for reads). */
export function targets(r: Results): { target: string; measured: string; met: boolean }[] {
  const out: { target: string; measured: string; met: boolean }[] = [];
  for (const m of r.measurements.filter((x) => x.group === "read" && x.app.connections === 8)) {
    const t = m.app.rps / m.floor.rps;
    const p = m.app.p975 / m.floor.p975;
    out.push({
      target: `${m.label}: ≥ 0.5× floor req/s, ≤ 2× floor p97.5`,
      measured: `${t.toFixed(2)}× req/s, ${p.toFixed(2)}× p97.5`,
      met: t >= 0.5 && p <= 2,
    });
  }
  const one = (group: Measurement["group"], label: string) =>
    r.measurements.find((m) => m.group === group && m.label.startsWith(label));
  const dry = one("import", "import dry run");
  if (dry) {
    const x = dry.app.p50 / dry.floor.p50;
    out.push({
      target: "import within 2× of ExcelJS reading the file",
      measured: `${x.toFixed(2)}× (p50)`,
      met: x <= 2,
    });
  }
  const save = one("import", "import and save");
  if (save) {
    const x = save.app.p50 / save.floor.p50;
    out.push({
      target: "import and save within 2× of ExcelJS reading the file",
      measured: `${x.toFixed(2)}× (p50)`,
      met: x <= 2,
    });
  }
  const exp = one("export", "export");
  if (exp) {
    const x = exp.app.p50 / exp.floor.p50;
    out.push({
      target: "export within 1.5× of ExcelJS writing the cells",
      measured: `${x.toFixed(2)}× (p50)`,
      met: x <= 1.5,
    });
  }
  const portal = one("export", "orders — portal export");
  if (portal) {
    const x = portal.app.p50 / portal.floor.p50;
    out.push({
      target: "portal export within 1.5× of ExcelJS writing the cells",
      measured: `${x.toFixed(2)}× (p50)`,
      met: x <= 1.5,
    });
  }
  const order = one("order", "orders — create");
  if (order) {
    const x = order.app.p50 / order.floor.p50;
    out.push({
      target: "order creation within 2× of its lines inserted in one statement",
      measured: `${x.toFixed(2)}× (p50)`,
      met: x <= 2,
    });
  }
  const pairs: [string, string][] = [
    ["orders — dry run", ""],
    ["orders — order of", ""],
    ["orders — portal export of", ""],
    ["orders — IT queue", ""],
    ["orders — readiness", ""],
    ["sheet of", "sheet of"],
    ["overview list", "overview list"],
    ["dashboard", "dashboard"],
    ["campaign of", "campaign of"],
  ];
  for (const [prefix] of pairs) {
    const counts = r.queries.filter((q) => q.label.startsWith(prefix));
    if (counts.length < 2) continue;
    const distinct = new Set(counts.map((q) => q.statements));
    out.push({
      target: `equal statement counts, ${prefix} small and large`,
      measured: counts.map((q) => `${q.statements}`).join(" / "),
      met: distinct.size === 1,
    });
  }
  const signInPage = r.web[0];
  if (signInPage) {
    out.push({
      target: "first-load JavaScript under 200 kB gzip (sign-in page)",
      measured: kb(signInPage.js.gzip),
      met: signInPage.js.gzip < 200_000,
    });
  }
  if (r.duringImports) {
    const x = r.duringImports.busy.p975 / r.duringImports.idle.p975;
    out.push({
      target: "reads during two imports within 2× of idle (p97.5)",
      measured: `${x.toFixed(2)}×`,
      met: x <= 2,
    });
  }
  return out;
}

export function markdown(r: Results): string {
  const parts: string[] = [];
  const m = r.machine;
  parts.push(
    `## Praksistilgang benchmark, scale ${r.settings.scale} (and ${r.settings.smallScale})\n\n` +
      `${m.cpus} CPUs, ${m.memoryGb} GB RAM, Node ${m.node}, ${m.database}; load average ${m.loadAverageBefore.map((v) => v.toFixed(1)).join(" ")} before, ${m.loadAverageAfter.map((v) => v.toFixed(1)).join(" ")} after. ` +
      `${r.settings.seconds} s per measurement; imports and exports ${r.settings.rounds} requests on 1 connection. Started ${r.startedAt}.\n\n` +
      `Generated in ${r.generated.seconds.toFixed(1)} s (the small region in ${r.generated.smallSeconds.toFixed(1)} s): ` +
      Object.entries(r.generated.counts)
        .map(([k, v]) => `${v.toLocaleString("en")} ${k}`)
        .join(", ") +
      ".\n\nSettings checked in the server: " +
      r.verified.join("; ") +
      ".",
  );
  const row = (x: Measurement) => [
    x.label,
    String(x.app.connections),
    rps(x.app.rps),
    rps(x.floor.rps),
    ratio(x.app.rps, x.floor.rps),
    ms(x.app.p50),
    ms(x.app.p975),
    ms(x.app.p99),
    ms(x.floor.p975),
    ratio(x.app.p975, x.floor.p975),
    x.statements === null ? "–" : String(x.statements),
  ];
  const head = [
    "operation",
    "conn",
    "app req/s",
    "floor req/s",
    "app/floor req/s",
    "app p50 ms",
    "app p97.5 ms",
    "app p99 ms",
    "floor p97.5 ms",
    "app/floor p97.5",
    "statements",
  ];
  parts.push(
    `### Reads against their floors\n\n${table(head, r.measurements.filter((x) => x.group === "read").map(row))}`,
  );
  parts.push(
    `### Sign-in, registration, import, export and order creation against their floors\n\n${table(
      head,
      r.measurements.filter((x) => x.group !== "read").map(row),
    )}`,
  );
  parts.push(
    `### Statements per request\n\n${table(
      ["request", "statements"],
      r.queries.map((q) => [q.label, String(q.statements)]),
    )}`,
  );
  parts.push(
    `### Cost as the region grows (8 connections, app)\n\n${table(
      [
        "operation",
        `req/s at ${r.settings.smallScale}`,
        `req/s at ${r.settings.scale}`,
        "large/small req/s",
        `p97.5 at ${r.settings.smallScale}`,
        `p97.5 at ${r.settings.scale}`,
        "large/small p97.5",
      ],
      r.cost.map((c) => [
        c.label,
        rps(c.small.rps),
        rps(c.large.rps),
        ratio(c.large.rps, c.small.rps),
        ms(c.small.p975),
        ms(c.large.p975),
        ratio(c.large.p975, c.small.p975),
      ]),
    )}`,
  );
  if (r.duringImports) {
    const d = r.duringImports;
    parts.push(
      `### Opening a sheet during two imports (8 connections; ${d.importsDone} imports saved meanwhile)\n\n${table(
        ["", "req/s", "p50 ms", "p97.5 ms", "p99 ms"],
        [
          ["idle", rps(d.idle.rps), ms(d.idle.p50), ms(d.idle.p975), ms(d.idle.p99)],
          ["during imports", rps(d.busy.rps), ms(d.busy.p50), ms(d.busy.p975), ms(d.busy.p99)],
          [
            "during/idle",
            ratio(d.busy.rps, d.idle.rps),
            ratio(d.busy.p50, d.idle.p50),
            ratio(d.busy.p975, d.idle.p975),
            ratio(d.busy.p99, d.idle.p99),
          ],
        ],
      )}`,
    );
  }
  parts.push(
    `### Server memory (resident set)\n\n${table(
      ["", "RSS"],
      [
        ["before the imports", mb(r.memory.baseline)],
        ...r.memory.peaks.map((p) => [`peak while importing ${p.rows.toLocaleString("en")} rows`, mb(p.peak)]),
      ],
    )}`,
  );
  parts.push(
    `### First load of the web app (JavaScript and CSS)\n\n${table(
      ["page", "files", "JS gzip", "JS brotli", "CSS gzip", "CSS brotli", "JS raw"],
      r.web.map((w) => [
        w.page,
        String(w.files),
        kb(w.js.gzip),
        kb(w.js.brotli),
        kb(w.css.gzip),
        kb(w.css.brotli),
        kb(w.js.raw),
      ]),
    )}`,
  );
  if (r.instances) {
    parts.push(
      `### ${r.instances.instances} instances on one database (correctness, not scaling)\n\n${r.instances.notes.map((n) => `- ${n}`).join("\n")}\n\n${table(
        ["operation (8 connections across instances)", "req/s", "p50 ms", "p97.5 ms", "p99 ms"],
        r.instances.loads.map((l) => [
          l.label,
          rps(l.result.rps),
          ms(l.result.p50),
          ms(l.result.p975),
          ms(l.result.p99),
        ]),
      )}`,
    );
  }
  parts.push(
    `### Targets\n\n${table(
      ["target", "measured", "met"],
      targets(r).map((t) => [t.target, t.measured, t.met ? "yes" : "**no**"]),
    )}`,
  );
  return `${parts.join("\n\n")}\n`;
}
