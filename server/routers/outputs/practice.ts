import "server-only";
import { z } from "zod";
import { count } from "./common";

export const practiceOutputs = {
  overview: z.strictObject({
    practiceName: z.string(),
    admins: count,
    coaches: count,
    clients: count,
    articles: count,
    exercises: count,
  }),
};
