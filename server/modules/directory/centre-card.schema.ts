// What the printed centre card needs besides the profile: a short link a citizen can type
// (/v/<slug>) and its QR code. The slug is set once, so a rename never breaks a printed card.
import QRCode from "qrcode";
import { builder } from "../../graphql/builder.ts";
import type { Context } from "../../graphql/context.ts";
import { CentreRef } from "./centre.schema.ts";

export const shortCentrePath = (centre: { id: string; slug: string | null }) => (centre.slug ? `/v/${centre.slug}` : `/vaerested/${centre.id}`);

const shortLink = (context: Context, centre: { id: string; slug: string | null }) => `${context.config.publicUrl}${shortCentrePath(centre)}`;

builder.prismaObjectFields(CentreRef, (t) => ({
  slug: t.exposeString("slug", { nullable: true, description: "The short link's key; stays when the centre is renamed." }),
  shortLink: t.string({
    description: "The centre's public page as a short link for print (/v/<slug>).",
    select: { id: true, slug: true },
    resolve: (centre, _args, context) => shortLink(context, centre),
  }),
  shortLinkQrSvg: t.string({
    description: "A QR code for shortLink as an SVG document, for the printed card.",
    select: { id: true, slug: true },
    resolve: (centre, _args, context) => QRCode.toString(shortLink(context, centre), { type: "svg", margin: 1 }),
  }),
}));
