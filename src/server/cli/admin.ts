import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { migrateDatabase, openDatabase } from "../shared/database.ts";
import { isCommand, runAdminCommand, usage } from "./admin-commands.ts";

const [command, ...rest] = process.argv.slice(2);
if (!isCommand(command)) {
  process.stdout.write(`${usage}\n`);
  process.exit(command ? 2 : 0);
}
const { values } = parseArgs({
  args: rest,
  options: {
    name: { type: "string" },
    "short-name": { type: "string" },
    email: { type: "string" },
    password: { type: "string" },
    "admin-email": { type: "string" },
    "admin-name": { type: "string" },
    "admin-password": { type: "string" },
    off: { type: "boolean" },
  },
});

try {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await migrateDatabase(database);
    process.stdout.write(`${await runAdminCommand(database.db, command, values)}\n`);
  } finally {
    await database.close();
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
