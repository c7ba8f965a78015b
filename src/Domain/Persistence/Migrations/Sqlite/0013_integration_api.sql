-- A shop platform pushes orders in with API keys that admins create; its own order ids map to orders here.
CREATE TABLE "ApiKeys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ApiKeys" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "SecretHash" TEXT NOT NULL,
    "Scopes" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedByName" TEXT NOT NULL,
    "RevokedAt" INTEGER NULL,
    "LastUsedAt" INTEGER NULL
);
CREATE UNIQUE INDEX "IX_ApiKeys_Prefix" ON "ApiKeys" ("Prefix");

CREATE TABLE "ExternalOrders" (
    "ExternalId" TEXT NOT NULL CONSTRAINT "PK_ExternalOrders" PRIMARY KEY,
    "OrderId" TEXT NOT NULL,
    "Fingerprint" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_ExternalOrders_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "IX_ExternalOrders_OrderId" ON "ExternalOrders" ("OrderId");

-- Endpoints of the store's that hear events, and each signed delivery to them (the webhook outbox).
CREATE TABLE "WebhookEndpoints" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WebhookEndpoints" PRIMARY KEY,
    "Url" TEXT NOT NULL,
    "Events" TEXT NOT NULL,
    "Secret" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "ConsecutiveFailures" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "DisabledAt" INTEGER NULL
);
CREATE TABLE "WebhookDeliveries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WebhookDeliveries" PRIMARY KEY,
    "EndpointId" TEXT NOT NULL,
    "EventType" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "LockedUntil" INTEGER NULL,
    "DeliveredAt" INTEGER NULL,
    "LastResponseCode" INTEGER NULL,
    "LastError" TEXT NULL,
    CONSTRAINT "FK_WebhookDeliveries_WebhookEndpoints_EndpointId" FOREIGN KEY ("EndpointId") REFERENCES "WebhookEndpoints" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_WebhookDeliveries_EndpointId_CreatedAt" ON "WebhookDeliveries" ("EndpointId", "CreatedAt");
CREATE INDEX "IX_WebhookDeliveries_Status_NextAttemptAt" ON "WebhookDeliveries" ("Status", "NextAttemptAt");
