import { Field, Label, Pagination, Select } from "@digdir/designsystemet-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { pageCount, pageItems, pageSizes } from "../lib/paging.ts";

/**
 * The page controls under a list (Designsystemet's Pagination): previous, the page numbers with
 * gaps, next, and how many rows a page shows. Nothing when the list has only one page at the
 * smallest size.
 */
export function ListPager({
  page,
  pageSize,
  total,
  onPage,
  onPageSize,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
}) {
  const { t } = useTranslation();
  const sizeId = useId();
  const pages = pageCount(total, pageSize);
  if (total <= (pageSizes[0] ?? 0)) return null;
  const step = (target: number, label: string, hidden: boolean) => (
    <Pagination.Item>
      <Pagination.Button variant="tertiary" aria-hidden={hidden || undefined} onClick={() => onPage(target)}>
        {label}
      </Pagination.Button>
    </Pagination.Item>
  );

  return (
    <div className="list-pager">
      {pages > 1 ? (
        <Pagination aria-label={t("paging.label")}>
          <Pagination.List>
            {step(page - 1, t("paging.previous"), page <= 1)}
            {pageItems(page, pages).map((item, index) => (
              // A gap has no page of its own: its place in the row is its key.
              <Pagination.Item key={item ?? `gap-${index}`}>
                {item === null ? null : (
                  <Pagination.Button
                    variant="tertiary"
                    aria-label={t("paging.page", { page: item })}
                    aria-current={item === page ? "true" : undefined}
                    onClick={() => onPage(item)}
                  >
                    {item}
                  </Pagination.Button>
                )}
              </Pagination.Item>
            ))}
            {step(page + 1, t("paging.next"), page >= pages)}
          </Pagination.List>
        </Pagination>
      ) : null}
      <Field className="page-size">
        <Label htmlFor={sizeId}>{t("paging.pageSize")}</Label>
        <Select id={sizeId} value={String(pageSize)} onChange={(e) => onPageSize(Number(e.target.value))}>
          {pageSizes.map((size) => (
            <Select.Option key={size} value={String(size)}>
              {size}
            </Select.Option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
