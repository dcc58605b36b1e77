import { router } from "../trpc/init";

export const notesRouter = router({});
