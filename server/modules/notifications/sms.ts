// SMS behind a small provider interface: GatewayAPI (a Danish gateway; JSON over HTTPS) for
// real, and a development sink that only keeps the messages in memory for the development page.
import type { Config } from "../../config.ts";

export interface SmsMessage {
  /** E.164, e.g. +4512345678. */
  to: string;
  text: string;
  /** Our delivery id, echoed back by the provider for support. */
  reference: string;
}

export interface SmsProvider {
  send(message: SmsMessage): Promise<void>;
}

export class SmsDeliveryError extends Error {
  override name = "SmsDeliveryError";
  constructor(readonly code: string, readonly isPermanent: boolean) {
    super(`SMS delivery failed: ${code}`);
  }
}

/** GatewayAPI's REST endpoint (POST /rest/mtsms, token authentication). */
export class GatewayApiSmsProvider implements SmsProvider {
  constructor(private readonly options: { url: string; token: string; sender: string; timeoutMs: number }) {}

  async send(message: SmsMessage): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: "POST",
        headers: { authorization: `Token ${this.options.token}`, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({
          sender: this.options.sender,
          message: message.text,
          recipients: [{ msisdn: Number(message.to.replace(/^\+/, "")) }],
          userref: message.reference,
        }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new SmsDeliveryError((error as Error).name === "TimeoutError" ? "TIMEOUT" : "CONNECTION", false);
    }
    await response.body?.cancel();
    if (!response.ok) {
      // 4xx other than rate limiting will not get better by trying again.
      const isPermanent = response.status >= 400 && response.status < 500 && response.status !== 429 && response.status !== 408;
      throw new SmsDeliveryError(`HTTP_${response.status}`, isPermanent);
    }
  }
}

export interface SinkedSms extends SmsMessage {
  at: Date;
}

/** Keeps messages in memory for the development page; never sends anything. */
export class DevelopmentSmsSink implements SmsProvider {
  readonly messages: SinkedSms[] = [];
  async send(message: SmsMessage): Promise<void> {
    this.messages.unshift({ ...message, at: new Date() });
    this.messages.splice(200);
  }
}

export const developmentSmsSink = new DevelopmentSmsSink();
const providers = new WeakMap<Config["notifications"], SmsProvider>();

/** The provider for this configuration; null when SMS is off. */
export function smsProviderFor(config: Config): SmsProvider | null {
  const sms = config.notifications.sms;
  if (sms.kind === "off") return null;
  if (sms.kind === "dev") return developmentSmsSink;
  let provider = providers.get(config.notifications);
  if (!provider) {
    provider = new GatewayApiSmsProvider({ url: sms.url, token: sms.token, sender: sms.sender, timeoutMs: config.notifications.timeoutMs });
    providers.set(config.notifications, provider);
  }
  return provider;
}
