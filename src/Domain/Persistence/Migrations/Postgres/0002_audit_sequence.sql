-- Audit steps get a kind (what the step was, instead of matching its words) and a number within their request:
-- several steps are often written in the same instant, so time alone cannot order a timeline. Existing steps are
-- numbered by time, and steps of one instant by where they fall in a request's life.

ALTER TABLE "AuditEntries" ADD "Sequence" bigint NOT NULL DEFAULT 0;

ALTER TABLE "AuditEntries" ADD "Kind" character varying(32) NOT NULL DEFAULT '';

UPDATE "AuditEntries" a SET "Sequence" = n."Sequence", "Kind" = n."Kind"
FROM (
    SELECT "Id",
        ROW_NUMBER() OVER (PARTITION BY "RequestId" ORDER BY "At", CASE "Action"
            WHEN 'Cancellation requested' THEN 0
            WHEN 'Accepted' THEN 1
            WHEN 'Rejected' THEN 1
            WHEN 'Withdrawn by the shopper' THEN 1
            WHEN 'Decision recorded' THEN 2
            WHEN 'Staff note' THEN 3
            WHEN 'Fulfillment request reverted' THEN 2
            WHEN 'Canceled with the supplier' THEN 2
            WHEN 'Refund issued' THEN 4
            WHEN 'Card refund started' THEN 4
            WHEN 'Card refund succeeded' THEN 4
            WHEN 'Card refund failed' THEN 4
            WHEN 'Card refund outcome unknown' THEN 4
            WHEN 'Bank transfer started' THEN 4
            WHEN 'Bank transfer recorded' THEN 4
            WHEN 'Bank transfer canceled' THEN 4
            WHEN 'Refund reversed by Stripe' THEN 4
            WHEN 'Canceled' THEN 5
            WHEN 'Credit note issued' THEN 6
            WHEN 'Undo started: awaiting repayment' THEN 7
            WHEN 'Cancellation undone' THEN 7
            WHEN 'Repayment received: cancellation undone' THEN 8
            ELSE 4
        END, "Id") AS "Sequence",
        CASE "Action"
            WHEN 'Cancellation requested' THEN 'Requested'
            WHEN 'Accepted' THEN 'Accepted'
            WHEN 'Rejected' THEN 'Rejected'
            WHEN 'Withdrawn by the shopper' THEN 'Withdrawn'
            WHEN 'Decision recorded' THEN 'DecisionRecorded'
            WHEN 'Staff note' THEN 'StaffNote'
            WHEN 'Fulfillment request reverted' THEN 'FulfillmentReverted'
            WHEN 'Canceled with the supplier' THEN 'CanceledWithSupplier'
            WHEN 'Refund issued' THEN 'RefundIssued'
            WHEN 'Card refund started' THEN 'CardRefundStarted'
            WHEN 'Card refund succeeded' THEN 'CardRefundSucceeded'
            WHEN 'Card refund failed' THEN 'CardRefundFailed'
            WHEN 'Card refund outcome unknown' THEN 'CardRefundOutcomeUnknown'
            WHEN 'Bank transfer started' THEN 'BankTransferStarted'
            WHEN 'Bank transfer recorded' THEN 'BankTransferRecorded'
            WHEN 'Bank transfer canceled' THEN 'BankTransferCanceled'
        WHEN 'Refund reversed by Stripe' THEN 'RefundReversed'
            WHEN 'Canceled' THEN 'Canceled'
            WHEN 'Credit note issued' THEN 'CreditNoteIssued'
            WHEN 'Undo started: awaiting repayment' THEN 'UndoStarted'
            WHEN 'Cancellation undone' THEN 'Undone'
            WHEN 'Repayment received: cancellation undone' THEN 'RepaymentReceived'
            ELSE 'StaffNote'
        END AS "Kind"
    FROM "AuditEntries"
) n
WHERE a."Id" = n."Id";

ALTER TABLE "AuditEntries" ALTER COLUMN "Sequence" DROP DEFAULT, ALTER COLUMN "Kind" DROP DEFAULT;

ALTER TABLE "AuditEntries" DROP COLUMN "Action";

DROP INDEX "IX_AuditEntries_RequestId_At";

CREATE INDEX "IX_AuditEntries_RequestId_Sequence" ON "AuditEntries" ("RequestId", "Sequence");

ALTER TABLE "CancellationRequests" ADD "AuditSequence" bigint NOT NULL DEFAULT 0;

UPDATE "CancellationRequests" r SET "AuditSequence" = (SELECT COUNT(*) FROM "AuditEntries" a WHERE a."RequestId" = r."Id");
