using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CancellationPortal.Domain.Integrations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.Prefix).HasMaxLength(12);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.Scopes).HasMaxLength(200);
        builder.Property(k => k.CreatedByName).HasMaxLength(256);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.Ignore(k => k.ScopeList);
        builder.Ignore(k => k.IsRevoked);
    }
}

internal sealed class ExternalOrderConfiguration : IEntityTypeConfiguration<ExternalOrder>
{
    public void Configure(EntityTypeBuilder<ExternalOrder> builder)
    {
        builder.ToTable("ExternalOrders");
        builder.HasKey(e => e.ExternalId);
        builder.Property(e => e.ExternalId).HasMaxLength(ExternalOrder.MaxExternalIdLength);
        builder.Property(e => e.Fingerprint).HasMaxLength(64);
        builder.HasOne<Orders.Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.OrderId).IsUnique();
    }
}
