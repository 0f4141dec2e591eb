import { useEffect, useMemo, useRef, type MouseEvent } from "react";
import { useLocation, useSearch, useSearchParams } from "wouter";
import { useT } from "../../i18n/i18n.tsx";
import { useDocumentTitle } from "../../page-navigation.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { Tabs } from "../../ui/Tabs.tsx";
import { CentreResults } from "./CentreResults.tsx";
import { CentreSearchForm } from "./CentreSearchForm.tsx";
import {
  centreSearchQueryString,
  readCentreSearch,
  readServiceSearch,
  readTab,
  serviceSearchQueryString,
  type CentreSearch,
  type ServiceSearch,
} from "./searchParams.ts";
import { ServiceResults, ServiceSearchForm } from "./ServiceSearch.tsx";
import "./directory.css";

/** /soeg: the public directory search. The URL holds the search, so it can be shared. */
export function SearchPage() {
  const t = useT();
  useDocumentTitle(t("directory.search.title"));
  const search = useSearch();
  const [searchParams] = useSearchParams();
  const [, navigate] = useLocation();
  const tab = readTab(searchParams);
  const centreSearch = useMemo(() => readCentreSearch(new URLSearchParams(search)), [search]);
  const serviceSearch = useMemo(() => readServiceSearch(new URLSearchParams(search)), [search]);

  const focusResults = useRef(false);
  useEffect(() => {
    if (!focusResults.current) return;
    focusResults.current = false;
    // why: after "Søg", people want the results, not the top of the form again (on a phone the
    // form is long). This runs after the router has moved focus to the page heading.
    const frame = requestAnimationFrame(() => {
      const heading = document.getElementById(tab === "services" ? "service-results-title" : "centre-results-title");
      heading?.focus({ preventScroll: true });
      heading?.scrollIntoView({ block: "start" });
    });
    return () => cancelAnimationFrame(frame);
  }, [search, tab]);

  const goTo = (queryString: string) => {
    focusResults.current = true;
    navigate(queryString ? `/soeg?${queryString}` : "/soeg");
  };
  const onCentreSearch = (next: CentreSearch) => goTo(centreSearchQueryString(next));
  const onServiceSearch = (next: ServiceSearch) => goTo(serviceSearchQueryString(next));

  return (
    <>
      <PageHeading lead={t("directory.search.lead")}>{t("directory.search.title")}</PageHeading>
      <Tabs
        label={t("directory.search.tabsLabel")}
        selectedId={tab}
        onSelect={(id) => navigate(id === "services" ? "/soeg?fane=tilbud" : "/soeg", { replace: true })}
        tabs={[
          {
            id: "centres",
            label: t("directory.search.tabCentres"),
            content: (
              <div className="search-layout">
                <SkipToResults targetId="centre-results-title" />
                {/* The key remounts the form when the URL changes (back button, a shared link). */}
                <CentreSearchForm key={search} initial={centreSearch} onSearch={onCentreSearch} />
                <CentreResults search={centreSearch} />
              </div>
            ),
          },
          {
            id: "services",
            label: t("directory.search.tabServices"),
            content: (
              <div className="search-layout">
                <SkipToResults targetId="service-results-title" />
                <ServiceSearchForm key={search} initial={serviceSearch} onSearch={onServiceSearch} />
                <ServiceResults search={serviceSearch} />
              </div>
            ),
          },
        ]}
      />
    </>
  );
}

/** On a phone the form is long: a link past it to the results. Hidden where they sit side by side. */
function SkipToResults({ targetId }: { targetId: string }) {
  const t = useT();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (!target) return;
    event.preventDefault();
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
  };
  return (
    <a href={`#${targetId}`} className="skip-to-results" onClick={onClick}>
      {t("directory.search.skipToResults")}
    </a>
  );
}
