import type { Registration } from "../../../contracts/registrations.ts";
import { maskNationalId } from "../../../domain/national-id.ts";
import type { CipherPlace, DataCrypto } from "../../shared/crypto.ts";
import type { RegistrationRow } from "./registrations-staff.repository.ts";

/** Where a registration's national ID is stored: the ciphertext is bound to its row. */
export const registrationNationalIdPlace = (id: string): CipherPlace => ({
  table: "registrations",
  column: "national_id_enc",
  id,
});

/** A registration as staff see it: the national ID only masked. */
export function registrationDto(crypto: DataCrypto, row: RegistrationRow): Registration {
  const r = row.registration;
  return {
    id: r.id,
    campaignId: r.campaignId,
    state: row.state,
    source: r.source as Registration["source"],
    firstName: r.firstName,
    lastName: r.lastName,
    email: r.email,
    mobile: r.mobile,
    nationalIdMasked: r.nationalIdEnc
      ? maskNationalId(crypto.decrypt(r.nationalIdEnc, registrationNationalIdPlace(r.id)))
      : null,
    birthDate: r.birthDate,
    nationality: r.nationality,
    homeInstitution: r.homeInstitution,
    earlierUsername: r.earlierUsername,
    language: r.language,
    personId: r.personId,
    matchedBy: r.matchedBy as Registration["matchedBy"],
    needsConfirmation: row.needsConfirmation,
    verified: r.verifiedAt !== null,
    createdAt: r.createdAt.toISOString(),
    confirmedAt: r.emailConfirmedAt?.toISOString() ?? null,
  };
}
