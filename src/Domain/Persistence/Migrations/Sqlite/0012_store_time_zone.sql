-- Reports count days in the store's time zone, and the back-office shows its times in it.
ALTER TABLE "StoreSettings" ADD COLUMN "TimeZone" TEXT NOT NULL DEFAULT 'UTC';

-- The refund reports read refunds and requests by period, and orders placed in it.
CREATE INDEX "IX_Refunds_CreatedAt" ON "Refunds" ("CreatedAt");
CREATE INDEX "IX_CancellationRequests_RequestedAt" ON "CancellationRequests" ("RequestedAt");
CREATE INDEX "IX_Orders_PlacedAt" ON "Orders" ("PlacedAt");
