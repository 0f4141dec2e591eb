// Calendar subscriptions: the public feed of a centre, and a unit's private feed link, which the
// server shows only once, so we show it with a copy button and how to subscribe.
import { useState } from "react";
import { useMutationResult, useQuery } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { useFormatters } from "../../i18n/format.ts";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { CreateFeedTokenMutation, FeedTokensQuery, RevokeFeedTokenMutation } from "./documents.ts";
import "./visits.css";

function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <>
      <Button variant="secondary" onClick={() => void copy()} aria-label={label}>
        {t("visits.feeds.copy")}
      </Button>
      <span role="status">{copied ? t("visits.feeds.copied") : ""}</span>
    </>
  );
}

function HowToSubscribe() {
  const t = useT();
  return (
    <details>
      <summary>{t("visits.feeds.howTo")}</summary>
      <h4>Outlook</h4>
      <p>{t("visits.feeds.outlook")}</p>
      <h4>Google Kalender</h4>
      <p>{t("visits.feeds.google")}</p>
    </details>
  );
}

export function CentreFeed({ centreId, centreName }: { centreId: string; centreName: string }) {
  const t = useT();
  const url = `${window.location.origin}/calendar/centre/${centreId}.ics`;
  return (
    <section className="stack" aria-labelledby="centre-feed-heading">
      <h3 id="centre-feed-heading">{t("visits.feeds.publicHeading", { centre: centreName })}</h3>
      <p>{t("visits.feeds.publicIntro")}</p>
      <p className="feed-url">{url}</p>
      <div className="cluster">
        <CopyButton text={url} label={t("visits.feeds.copyPublic", { centre: centreName })} />
      </div>
    </section>
  );
}

export function UnitFeeds({ unitId, unitName }: { unitId: string; unitName: string }) {
  const t = useT();
  const { formatDateTime } = useFormatters();
  // A new link reloads the list even when the unit had none yet.
  const tokens = useQuery(FeedTokensQuery, { unitId }, { additionalTypenames: ["CalendarFeedToken"] });
  const create = useMutationResult(CreateFeedTokenMutation, "CreateCalendarFeedTokenSuccess");
  const revoke = useMutationResult(RevokeFeedTokenMutation, "RevokeCalendarFeedTokenSuccess");
  const [newUrl, setNewUrl] = useState<string | null>(null);

  const onCreate = async () => {
    const result = await create.run({ input: { unitId } });
    if (result.ok) setNewUrl(result.value.data.url);
  };
  const active = tokens.data?.calendarFeedTokens.filter((token) => token.isActive) ?? [];

  return (
    <section className="stack" aria-labelledby="unit-feed-heading">
      <h3 id="unit-feed-heading">{t("visits.feeds.privateHeading", { unit: unitName })}</h3>
      <p>{t("visits.feeds.privateIntro")}</p>
      {create.error && <Alert tone="error">{create.error.message}</Alert>}
      {revoke.error && <Alert tone="error">{revoke.error.message}</Alert>}
      {newUrl && (
        <Alert tone="success" title={t("visits.feeds.createdTitle")}>
          <p>{t("visits.feeds.shownOnce")}</p>
          <p className="feed-url">{newUrl}</p>
          <div className="cluster">
            <CopyButton text={newUrl} label={t("visits.feeds.copyPrivate")} />
          </div>
        </Alert>
      )}
      <LoadingRegion busy={tokens.loading && !tokens.data}>
        {tokens.error && <Alert tone="error">{t("visits.loadError")}</Alert>}
        {tokens.data &&
          (active.length === 0 ? (
            <p>{t("visits.feeds.none")}</p>
          ) : (
            <ul>
              {active.map((token) => (
                <li key={token.id} className="cluster">
                  <span>{t("visits.feeds.createdAt", { date: formatDateTime(token.createdAt) })}</span>
                  <Button variant="danger" onClick={() => void revoke.run({ input: { tokenId: token.id } })} busy={revoke.running}>
                    {t("visits.feeds.revoke")}
                  </Button>
                </li>
              ))}
            </ul>
          ))}
      </LoadingRegion>
      <div className="cluster">
        <Button variant="secondary" onClick={() => void onCreate()} busy={create.running}>
          {t("visits.feeds.create")}
        </Button>
      </div>
      <HowToSubscribe />
    </section>
  );
}
