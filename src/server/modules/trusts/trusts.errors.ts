import { AppError } from "../../shared/errors.ts";

export const trustNameTaken = () => new AppError("trusts.name_taken", 409, "A trust with this name already exists.");
