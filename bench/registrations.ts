import type { PublicRegistrationBody } from "../src/contracts/registrations-public.ts";
import { queryCountHeader } from "../src/server/shared/query-count.ts";
import type { Target } from "./load.ts";
import * as names from "./names.ts";
import { nationalIds } from "./synthetic.ts";

/**
 * The public registration measured against its floor: every request is a different student (a new
 * D-number born 2035–2039, which neither the generated region nor the import workbooks hold, a new
 * e-mail address), so each one does a new registration's work: the form's checks, the national ID
 * hashed and encrypted, the registration, its links and the confirmation e-mail stored. The app and
 * the floor each get a sequence of their own that yields the same bodies in the same order.
 */
export function registrationStudents(): () => string {
  const nextId = nationalIds(2035, { dNumber: true });
  let n = 0;
  return () => {
    const k = n++;
    const firstName = names.firstNames[k % names.firstNames.length] as string;
    const lastName = names.lastNames[(k * 7) % names.lastNames.length] as string;
    const body: PublicRegistrationBody = {
      firstName,
      lastName,
      email: `registrering.${k}@student.bench.test`,
      mobile: `+479${String(3_000_000 + (k % 6_000_000))}`,
      nationalId: nextId().nationalId,
      language: k % 10 === 9 ? "en" : "nb",
      privacyAccepted: true,
    };
    return JSON.stringify(body);
  };
}

const publicPath = (token: string) => `/api/public/campaigns/${token}/registrations`;

/** The app's public form and the floor's route (floor-server.ts), each with its own students. */
export function registrationTargets(o: { appUrl: string; floorUrl: string; token: string }): {
  app: Target;
  floor: Target;
} {
  const target = (url: string, path: string, headers: Record<string, string>): Target => {
    const next = registrationStudents();
    return {
      url,
      method: "POST",
      path,
      headers: { "content-type": "application/json", ...headers },
      body: next(),
      next: () => ({ path, body: next() }),
    };
  };
  return {
    app: target(o.appUrl, publicPath(o.token), { origin: o.appUrl }),
    floor: target(o.floorUrl, "/floor/registration", {}),
  };
}

/** One registration through the app's form: it must be taken (202); its statement count. */
export async function probeRegistration(target: Target): Promise<number> {
  const body = target.next?.().body;
  if (typeof body !== "string") throw new Error("a registration target makes a body for each request");
  const res = await fetch(`${target.url}${target.path}`, { method: "POST", headers: target.headers, body });
  if (res.status !== 202) throw new Error(`public registration answered ${res.status}: ${await res.text()}`);
  return Number(res.headers.get(queryCountHeader));
}

/**
 * Whether REGISTRATION_RATE_LIMIT took effect: the default lets one address register 100 times a
 * minute through one link, then answers 429. 101 forms in a row that fail the form's checks (an
 * invalid national ID: 400, nothing stored) must all be checked, none refused.
 */
export async function verifyRegistrationLimit(url: string, token: string): Promise<string> {
  const attempts = 101;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const res = await fetch(`${url}${publicPath(token)}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url },
      body: JSON.stringify({
        firstName: "Kari",
        lastName: "Nordmann",
        email: "kari.nordmann@student.bench.test",
        mobile: "+4791234567",
        nationalId: "12345678901",
        language: "nb",
        privacyAccepted: true,
      } satisfies PublicRegistrationBody),
    });
    if (res.status !== 400) {
      throw new Error(
        `REGISTRATION_RATE_LIMIT did not take effect: registration ${attempt} from one address answered ${res.status}.`,
      );
    }
  }
  return `${attempts} registrations from one address through one link checked, none refused (REGISTRATION_RATE_LIMIT raised)`;
}
