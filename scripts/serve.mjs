// Serves the built app (`next build` first) like `next start`, and passes each request's connection address on to
// the app in a header of its own, overwriting any copy the client sent: Next.js only reports the connection
// address in X-Forwarded-For when the request has none, so without this a client could name any address and
// slip past the sign-in limits per address (server/auth/client-address.ts, decision 0016).
// Usage: node scripts/serve.mjs [port] [hostname]
import http from "node:http";

const PEER_ADDRESS_HEADER = "x-hearth-peer-address"; // the same name as in server/auth/client-address.ts
const port = Number(process.argv[2] ?? 3000);
const hostname = process.argv[3];

// What `next start` does too: this is a production server whatever the shell says.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");

const app = next({ dev: false, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
server.listen(port, hostname, () => console.log(`Hearth is listening on http://${hostname ?? "localhost"}:${port}`));

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
