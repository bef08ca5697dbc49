export const identityProviderKeys = { all: ["identity-providers"] as const };
