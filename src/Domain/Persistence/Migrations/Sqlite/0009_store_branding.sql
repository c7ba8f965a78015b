-- The portal wears the store's name, logo and brand colour, which an Admin sets beside the other store settings.
ALTER TABLE "StoreSettings" ADD COLUMN "StoreName" TEXT NOT NULL DEFAULT 'Example Store';
ALTER TABLE "StoreSettings" ADD COLUMN "LogoUrl" TEXT NULL;
ALTER TABLE "StoreSettings" ADD COLUMN "BrandColor" TEXT NOT NULL DEFAULT '#1d4f91';
