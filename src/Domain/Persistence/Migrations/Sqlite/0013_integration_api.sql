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
