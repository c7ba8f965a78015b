-- Undoing a cancellation: what the shopper must pay back and what they did, what the undo took from their balances,
-- whether the cancellation had restocked the order, the invoice that answers a credit note, and the store's undo settings.
ALTER TABLE "CancellationRequests" ADD COLUMN "Restocked" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "CancellationRequests" ADD COLUMN "UndoReason" TEXT NULL;
ALTER TABLE "CancellationRequests" ADD COLUMN "UndoStartedAt" INTEGER NULL;
ALTER TABLE "CancellationRequests" ADD COLUMN "AmountDue" TEXT NOT NULL DEFAULT '0.0';
ALTER TABLE "CancellationRequests" ADD COLUMN "StoreCreditTakenBack" TEXT NOT NULL DEFAULT '0.0';
ALTER TABLE "CancellationRequests" ADD COLUMN "PointsTakenBack" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "CancellationRequests" ADD COLUMN "Backordered" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "CancellationRequests" ADD COLUMN "RepaymentReminderSentAt" INTEGER NULL;
ALTER TABLE "CancellationRequests" ADD COLUMN "UndoAskedAt" INTEGER NULL;

-- A canceled order was restocked unless staff said not to (a request canceled at once always restocks) or a supplier shipped it.
UPDATE "CancellationRequests" SET "Restocked" = 1
WHERE "Status" = 'Canceled' AND COALESCE("DecisionRestock", 1) = 1
  AND "OrderId" IN (SELECT "Id" FROM "Orders" WHERE "SupplierStatus" = 'None');

CREATE TABLE "Repayments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Repayments" PRIMARY KEY,
    "RequestId" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "Currency" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Reference" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ReceivedAt" INTEGER NULL,
    "RecordedByName" TEXT NOT NULL,
    CONSTRAINT "FK_Repayments_CancellationRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "CancellationRequests" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_Repayments_Reference" ON "Repayments" ("Reference");
CREATE INDEX "IX_Repayments_RequestId" ON "Repayments" ("RequestId");

ALTER TABLE "Invoices" ADD COLUMN "CreditNoteId" TEXT NULL CONSTRAINT "FK_Invoices_CreditNotes_CreditNoteId" REFERENCES "CreditNotes" ("Id") ON DELETE RESTRICT;
CREATE INDEX "IX_Invoices_CreditNoteId" ON "Invoices" ("CreditNoteId");

ALTER TABLE "StoreSettings" ADD COLUMN "RepaymentOverdueAfterDays" INTEGER NOT NULL DEFAULT 7;
ALTER TABLE "StoreSettings" ADD COLUMN "ShopperUndoWindowDays" INTEGER NOT NULL DEFAULT 14;
