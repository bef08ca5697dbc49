import { buildApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { demoUsers, fillDemoData, isEmpty } from "./demo/demo-data.ts";
import { upgradeCiphertexts } from "./encryption-upgrade.ts";
import { appJobs } from "./jobs.ts";
import { createDataCrypto } from "./shared/crypto.ts";
import { migrateDatabase, openDatabase } from "./shared/database.ts";
import { startJobs } from "./shared/jobs.ts";

async function main() {
  const config = loadConfig();
  const database = await openDatabase(config.database, { countQueries: config.countQueries });
  await migrateDatabase(database);
  const firstStart = await isEmpty(database.db);
  if (config.demoData && firstStart) {
    await fillDemoData(database.db, {
      password: config.demoPassword,
      crypto: createDataCrypto(config.encryptionKey),
      publicUrl: config.publicUrl,
    });
  }

  const app = await buildApp({ config, database });
  const upgraded = await upgradeCiphertexts(database.db, createDataCrypto(config.encryptionKey));
  if (upgraded > 0) app.log.info({ upgraded }, "encrypted values re-encrypted in the current format");
  // Background jobs (pg-boss), listed in jobs.ts.
  const background = appJobs({ db: database.db, config, log: app.log });
  const jobs = await startJobs({ database, definitions: background.definitions, log: app.log });
  await jobs.trigger("outbox-flush");
  await app.listen({ port: config.port, host: config.host });

  const lines = [
    "",
    `Praksistilgang is running at ${config.publicUrl}  (database: ${database.kind})`,
    `API documentation: ${config.publicUrl}/api/docs`,
  ];
  if (config.demoData) {
    lines.push(`Demo sign-ins (password: the DEMO_PASSWORD setting, by default "demo-passord"):`);
    for (const u of demoUsers)
      lines.push(`  ${u.email.padEnd(28)} ${u.role}${u.institution ? ` (${u.institution})` : ""}`);
  }
  process.stdout.write(`${lines.join("\n")}\n\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    await app.close();
    await jobs.stop();
    background.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Praksistilgang could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
