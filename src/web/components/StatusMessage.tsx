import { Alert, Paragraph } from "@digdir/designsystemet-react";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";

type StatusContextValue = { message: string | null; announce: (message: string) => void; clear: () => void };

const StatusContext = createContext<StatusContextValue>({ message: null, announce: () => {}, clear: () => {} });

/** Holds the success message of the current page ("Brukeren er lagt til"). */
export function StatusProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  const announce = useCallback((m: string) => {
    // Clear first so that the same message twice in a row is announced again.
    setMessage(null);
    window.setTimeout(() => setMessage(m), 50);
  }, []);
  const clear = useCallback(() => setMessage(null), []);
  const value = useMemo(() => ({ message, announce, clear }), [message, announce, clear]);
  return <StatusContext.Provider value={value}>{children}</StatusContext.Provider>;
}

export function useAnnounce() {
  return useContext(StatusContext).announce;
}

export function useClearStatus() {
  return useContext(StatusContext).clear;
}

/** The message shown now, for a page that must take it away once it is no longer true. */
export function useStatusMessage() {
  return useContext(StatusContext).message;
}

/** A message for the page a navigation leads to: `navigate(to, { state: { announce } })`. */
export type AnnounceState = { announce: string };

/** The message a navigation brought along, if any (see `Root`). */
export function announcedBy(state: unknown): string | null {
  const message = (state as Partial<AnnounceState> | null)?.announce;
  return typeof message === "string" ? message : null;
}

/** A polite live region that is always in the page, so screen readers hear what is put in it. */
export function StatusRegion() {
  const { message } = useContext(StatusContext);
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="status-region">
      {message ? (
        <Alert data-color="success">
          <Paragraph>{message}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
