import type { MessageKey } from "../../i18n/da.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { buttonClassName } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";

type Task = { to: string; title: MessageKey; body: MessageKey; link: MessageKey };

// The four journeys of DESIGN.md (J1–J4), in the order a citizen's path runs through them.
const tasks: readonly Task[] = [
  { to: "/soeg", title: "home.find.title", body: "home.find.body", link: "home.find.link" },
  { to: "/overleveringer", title: "home.handovers.title", body: "home.handovers.body", link: "home.handovers.link" },
  { to: "/besoeg", title: "home.visits.title", body: "home.visits.body", link: "home.visits.link" },
  { to: "/overblik", title: "home.overview.title", body: "home.overview.body", link: "home.overview.link" },
];

export function HomePage() {
  const t = useT();
  useDocumentTitle(null);
  return (
    <>
      <PageHeading lead={t("home.lead")}>{t("home.title")}</PageHeading>
      <p>{t("home.anonymous")}</p>

      <h2>{t("home.tasksTitle")}</h2>
      <ul className="grid grid--wide">
        {tasks.map((task) => (
          <Card
            key={task.to}
            as="li"
            headingLevel={3}
            title={t(task.title)}
            footer={
              <Link to={task.to} className={buttonClassName("secondary")}>
                {t(task.link)}
              </Link>
            }
          >
            <p>{t(task.body)}</p>
          </Card>
        ))}
      </ul>

      <h2>{t("home.signIn.title")}</h2>
      <p>{t("home.signIn.body")}</p>
      <p>
        <Link to="/log-ind" className={buttonClassName("primary")}>
          {t("home.signIn.link")}
        </Link>
      </p>
    </>
  );
}
