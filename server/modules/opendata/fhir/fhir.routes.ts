// GET /fhir/Handover/{id}: a handover as a FHIR R4 Bundle, for members of its two units only
// (the handover policy's need-to-know), with the session cookie. Every export is recorded in the
// personal-data audit log like a read of personal data, even when it carries none.
import type Router from "@koa/router";
import type { Clock } from "../../../clock.ts";
import type { Config } from "../../../config.ts";
import type { Prisma } from "../../../db/database.ts";
import { resolveViewer, SESSION_COOKIE } from "../../accounts/index.ts";
import { handoverWhereVisibleTo, recordPersonalDataAccess } from "../../handovers/index.ts";
import { findCprLikeNumber } from "../../../shared/cpr-guard.ts";
import { buildHandoverBundle, fieldsInBundle, handoverBundleSelect } from "./handover-bundle.ts";

export interface FhirRouteDependencies {
  prisma: Prisma;
  clock: Clock;
  config: Config;
}

export const DEFAULT_EXPORT_REASON = "FHIR-eksport til sagssystem";

export function registerFhirRoutes(router: Router, deps: FhirRouteDependencies): void {
  const { prisma, clock, config } = deps;

  router.get("/fhir/Handover/:id", async (ctx) => {
    ctx.set("Cache-Control", "private, no-store");
    const viewer = await resolveViewer(prisma, clock, config, ctx.cookies.get(SESSION_COOKIE));
    if (!viewer) {
      ctx.status = 401;
      ctx.body = { error: "Sign in first", errorDa: "Log ind først" };
      return;
    }
    const reasonParameter = ctx.query["reason"];
    const reason = (typeof reasonParameter === "string" ? reasonParameter.trim() : "") || DEFAULT_EXPORT_REASON;
    if (reason.length > 300 || findCprLikeNumber(reason)) {
      ctx.status = 400;
      ctx.body = { error: "The reason must be at most 300 characters and hold no CPR number", errorDa: "Begrundelsen må højst være 300 tegn og må ikke indeholde et CPR-nummer" };
      return;
    }
    const now = clock.now();
    const bundle = await prisma.$transaction(async (tx) => {
      const handover = await tx.handover.findFirst({ where: { AND: [{ id: ctx.params["id"] ?? "" }, handoverWhereVisibleTo(viewer)] }, select: { ...handoverBundleSelect, fromUnitId: true, toUnitId: true } });
      if (!handover) return null;
      const data = await tx.handoverPersonalData.findUnique({ where: { handoverId: handover.id }, select: { firstName: true, phone: true, email: true, note: true } });
      await recordPersonalDataAccess(tx, viewer, handover, { fields: fieldsInBundle(handover, data, now), reason, at: now });
      return buildHandoverBundle(handover, data, now, `${ctx.origin}/fhir`);
    });
    if (!bundle) {
      // Unknown and not-yours look the same: nobody learns which handovers exist.
      ctx.status = 404;
      ctx.body = { resourceType: "OperationOutcome", issue: [{ severity: "error", code: "not-found", diagnostics: "Not found / Findes ikke" }] };
      return;
    }
    ctx.type = "application/fhir+json; fhirVersion=4.0";
    ctx.set("Content-Disposition", `attachment; filename="handover-${ctx.params["id"]}.fhir.json"`);
    ctx.body = bundle;
  });
}
