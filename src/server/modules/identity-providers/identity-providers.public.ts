/**
 * What other modules may use of the identity-providers module: its use-cases, and where a provider's
 * client secret is encrypted (for the encryption upgrade).
 */
export {
  createIdentityProvidersUsecases,
  type IdentityProvidersUsecases,
  secretPlace,
} from "./identity-providers.usecases.ts";
