-- Reports count days in the store's time zone, and the back-office shows its times in it.
ALTER TABLE "StoreSettings" ADD COLUMN "TimeZone" character varying(64) NOT NULL DEFAULT 'UTC';

-- The refund reports read a period's refunds and requests from these indexes alone, and count the orders placed in it.
CREATE INDEX "IX_Refunds_Reports" ON "Refunds" ("CreatedAt", "Currency", "Method", "Status", "Amount", "RequestId", "OrderId");
CREATE INDEX "IX_CancellationRequests_Reports" ON "CancellationRequests" ("RequestedAt", "Status", "RequestedByKind", "ShopperReason", "OrderId", "AcceptedAt", "ClosedAt", "AssignedToName");
CREATE INDEX "IX_Orders_PlacedAt" ON "Orders" ("PlacedAt");
