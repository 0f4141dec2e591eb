-- DropIndex
DROP INDEX "Handover_fromUnitId_status_idx";

-- DropIndex
DROP INDEX "Handover_toUnitId_status_idx";

-- AlterTable
ALTER TABLE "Handover" ADD COLUMN     "receiverActivityAt" TIMESTAMP(3),
ADD COLUMN     "receiverReadAt" TIMESTAMP(3),
ADD COLUMN     "senderActivityAt" TIMESTAMP(3),
ADD COLUMN     "senderReadAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "callerId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "resultId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("callerId","operation","key")
);

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE INDEX "Handover_toUnitId_createdAt_id_idx" ON "Handover"("toUnitId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Handover_fromUnitId_createdAt_id_idx" ON "Handover"("fromUnitId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Handover_toUnitId_status_kind_createdAt_id_idx" ON "Handover"("toUnitId", "status", "kind", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Handover_fromUnitId_status_kind_createdAt_id_idx" ON "Handover"("fromUnitId", "status", "kind", "createdAt" DESC, "id" DESC);

-- Hand-written: what Prisma's schema language cannot express.
-- Unread state lives on the handover row, so an inbox page and the unread counts never scan
-- events. A unit has unread news on a handover when something happened that the unit did not
-- do itself (the other side's or the system's event) after the unit last opened it:
--   receiver: "receiverActivityAt" > COALESCE("receiverReadAt", '-infinity')
--   sender:   "senderActivityAt"   > COALESCE("senderReadAt", '-infinity')
-- The database keeps the four columns from HandoverEvent and HandoverRead, whoever writes
-- them (commands, jobs, the seed), in the writing transaction.
-- Row by row, each an update by primary key: the cost follows the events written, never the
-- size of the table (a job's batch of 500 events is 500 index look-ups).
CREATE OR REPLACE FUNCTION "Handover_track_activity"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Handover" AS handover
  SET "receiverActivityAt" = CASE WHEN NEW."actorUnitId" IS DISTINCT FROM handover."toUnitId"
                                  THEN GREATEST(handover."receiverActivityAt", NEW.at) ELSE handover."receiverActivityAt" END,
      "senderActivityAt" = CASE WHEN NEW."actorUnitId" IS DISTINCT FROM handover."fromUnitId"
                                THEN GREATEST(handover."senderActivityAt", NEW.at) ELSE handover."senderActivityAt" END
  WHERE handover.id = NEW."handoverId";
  RETURN NULL;
END $$;

CREATE TRIGGER "HandoverEvent_track_activity"
  AFTER INSERT ON "HandoverEvent"
  FOR EACH ROW EXECUTE FUNCTION "Handover_track_activity"();

CREATE OR REPLACE FUNCTION "Handover_track_read"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Handover" AS handover
  SET "receiverReadAt" = CASE WHEN handover."toUnitId" = NEW."unitId" THEN NEW."lastReadAt" ELSE handover."receiverReadAt" END,
      "senderReadAt" = CASE WHEN handover."fromUnitId" = NEW."unitId" THEN NEW."lastReadAt" ELSE handover."senderReadAt" END
  WHERE handover.id = NEW."handoverId";
  RETURN NULL;
END $$;

CREATE TRIGGER "HandoverRead_track_read"
  AFTER INSERT OR UPDATE ON "HandoverRead"
  FOR EACH ROW EXECUTE FUNCTION "Handover_track_read"();

-- Existing handovers: derive the columns once.
UPDATE "Handover" AS handover
SET "receiverActivityAt" = (SELECT max(event.at) FROM "HandoverEvent" AS event
                            WHERE event."handoverId" = handover.id AND event."actorUnitId" IS DISTINCT FROM handover."toUnitId"),
    "senderActivityAt" = (SELECT max(event.at) FROM "HandoverEvent" AS event
                          WHERE event."handoverId" = handover.id AND event."actorUnitId" IS DISTINCT FROM handover."fromUnitId"),
    "receiverReadAt" = (SELECT read."lastReadAt" FROM "HandoverRead" AS read
                        WHERE read."handoverId" = handover.id AND read."unitId" = handover."toUnitId"),
    "senderReadAt" = (SELECT read."lastReadAt" FROM "HandoverRead" AS read
                      WHERE read."handoverId" = handover.id AND read."unitId" = handover."fromUnitId");

-- Unread counts read only the unread rows of one unit. The predicates are repeated word for
-- word in handover-lists.ts, so the planner can use these indexes.
CREATE INDEX "Handover_receiver_unread_idx" ON "Handover" ("toUnitId")
  WHERE status <> 'DRAFT' AND "receiverActivityAt" > COALESCE("receiverReadAt", '-infinity'::timestamp(3));
CREATE INDEX "Handover_sender_unread_idx" ON "Handover" ("fromUnitId")
  WHERE "senderActivityAt" > COALESCE("senderReadAt", '-infinity'::timestamp(3));
