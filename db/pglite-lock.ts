import fs from "node:fs";
import path from "node:path";

/**
 * PGlite has no locking of its own: two processes on one folder silently lose writes.
 * A PID file taken with an exclusive create turns that into a clear error.
 */
export class DatabaseInUseError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquirePgliteLock(dataDir: string): () => void {
  const lockPath = path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.lock`);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const owner = JSON.stringify({ pid: process.pid, command: process.argv.slice(1).join(" ").slice(0, 200) });

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, owner, { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let holder: { pid?: number; command?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(lockPath, "utf8")) as typeof holder;
      } catch {
        // An unreadable lock file is treated as stale.
      }
      if (holder.pid === process.pid) return () => {};
      if (holder.pid && isAlive(holder.pid)) {
        throw new DatabaseInUseError(
          `The embedded database at ${dataDir} is already open in process ${holder.pid} (${holder.command ?? "unknown command"}). ` +
            "Only one process may open it at a time: stop that process first, or set DATABASE_URL to use a Postgres server.",
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale: its process is gone
    }
  }

  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      const current = JSON.parse(fs.readFileSync(lockPath, "utf8")) as { pid?: number };
      if (current.pid === process.pid) fs.rmSync(lockPath, { force: true });
    } catch {
      // Already gone.
    }
  };
}
