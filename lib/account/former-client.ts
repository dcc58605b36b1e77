/** What a deleted client is called wherever their row still shows (the coach's roster and notes). */
export const FORMER_CLIENT_NAME = "Former client";

/** The phrase a client types to confirm deleting their account. */
export const DELETE_CONFIRMATION = "delete my account";
