// A real SMTP server in process (smtp-server + mailparser) that keeps what it receives. In
// development `npm start` runs one when SMTP_URL is not set, and platform admins see its
// messages on a page; the tests use it to receive over SMTP. It can also misbehave on purpose
// (refuse, stall, bounce an address) so tests can prove retries.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

export interface CaughtMail {
  id: string;
  receivedAt: Date;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Every header, lower-case names, values as text. */
  headers: Record<string, string>;
  /** The raw message as received, for tests that read every byte. */
  raw: string;
}

export interface CatcherBehaviour {
  /** Refuse the next N messages at DATA with this code (e.g. 554 or 451). */
  refuseNext: number;
  refuseCode: number;
  /** Hold the greeting of the next N connections this long (the client times out). */
  stallNext: number;
  stallMs: number;
  /** Addresses refused at RCPT TO with 550 (a bounce). */
  rejectRecipients: Set<string>;
}

export class MailCatcher {
  readonly messages: CaughtMail[] = [];
  readonly behaviour: CatcherBehaviour = { refuseNext: 0, refuseCode: 554, stallNext: 0, stallMs: 0, rejectRecipients: new Set() };
  private readonly server: SMTPServer;
  private sequence = 0;
  private readonly stalled = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly options: { keep?: number } = {}) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      closeTimeout: 1000,
      disableReverseLookup: true,
      banner: "Traedesten development mail catcher",
      onConnect: (_session, callback) => {
        if (this.behaviour.stallNext > 0) {
          this.behaviour.stallNext -= 1;
          const timer = setTimeout(() => {
            this.stalled.delete(timer);
            callback();
          }, this.behaviour.stallMs);
          this.stalled.add(timer);
          return;
        }
        callback();
      },
      onRcptTo: (address, _session, callback) => {
        if (this.behaviour.rejectRecipients.has(address.address.toLowerCase())) {
          return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
        }
        callback();
      },
      onData: (stream, session, callback) => this.receive(stream, session, callback),
    });
    this.server.on("error", () => {});
  }

  private receive(stream: NodeJS.ReadableStream, session: SMTPServerSession, callback: (error?: Error | null) => void): void {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", async () => {
      if (this.behaviour.refuseNext > 0) {
        this.behaviour.refuseNext -= 1;
        return callback(Object.assign(new Error("Refused for testing"), { responseCode: this.behaviour.refuseCode }));
      }
      const raw = Buffer.concat(chunks);
      try {
        const parsed = await simpleParser(raw);
        const headers: Record<string, string> = {};
        for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(":") + 1).trim();
        this.sequence += 1;
        this.messages.unshift({
          id: String(this.sequence),
          receivedAt: new Date(),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          html: typeof parsed.html === "string" ? parsed.html : "",
          headers,
          raw: raw.toString("utf8"),
        });
        this.messages.splice(this.options.keep ?? 500);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    });
  }

  /** Listens on 127.0.0.1 (port 0: any free port); returns the port. */
  async listen(port = 0, host = "127.0.0.1"): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => resolve());
    });
    return (this.server.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const timer of this.stalled) clearTimeout(timer);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

let developmentCatcher: MailCatcher | null = null;

/** main.ts registers the catcher it started, so the development page can show its messages. */
export function registerDevelopmentCatcher(catcher: MailCatcher | null): void {
  developmentCatcher = catcher;
}

export function developmentCatcherMessages(): CaughtMail[] {
  return developmentCatcher?.messages ?? [];
}
