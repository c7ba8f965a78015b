-- A shop platform pushes orders in with API keys that admins create; its own order ids map to orders here.
CREATE TABLE "ApiKeys" (
    "Id" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Prefix" character varying(12) NOT NULL,
    "SecretHash" character varying(64) NOT NULL,
    "Scopes" character varying(200) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByName" character varying(256) NOT NULL,
    "RevokedAt" timestamp with time zone,
    "LastUsedAt" timestamp with time zone,
    CONSTRAINT "PK_ApiKeys" PRIMARY KEY ("Id")
);
CREATE UNIQUE INDEX "IX_ApiKeys_Prefix" ON "ApiKeys" ("Prefix");

CREATE TABLE "ExternalOrders" (
    "ExternalId" character varying(100) NOT NULL,
    "OrderId" uuid NOT NULL,
    "Fingerprint" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ExternalOrders" PRIMARY KEY ("ExternalId"),
    CONSTRAINT "FK_ExternalOrders_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "IX_ExternalOrders_OrderId" ON "ExternalOrders" ("OrderId");

-- Endpoints of the store's that hear events, and each signed delivery to them (the webhook outbox).
CREATE TABLE "WebhookEndpoints" (
    "Id" uuid NOT NULL,
    "Url" character varying(2048) NOT NULL,
    "Events" character varying(400) NOT NULL,
    "Secret" character varying(64) NOT NULL,
    "IsActive" boolean NOT NULL,
    "ConsecutiveFailures" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "DisabledAt" timestamp with time zone,
    CONSTRAINT "PK_WebhookEndpoints" PRIMARY KEY ("Id")
);
CREATE TABLE "WebhookDeliveries" (
    "Id" uuid NOT NULL,
    "EndpointId" uuid NOT NULL,
    "EventType" character varying(64) NOT NULL,
    "Payload" character varying(8000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Status" character varying(16) NOT NULL,
    "Attempts" integer NOT NULL,
    "NextAttemptAt" timestamp with time zone NOT NULL,
    "LockedUntil" timestamp with time zone,
    "DeliveredAt" timestamp with time zone,
    "LastResponseCode" integer,
    "LastError" character varying(500),
    CONSTRAINT "PK_WebhookDeliveries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_WebhookDeliveries_WebhookEndpoints_EndpointId" FOREIGN KEY ("EndpointId") REFERENCES "WebhookEndpoints" ("Id") ON DELETE CASCADE
);
CREATE INDEX "IX_WebhookDeliveries_EndpointId_CreatedAt" ON "WebhookDeliveries" ("EndpointId", "CreatedAt");
CREATE INDEX "IX_WebhookDeliveries_Status_NextAttemptAt" ON "WebhookDeliveries" ("Status", "NextAttemptAt");
