// A one-event iCalendar file (RFC 5545) for the first meeting, made in the browser so the
// link token never appears in another URL.

function icsText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/([,;])/g, "\\$1");
}

function icsTime(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

const HOUR_MS = 3_600_000;

export function meetingCalendar(meeting: { startsAt: string; endsAt: string | null; summary: string; location: string }): string {
  const end = meeting.endsAt ?? new Date(Date.parse(meeting.startsAt) + HOUR_MS).toISOString();
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Traedesten//Borger//DA",
    "CALSCALE:GREGORIAN",
    "BEGIN:VEVENT",
    `UID:${crypto.randomUUID()}@traedesten`,
    `DTSTAMP:${icsTime(new Date().toISOString())}`,
    `DTSTART:${icsTime(meeting.startsAt)}`,
    `DTEND:${icsTime(end)}`,
    `SUMMARY:${icsText(meeting.summary)}`,
    `LOCATION:${icsText(meeting.location)}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.join("\r\n")}\r\n`;
}

/** Offers the file as a download named `fileName`. */
export function downloadCalendar(content: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: "text/calendar;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
