import "server-only";
import { env } from "../env";
import type { SessionLimits } from "../services/auth/sessions";

export const sessionLimits: SessionLimits = { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS };
