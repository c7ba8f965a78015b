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

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("WebhookEndpoints");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Url).HasMaxLength(2048);
        builder.Property(w => w.Events).HasMaxLength(400);
        builder.Property(w => w.Secret).HasMaxLength(64);
        builder.Ignore(w => w.EventList);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.EventType).HasMaxLength(64);
        builder.Property(d => d.Payload).HasMaxLength(8000);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(500);
        builder.Ignore(d => d.MessageId);
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => new { d.EndpointId, d.CreatedAt });
    }
}
