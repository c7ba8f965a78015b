-- What the store kept of a canceled order is billed on its own invoice, beside the credit note.
CREATE TABLE "CancellationFeeInvoices" (
    "Id" uuid NOT NULL,
    "Number" character varying(32) NOT NULL,
    "OrderId" uuid NOT NULL,
    "RequestId" uuid NOT NULL,
    "CreditNoteId" uuid NOT NULL,
    "Amount" numeric(18,4) NOT NULL,
    "Currency" character varying(3) NOT NULL,
    "Reason" character varying(1000) NOT NULL,
    "IssuedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CancellationFeeInvoices" PRIMARY KEY ("Id"),
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
