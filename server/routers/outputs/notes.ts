import "server-only";
import { z } from "zod";
import { id, idOnly, keysetPage } from "./common";

export const clientNote = z.strictObject({ id, body: z.string(), createdAt: z.date(), updatedAt: z.date() });

export const noteOutputs = {
  list: keysetPage(clientNote),
  create: idOnly,
  update: idOnly,
  delete: idOnly,
};
