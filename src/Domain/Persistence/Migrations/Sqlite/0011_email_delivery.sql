-- Emails carry their template's name, the mail service's id and what it reported after taking them (delivered,
-- bounced, dropped, reported as spam), and when staff sent one again; the store's address and support contact go
-- in every email's footer.
ALTER TABLE "OutboxMessages" ADD COLUMN "Template" TEXT NULL;
ALTER TABLE "OutboxMessages" ADD COLUMN "ProviderMessageId" TEXT NULL;
ALTER TABLE "OutboxMessages" ADD COLUMN "Delivery" TEXT NULL;
ALTER TABLE "OutboxMessages" ADD COLUMN "DeliveryDetail" TEXT NULL;
ALTER TABLE "OutboxMessages" ADD COLUMN "DeliveryReportedAt" INTEGER NULL;
ALTER TABLE "OutboxMessages" ADD COLUMN "ResentAt" INTEGER NULL;
CREATE INDEX "IX_OutboxMessages_CreatedAt" ON "OutboxMessages" ("CreatedAt");
CREATE INDEX "IX_OutboxMessages_Topic_CreatedAt" ON "OutboxMessages" ("Topic", "CreatedAt");
ALTER TABLE "StoreSettings" ADD COLUMN "StoreAddress" TEXT NULL;
ALTER TABLE "StoreSettings" ADD COLUMN "SupportContact" TEXT NULL;
