import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

/** A process the test started, in a process group of its own (so stopping it stops what it started), with its output. */
export type Spawned = {
  name: string;
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output: () => string;
  /** Whether it is still running. */
  running: () => boolean;
  stop: () => Promise<void>;
};

export function startProcess(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Spawned {
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString("utf8");
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const running = () => child.exitCode === null && child.signalCode === null;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // the group is gone already
    }
  };
  return {
    name,
    child,
    output: () => output,
    running,
    async stop() {
      if (child.pid === undefined) return;
      const exited = new Promise<void>((resolve) => (running() ? child.once("exit", () => resolve()) : resolve()));
      signalGroup("SIGTERM");
      const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 10_000))]);
      // What is left of the group (a child that ignored SIGTERM, or outlived its parent) goes too.
      signalGroup("SIGKILL");
      if (timedOut) await exited;
    },
  };
}

/** A port nobody listens on right now (the kernel's choice). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Waits until `url` answers 200, failing early if the process stopped. */
export async function waitUntilServing(process: Spawned, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!process.running()) throw new Error(`${process.name} stopped while starting:\n${process.output().slice(-3000)}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${process.name} did not answer within ${timeoutMs / 1000} s:\n${process.output().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
