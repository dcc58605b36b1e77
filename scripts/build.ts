import { spawnSync } from "node:child_process";
import path from "node:path";
import { env, nextPublicVariables } from "../server/env";
import { buildEnvironment, buildFingerprint, buildIsCurrent, readProjectFiles, removeStamp, writeStamp } from "./build-stamp";

/**
 * `npm run build`: `next build`, then a stamp of the sources it was built from (scripts/build-stamp.ts).
 * With --if-changed (`npm run test:e2e`), it builds only when the sources or configuration differ from the
 * stamped build's, so CI's build serves both test runs.
 */

function main(): number {
  const root = process.cwd();
  const distDir = path.resolve(root, env.NEXT_DIST_DIR);
  const files = readProjectFiles(root);
  const environment = buildEnvironment(env, nextPublicVariables());
  const fingerprint = files ? buildFingerprint({ files, environment }) : null;

  if (process.argv.includes("--if-changed") && fingerprint && buildIsCurrent(distDir, fingerprint)) {
    console.log(`The build in ${env.NEXT_DIST_DIR} is from the current sources: not building again.`);
    return 0;
  }
  removeStamp(distDir);
  const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { stdio: "inherit" });
  if (build.status !== 0) return build.status ?? 1;
  if (fingerprint) writeStamp(distDir, fingerprint);
  return 0;
}

process.exit(main());
