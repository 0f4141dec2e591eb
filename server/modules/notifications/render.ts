// Renders a delivery into the words it carries: subject, plain text, simple HTML and an SMS
// line. Input is only the kind, the unit's name, a link and the recipient's language.
import type { NotificationKind } from "../../generated/prisma/enums.ts";
import { asLocale, fill, KINDS, PREFERENCES_PATH, type Locale } from "./notification-kinds.ts";

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  sms: string;
}

export interface MessageItem {
  kind: NotificationKind;
  unitName: string;
  subjectId: string | null;
  secret: string | null;
}

const FOOTER = {
  user: {
    da: "Beskeden indeholder ingen oplysninger om borgere. Du vælger selv, hvilke beskeder du får, og hvornår:",
    en: "This message holds no information about citizens. You choose which messages you get, and when:",
  },
  mailbox: {
    da: "Beskeden indeholder ingen oplysninger om borgere. Adressen er enhedens fælles postkasse; enhedens administrator kan ændre den her:",
    en: "This message holds no information about citizens. This address is the unit's shared mailbox; the unit's administrator can change it here:",
  },
};
const DIGEST = {
  subject: { da: "Dagens overblik fra Trædesten", en: "Your daily overview from Trædesten" },
  intro: { da: "Der er nyt i Trædesten siden sidst:", en: "There is news in Trædesten since last time:" },
};

export function linkFor(publicUrl: string, item: Pick<MessageItem, "kind" | "subjectId" | "secret">): string {
  return `${publicUrl}${KINDS[item.kind].path(item.subjectId, item.secret)}`;
}

export function lineFor(item: Pick<MessageItem, "kind" | "unitName">, locale: Locale): string {
  return fill(KINDS[item.kind].line[locale], { unit: item.unitName });
}

const escapeHtml = (value: string) =>
  value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");

function htmlPage(locale: Locale, paragraphs: string[]): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.5;max-width:36em">${paragraphs.join("")}</body></html>`;
}

function footer(locale: Locale, publicUrl: string, isMailbox: boolean) {
  const text = (isMailbox ? FOOTER.mailbox : FOOTER.user)[locale];
  const url = `${publicUrl}${PREFERENCES_PATH}`;
  return { text: `--\n${text}\n${url}`, html: `<p style="color:#555;font-size:0.9em">${escapeHtml(text)} <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>` };
}

/** One event's message. */
export function renderMessage(item: MessageItem, options: { locale: string; publicUrl: string; isMailbox: boolean }): RenderedMessage {
  const locale = asLocale(options.locale);
  const kind = KINDS[item.kind];
  const line = lineFor(item, locale);
  const link = linkFor(options.publicUrl, item);
  const linkText = kind.linkText[locale];
  const end = footer(locale, options.publicUrl, options.isMailbox);
  return {
    subject: fill(kind.subject[locale], { unit: item.unitName }),
    text: `${line}\n\n${linkText}: ${link}\n\n${end.text}\n`,
    html: htmlPage(locale, [`<p>${escapeHtml(line)}</p>`, `<p><a href="${escapeHtml(link)}">${escapeHtml(linkText)}</a></p>`, end.html]),
    sms: `Trædesten: ${line} ${link}`,
  };
}

/** The daily digest: one line and link per event held for it. */
export function renderDigest(items: MessageItem[], options: { locale: string; publicUrl: string }): RenderedMessage {
  const locale = asLocale(options.locale);
  const lines = items.map((item) => ({ line: lineFor(item, locale), link: linkFor(options.publicUrl, item) }));
  const end = footer(locale, options.publicUrl, false);
  const subject = `${DIGEST.subject[locale]} (${items.length})`;
  return {
    subject,
    text: `${DIGEST.intro[locale]}\n\n${lines.map(({ line, link }) => `- ${line}\n  ${link}`).join("\n")}\n\n${end.text}\n`,
    html: htmlPage(locale, [
      `<p>${escapeHtml(DIGEST.intro[locale])}</p>`,
      `<ul>${lines.map(({ line, link }) => `<li>${escapeHtml(line)} <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></li>`).join("")}</ul>`,
      end.html,
    ]),
    sms: `Trædesten: ${subject}`,
  };
}
