using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Customers;
using CancellationPortal.Domain.Inventory;
using CancellationPortal.Domain.Invoicing;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CancellationPortal.Domain.Persistence;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Number).HasMaxLength(32);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.CustomerId).HasMaxLength(450);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => o.Number).IsUnique();
        builder.HasIndex(o => new { o.CustomerId, o.PlacedAt });
        builder.HasIndex(o => o.TrackingNumber);
        builder.HasIndex(o => o.CustomerEmail);
        builder.HasIndex(o => o.PlacedAt);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(o => o.TotalMoney);
        builder.Ignore(o => o.PaidMoney);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Sku).HasMaxLength(64);
    }
}

internal sealed class CancellationRequestConfiguration : IEntityTypeConfiguration<CancellationRequest>
{
    /// <summary>Only one open request per order, enforced by the database and not just by a check.</summary>
    internal const string OpenRequestFilter = "\"Status\" IN ('Requested', 'InProgress', 'AwaitingRepayment')";

    public void Configure(EntityTypeBuilder<CancellationRequest> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Version).IsConcurrencyToken();

        // Requests written before steps were numbered start from the default and are numbered by the migration.
        builder.Property(r => r.AuditSequence).HasDefaultValue(0L);
        builder.Property(r => r.Comment).HasMaxLength(CancellationRequest.MaxCommentLength);
        builder.Property(r => r.RejectionReason).HasMaxLength(CancellationRequest.MaxRejectionReasonLength);
        builder.Property(r => r.RequestedById).HasMaxLength(450);
        builder.Property(r => r.AssignedToId).HasMaxLength(450);
        builder.Property(r => r.Source).HasMaxLength(32);

        // Added after requests existed: those rows had no refund reversed.
        builder.Property(r => r.HasReversedRefund).HasDefaultValue(false);

        // Added with undo: requests canceled before then are marked restocked by the migration, from their decision.
        builder.Property(r => r.Restocked).HasDefaultValue(false);
        builder.Property(r => r.Backordered).HasDefaultValue(false);
        builder.Property(r => r.AmountDue).HasDefaultValue(0m);
        builder.Property(r => r.StoreCreditTakenBack).HasDefaultValue(0m);
        builder.Property(r => r.PointsTakenBack).HasDefaultValue(0L);
        builder.Property(r => r.UndoReason).HasMaxLength(CancellationRequest.MaxUndoReasonLength);
        builder.Ignore(r => r.RepaymentDue);
        builder.HasMany(r => r.Repayments).WithOne().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Repayments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne(r => r.Order).WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.AuditEntries).WithOne().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.AuditEntries).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Refunds).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.DomainEvents);
        builder.HasIndex(r => r.OrderId).IsUnique().HasFilter(OpenRequestFilter).HasDatabaseName("UX_CancellationRequests_OpenPerOrder");
        builder.HasIndex(r => new { r.Status, r.RequestedAt, r.Id });
        builder.HasIndex(r => new { r.AssignedToId, r.Status });
        // The reports read a period's requests from this index alone, without visiting the rows.
        builder.HasIndex(r => new { r.RequestedAt, r.Status, r.RequestedByKind, r.ShopperReason, r.OrderId, r.AcceptedAt, r.ClosedAt, r.AssignedToName })
            .HasDatabaseName("IX_CancellationRequests_Reports");

        // Searching the queue by order number, email or tracking number goes from the order to its requests.
        builder.HasIndex(r => new { r.OrderId, r.RequestedAt });
        builder.OwnsOne(r => r.Decision, d =>
        {
            d.Property(x => x.Reason).HasColumnName("DecisionReason");
            d.Property(x => x.ReasonNote).HasColumnName("DecisionReasonNote").HasMaxLength(1000);
            d.Property(x => x.RefundMethod).HasColumnName("DecisionRefundMethod");
            d.Property(x => x.RefundAmount).HasColumnName("DecisionRefundAmount");
            d.Property(x => x.KeptReason).HasColumnName("DecisionKeptReason").HasMaxLength(1000);
            d.Property(x => x.RefundNow).HasColumnName("DecisionRefundNow");
            d.Property(x => x.Restock).HasColumnName("DecisionRestock");
            d.Property(x => x.NotifyShopper).HasColumnName("DecisionNotifyShopper");
            d.Property(x => x.StaffNote).HasColumnName("DecisionStaffNote").HasMaxLength(2000);
        });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Note).HasMaxLength(2000);
        builder.Property(a => a.ActorId).HasMaxLength(450);
        builder.Property(a => a.Kind).HasMaxLength(32);

        // Not unique on purpose: two writers numbering the same step are stopped by the request's version check,
        // which tells the loser who changed the request; a unique violation would look like a duplicate instead.
        builder.HasIndex(a => new { a.RequestId, a.Sequence });
        builder.HasIndex(a => new { a.OrderId, a.At });
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Property(r => r.FailureReason).HasMaxLength(1000);
        builder.Ignore(r => r.Money);
        builder.Ignore(r => r.Counts);
        builder.HasIndex(r => r.RequestId);
        builder.HasIndex(r => new { r.Status, r.CreatedAt });
        builder.HasIndex(r => r.ProviderReference);
        // The reports read a period's refunds from this index alone, without visiting the rows.
        builder.HasIndex(r => new { r.CreatedAt, r.Currency, r.Method, r.Status, r.Amount, r.RequestId, r.OrderId }).HasDatabaseName("IX_Refunds_Reports");
        builder.HasOne<CancellationRequest>().WithMany(r => r.Refunds).HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RepaymentConfiguration : IEntityTypeConfiguration<Repayment>
{
    public void Configure(EntityTypeBuilder<Repayment> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Property(r => r.Reference).HasMaxLength(Repayment.MaxReferenceLength);
        builder.Ignore(r => r.Money);
        builder.HasIndex(r => r.RequestId);

        // A provider's payment event finds its repayment by the payment's id.
        builder.HasIndex(r => r.Reference);
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.HasOne<CreditNote>().WithMany().HasForeignKey(i => i.CreditNoteId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Number).HasMaxLength(32);
        builder.Property(i => i.Currency).HasMaxLength(3);
        builder.HasIndex(i => i.Number).IsUnique();
        builder.HasIndex(i => i.OrderId);
    }
}

