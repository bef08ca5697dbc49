import { AppError } from "../../shared/errors.ts";

export const badCursor = () => new AppError("audit.bad_cursor", 400, "The page cursor is not valid.");
