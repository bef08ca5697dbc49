import type { FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../shared/errors.ts";

interface PgLikeError {
  code?: string;
  constraint?: string;
}

/** One place that turns errors into answers: stable codes, no details of 5xx. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, req, reply) => {
    if (error instanceof AppError) {
      return reply.code(error.status).send({ code: error.code, message: error.message, details: error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, "").replaceAll("/", "."),
        message: v.message ?? "Invalid value.",
      }));
      return reply
        .code(400)
        .send({ code: "validation.failed", message: "Some fields are not valid.", details: { issues } });
    }
    const pgError = (error as { cause?: PgLikeError }).cause ?? (error as PgLikeError);
    if (pgError.code === "23505") {
      return reply.code(409).send({ code: "conflict.duplicate", message: "This already exists." });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) {
      return reply
        .code(429)
        .send({ code: "auth.rate_limited", message: "Too many attempts. Wait a little and try again." });
    }
    if (status >= 400 && status < 500) {
      const code =
        (error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE" ? "upload.too_large" : "request.invalid";
      return reply.code(status).send({ code, message: error instanceof Error ? error.message : "Bad request." });
    }
    req.log.error({ err: error }, "request failed");
    return reply.code(500).send({ code: "server.error", message: "Something went wrong on our side. Try again." });
  });
}
