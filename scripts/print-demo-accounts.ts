import { DEMO_PASSWORD, demoAccounts } from "../db/seed/demo-accounts";

export function printDemoAccounts(): void {
  console.log("\nDemo accounts (password for all: %s)", DEMO_PASSWORD);
  for (const account of Object.values(demoAccounts)) {
    console.log(`  ${account.role.padEnd(6)}  ${account.email.padEnd(26)}  ${account.name}`);
  }
  console.log("");
}
