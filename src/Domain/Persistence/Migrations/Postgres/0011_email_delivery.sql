-- Emails carry their template's name, the mail service's id and what it reported after taking them (delivered,
-- bounced, dropped, reported as spam), and when staff sent one again; the store's address and support contact go
-- in every email's footer.
ALTER TABLE "OutboxMessages" ADD COLUMN "Template" character varying(64);
ALTER TABLE "OutboxMessages" ADD COLUMN "ProviderMessageId" character varying(200);
ALTER TABLE "OutboxMessages" ADD COLUMN "Delivery" character varying(16);
ALTER TABLE "OutboxMessages" ADD COLUMN "DeliveryDetail" character varying(500);
ALTER TABLE "OutboxMessages" ADD COLUMN "DeliveryReportedAt" timestamp with time zone;
ALTER TABLE "OutboxMessages" ADD COLUMN "ResentAt" timestamp with time zone;
CREATE INDEX "IX_OutboxMessages_CreatedAt" ON "OutboxMessages" ("CreatedAt");
CREATE INDEX "IX_OutboxMessages_Topic_CreatedAt" ON "OutboxMessages" ("Topic", "CreatedAt");
ALTER TABLE "StoreSettings" ADD COLUMN "StoreAddress" character varying(300);
ALTER TABLE "StoreSettings" ADD COLUMN "SupportContact" character varying(200);
