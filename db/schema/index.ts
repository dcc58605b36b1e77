export * from "./people";
export * from "./content";
export * from "./assignments";
export * from "./messaging";
export * from "./audit";
