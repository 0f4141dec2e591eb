import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useLocation, useSearchParams } from "wouter";
import { graphql, request, useQuery } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button, buttonClassName } from "../../ui/Button.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { Tabs } from "../../ui/Tabs.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { HandoverListItem } from "./HandoverListItem.tsx";
import { HANDOVER_KINDS, HANDOVER_STATUSES, OPEN_STATUSES, type HandoverKind, type HandoverStatus } from "./labels.ts";
import { handoverPath, handoversPaths } from "./paths.ts";
import { isUnitAdmin, RequireUnit, type ActiveUnit } from "./RequireUnit.tsx";
import { useHandoverChanged, type HandoverChange } from "./useHandoverChanged.ts";
import { useHandoverList, type InboxFilter, type InboxSide } from "./useHandoverList.ts";
import "./handovers.css";

const UnreadCountsQuery = graphql(`
  query HandoverUnreadCounts {
    handoverUnreadCounts {
      unit { id }
      receivedUnread
      sentUnread
    }
  }
`);

const HandoverByCodeQuery = graphql(`
  query HandoverByCode($code: String!) {
    handoverByCode(code: $code) { id }
  }
`);

export function InboxPage() {
  const t = useT();
  useDocumentTitle(t("handovers.inbox.title"));
  return (
    <RequireUnit title={t("handovers.inbox.title")}>
      {(unit, me) => <Inbox unit={unit} canSeeAuditTrail={isUnitAdmin(me, unit.id)} />}
    </RequireUnit>
  );
}

function Inbox({ unit, canSeeAuditTrail }: { unit: ActiveUnit; canSeeAuditTrail: boolean }) {
  const t = useT();
  const [searchParams] = useSearchParams();
  const [, navigate] = useLocation();
  const side: InboxSide = searchParams.get("vis") === "sendt" ? "sent" : "received";
  const counts = useQuery(UnreadCountsQuery);
  const unread = counts.data?.handoverUnreadCounts.find((count) => count.unit.id === unit.id);
  const [liveVersion, setLiveVersion] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const [isLive, setIsLive] = useState(false);

  // Live changes come from the other units, whose answers never reach this client's cache.
  const onChange = useCallback(
    (change: HandoverChange) => {
      void counts.refetch();
      setLiveVersion((version) => version + 1);
      setAnnouncement(
        change.status === "SENT"
          ? t("handovers.live.new", { unit: unit.name })
          : t("handovers.live.updated", { status: t(`handovers.status.${change.status}`) }),
      );
    },
    [counts, t, unit.name],
  );
  // Changes made while the stream was closed were missed: ask again once it opens.
  const onConnected = useCallback(() => {
    setIsLive(true);
    void counts.refetch();
    setLiveVersion((version) => version + 1);
  }, [counts]);
  useHandoverChanged(unit.id, onChange, onConnected);

  const selectSide = (id: string) => navigate(id === "sent" ? `${handoversPaths.handovers}?vis=sendt` : handoversPaths.handovers, { replace: true });
  const tabLabel = (label: string, count: number | undefined) => (
    <>
      {label}
      {count ? <span className="tab-count">{t("handovers.inbox.unreadCount", { count })}</span> : null}
    </>
  );

  return (
    <>
      <PageHeading lead={t("handovers.inbox.lead", { unit: unit.name })}>{t("handovers.inbox.title")}</PageHeading>
      <div className="cluster handovers-actions">
        <Link to={handoversPaths.newHandover} className={buttonClassName("primary")}>
          {t("handovers.inbox.new")}
        </Link>
        {unit.kind === "SERVICE" && (
          <Link to={handoversPaths.openRequests} className={buttonClassName("secondary")}>
            {t("handovers.open.link")}
          </Link>
        )}
        {canSeeAuditTrail && (
          <Link to={handoversPaths.handoverAuditTrail} className={buttonClassName("secondary")}>
            {t("handovers.audit.link")}
          </Link>
        )}
      </div>
      <div className="live-announcement" role="status" aria-live="polite">
        {announcement}
      </div>
      {isLive && <p className="live-state">{t("handovers.live.connected")}</p>}
      <CodeLookup />
      <Tabs
        label={t("handovers.inbox.tabsLabel")}
        selectedId={side}
        onSelect={selectSide}
        tabs={[
          {
            id: "received",
            label: tabLabel(t("handovers.inbox.received"), unread?.receivedUnread),
            content: <HandoverListPanel side="received" unit={unit} liveVersion={liveVersion} />,
          },
          {
            id: "sent",
            label: tabLabel(t("handovers.inbox.sent"), unread?.sentUnread),
            content: <HandoverListPanel side="sent" unit={unit} liveVersion={liveVersion} />,
          },
        ]}
      />
    </>
  );
}

