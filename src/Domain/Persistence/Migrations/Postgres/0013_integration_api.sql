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
