import { Button } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useLogout } from "../api/logout.ts";

export function SignOutButton() {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Button
      variant="secondary"
      data-size="sm"
      loading={logout.isPending}
      onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/logg-inn") })}
    >
      {t("header.signOut")}
    </Button>
  );
}
