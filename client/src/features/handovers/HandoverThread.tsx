// The conversation thread between the two units of a handover (issue 18, item 5). Reading a
// thread that holds text is recorded in the access log, so the thread loads only when asked
// for, and the panel says so. Writing needs no read first.
import { useState, type FormEvent } from "react";
import { graphql, MutationErrorFields, request, RequestError, useMutationResult, type ResultOf } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { TextArea } from "../../ui/TextArea.tsx";

const MAX_CHARS = 1000;

const ThreadQuery = graphql(`
  query HandoverThread($id: ID!) {
    handoverThread(handoverId: $id) { id text at authorUnit { id name } authorUserName fromViewerSide }
  }
`);

const PostMessageMutation = graphql(
  `mutation PostHandoverMessage($input: PostHandoverMessageInput!) {
    postHandoverMessage(input: $input) {
      __typename
      ... on PostHandoverMessageSuccess { data { id text at authorUnit { id name } authorUserName fromViewerSide } }
      ...MutationErrorFields
    }
  }`,
  [MutationErrorFields],
);

type Message = ResultOf<typeof ThreadQuery>["handoverThread"][number];

export function HandoverThread({ handoverId, canWrite }: { handoverId: string; canWrite: boolean }) {
  const t = useT();
  const { formatDateTime } = useFormatters();
  const { language } = useLanguage();
  const [messages, setMessages] = useState<readonly Message[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [status, setStatus] = useState("");
  const post = useMutationResult(PostMessageMutation, "PostHandoverMessageSuccess");

  const show = async () => {
    setLoading(true);
    setLoadError(null);
    try {
      const data = await request(ThreadQuery, { id: handoverId });
      setMessages(data.handoverThread);
    } catch (failure) {
      setLoadError(failure instanceof RequestError && failure.kind === "network" ? t("errors.network") : t("handovers.thread.failed"));
    } finally {
      setLoading(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus("");
    const outcome = await post.run({ input: { handoverId, text } });
    if (!outcome.ok) return;
    setText("");
    setStatus(t("handovers.thread.sent"));
    if (messages) setMessages([...messages, outcome.value.data]);
  };

  const textError = post.fieldError("text") ?? post.error?.message;

  return (
    <div className="handover-thread">
      <p>{t("handovers.thread.intro")}</p>
      {messages === null ? (
        <>
          {loadError && <Alert tone="error">{loadError}</Alert>}
          <Button variant="secondary" onClick={() => void show()} busy={loading}>
            {t("handovers.thread.show")}
          </Button>
        </>
      ) : messages.length === 0 ? (
        <p>{t("handovers.thread.empty")}</p>
      ) : (
        <ol className="handover-thread__messages" aria-label={t("handovers.thread.listLabel")}>
          {messages.map((message) => (
            <li key={message.id} className={message.fromViewerSide ? "handover-thread__message handover-thread__message--own" : "handover-thread__message"}>
              <p className="handover-thread__meta">
                <strong>{message.authorUnit.name}</strong> · {message.authorUserName} · <time dateTime={message.at}>{formatDateTime(message.at)}</time>
              </p>
              <p className="handover-thread__text">{message.text || <em>{t("handovers.thread.purged")}</em>}</p>
            </li>
          ))}
        </ol>
      )}
      {messages !== null && messages.length > 0 && <p className="personal-data__logged">{t("handovers.thread.logged")}</p>}
      <div role="status" className="action-message">
        {status && <Alert tone="success">{status}</Alert>}
      </div>
      {canWrite ? (
        <form onSubmit={(event) => void submit(event)} noValidate className="handover-thread__form">
          <TextArea
            label={t("handovers.thread.newMessage")}
            hint={t("handovers.thread.hint", { max: MAX_CHARS.toLocaleString(language === "da" ? "da-DK" : "en-GB") })}
            value={text}
            onChange={(event) => setText(event.target.value)}
            error={textError}
            maxLength={MAX_CHARS}
            rows={3}
          />
          <Button type="submit" busy={post.running}>
            {t("handovers.thread.send")}
          </Button>
        </form>
      ) : (
        <p>{t("handovers.thread.closed")}</p>
      )}
    </div>
  );
}
