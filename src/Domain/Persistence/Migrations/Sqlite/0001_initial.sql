CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "CardPayments" (
    "PaymentIntentId" TEXT NOT NULL CONSTRAINT "PK_CardPayments" PRIMARY KEY,
    "OrderNumber" TEXT NULL,
    "Amount" TEXT NOT NULL,
    "Currency" TEXT NOT NULL,
    "SucceededAt" INTEGER NOT NULL
);


CREATE TABLE "CreditNotes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CreditNotes" PRIMARY KEY,
    "Number" TEXT NOT NULL,
    "InvoiceId" TEXT NOT NULL,
    "OrderId" TEXT NOT NULL,
    "RequestId" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "Currency" TEXT NOT NULL,
    "IssuedAt" INTEGER NOT NULL
);


CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NOT NULL
);


CREATE TABLE "DocumentSequences" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_DocumentSequences" PRIMARY KEY,
    "Prefix" TEXT NOT NULL,
    "LastNumber" INTEGER NOT NULL
);


CREATE TABLE "Invoices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Invoices" PRIMARY KEY,
    "Number" TEXT NOT NULL,
    "OrderId" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "Currency" TEXT NOT NULL,
    "IssuedAt" INTEGER NOT NULL
);


CREATE TABLE "Orders" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Orders" PRIMARY KEY,
    "Number" TEXT NOT NULL,
    "CustomerId" TEXT NOT NULL,
    "CustomerEmail" TEXT NOT NULL,
    "CustomerName" TEXT NOT NULL,
    "PlacedAt" INTEGER NOT NULL,
    "Currency" TEXT NOT NULL,
    "Subtotal" TEXT NOT NULL,
    "Shipping" TEXT NOT NULL,
    "Discount" TEXT NOT NULL,
    "Total" TEXT NOT NULL,
    "AmountPaid" TEXT NOT NULL,
    "PointsRedeemed" INTEGER NOT NULL,
    "PaymentMethod" TEXT NOT NULL,
    "PaymentReference" TEXT NULL,
    "FulfillmentStatus" TEXT NOT NULL,
    "TrackingNumber" TEXT NULL,
    "Carrier" TEXT NULL,
    "LastCourierStatus" TEXT NULL,
    "SupplierStatus" TEXT NOT NULL,
    "SupplierName" TEXT NULL,
    "IsCanceled" INTEGER NOT NULL,
    "CanceledAt" INTEGER NULL,
    "IsDisputed" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "OutboxMessages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "Topic" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "LockedUntil" INTEGER NULL,
    "SentAt" INTEGER NULL,
    "LastError" TEXT NULL
);


CREATE TABLE "PointsEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PointsEntries" PRIMARY KEY,
    "CustomerId" TEXT NOT NULL,
    "Points" INTEGER NOT NULL,
    "Description" TEXT NOT NULL,
    "RefundId" TEXT NULL,
    "At" INTEGER NOT NULL
);


CREATE TABLE "ProcessedWebhookEvents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProcessedWebhookEvents" PRIMARY KEY,
    "Type" TEXT NOT NULL,
    "ReceivedAt" INTEGER NOT NULL
);


CREATE TABLE "StockItems" (
    "Sku" TEXT NOT NULL CONSTRAINT "PK_StockItems" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "OnHand" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);


CREATE TABLE "StoreCreditEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StoreCreditEntries" PRIMARY KEY,
    "CustomerId" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "Currency" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "RefundId" TEXT NULL,
    "At" INTEGER NOT NULL
);


CREATE TABLE "StoreSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_StoreSettings" PRIMARY KEY,
    "RevertInvoiceOnCancel" INTEGER NOT NULL,
    "OverdueAfterHours" INTEGER NOT NULL,
    "PointsPerCurrencyUnit" INTEGER NOT NULL
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "CancellationRequests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CancellationRequests" PRIMARY KEY,
    "OrderId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "RequestedByKind" TEXT NOT NULL,
    "RequestedById" TEXT NOT NULL,
    "RequestedByName" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "ShopperReason" TEXT NULL,
    "Comment" TEXT NULL,
    "RequestedAt" INTEGER NOT NULL,
    "AssignedToId" TEXT NULL,
    "AssignedToName" TEXT NULL,
    "AcceptedAt" INTEGER NULL,
    "RejectionReason" TEXT NULL,
    "ClosedAt" INTEGER NULL,
    "DecisionReason" TEXT NULL,
    "DecisionReasonNote" TEXT NULL,
    "DecisionRefundMethod" TEXT NULL,
    "DecisionRefundAmount" TEXT NULL,
    "DecisionKeptReason" TEXT NULL,
    "DecisionRefundNow" INTEGER NULL,
    "DecisionRestock" INTEGER NULL,
    "DecisionNotifyShopper" INTEGER NULL,
    "DecisionStaffNote" TEXT NULL,
    "HasFailedRefund" INTEGER NOT NULL,
    "LastChangedByName" TEXT NOT NULL,
    "LastChangedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_CancellationRequests_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "OrderLines" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OrderLines" PRIMARY KEY,
    "OrderId" TEXT NOT NULL,
    "Sku" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "UnitPrice" TEXT NOT NULL,
    CONSTRAINT "FK_OrderLines_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AuditEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY,
    "RequestId" TEXT NOT NULL,
    "OrderId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "ActorKind" TEXT NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "FromStatus" TEXT NULL,
    "ToStatus" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_AuditEntries_CancellationRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "CancellationRequests" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Refunds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Refunds" PRIMARY KEY,
    "RequestId" TEXT NOT NULL,
    "OrderId" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "Currency" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ProviderReference" TEXT NULL,
    "FailureReason" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "SettledAt" INTEGER NULL,
    "CreatedByName" TEXT NOT NULL,
    CONSTRAINT "FK_Refunds_CancellationRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "CancellationRequests" ("Id") ON DELETE RESTRICT
);


