import { z } from "zod";
import { email, text } from "../../contracts/common.ts";
import { agreementLinks } from "../module-links.ts";
import { writeAudit } from "../modules/audit/audit.public.ts";
import { endSessions } from "../modules/auth/auth.public.ts";
import { createInstitutionsUsecases } from "../modules/institutions/institutions.public.ts";
import { createTrustsUsecases } from "../modules/trusts/trusts.public.ts";
import { appointAdmin, findUserByEmail, setPasswordHash, setSystemAdmin } from "../modules/users/users.public.ts";
import type { Actor } from "../shared/actor.ts";
import { auditContext } from "../shared/audit-context.ts";
import type { Db } from "../shared/database.ts";
import { hashPassword } from "../shared/passwords.ts";

/** The command line acts as a system administrator without a user row; audit rows show no actor. */
const commandLine: Actor = {
  userId: "",
  isSystemAdmin: true,
  trustId: null,
  roles: [],
  institutionIds: [],
  requestId: "cli",
};
const cliAudit = auditContext(commandLine);

export const usage = `Usage: npm run admin -- <command> [options]

  create-trust --name <name> --admin-email <e-mail> --admin-name <name> [--admin-password <password>]
      Creates a trust and its first admin (an existing person keeps their account).
  create-institution --name <name> --short-name <short name>
      Creates an institution shared by the region's trusts.
  system-admin --email <e-mail> [--off]
      Gives (or with --off takes away) the system administrator flag.
  set-password --email <e-mail> --password <password>
      Sets a person's password (at least 12 characters) and ends their sessions.`;

const password = z.string().min(12, "The password must have at least 12 characters.");

const commands = {
  "create-trust": z.object({
    name: text(160),
    "admin-email": email(),
    "admin-name": text(200),
    "admin-password": password.optional(),
  }),
  "create-institution": z.object({ name: text(200), "short-name": text(20) }),
  "system-admin": z.object({ email: email(), off: z.boolean().optional() }),
  "set-password": z.object({ email: email(), password }),
};
export type Command = keyof typeof commands;
export const isCommand = (name: string | undefined): name is Command => Boolean(name && name in commands);

async function findUser(db: Db, address: string) {
  const user = await findUserByEmail(db, address);
  if (!user) throw new Error(`No person has the e-mail address ${address}.`);
  return user;
}

/** Runs one command; returns the line to print. Throws with a message meant for the operator. */
export async function runAdminCommand(db: Db, command: Command, options: Record<string, unknown>): Promise<string> {
  const parsed = commands[command].safeParse(options);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  }
  const o = parsed.data as Record<string, string | boolean | undefined>;
  switch (command) {
    case "create-trust": {
      const passwordHash = o["admin-password"] ? await hashPassword(o["admin-password"] as string) : null;
      const trust = await createTrustsUsecases({ db, appointAdmin }).create(commandLine, {
        name: o.name as string,
        firstAdmin: { email: o["admin-email"] as string, name: o["admin-name"] as string, passwordHash },
      });
      return `Created trust "${trust.name}" (${trust.id}) with ${o["admin-email"]} as admin.`;
    }
    case "create-institution": {
      const created = await createInstitutionsUsecases({ db, links: agreementLinks }).create(commandLine, {
        name: o.name as string,
        shortName: o["short-name"] as string,
      });
      return `Created institution ${created.shortName} – ${created.name} (${created.id}).`;
    }
    case "system-admin": {
      const user = await findUser(db, o.email as string);
      const on = !o.off;
      await db.transaction(async (tx) => {
        await setSystemAdmin(tx, user.id, on);
        await writeAudit(tx, cliAudit, {
          entity: "user",
          entityId: user.id,
          action: "update",
          fields: ["is_system_admin"],
        });
      });
      return `${user.email} is ${on ? "now" : "no longer"} a system administrator.`;
    }
    case "set-password": {
      const user = await findUser(db, o.email as string);
      const passwordHash = await hashPassword(o.password as string);
      await db.transaction(async (tx) => {
        await setPasswordHash(tx, user.id, passwordHash);
        await endSessions(tx, user.id);
        await writeAudit(tx, cliAudit, { entity: "user", entityId: user.id, action: "update", fields: ["password"] });
      });
      return `The password of ${user.email} is set; their sessions are ended.`;
    }
  }
}
