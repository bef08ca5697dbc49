import { Button, Card, Field, Heading, Label, Paragraph, Select, Table } from "@digdir/designsystemet-react";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { DuplicateGroup, DuplicateReason } from "../../../../contracts/persons.ts";
import { formatDate } from "../../../../domain/dates.ts";
import { ConfirmDialog } from "../../../components/ConfirmDialog.tsx";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { SearchField } from "../../../components/SearchField.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { errorMessage } from "../../../lib/errors.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useDuplicates } from "../api/listDuplicates.ts";
import { useMergePersons } from "../api/mergePersons.ts";

const pageSize = 20;
/** The reason filter as it stands in the URL (`?grunn=`), in Norwegian like the paths. */
const reasonParams: Record<string, DuplicateReason> = { epost: "email", navn: "name_birth_date" };
const paramOf = (reason: DuplicateReason | undefined) =>
  Object.entries(reasonParams).find(([, r]) => r === reason)?.[0] ?? "";

type Person = DuplicateGroup["persons"][number];
type Merge = { group: DuplicateGroup; keep: Person; others: Person[] };

export function DuplicatesPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "persons.merge")}>
      <Duplicates />
    </AccessGate>
  );
}

const fullName = (p: Person) => `${p.firstName} ${p.lastName}`.trim();
/** A person told apart from others of the same name: "Eli Brattli (HVL)". */
const described = (p: Person) => {
  const where = p.institutions.map((i) => i.shortName).join(", ") || p.email;
  return where ? `${fullName(p)} (${where})` : fullName(p);
};

/** The others a person can take in: not one that holds a national ID when this one does too. */
const mergeableInto = (keep: Person, group: DuplicateGroup) =>
  group.persons.filter((o) => o.id !== keep.id && !(keep.nationalIdMasked && o.nationalIdMasked));

/**
 * /personer/duplikater — persons of different institutions who may be the same student (the same
 * e-mail, or names and birth date), which matching never joins by itself; FOU and admins keep one
 * of each group and merge the others into it.
 */
function Duplicates() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const reason = reasonParams[params.get("grunn") ?? ""];
  const page = Math.max(1, Number.parseInt(params.get("side") ?? "1", 10) || 1);
  const urlQuery = params.get("q") ?? "";
  const [text, setText] = useState(urlQuery);
  const [merge, setMerge] = useState<Merge | null>(null);
  const merging = useMergePersons();

  const update = (changes: Record<string, string>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if (text === urlQuery) return;
    const timer = window.setTimeout(() => update({ q: text.trim(), side: "" }), 250);
    return () => window.clearTimeout(timer);
  });

  const list = useDuplicates({
    reason,
    q: urlQuery.trim() || undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  const close = () => {
    setMerge(null);
    merging.reset();
  };

  return (
    <Page title={t("duplicates.title")} lead={<Paragraph>{t("duplicates.lead")}</Paragraph>}>
      <div className="toolbar">
        <Field>
          <Label htmlFor="duplicates-reason">{t("duplicates.reason")}</Label>
          <Select
            id="duplicates-reason"
            value={paramOf(reason)}
            onChange={(e) => update({ grunn: e.target.value, side: "" })}
          >
            <Select.Option value="">{t("duplicates.anyReason")}</Select.Option>
            <Select.Option value="epost">{t("duplicates.reasons.email")}</Select.Option>
            <Select.Option value="navn">{t("duplicates.reasons.name_birth_date")}</Select.Option>
          </Select>
        </Field>
        <SearchField label={t("duplicates.search")} value={text} onChange={setText} id="duplicates-search" />
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Paragraph aria-live="polite">
            {total === 0
              ? urlQuery || reason
                ? t("duplicates.noneMatching")
                : t("duplicates.none")
              : t("duplicates.count", { count: total })}
          </Paragraph>
          <ul className="card-list">
            {(list.data?.groups ?? []).map((g) => (
              <li key={`${g.reason}:${g.key}`}>
                <GroupCard group={g} onKeep={(keep, others) => setMerge({ group: g, keep, others })} />
              </li>
            ))}
          </ul>
          {pages > 1 ? (
            <nav className="button-row" aria-label={t("duplicates.paging")}>
              <Button variant="secondary" disabled={page <= 1} onClick={() => update({ side: String(page - 1) })}>
                {t("duplicates.previous")}
              </Button>
              <Paragraph>{t("duplicates.pageOf", { page, pages })}</Paragraph>
              <Button variant="secondary" disabled={page >= pages} onClick={() => update({ side: String(page + 1) })}>
                {t("duplicates.next")}
              </Button>
            </nav>
          ) : null}
        </>
      )}
      <ConfirmDialog
        open={merge !== null}
        title={t("duplicates.confirmTitle", { name: merge ? fullName(merge.keep) : "" })}
        body={
          merge
            ? t("duplicates.confirmBody", {
                keep: described(merge.keep),
                others: merge.others.map(described).join(", "),
              })
            : ""
        }
        confirmLabel={t("duplicates.confirm")}
        pending={merging.isPending}
        error={merging.error ? errorMessage(t, merging.error) : null}
        onClose={close}
        onConfirm={() => {
          if (!merge) return;
          merging.mutate(
            { keepId: merge.keep.id, otherIds: merge.others.map((o) => o.id) },
            {
              onSuccess: ({ movedRows }) => {
                announce(t("duplicates.merged", { name: fullName(merge.keep), count: movedRows }));
                close();
              },
            },
          );
        }}
      />
    </Page>
  );
}