function CodeLookup() {
  const t = useT();
  const [, navigate] = useLocation();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim();
    if (!trimmed) {
      setError(t("handovers.lookup.required"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const data = await request(HandoverByCodeQuery, { code: trimmed });
      navigate(handoverPath(data.handoverByCode.id));
    } catch (failure) {
      // The server answers NOT_FOUND for unknown codes and for codes of other units alike.
      const isNetwork = failure instanceof Error && "kind" in failure && failure.kind === "network";
      setError(isNetwork ? t("errors.network") : t("handovers.lookup.notFound"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="code-lookup" aria-labelledby="code-lookup-title">
      <h2 id="code-lookup-title">{t("handovers.lookup.title")}</h2>
      <form className="code-lookup__form" onSubmit={submit} noValidate>
        <TextField
          label={t("handovers.lookup.label")}
          hint={t("handovers.lookup.hint")}
          name="code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={error}
          autoComplete="off"
          spellCheck={false}
          className="code-lookup__field"
        />
        <Button type="submit" variant="secondary" busy={busy}>
          {t("handovers.lookup.submit")}
        </Button>
      </form>
    </section>
  );
}

type StatusChoice = "" | "OPEN" | HandoverStatus;

function statusesOf(choice: StatusChoice, side: InboxSide): readonly HandoverStatus[] {
  if (choice === "") return [];
  if (choice === "OPEN") return side === "received" ? OPEN_STATUSES.filter((status) => status !== "DRAFT") : OPEN_STATUSES;
  return [choice];
}

function HandoverListPanel({ side, unit, liveVersion }: { side: InboxSide; unit: ActiveUnit; liveVersion: number }) {
  const t = useT();
  const [statusChoice, setStatusChoice] = useState<StatusChoice>("");
  const [kindChoice, setKindChoice] = useState<"" | HandoverKind>("");
  const filter: InboxFilter = { statuses: statusesOf(statusChoice, side), kinds: kindChoice ? [kindChoice] : [] };
  const list = useHandoverList(side, unit.id, filter);
  const { refresh } = list;
  const isFiltered = statusChoice !== "" || kindChoice !== "";

  useEffect(() => {
    if (liveVersion > 0) void refresh();
  }, [liveVersion, refresh]);

  const statusOptions = [
    { value: "", label: t("handovers.filter.allStatuses") },
    { value: "OPEN", label: t("handovers.filter.open") },
    ...HANDOVER_STATUSES.filter((status) => side === "sent" || status !== "DRAFT").map((status) => ({
      value: status,
      label: t(`handovers.status.${status}`),
    })),
  ];
  const kindOptions = [
    { value: "", label: t("handovers.filter.allKinds") },
    ...HANDOVER_KINDS.map((kind) => ({ value: kind, label: t(`handovers.kind.${kind}`) })),
  ];
  const page = list.page;

  return (
    <section aria-labelledby={`${side}-title`}>
      <h2 id={`${side}-title`} className="visually-hidden">
        {t(side === "received" ? "handovers.inbox.receivedTitle" : "handovers.inbox.sentTitle")}
      </h2>
      <div className="handover-filters">
        <SelectField
          label={t("handovers.filter.status")}
          value={statusChoice}
          onChange={(event) => setStatusChoice(event.target.value as StatusChoice)}
          options={statusOptions}
        />
        <SelectField
          label={t("handovers.filter.kind")}
          value={kindChoice}
          onChange={(event) => setKindChoice(event.target.value as "" | HandoverKind)}
          options={kindOptions}
        />
        {isFiltered && (
          <Button
            variant="quiet"
            onClick={() => {
              setStatusChoice("");
              setKindChoice("");
            }}
          >
            {t("handovers.filter.reset")}
          </Button>
        )}
      </div>
      {list.error && (
        <Alert tone="error" title={t("handovers.inbox.loadFailed")}>
          <p>{list.error.kind === "network" ? t("errors.network") : t("errors.unexpected")}</p>
          <Button variant="secondary" onClick={() => void refresh()}>
            {t("common.retry")}
          </Button>
        </Alert>
      )}
      <LoadingRegion busy={list.loading} label={t("handovers.inbox.loading")}>
        {page && page.nodes.length === 0 && !list.loading && (
          <EmptyState
            title={
              isFiltered
                ? t("handovers.inbox.emptyFilteredTitle")
                : t(side === "received" ? "handovers.inbox.emptyReceivedTitle" : "handovers.inbox.emptySentTitle")
            }
            action={
              side === "sent" && !isFiltered ? (
                <Link to={handoversPaths.newHandover} className={buttonClassName("secondary")}>
                  {t("handovers.inbox.new")}
                </Link>
              ) : undefined
            }
          >
            <p>
              {isFiltered
                ? t("handovers.inbox.emptyFilteredBody")
                : t(side === "received" ? "handovers.inbox.emptyReceivedBody" : "handovers.inbox.emptySentBody", { unit: unit.name })}
            </p>
          </EmptyState>
        )}
        {page && page.nodes.length > 0 && (
          <>
            <p className="handover-count">{t(page.totalCountIsCapped ? "handovers.inbox.showingCapped" : "handovers.inbox.showing", { shown: page.nodes.length, total: page.totalCount })}</p>
            <ul className="handover-list">
              {page.nodes.map((node) => (
                <HandoverListItem key={node.id} handover={node} side={side} />
              ))}
            </ul>
            {page.hasNextPage && (
              <Button variant="secondary" busy={list.loadingMore} onClick={() => void list.loadMore()}>
                {t("handovers.inbox.showMore")}
              </Button>
            )}
          </>
        )}
      </LoadingRegion>
    </section>
  );
}
