-- Open requests to a group (issue 18): a handover has no receiving unit only as an open request
-- (OPEN, or closed before anyone claimed it). Hand-written: Prisma cannot express a CHECK. In its
-- own migration because a new enum value cannot be used in the transaction that adds it.
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_receiver_unless_open_request"
  CHECK ("toUnitId" IS NOT NULL OR status IN ('OPEN', 'CANCELLED', 'EXPIRED', 'WITHDRAWN'));
