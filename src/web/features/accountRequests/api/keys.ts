/** Query keys of the account requests (the admin page and the count in the navigation). */
export const accountRequestKeys = {
  all: ["account-requests"] as const,
  list: ["account-requests", "list"] as const,
  pending: ["account-requests", "pending"] as const,
  publicTrusts: ["public", "trusts"] as const,
};
