export * from "./people";
export * from "./content";
export * from "./assignments";
export * from "./invitations";
export * from "./email-outbox";
export * from "./audit";
export * from "./handover";
export * from "./account-tokens";
