export const roles = ["admin", "coach", "client"] as const;
export type Role = (typeof roles)[number];

/** The signed-in person, as every procedure sees them. */
export type SessionUser = {
  sessionId: string;
  userId: string;
  practiceId: string;
  role: Role;
  name: string;
  email: string;
  timeZone: string;
};
