/** Shown while the notifications list (or its code) is on its way. */
export const LOADING_NOTIFICATIONS = "Loading your notifications…";
