import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { StatusProvider } from "../components/StatusMessage.tsx";
import { i18next } from "../i18n/i18n.ts";
import { isApiError } from "../lib/api.ts";
import { queryKeys } from "../lib/queryKeys.ts";

/** When the session has run out, any 401 signs the person out of the UI as well. */
function onAnyError(error: unknown) {
  if (isApiError(error) && error.status === 401 && error.code !== "auth.invalid_credentials") {
    queryClient.setQueryData(queryKeys.me, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onAnyError }),
  mutationCache: new MutationCache({ onError: onAnyError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) =>
        !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
  },
});

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18next}>
      <QueryClientProvider client={queryClient}>
        <StatusProvider>{children}</StatusProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
