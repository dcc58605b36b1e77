import type { Queryable } from "@/db/client";

/** Placeholder until the content library lands: installs the starter series into a practice. */
export async function installStarterLibrary(_tx: Queryable, _input: { practiceId: string; adminId: string }): Promise<void> {}
