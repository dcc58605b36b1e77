import "server-only";
import type { Role } from "@/lib/people/roles";

/** The person acting on their own second factor: a full session, or one held at a pending step. */
export type SecondFactorOwner = { sessionId: string; userId: string; practiceId: string; role: Role; name: string; email: string };