internal sealed class CreditNoteConfiguration : IEntityTypeConfiguration<CreditNote>
{
    public void Configure(EntityTypeBuilder<CreditNote> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(32);
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.HasIndex(c => c.Number).IsUnique();

        // One credit note per request: a second "complete" can never reverse the invoice twice.
        builder.HasIndex(c => c.RequestId).IsUnique();
        builder.HasIndex(c => c.OrderId);
    }
}

internal sealed class CancellationFeeInvoiceConfiguration : IEntityTypeConfiguration<CancellationFeeInvoice>
{
    public void Configure(EntityTypeBuilder<CancellationFeeInvoice> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Number).HasMaxLength(32);
        builder.Property(f => f.Currency).HasMaxLength(3);
        builder.Property(f => f.Reason).HasMaxLength(1000);
        builder.Ignore(f => f.Money);
        builder.HasIndex(f => f.Number).IsUnique();

        // One fee invoice per request, as one credit note: a second "complete" can never bill the fee twice.
        builder.HasIndex(f => f.RequestId).IsUnique();
        builder.HasIndex(f => f.OrderId);
        builder.HasOne<CreditNote>().WithMany().HasForeignKey(f => f.CreditNoteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentSequenceConfiguration : IEntityTypeConfiguration<DocumentSequence>
{
    public void Configure(EntityTypeBuilder<DocumentSequence> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(32);
        builder.Property(s => s.Prefix).HasMaxLength(16);
        builder.Property(s => s.LastNumber).IsConcurrencyToken();
    }
}

internal sealed class StockItemConfiguration : IEntityTypeConfiguration<StockItem>
{
    public void Configure(EntityTypeBuilder<StockItem> builder)
    {
        builder.HasKey(s => s.Sku);
        builder.Property(s => s.Sku).HasMaxLength(64);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class StoreCreditEntryConfiguration : IEntityTypeConfiguration<StoreCreditEntry>
{
    public void Configure(EntityTypeBuilder<StoreCreditEntry> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.CustomerId).HasMaxLength(450);
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.HasIndex(e => new { e.CustomerId, e.At });
        builder.HasIndex(e => e.RefundId).IsUnique();
    }
}

internal sealed class PointsEntryConfiguration : IEntityTypeConfiguration<PointsEntry>
{
    public void Configure(EntityTypeBuilder<PointsEntry> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.CustomerId).HasMaxLength(450);
        builder.HasIndex(e => new { e.CustomerId, e.At });
        builder.HasIndex(e => e.RefundId).IsUnique();
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasMaxLength(32);
        builder.Property(m => m.Payload).HasMaxLength(int.MaxValue);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.Template).HasMaxLength(64);
        builder.Property(m => m.ProviderMessageId).HasMaxLength(200);
        builder.Property(m => m.Delivery).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.DeliveryDetail).HasMaxLength(500);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.Topic, m.CreatedAt });
        builder.HasIndex(m => m.CreatedAt);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        // The table the store's own key repository created; the package's entity has the same columns, and every
        // key ever written has its XML, so the column stays NOT NULL.
        builder.Property(k => k.FriendlyName).HasMaxLength(256);
        builder.Property(k => k.Xml).HasMaxLength(int.MaxValue).IsRequired();
    }
}

internal sealed class StoreSettingsConfiguration : IEntityTypeConfiguration<Settings.StoreSettings>
{
    public void Configure(EntityTypeBuilder<Settings.StoreSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.StoreName).HasMaxLength(Settings.StoreSettings.MaxStoreNameLength).HasDefaultValue(Settings.StoreBranding.DefaultStoreName);
        builder.Property(s => s.LogoUrl).HasMaxLength(Settings.StoreSettings.MaxLogoUrlLength);
        builder.Property(s => s.StoreAddress).HasMaxLength(Settings.StoreSettings.MaxAddressLength);
        builder.Property(s => s.SupportContact).HasMaxLength(Settings.StoreSettings.MaxSupportContactLength);
        builder.Property(s => s.BrandColor).HasMaxLength(7).HasDefaultValue(Settings.StoreBranding.DefaultBrandColor);
        builder.Property(s => s.RepaymentOverdueAfterDays).HasDefaultValue(Settings.StoreSettings.DefaultRepaymentOverdueAfterDays);
        builder.Property(s => s.ShopperUndoWindowDays).HasDefaultValue(Settings.StoreSettings.DefaultShopperUndoWindowDays);
        builder.Property(s => s.TimeZone).HasMaxLength(Settings.StoreSettings.MaxTimeZoneLength).HasDefaultValue(Settings.StoreTimeZone.Default);
        builder.HasData(new Settings.StoreSettings());
    }
}
