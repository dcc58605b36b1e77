/**
 * The demo accounts, for the demo seed (server/seed/demo.ts), the end-to-end tests and the README.
 * Plain data, so the browser tests can read it without loading any server code. The demo password
 * lives here and nowhere else: production never gets these accounts unless someone runs this seed on purpose.
 */
export const DEMO_PASSWORD = "hearth-demo-2026";
export const DEMO_PRACTICE = "Riverside Counselling (demo)";

export const demoAccounts = {
  admin: { name: "Ada Okafor", email: "admin@demo.hearth.test", role: "admin" },
  coachMaya: { name: "Maya Lindqvist", email: "maya@demo.hearth.test", role: "coach" },
  coachSam: { name: "Sam Whitfield", email: "sam@demo.hearth.test", role: "coach" },
  clientAlex: { name: "Alex Moreno", email: "alex@demo.hearth.test", role: "client" },
  clientJordan: { name: "Jordan Pike", email: "jordan@demo.hearth.test", role: "client" },
  clientRiley: { name: "Riley Chen", email: "riley@demo.hearth.test", role: "client" },
} as const;
