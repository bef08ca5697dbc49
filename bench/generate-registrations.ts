import { addDays, type IsoDate } from "../src/domain/dates.ts";
import { campaignToken, tokenHash } from "../src/server/modules/registrations/campaign-tokens.ts";
import { registrationNationalIdPlace } from "../src/server/modules/registrations/registrations.repository.ts";
import type { DataCrypto } from "../src/server/shared/crypto.ts";
import type { Database } from "../src/server/shared/database.ts";
import { query } from "./databases.ts";
import { insertMany } from "./insert-many.ts";
import { nationalIds, type Person, type Random } from "./synthetic.ts";

/**
 * Registration campaigns and registrations for the generated region, as the app stores them: per
 * agreement the autumn campaigns of the last three years and one open now, each with a public token
 * (only its SHA-256 stored, the token a keyed hash of id and salt); three in four of each trust's
 * students registered in one of their trust's campaigns, and a tenth more that match nobody;
 * national IDs encrypted for their registration with the keyed hash beside them; the links of the
 * e-mail (confirm_email, personal_page) as hashes. States are mixed as in life: unconfirmed e-mail,
 * confirmed without a person, matched by national ID (some waiting for a confirmation because the
 * e-mail differs from the rows'), some without a national ID, the persons' `registered_at` set.
 *
 * Fixed in size whatever the scale, at Helse Bergen: a campaign of `sizes.campaign` registrations
 * (the list measured) and one of `sizes.smallCampaign` (its statement count beside the large one's),
 * and an empty open campaign that the public registrations go to.
 */
export interface CampaignFixtures {
  large: string;
  small: string;
  /** The open, empty campaign's public token (the link a student opens). */
  openToken: string;
}

export interface RegistrationContext {
  r: Random;
  crypto: DataCrypto;
  seed: number;
  now: Date;
  today: IsoDate;
  thisYear: number;
  trustIds: string[];
  agreements: { trust: number; institutionId: string }[];
  /** Each trust's FOU users (the first creates the campaigns). */
  fou: string[][];
  persons: Person[][];
  /** The measured campaigns' institution, and the open campaign's. */
  listInstitutionId: string;
  openInstitutionId: string;
  sizes: { smallCampaign: number; campaign: number };
  count(table: string, n: number): void;
}

interface Campaign {
  id: string;
  trust: number;
  institutionId: string;
  name: string;
  deadline: IsoDate;
  createdAt: Date;
}

const hour = 3_600_000;