INSERT INTO "AspNetRoles" ("Id", "ConcurrencyStamp", "Name", "NormalizedName")
VALUES ('role-admin', 'role-admin', 'Admin', 'ADMIN');
SELECT changes();

INSERT INTO "AspNetRoles" ("Id", "ConcurrencyStamp", "Name", "NormalizedName")
VALUES ('role-customer', 'role-customer', 'Customer', 'CUSTOMER');
SELECT changes();

INSERT INTO "AspNetRoles" ("Id", "ConcurrencyStamp", "Name", "NormalizedName")
VALUES ('role-manager', 'role-manager', 'Manager', 'MANAGER');
SELECT changes();

INSERT INTO "AspNetRoles" ("Id", "ConcurrencyStamp", "Name", "NormalizedName")
VALUES ('role-support', 'role-support', 'Support', 'SUPPORT');
SELECT changes();



INSERT INTO "StoreSettings" ("Id", "OverdueAfterHours", "PointsPerCurrencyUnit", "RevertInvoiceOnCancel")
VALUES (1, 48, 100, 1);
SELECT changes();



CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_AuditEntries_OrderId_At" ON "AuditEntries" ("OrderId", "At");


CREATE INDEX "IX_AuditEntries_RequestId_At" ON "AuditEntries" ("RequestId", "At");


CREATE INDEX "IX_CancellationRequests_AssignedToId_Status" ON "CancellationRequests" ("AssignedToId", "Status");


CREATE INDEX "IX_CancellationRequests_OrderId_RequestedAt" ON "CancellationRequests" ("OrderId", "RequestedAt");


CREATE INDEX "IX_CancellationRequests_Status_RequestedAt_Id" ON "CancellationRequests" ("Status", "RequestedAt", "Id");


CREATE UNIQUE INDEX "UX_CancellationRequests_OpenPerOrder" ON "CancellationRequests" ("OrderId") WHERE "Status" IN ('Requested', 'InProgress', 'AwaitingRepayment');


CREATE INDEX "IX_CardPayments_OrderNumber" ON "CardPayments" ("OrderNumber");


CREATE UNIQUE INDEX "IX_CreditNotes_Number" ON "CreditNotes" ("Number");


CREATE INDEX "IX_CreditNotes_OrderId" ON "CreditNotes" ("OrderId");


CREATE UNIQUE INDEX "IX_CreditNotes_RequestId" ON "CreditNotes" ("RequestId");


CREATE UNIQUE INDEX "IX_Invoices_Number" ON "Invoices" ("Number");


CREATE INDEX "IX_Invoices_OrderId" ON "Invoices" ("OrderId");


CREATE INDEX "IX_OrderLines_OrderId" ON "OrderLines" ("OrderId");


CREATE INDEX "IX_Orders_CustomerEmail" ON "Orders" ("CustomerEmail");


CREATE INDEX "IX_Orders_CustomerId_PlacedAt" ON "Orders" ("CustomerId", "PlacedAt");


CREATE UNIQUE INDEX "IX_Orders_Number" ON "Orders" ("Number");


CREATE INDEX "IX_Orders_TrackingNumber" ON "Orders" ("TrackingNumber");


CREATE INDEX "IX_OutboxMessages_Status_NextAttemptAt" ON "OutboxMessages" ("Status", "NextAttemptAt");


CREATE INDEX "IX_PointsEntries_CustomerId_At" ON "PointsEntries" ("CustomerId", "At");


CREATE UNIQUE INDEX "IX_PointsEntries_RefundId" ON "PointsEntries" ("RefundId");


CREATE INDEX "IX_ProcessedWebhookEvents_ReceivedAt" ON "ProcessedWebhookEvents" ("ReceivedAt");


CREATE INDEX "IX_Refunds_ProviderReference" ON "Refunds" ("ProviderReference");


CREATE INDEX "IX_Refunds_RequestId" ON "Refunds" ("RequestId");


CREATE INDEX "IX_Refunds_Status_CreatedAt" ON "Refunds" ("Status", "CreatedAt");


CREATE INDEX "IX_StoreCreditEntries_CustomerId_At" ON "StoreCreditEntries" ("CustomerId", "At");


CREATE UNIQUE INDEX "IX_StoreCreditEntries_RefundId" ON "StoreCreditEntries" ("RefundId");



