-- What the store kept of a canceled order is billed on its own invoice, beside the credit note.
CREATE TABLE "CancellationFeeInvoices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CancellationFeeInvoices" PRIMARY KEY,
    "Number" TEXT NOT NULL,
    "OrderId" TEXT NOT NULL,
    "RequestId" TEXT NOT NULL,
    "CreditNoteId" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "Currency" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "IssuedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_CancellationFeeInvoices_CreditNotes_CreditNoteId" FOREIGN KEY ("CreditNoteId") REFERENCES "CreditNotes" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_CancellationFeeInvoices_CreditNoteId" ON "CancellationFeeInvoices" ("CreditNoteId");

CREATE UNIQUE INDEX "IX_CancellationFeeInvoices_Number" ON "CancellationFeeInvoices" ("Number");

CREATE INDEX "IX_CancellationFeeInvoices_OrderId" ON "CancellationFeeInvoices" ("OrderId");

CREATE UNIQUE INDEX "IX_CancellationFeeInvoices_RequestId" ON "CancellationFeeInvoices" ("RequestId");

-- The series exists from the start, so the first two fee invoices numbered at once race on its counter
-- (one is told to try again) rather than on creating it.
INSERT INTO "DocumentSequences" ("Name", "Prefix", "LastNumber") VALUES ('cancellation-fee', 'FEE-', 0)
    ON CONFLICT ("Name") DO NOTHING;
