import "server-only";
import { z } from "zod";

export const clientDataOutputs = {
  recordExport: z.strictObject({ recorded: z.literal(true) }),
  deleted: z.strictObject({ deleted: z.literal(true) }),
};
