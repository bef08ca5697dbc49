import { Link as DsLink, List } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Me } from "../../../../contracts/auth.ts";
import type { Role } from "../../../../contracts/vocabulary.ts";

type Step = { key: string; to: string };

const stepsByRole: Record<Role, Step[]> = {
  admin: [
    { key: "admin.users", to: "/admin/brukere" },
    { key: "admin.agreements", to: "/admin/institusjoner" },
    { key: "admin.programmes", to: "/admin/studieprogram" },
    { key: "admin.placementSites", to: "/admin/praksissteder" },
    { key: "admin.settings", to: "/admin/innstillinger" },
  ],
  student_admin: [
    { key: "studentAdmin.overviews", to: "/oversikter" },
    { key: "studentAdmin.institutions", to: "/institusjoner" },
    { key: "studentAdmin.programmes", to: "/studieprogram" },
  ],
  coordinator: [
    { key: "coordinator.overviews", to: "/oversikter" },
    { key: "coordinator.contact", to: "/institusjoner" },
    { key: "coordinator.programmes", to: "/studieprogram" },
  ],
  it_provider: [{ key: "itProvider.institutions", to: "/institusjoner" }],
  ehealth: [{ key: "ehealth.institutions", to: "/institusjoner" }],
};

/** What the person can do next, by role; the same link is listed once. */
export function NextSteps({ me }: { me: Me }) {
  const { t } = useTranslation();
  const seen = new Set<string>();
  const steps: Step[] = [];
  for (const role of me.roles) {
    for (const step of stepsByRole[role]) {
      if (seen.has(step.to)) continue;
      seen.add(step.to);
      steps.push(step);
    }
  }
  if (me.user.isSystemAdmin) steps.push({ key: "systemAdmin.trusts", to: "/admin/foretak" });
  if (steps.length === 0) return null;
  return (
    <List.Unordered>
      {steps.map((step) => (
        <List.Item key={step.key}>
          <DsLink asChild>
            <Link to={step.to}>{t(`start.steps.${step.key}`)}</Link>
          </DsLink>
        </List.Item>
      ))}
    </List.Unordered>
  );
}
