import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import Fastify, { type FastifyInstance, type RouteOptions } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { DestinationStream } from "pino";
import type { Config } from "./config.ts";
import { agreementLinks, professionLinks } from "./module-links.ts";
import { createAccountRequestsUsecases, createInviter } from "./modules/account-requests/account-requests.public.ts";
import { accountRequestsRoutes } from "./modules/account-requests/account-requests.routes.ts";
import { auditRoutes } from "./modules/audit/audit.routes.ts";
import { createAuditUsecases } from "./modules/audit/audit.usecases.ts";
import { createAuthUsecases, endSessions } from "./modules/auth/auth.public.ts";
import { authRoutes, warnOnForwardedForWithoutTrustProxy } from "./modules/auth/auth.routes.ts";
import { createCatalogUsecases } from "./modules/catalog/catalog.public.ts";
import { catalogRoutes } from "./modules/catalog/catalog.routes.ts";
import {
  createAccessProfilesUsecases,
  createClinicalSystemsUsecases,
} from "./modules/clinical-systems/clinical-systems.public.ts";
import { clinicalSystemsRoutes } from "./modules/clinical-systems/clinical-systems.routes.ts";
import { createDashboardUsecases } from "./modules/dashboard/dashboard.public.ts";
import { dashboardRoutes } from "./modules/dashboard/dashboard.routes.ts";
import { healthRoutes } from "./modules/health/health.routes.ts";
import { createIdentityProvidersUsecases } from "./modules/identity-providers/identity-providers.public.ts";
import { identityProvidersRoutes } from "./modules/identity-providers/identity-providers.routes.ts";
import { createInstitutionsUsecases } from "./modules/institutions/institutions.public.ts";
import { institutionsRoutes } from "./modules/institutions/institutions.routes.ts";
import { createLearningPortalUsecases, withLearningPortal } from "./modules/learning-portal/learning-portal.public.ts";
import { learningPortalRoutes } from "./modules/learning-portal/learning-portal.routes.ts";
import { createNotificationsUsecases, createNotifier } from "./modules/notifications/notifications.public.ts";
import { notificationsRoutes } from "./modules/notifications/notifications.routes.ts";
import {
  accessFollowsRows,
  createDeactivationsUsecases,
  registerOrders,
  withOrderLines,
} from "./modules/orders/orders.public.ts";
import { createReadinessUsecases } from "./modules/orders/readiness.usecases.ts";
import { createOutbox, createOutboxUsecases } from "./modules/outbox/outbox.public.ts";
import { outboxRoutes } from "./modules/outbox/outbox.routes.ts";
import { createImportUsecases } from "./modules/overviews/import.usecases.ts";
import { createParsePool, createPersonLinks, type ParsePool } from "./modules/overviews/overviews.public.ts";
import { overviewsRoutes } from "./modules/overviews/overviews.routes.ts";
import { createOverviewsUsecases } from "./modules/overviews/overviews.usecases.ts";
import { createRowsUsecases } from "./modules/overviews/rows.usecases.ts";
import { createPersonsUsecases } from "./modules/persons/persons.public.ts";
import { personsRoutes } from "./modules/persons/persons.routes.ts";
import { campaignsRoutes } from "./modules/registrations/campaigns.routes.ts";
import { hrTransferRoutes } from "./modules/registrations/hr-transfer.routes.ts";
import { createHrTransferUsecases } from "./modules/registrations/hr-transfer.usecases.ts";
import { idportenRoutes } from "./modules/registrations/idporten.routes.ts";
import { createIdportenUsecases } from "./modules/registrations/idporten.usecases.ts";
import { publicRegistrationRoutes } from "./modules/registrations/public.routes.ts";
import { createRegistrationCounts, createRegistrationsUsecases } from "./modules/registrations/registrations.public.ts";
import { staffRegistrationsRoutes } from "./modules/registrations/registrations.routes.ts";
import { createStaffRegistrationsUsecases } from "./modules/registrations/registrations-staff.usecases.ts";
import { createWebcruiterImportUsecases } from "./modules/registrations/webcruiter-import.usecases.ts";
import { createTrustsUsecases } from "./modules/trusts/trusts.public.ts";
import { trustsRoutes } from "./modules/trusts/trusts.routes.ts";
import { appointAdmin, createUsersUsecases } from "./modules/users/users.public.ts";
import { usersRoutes } from "./modules/users/users.routes.ts";
import { registerApiNoStore } from "./plugins/cache-control.ts";
import { registerErrorHandler } from "./plugins/error-handler.ts";
import { registerNulGuard } from "./plugins/nul-guard.ts";
import { registerOpenApi } from "./plugins/openapi.ts";
import { registerQueryCount } from "./plugins/query-count.ts";
import { type Access, registerSession } from "./plugins/session.ts";
import { registerWeb } from "./plugins/web.ts";
import { type Clock, systemClock } from "./shared/clock.ts";
import { createDataCrypto } from "./shared/crypto.ts";
import type { Database } from "./shared/database.ts";
import { loggerOptions } from "./shared/logger.ts";
import { createOidcAdapter, type OidcAdapter } from "./shared/oidc.ts";

