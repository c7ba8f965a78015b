-- Undoing a cancellation: what the shopper must pay back and what they did, what the undo took from their balances,
-- whether the cancellation had restocked the order, the invoice that answers a credit note, and the store's undo settings.
ALTER TABLE "CancellationRequests" ADD COLUMN "Restocked" boolean NOT NULL DEFAULT FALSE;
ALTER TABLE "CancellationRequests" ADD COLUMN "UndoReason" character varying(1000);
ALTER TABLE "CancellationRequests" ADD COLUMN "UndoStartedAt" timestamp with time zone;
ALTER TABLE "CancellationRequests" ADD COLUMN "AmountDue" numeric(18,4) NOT NULL DEFAULT 0.0;
ALTER TABLE "CancellationRequests" ADD COLUMN "StoreCreditTakenBack" numeric(18,4) NOT NULL DEFAULT 0.0;
ALTER TABLE "CancellationRequests" ADD COLUMN "PointsTakenBack" bigint NOT NULL DEFAULT 0;
ALTER TABLE "CancellationRequests" ADD COLUMN "Backordered" boolean NOT NULL DEFAULT FALSE;
ALTER TABLE "CancellationRequests" ADD COLUMN "RepaymentReminderSentAt" timestamp with time zone;
ALTER TABLE "CancellationRequests" ADD COLUMN "UndoAskedAt" timestamp with time zone;

-- A canceled order was restocked unless staff said not to (a request canceled at once always restocks) or a supplier shipped it.
UPDATE "CancellationRequests" SET "Restocked" = TRUE
WHERE "Status" = 'Canceled' AND COALESCE("DecisionRestock", TRUE)
  AND "OrderId" IN (SELECT "Id" FROM "Orders" WHERE "SupplierStatus" = 'None');

CREATE TABLE "Repayments" (
    "Id" uuid NOT NULL,
    "RequestId" uuid NOT NULL,
    "Method" character varying(16) NOT NULL,
    "Amount" numeric(18,4) NOT NULL,
    "Currency" character varying(3) NOT NULL,
    "Status" character varying(16) NOT NULL,
    "Reference" character varying(200),
    "CreatedAt" timestamp with time zone NOT NULL,
    "ReceivedAt" timestamp with time zone,
    "RecordedByName" character varying(256) NOT NULL,
    CONSTRAINT "PK_Repayments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Repayments_CancellationRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "CancellationRequests" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_Repayments_Reference" ON "Repayments" ("Reference");
CREATE INDEX "IX_Repayments_RequestId" ON "Repayments" ("RequestId");

ALTER TABLE "Invoices" ADD COLUMN "CreditNoteId" uuid;
ALTER TABLE "Invoices" ADD CONSTRAINT "FK_Invoices_CreditNotes_CreditNoteId" FOREIGN KEY ("CreditNoteId") REFERENCES "CreditNotes" ("Id") ON DELETE RESTRICT;
CREATE INDEX "IX_Invoices_CreditNoteId" ON "Invoices" ("CreditNoteId");

ALTER TABLE "StoreSettings" ADD COLUMN "RepaymentOverdueAfterDays" integer NOT NULL DEFAULT 7;
ALTER TABLE "StoreSettings" ADD COLUMN "ShopperUndoWindowDays" integer NOT NULL DEFAULT 14;
