-- A refund Stripe failed after it had succeeded flags its request.
ALTER TABLE "CancellationRequests" ADD COLUMN "HasReversedRefund" INTEGER NOT NULL DEFAULT 0;
