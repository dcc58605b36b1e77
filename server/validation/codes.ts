import "server-only";
import { z } from "zod";

/** A six-digit code from an authenticator app (spaces allowed, as some apps show "123 456"). */
export const totpCodeSchema = z
  .string()
  .max(20, { error: "Please enter the six-digit code from your app." })
  .transform((v) => v.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { error: "Please enter the six-digit code from your app." }));

/** A six-digit code, or a recovery code like "k7pq-2mxr-9tdw". */
export const secondStepCodeSchema = z
  .string()
  .max(40, { error: "Please enter the six-digit code from your app, or one of your recovery codes." })
  .transform((v) => v.trim())
  .pipe(z.string().regex(/^(\d{3}\s?\d{3}|[A-Za-z0-9]{4}[\s-]?[A-Za-z0-9]{4}[\s-]?[A-Za-z0-9]{4})$/, { error: "Please enter the six-digit code from your app, or one of your recovery codes." }));
