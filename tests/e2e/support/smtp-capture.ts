import net from "node:net";

/** One message as a mail server received it, with the name the sending process gave itself (EHLO). */
export type CapturedEmail = { sender: string; messageId: string | null; recipients: string[]; data: string };

export type SmtpCapture = { port: number; emails: CapturedEmail[]; close: () => Promise<void> };

/**
 * A tiny SMTP server that accepts every message and keeps it in memory, for a test that must see each email as
 * many times as it was really sent (the development mailbox rewrites one file per email, so a second send of the
 * same email would not show there). It speaks only what nodemailer needs without TLS or authentication.
 */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const emails: CapturedEmail[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let buffer = "";
    let sender = "";
    let recipients: string[] = [];
    let dataLines: string[] | null = null;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 capture ESMTP ready");
    socket.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      let end: number;
      while ((end = buffer.indexOf("\r\n")) !== -1) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (dataLines) {
          if (line === ".") {
            const data = dataLines.join("\r\n");
            const messageId = /^Message-ID:\s*(\S+)/im.exec(data)?.[1] ?? null;
            emails.push({ sender, messageId, recipients, data });
            dataLines = null;
            recipients = [];
            reply("250 OK kept");
          } else {
            // A line starting with a dot was sent with one more (RFC 5321 4.5.2).
            dataLines.push(line.startsWith(".") ? line.slice(1) : line);
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") {
          sender = line.slice(5).trim();
          reply("250 capture");
        } else if (verb === "MAIL") {
          recipients = [];
          reply("250 OK");
        } else if (verb === "RCPT") {
          recipients.push(/<([^>]*)>/.exec(line)?.[1] ?? "");
          reply("250 OK");
        } else if (verb === "DATA") {
          dataLines = [];
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (verb === "RSET" || verb === "NOOP") {
          reply("250 OK");
        } else if (verb === "QUIT") {
          reply("221 Bye");
          socket.end();
        } else {
          reply("502 Not implemented");
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    emails,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
