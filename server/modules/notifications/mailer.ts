// E-mail over SMTP with nodemailer: one transport per configuration (SMTP_URL, or the
// in-process development catcher). Failures are classified so the delivery job knows whether
// to retry, give up, or flag a bounced address.
import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../../config.ts";
import { PREFERENCES_PATH } from "./notification-kinds.ts";
import type { RenderedMessage } from "./render.ts";

const transports = new WeakMap<Config["notifications"], Transporter>();

/** The transport for this configuration; null when e-mail is off (tests without SMTP). */
export function mailTransportFor(config: Config): Transporter | null {
  const mail = config.notifications.mail;
  if (mail.kind === "off") return null;
  let transport = transports.get(config.notifications);
  if (!transport) {
    const url = mail.kind === "smtp" ? mail.url : `smtp://127.0.0.1:${mail.port}`;
    const timeouts = {
      connectionTimeout: config.notifications.timeoutMs,
      greetingTimeout: config.notifications.timeoutMs,
      socketTimeout: config.notifications.timeoutMs,
    };
    transport = nodemailer.createTransport(mail.kind === "catcher" ? { url, ...timeouts, ignoreTLS: true } : { url, ...timeouts });
    transports.set(config.notifications, transport);
  }
  return transport;
}

export interface MailEnvelope {
  to: string;
  /** Stable per delivery, so a receiver can drop a copy sent again after a crash. */
  messageId: string;
  locale: string;
}

export async function sendMail(transport: Transporter, config: Config, envelope: MailEnvelope, message: RenderedMessage): Promise<void> {
  const preferences = `${config.publicUrl}${PREFERENCES_PATH}`;
  await transport.sendMail({
    from: config.notifications.from,
    to: envelope.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: envelope.messageId,
    headers: {
      "List-Unsubscribe": `<${preferences}>`,
      "Auto-Submitted": "auto-generated",
      "X-Auto-Response-Suppress": "All",
      "Content-Language": envelope.locale === "en" ? "en" : "da",
    },
  });
}

export interface DeliveryFailure {
  /** A code only: the SMTP reply code or the error code, never the server's text. */
  code: string;
  /** The address itself was refused (5xx at RCPT TO): flag it and stop trying. */
  isBounce: boolean;
}

export function classifyMailError(error: unknown): DeliveryFailure {
  const details = error as { responseCode?: number; command?: string; code?: string };
  const responseCode = typeof details.responseCode === "number" ? details.responseCode : null;
  const isBounce = responseCode !== null && responseCode >= 550 && responseCode <= 553 && /RCPT/i.test(details.command ?? "");
  return { code: responseCode !== null ? String(responseCode) : String(details.code ?? "UNKNOWN").slice(0, 40), isBounce };
}