const formatDateOrDash = (date: string | null) => (date ? formatDate(date) : "–");

/** What the group shares, as people write it: the e-mail, or "Etternavn, Fornavn, dd.mm.åååå". */
function keyText(g: DuplicateGroup) {
  const p = g.persons[0];
  if (!p) return g.key;
  return g.reason === "email" ? (p.email ?? g.key) : `${p.lastName}, ${p.firstName}, ${formatDateOrDash(p.birthDate)}`;
}

/** One group: its persons side by side, each with the button that keeps them and merges the others in. */
function GroupCard({ group: g, onKeep }: { group: DuplicateGroup; onKeep: (keep: Person, others: Person[]) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Card className="card-body">
      <Heading level={2} data-size="xs" id={headingId}>
        {t(`duplicates.reasons.${g.reason}`)}: {keyText(g)}
      </Heading>
      <TableScroller labelledBy={headingId}>
        <Table data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("duplicates.name")}</Table.HeaderCell>
              <Table.HeaderCell>{t("duplicates.birthDate")}</Table.HeaderCell>
              <Table.HeaderCell>{t("duplicates.nationalId")}</Table.HeaderCell>
              <Table.HeaderCell>{t("duplicates.email")}</Table.HeaderCell>
              <Table.HeaderCell>{t("duplicates.institutions")}</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="ds-sr-only">{t("duplicates.actions")}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {g.persons.map((p) => {
              const others = mergeableInto(p, g);
              return (
                <Table.Row key={p.id}>
                  <Table.Cell>{fullName(p)}</Table.Cell>
                  <Table.Cell>{formatDateOrDash(p.birthDate)}</Table.Cell>
                  <Table.Cell>{p.nationalIdMasked ?? "–"}</Table.Cell>
                  <Table.Cell>{p.email ?? "–"}</Table.Cell>
                  <Table.Cell>
                    {p.institutions.length === 0
                      ? t("duplicates.noRows")
                      : p.institutions
                          .map((i) => t("duplicates.institutionRows", { name: i.shortName, count: i.rows }))
                          .join(", ")}
                  </Table.Cell>
                  <Table.Cell>
                    {others.length > 0 ? (
                      <Button
                        variant="secondary"
                        data-size="sm"
                        onClick={() => onKeep(p, others)}
                        aria-label={t("duplicates.keepNamed", { name: fullName(p) })}
                      >
                        {t("duplicates.keep")}
                      </Button>
                    ) : (
                      <span className="muted">{t("duplicates.bothNumbered")}</span>
                    )}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </TableScroller>
    </Card>
  );
}
