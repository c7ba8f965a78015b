using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CancellationPortal.Domain.Refunds.Stripe;

internal sealed class ProcessedWebhookEventConfiguration : IEntityTypeConfiguration<ProcessedWebhookEvent>
{
    public void Configure(EntityTypeBuilder<ProcessedWebhookEvent> builder)
    {
        builder.ToTable("ProcessedWebhookEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(255);
        builder.Property(e => e.Type).HasMaxLength(64);
        builder.HasIndex(e => e.ReceivedAt);
    }
}

internal sealed class CardPaymentConfiguration : IEntityTypeConfiguration<CardPayment>
{
    public void Configure(EntityTypeBuilder<CardPayment> builder)
    {
        builder.ToTable("CardPayments");
        builder.HasKey(p => p.PaymentIntentId);
        builder.Property(p => p.PaymentIntentId).HasMaxLength(255);
        builder.Property(p => p.OrderNumber).HasMaxLength(32);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.HasIndex(p => p.OrderNumber);
    }
}
