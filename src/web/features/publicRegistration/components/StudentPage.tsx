import { Heading } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { MAIN_HEADING_ID, useDocumentTitle } from "../../../components/Page.tsx";

/** One of the students' pages: its title in the tab and an h1 (focused after navigation). */
export function StudentPage({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="student-page">
      <Heading level={1} data-size="md" id={MAIN_HEADING_ID} tabIndex={-1}>
        {title}
      </Heading>
      {children}
    </div>
  );
}