/** One method and path of the app, with who may call it: what the isolation matrix test walks. */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access | undefined;
  /** Whether the route declares a request body. */
  hasBody: boolean;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every route with who may call it, as registered (read after the app is ready). */
    routeTable(): RouteEntry[];
  }
}

export interface AppDeps {
  config: Config;
  database: Database;
  clock?: Clock;
  /** The identity-provider adapter; openid-client unless a test replaces it. */
  oidc?: OidcAdapter;
  /** The worker threads that parse imported workbooks; from the configuration unless a test gives its own. The app closes it. */
  parsePool?: ParsePool;
  /** Where log lines go instead of standard output (tests read them). */
  logStream?: DestinationStream;
}

/** Plugins and modules, no listen: main.ts and the tests both build the app here. */
export async function buildApp({
  config,
  database,
  clock = systemClock,
  oidc = createOidcAdapter(),
  parsePool: givenParsePool,
  logStream,
}: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, logStream),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  });
  const routes: RouteOptions[] = [];
  app.addHook("onRoute", (route) => {
    routes.push(route);
  });
  app.decorate("routeTable", () =>
    routes.flatMap((route) =>
      [route.method]
        .flat()
        .filter((method) => method !== "HEAD")
        .map((method) => ({
          method,
          url: route.url,
          access: route.config?.access,
          hasBody: Boolean(route.schema?.body),
        })),
    ),
  );
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  if (config.countQueries) registerQueryCount(app);
  const parsePool =
    givenParsePool ??
    createParsePool({ concurrency: config.imports.concurrency, queueLimit: config.imports.queue, log: app.log });
  app.addHook("onClose", () => parsePool.close());
  registerApiNoStore(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    hsts: config.secureCookies,
  });
  await app.register(cookie);
  await registerOpenApi(app);

  const db = database.db;
  const dataCrypto = createDataCrypto(config.encryptionKey);
  const auth = createAuthUsecases({
    db,
    clock,
    policy: { ...config.session, maxFailures: config.loginRateLimit },
    crypto: dataCrypto,
  });
  const mail = createOutbox({ publicUrl: config.publicUrl, clock });
  const notifier = createNotifier({ outbox: mail, clock, batchWindowMs: config.notificationBatchMs });
  const invite = createInviter({ outbox: mail, clock });
  const users = createUsersUsecases({ db, clock, invite, endSessions });
  const institutions = createInstitutionsUsecases({ db, links: agreementLinks });
  const catalog = createCatalogUsecases({ db, links: professionLinks });
  const trusts = createTrustsUsecases({ db, appointAdmin });
  const notifications = createNotificationsUsecases({ db, clock });
  const outbox = createOutboxUsecases({ db, smtp: config.mail.smtpUrl !== null });

  const persons = createPersonsUsecases({
    db,
    crypto: dataCrypto,
    // Merging two persons moves their rows (overviews), order lines and Læringsportalen requests.
    links: withOrderLines(withLearningPortal(createPersonLinks())),
  });
  const identityProviders = createIdentityProvidersUsecases({
    db,
    clock,
    crypto: dataCrypto,
    oidc,
    auth,
    redirectUri: `${config.publicUrl.replace(/\/+$/, "")}/api/auth/oidc/callback`,
    idportenRedirectUri: `${config.publicUrl.replace(/\/+$/, "")}/api/public/idporten/callback`,
  });

  const idporten = createIdportenUsecases({
    db,
    clock,
    crypto: dataCrypto,
    oidc,
    identityProviders,
    redirectUri: `${config.publicUrl.replace(/\/+$/, "")}/api/public/idporten/callback`,
  });

  const registrations = createRegistrationsUsecases({
    db,
    crypto: dataCrypto,
    clock,
    outbox: mail,
    persons,
    idportenStartUrl: idporten.startUrl,
  });
  // Rows that name persons let the registrations waiting for them match (registration-matching.ts).
  const overviewDeps = {
    db,
    crypto: dataCrypto,
    clock,
    notifier,
    persons,
    placed: registrations.matching.rowsArrived,
    rowsChanged: accessFollowsRows({ clock, notifier }),
  };
  const overviews = createOverviewsUsecases(overviewDeps);
  const readiness = createReadinessUsecases({ db, clock, crypto: dataCrypto });
  const learningPortal = createLearningPortalUsecases({ db, crypto: dataCrypto, clock, outbox: mail });
  const dashboard = createDashboardUsecases({
    users,
    institutions,
    catalog,
    overviews,
    registrations: createRegistrationCounts({ db, clock }),
    readiness,
    deactivations: createDeactivationsUsecases({ db, clock }),
    learningPortal,
  });

  warnOnForwardedForWithoutTrustProxy(app, config);
  registerSession(app, { config, auth });
  registerNulGuard(app);
  await app.register(healthRoutes({ database }));
  await app.register(authRoutes({ auth, config }));
  await app.register(usersRoutes({ users }));
  await app.register(institutionsRoutes({ institutions }));
  await app.register(catalogRoutes({ catalog }));
  await app.register(
    clinicalSystemsRoutes({
      systems: createClinicalSystemsUsecases({ db, clock }),
      profiles: createAccessProfilesUsecases({ db, clock }),
    }),
  );
  await app.register(trustsRoutes({ trusts }));
  await app.register(dashboardRoutes({ dashboard }));
  await app.register(auditRoutes({ audit: createAuditUsecases({ db, clock }) }));
  await app.register(notificationsRoutes({ notifications }));
  await app.register(outboxRoutes({ outbox }));
  await app.register(personsRoutes({ persons }));
  await app.register(
    overviewsRoutes({
      overviews,
      rows: createRowsUsecases(overviewDeps),
      imports: createImportUsecases({ ...overviewDeps, parsePool }),
    }),
  );
  await app.register(campaignsRoutes({ campaigns: registrations.campaigns }));
  await app.register(
    publicRegistrationRoutes({
      registrations: registrations.public,
      personalPage: registrations.personalPage,
      clock,
      registrationsPerMinute: config.registrationRateLimit,
    }),
  );
  await app.register(identityProvidersRoutes({ identityProviders, config }));
  await app.register(idportenRoutes({ idporten, config }));
  await app.register(
    accountRequestsRoutes({
      accountRequests: createAccountRequestsUsecases({ db, clock, outbox: mail, notifier, invite }),
    }),
  );
  await app.register(
    staffRegistrationsRoutes({
      staff: createStaffRegistrationsUsecases({ db, crypto: dataCrypto, clock }),
      webcruiter: createWebcruiterImportUsecases({
        db,
        crypto: dataCrypto,
        clock,
        persons,
        matching: registrations.matching,
        parsePool,
      }),
    }),
  );
  await app.register(
    hrTransferRoutes({
      hrTransfer: createHrTransferUsecases({ db, crypto: dataCrypto, clock, notifier }),
    }),
  );
  await app.register(learningPortalRoutes({ learningPortal }));
  await registerOrders(app, { db, crypto: dataCrypto, clock, notifier, parsePool, readiness });
  await registerWeb(app);
  return app;
}
