import type { Role } from "../../contracts/vocabulary.ts";
import type { IsoDate } from "../../domain/dates.ts";
import type { Actor } from "../shared/actor.ts";
import type { Clock } from "../shared/clock.ts";

/** What the demo's first part made: the trust, its people, institutions and programmes. */
export interface DemoWorld {
  trustId: string;
  deadlineDays: number;
  /** Demo people by e-mail. */
  users: Map<string, { id: string; role: Role; institutionId: string | null }>;
  /** Institutions by short name. */
  institutions: Map<string, { id: string; name: string }>;
  /** Programme ids by `<institution short name> <programme name>`. */
  programmeIds: Map<string, string>;
}

/** A demo person acting through the use-cases; their audit rows carry the request id `demo-data`. */
export function demoActor(world: DemoWorld, email: string): Actor {
  const user = world.users.get(email);
  if (!user) throw new Error(`no demo user ${email}`);
  return {
    userId: user.id,
    isSystemAdmin: false,
    trustId: world.trustId,
    roles: [user.role],
    institutionIds: user.institutionId ? [user.institutionId] : [],
    requestId: "demo-data",
  };
}

/** A moment on `date` at `utcTime` (`HH:MM`): an hour or two later in Oslo. */
export const at = (date: IsoDate, utcTime: string) => new Date(`${date}T${utcTime}:00Z`);

/** A clock the demo sets to each step's moment; `now()` is the real time until it is set. */
export function demoClock(real: Clock) {
  let moment: Date | null = null;
  return {
    now: () => moment ?? real.now(),
    set(value: Date | null) {
      moment = value;
    },
  };
}
