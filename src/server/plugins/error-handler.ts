import type { FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, validationFailed } from "../shared/errors.ts";
import { duplicate, fileTooLarge, requestInvalid, serverError, tooManyRequests } from "./plugins.errors.ts";

interface PgLikeError {
  code?: string;
  constraint?: string;
}

const answer = (reply: FastifyReply, error: AppError) =>
  reply.code(error.status).send({ code: error.code, message: error.message, details: error.details });

/** One place that turns errors into answers: stable codes, no details of 5xx. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, req, reply) => {
    if (error instanceof AppError) return answer(reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, "").replaceAll("/", "."),
        message: v.message ?? "Invalid value.",
      }));
      return answer(reply, validationFailed(issues));
    }
    const pgError = (error as { cause?: PgLikeError }).cause ?? (error as PgLikeError);
    if (pgError.code === "23505") return answer(reply, duplicate());
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) return answer(reply, tooManyRequests());
    if (status >= 400 && status < 500) {
      const message = error instanceof Error ? error.message : "Bad request.";
      return answer(
        reply,
        (error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE"
          ? fileTooLarge(status, message)
          : requestInvalid(status, message),
      );
    }
    req.log.error({ err: error }, "request failed");
    return answer(reply, serverError());
  });
}
