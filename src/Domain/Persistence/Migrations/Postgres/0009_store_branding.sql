-- The portal wears the store's name, logo and brand colour, which an Admin sets beside the other store settings.
ALTER TABLE "StoreSettings" ADD COLUMN "StoreName" character varying(100) NOT NULL DEFAULT 'Example Store';
ALTER TABLE "StoreSettings" ADD COLUMN "LogoUrl" character varying(2048);
ALTER TABLE "StoreSettings" ADD COLUMN "BrandColor" character varying(7) NOT NULL DEFAULT '#1d4f91';
