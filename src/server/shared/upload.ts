import type { FastifyRequest } from "fastify";
import { uploadMalformed, uploadMissing, uploadTooLarge } from "./errors.ts";

/**
 * Uploads of a file as multipart/form-data (the overviews' workbooks, Webcruiter's applicant export):
 * one file of at most 10 MB in the part `file`, and a few small text fields. The reader of the file
 * checks the rest (zip limits, rows) before parsing it.
 */
export const maxUploadBytes = 10 * 1024 * 1024;

/** The limits to register @fastify/multipart with on a plugin that takes uploads. */
export const multipartLimits = { fileSize: maxUploadBytes, files: 1, fields: 5, fieldSize: 100_000, parts: 8 };

export interface Upload {
  file: Buffer;
  /** The file's name as the browser sent it ("" when none). */
  fileName: string;
  mimeType: string;
  /** The text fields of the form, by name. */
  fields: Record<string, string>;
}

/**
 * Reads a multipart upload: the `file` part (a second file part is read and dropped) and the text
 * fields. No file → 400 `upload.missing`; over the limits → 413 `upload.too_large`; a body the parser
 * cannot read (cut off before its closing boundary, a broken part header) → 400 `upload.malformed`.
 */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw uploadMissing();
  let upload: Omit<Upload, "fields"> | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type === "file") {
        const file = await part.toBuffer();
        if (part.fieldname === "file" && !upload) {
          upload = { file, fileName: part.filename ?? "", mimeType: part.mimetype ?? "" };
        }
      } else {
        fields[part.fieldname] = String(part.value ?? "");
      }
    }
  } catch (err) {
    const { code, statusCode } = err as { code?: string; statusCode?: number };
    if (code === "FST_REQ_FILE_TOO_LARGE" || code === "FST_FILES_LIMIT" || code === "FST_PARTS_LIMIT") {
      throw uploadTooLarge();
    }
    // @fastify/multipart's own errors carry their status; the parser's are plain errors.
    if (statusCode !== undefined) throw err;
    throw uploadMalformed();
  }
  if (!upload) throw uploadMissing();
  return { ...upload, fields };
}
