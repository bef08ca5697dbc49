import type { FastifyInstance, RouteOptions } from "fastify";
import type { Access } from "./session.ts";

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

/** Records every route as it is registered, for `app.routeTable()`. */
export function registerRouteTable(app: FastifyInstance): void {
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
}
