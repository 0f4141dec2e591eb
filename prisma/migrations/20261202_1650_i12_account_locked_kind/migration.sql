-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'ACCOUNT_LOCKED';
