import { useState } from "react";

/**
 * Which dialog of a list page is open (`null`: none) and for which row. Closing resets the given
 * mutations, so that an error shown in a dialog is gone when it opens again.
 */
export function useDialog<D extends { kind: string }>(...mutations: readonly { reset: () => void }[]) {
  const [dialog, setDialog] = useState<D | null>(null);
  const close = () => {
    setDialog(null);
    for (const m of mutations) m.reset();
  };
  return { dialog, open: setDialog, close };
}
