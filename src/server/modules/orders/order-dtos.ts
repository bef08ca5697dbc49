import type { LineChangeDto, OrderLine, OrderSummary } from "../../../contracts/orders.ts";
import type { ChangeType, OrderLineState } from "../../../domain/order-lines.ts";
import type { OrdersRepository } from "./orders.repository.ts";

/** What the orders' use-cases answer: an order's summary and its lines as the API shows them. */

type SummaryRow = NonNullable<Awaited<ReturnType<OrdersRepository["summary"]>>>;
type LineRow = Awaited<ReturnType<OrdersRepository["lines"]>>[number];

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function summaryDto(r: SummaryRow): OrderSummary {
  const o = r.order;
  return {
    id: o.id,
    number: o.number,
    state: o.state as OrderSummary["state"],
    reference: o.reference,
    institution: { id: o.institutionId, name: r.institutionName, shortName: r.institutionShortName },
    overviewId: o.overviewId,
    sheetId: o.sheetId,
    sheetName: o.sheetName,
    rowCount: r.rowCount,
    lineCount: r.lineCount,
    lineStates: r.lineStates,
    startsOn: r.startsOn,
    createdAt: o.createdAt.toISOString(),
    createdBy: o.createdBy ? { id: o.createdBy, name: r.createdByName ?? "" } : null,
    orderedAt: iso(o.orderedAt),
    orderedBy: o.orderedBy ? { id: o.orderedBy, name: r.orderedByName ?? "" } : null,
    cancelledAt: iso(o.cancelledAt),
  };
}

/** The username a line shows: recorded (by the IT provider, or on the person), else the one the student typed (unverified). */
export function usernameOf(r: {
  line?: { username: string | null };
  recordedUsername: string | null;
  personUsername: string | null;
  previousUsername: string | null;
}) {
  const verified = r.line?.username ?? r.recordedUsername ?? r.personUsername;
  if (verified) return { username: verified, usernameVerified: true };
  const typed = r.previousUsername?.trim();
  return { username: typed || null, usernameVerified: false };
}

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? "" } : null);

export function lineDto(r: LineRow): OrderLine {
  const l = r.line;
  return {
    id: l.id,
    orderId: l.orderId,
    orderNumber: r.orderNumber,
    reference: r.reference,
    trust: { id: l.trustId, name: r.trustName },
    institution: { id: l.institutionId, shortName: r.institutionShortName },
    sheetId: l.sheetId,
    sheetName: r.sheetName,
    rowId: l.rowId,
    personId: l.personId,
    lastName: r.lastName,
    firstName: r.firstName,
    email: r.personEmail ?? r.rowEmail ?? "",
    placementSite: r.placementSite,
    system: { id: l.systemId, name: r.systemName },
    role: l.role,
    profileVersionId: l.profileVersionId,
    profileVersion: r.profileVersion,
    exceptionId: l.exceptionId,
    validFrom: l.validFrom,
    validTo: l.validTo,
    state: l.state as OrderLineState,
    acceptedWarnings: l.acceptedWarnings,
    ...usernameOf(r),
    usernameDelivery: (l.usernameDelivery as OrderLine["usernameDelivery"]) ?? null,
    rejectReason: l.rejectReason,
    fouMessage: l.fouMessage,
    orderedAt: iso(l.orderedAt),
    approvedAt: iso(l.approvedAt),
    approvedBy: ref(l.approvedBy, r.approvedByName),
    implementedAt: iso(l.implementedAt),
    implementedBy: ref(l.implementedBy, r.implementedByName),
    rejectedAt: iso(l.rejectedAt),
    rejectedBy: ref(l.rejectedBy, r.rejectedByName),
    changeType: l.changeType as ChangeType,
    replacesLineId: l.replacesLineId,
    changes: (l.changes ?? []) as LineChangeDto[],
  };
}
