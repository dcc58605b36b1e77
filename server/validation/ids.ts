import "server-only";
import { z } from "zod";

/** Every row id is a UUID; anything else is refused before a query sees it. */
export const idSchema = z.uuid({ error: "That reference isn't in the form we expect. Please reload the page and try again." });