export async function generateRegistrations(database: Database, c: RegistrationContext): Promise<CampaignFixtures> {
  const { r, crypto, now } = c;
  const campaigns: Campaign[] = [];
  const addCampaign = (trust: number, institutionId: string, name: string, deadline: IsoDate) => {
    const opened = new Date(`${addDays(deadline < c.today ? deadline : c.today, -45)}T08:00:00Z`);
    const campaign = { id: r.uuid(), trust, institutionId, name, deadline, createdAt: opened };
    campaigns.push(campaign);
    return campaign;
  };
  const byTrust: Campaign[][] = c.trustIds.map(() => []);
  for (const a of c.agreements) {
    for (const year of [c.thisYear - 2, c.thisYear - 1, c.thisYear]) {
      (byTrust[a.trust] as Campaign[]).push(
        addCampaign(a.trust, a.institutionId, `Studiestart høsten ${year}`, `${year}-08-15`),
      );
    }
    (byTrust[a.trust] as Campaign[]).push(
      addCampaign(a.trust, a.institutionId, "Praksis neste periode", addDays(c.today, 30)),
    );
  }
  const large = addCampaign(0, c.listInstitutionId, "Studiestart, alle kull", addDays(c.today, 20));
  const small = addCampaign(0, c.listInstitutionId, "Etterregistrering", addDays(c.today, 20));
  const open = addCampaign(0, c.openInstitutionId, "Registrering for praksis", addDays(c.today, 60));
  const salts = new Map(campaigns.map((k) => [k.id, r.uuid()]));
  await insertMany(
    database,
    "campaigns",
    [
      ["id", "uuid"],
      ["trust_id", "uuid"],
      ["institution_id", "uuid"],
      ["name", "text"],
      ["deadline", "date"],
      ["closed_at", "timestamptz"],
      ["token_salt", "text"],
      ["token_hash", "text"],
      ["created_by", "uuid"],
      ["created_at", "timestamptz"],
    ],
    campaigns.map((k) => [
      k.id,
      c.trustIds[k.trust],
      k.institutionId,
      k.name,
      k.deadline,
      // A few of the past campaigns were closed early by FOU.
      k.deadline < c.today && r.next() < 0.1 ? new Date(`${addDays(k.deadline, -3)}T12:00:00Z`).toISOString() : null,
      salts.get(k.id),
      tokenHash(campaignToken(crypto, k.id, salts.get(k.id) as string)),
      (c.fou[k.trust] as string[])[0],
      k.createdAt.toISOString(),
    ]),
  );
  c.count("campaigns", campaigns.length);

  // Registrations: students of the trust (matched by their national ID unless unconfirmed), and
  // students nobody knows, with D-numbers no person holds.
  const unknownId = nationalIds(2030, { dNumber: true });
  const rows: unknown[][] = [];
  const languages = ["nb", "nb", "nb", "nb", "nb", "nb", "nb", "nn", "nn", "en"] as const;
  const add = (k: Campaign, p: Person | null) => {
    const id = r.uuid();
    const until = Math.min(now.getTime(), new Date(`${k.deadline}T21:59:00Z`).getTime());
    const createdAt = new Date(k.createdAt.getTime() + r.next() * Math.max(hour, until - k.createdAt.getTime()));
    const confirmed = r.next() < (p ? 0.92 : 0.6);
    const withoutId = !p && r.next() < 0.2;
    const student = p ?? {
      ...unknownId(),
      firstName: r.pick(["Lea", "Jonas", "Amina", "Mats", "Sofie", "Ali", "Julie", "Erik"]),
      lastName: r.pick(["Berg", "Haugen", "Rahimi", "Vik", "Nguyen", "Lunde", "Moen", "Strand"]),
      email: "",
      mobile: `+479${String(2_000_000 + r.int(7_000_000))}`,
    };
    const email = p
      ? r.next() < 0.05
        ? `${p.email.split("@")[0]}@privat.bench.test`
        : p.email
      : `student.${rows.length}@ukjent.bench.test`;
    const confirmedAt = confirmed ? new Date(createdAt.getTime() + 0.2 * hour) : null;
    const person = p && confirmed ? p.id : null;
    const verified = !withoutId && r.next() < 0.15;
    rows.push([
      id,
      c.trustIds[k.trust],
      k.id,
      k.institutionId,
      verified ? "idporten" : "form",
      student.firstName,
      student.lastName,
      email,
      student.mobile,
      withoutId ? null : crypto.encrypt(student.nationalId, registrationNationalIdPlace(id)),
      withoutId ? null : crypto.hash(student.nationalId),
      withoutId ? student.birthDate : null,
      withoutId ? "Tyskland" : null,
      withoutId ? "Universität Heidelberg" : null,
      r.next() < 0.05 ? `hv${r.int(100_000)}` : null,
      r.pick(languages),
      confirmedAt?.toISOString() ?? null,
      verified ? createdAt.toISOString() : null,
      person,
      person ? "national_id" : null,
      person ? confirmedAt?.toISOString() : null,
      createdAt.toISOString(),
    ]);
  };
  c.persons.forEach((pool, ti) => {
    const own = byTrust[ti] as Campaign[];
    for (const p of pool) if (r.next() < 0.75) add(r.pick(own), p);
    for (let k = 0; k < Math.round(pool.length * 0.075); k++) add(r.pick(own), null);
  });
  const bergen = c.persons[0] as Person[];
  let next = 0;
  for (const [k, size] of [
    [large, c.sizes.campaign],
    [small, c.sizes.smallCampaign],
  ] as const) {
    const known = Math.min(Math.round(size * 0.7), bergen.length);
    for (let j = 0; j < size; j++) add(k, j < known ? (bergen[next++ % bergen.length] as Person) : null);
  }
  await insertMany(
    database,
    "registrations",
    [
      ["id", "uuid"],
      ["trust_id", "uuid"],
      ["campaign_id", "uuid"],
      ["institution_id", "uuid"],
      ["source", "text"],
      ["first_name", "text"],
      ["last_name", "text"],
      ["email", "text"],
      ["mobile", "text"],
      ["national_id_enc", "text"],
      ["national_id_hash", "text"],
      ["birth_date", "date"],
      ["nationality", "text"],
      ["home_institution", "text"],
      ["earlier_username", "text"],
      ["language", "text:language"],
      ["email_confirmed_at", "timestamptz"],
      ["verified_at", "timestamptz"],
      ["person_id", "uuid"],
      ["matched_by", "text"],
      ["matched_at", "timestamptz"],
      ["created_at", "timestamptz"],
    ],
    rows,
  );
  c.count("registrations", rows.length);

  // The links of each registration's e-mail, as the app keeps them (SHA-256 in base64url), and the
  // persons a confirmed registration with nothing waiting makes registered.
  const [tokens] = await query<{ n: number }>(
    database,
    `with added as (
       insert into registration_tokens (registration_id, purpose, token_hash, expires_at, used_at, created_at)
       select g.id, t.purpose,
              translate(rtrim(encode(sha256(convert_to($1::text || g.id::text || t.purpose, 'UTF8')), 'base64'), '='), '+/', '-_'),
              g.created_at + t.lifetime,
              case when t.purpose = 'confirm_email' then g.email_confirmed_at end,
              g.created_at
         from registrations g
         cross join (values ('confirm_email', interval '7 days'), ('personal_page', interval '730 days')) t(purpose, lifetime)
       returning 1)
     select count(*)::int as n from added`,
    [String(c.seed)],
  );
  c.count("registration_tokens", tokens?.n ?? 0);
  await query(
    database,
    `update persons p set registered_at = g.first, language = g.language
       from (select distinct on (person_id) person_id, email_confirmed_at as first, language::text as language
               from registrations g
              where g.person_id is not null
                and exists (select 1 from placement_rows w where w.person_id = g.person_id and lower(w.email) = g.email)
              order by person_id, email_confirmed_at) g
      where p.id = g.person_id`,
  );
  return {
    large: large.id,
    small: small.id,
    openToken: campaignToken(crypto, open.id, salts.get(open.id) as string),
  };
}
