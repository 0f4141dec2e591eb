// The conversation thread on a handover (issue 18, item 5): read it with handoverThread, write
// with postHandoverMessage. Only members of the sending and receiving units; short texts, the
// CPR guard, no attachments. See handover-thread.commands.ts for the audit and the notice.
import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import { postHandoverMessage, readHandoverThread, THREAD_MESSAGE_MAX_CHARS, type HandoverMessageView } from "./handover-thread.commands.ts";
import { requireViewer } from "../../shared/viewer.ts";

const MessageUnitRef = builder.objectRef<{ id: string; name: string }>("HandoverMessageUnit").implement({
  description: "The unit a thread message was written for: only its id and name.",
  fields: (t) => ({ id: t.exposeID("id"), name: t.exposeString("name") }),
});

export const HandoverMessageRef = builder.objectRef<HandoverMessageView>("HandoverMessage").implement({
  description: "One short message in a handover's thread between its two units. Blanked when the handover's personal data is purged.",
  fields: (t) => ({
    id: t.exposeID("id"),
    handoverId: t.exposeID("handoverId"),
    text: t.exposeString("text", { description: "The message; empty once the personal data is purged." }),
    at: t.expose("at", { type: "DateTime" }),
    authorUnit: t.field({ type: MessageUnitRef, resolve: (message) => message.authorUnit }),
    authorUserName: t.exposeString("authorUserName", { description: "The professional who wrote it." }),
    fromViewerSide: t.exposeBoolean("fromViewerSide", { description: "True when one of the viewer's own units wrote it." }),
  }),
});

builder.queryField("handoverThread", (t) =>
  t.field({
    type: [HandoverMessageRef],
    description:
      "The thread on a handover, oldest first, for members of its two units. Each read of a thread that still holds text is recorded in the handover's access log.",
    args: { handoverId: t.arg.id({ required: true }) },
    authScopes: (_root, args) => ({ handoverParticipant: args.handoverId }),
    resolve: (_root, args, context) => readHandoverThread(context, requireViewer(context), args.handoverId),
  }),
);

const PostHandoverMessageInput = builder.inputType("PostHandoverMessageInput", {
  fields: (t) => ({
    handoverId: t.id({ required: true }),
    text: t.string({
      required: true,
      description: `The message, 1-${THREAD_MESSAGE_MAX_CHARS} characters. Write as little about the citizen as the work needs; never a CPR number.`,
    }),
  }),
});
const postSchema = z.object({ handoverId: z.string(), text: z.string().trim().min(1).max(THREAD_MESSAGE_MAX_CHARS) });

builder.mutationField("postHandoverMessage", (t) =>
  t.field({
    type: HandoverMessageRef,
    description: "Writes a short message in the handover's thread (either unit); the other unit gets a notice without the text.",
    args: { input: t.arg({ type: PostHandoverMessageInput, required: true, validate: { schema: postSchema } }) },
    errors: MUTATION_ERRORS,
    authScopes: (_root, args) => ({ handoverParticipant: args.input.handoverId }),
    resolve: (_root, { input }, context) => postHandoverMessage(context, requireViewer(context), input),
  }),
);
