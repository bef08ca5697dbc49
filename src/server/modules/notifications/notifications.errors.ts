import { AppError } from "../../shared/errors.ts";

export const notificationNotFound = () =>
  new AppError("notifications.not_found", 404, "The notification was not found.");
