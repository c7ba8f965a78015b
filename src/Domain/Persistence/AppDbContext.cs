using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Customers;
using CancellationPortal.Domain.Identity;
using CancellationPortal.Domain.Inventory;
using CancellationPortal.Domain.Invoicing;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Settings;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CancellationPortal.Domain.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<CancellationRequest> CancellationRequests => Set<CancellationRequest>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<Repayment> Repayments => Set<Repayment>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<CreditNote> CreditNotes => Set<CreditNote>();
    public DbSet<CancellationFeeInvoice> CancellationFeeInvoices => Set<CancellationFeeInvoice>();
    public DbSet<DocumentSequence> DocumentSequences => Set<DocumentSequence>();
    public DbSet<StockItem> StockItems => Set<StockItem>();
    public DbSet<StoreCreditEntry> StoreCreditEntries => Set<StoreCreditEntry>();
    public DbSet<PointsEntry> PointsEntries => Set<PointsEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StoreSettings> StoreSettings => Set<StoreSettings>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>
    /// Refuses to save an aggregate whose events nobody handled: its restock, ledger entries or emails would be
    /// lost without a trace. Commits go through <see cref="UnitOfWork"/>, which handles them first.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseUnhandledEvents();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseUnhandledEvents();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void RefuseUnhandledEvents()
    {
        if (ChangeTracker.Entries<IHasDomainEvents>().Any(e => e.Entity.DomainEvents.Count > 0))
        {
            throw new InvalidOperationException("An aggregate has domain events nobody handled: commit through UnitOfWork.");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        configurationBuilder.Properties<string>().HaveMaxLength(256);
        configurationBuilder.Properties<CancellationStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ShopperReason>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DecisionReason>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<AuditKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ActorKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<PaymentMethod>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<FulfillmentStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<SupplierOrderStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RefundMethod>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<RefundStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RepaymentMethod>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RepaymentStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OutboxStatus>().HaveConversion<string>().HaveMaxLength(16);
        if (IsSqlite)
        {
            // SQLite has no date-time type: store UTC instants as sortable integers so ORDER BY and ranges run in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
