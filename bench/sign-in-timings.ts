import { queryCountHeader } from "../src/server/shared/query-count.ts";
import { type BenchContext, series } from "./context.ts";
import { probeRegistration, registrationTargets } from "./registrations.ts";

/**
 * Sign-in against argon2 verification alone, and a student's registration through the campaign's
 * public link (each request a new student) against the form's checks and the national ID's
 * encryption.
 */
export async function measureSignIn(c: BenchContext): Promise<void> {
  const { f, app, floor, password } = c;
  const signInBody = JSON.stringify({ email: f.users.signIn, password });
  const signInProbe = await fetch(`${app.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url },
    body: signInBody,
  });
  if (!signInProbe.ok) throw new Error(`sign-in answered ${signInProbe.status}`);
  await series(
    c,
    "sign-in",
    "sign-in",
    {
      url: app.url,
      method: "POST",
      path: "/api/auth/login",
      headers: { "content-type": "application/json", origin: app.url },
      body: signInBody,
    },
    {
      url: floor.url,
      method: "POST",
      path: "/floor/sign-in",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ password }),
    },
    Number(signInProbe.headers.get(queryCountHeader)),
  );

  // A student's registration through the campaign's public link, each request a new student.
  const registration = registrationTargets({ appUrl: app.url, floorUrl: floor.url, token: f.campaigns.openToken });
  await series(
    c,
    "public registration (new student each request)",
    "registration",
    registration.app,
    registration.floor,
    await probeRegistration(registration.app),
    [1, 8],
  );
}
