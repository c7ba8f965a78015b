using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds.Stripe;
using CancellationPortal.Domain.Reports;
using FluentValidation;
using CancellationPortal.Domain.Integrations;
using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.Domain;

public static class DomainServiceCollectionExtensions
{
    /// <summary>Everything both apps share: the database, the use cases, the outbox and the email sender.</summary>
    public static IServiceCollection AddCancellationDomain(this IServiceCollection services, IConfiguration configuration, string applicationName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        // A misspelt or future sender must not quietly fall back to the pickup folder while mail seems to go out.
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section))
            .PostConfigure(e => e.PortalUrl = PortalUrl(configuration) ?? e.PortalUrl)
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section));
        services.AddOptions<Refunds.RefundOptions>().Bind(configuration.GetSection(Refunds.RefundOptions.Section));

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddDbContext<AppDbContext>(options => ConfigureDatabase(options, database));

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<DatabaseMigrator>();
        services.AddMediator(options =>
        {
            // Handlers share the request's DbContext, so they live as long as it does.
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>)];

            // One handler after the other: they share the DbContext, and an event's handlers finish before the next event.
            options.NotificationPublisherType = typeof(ForeachAwaitPublisher);
        });
        services.AddValidatorsFromAssemblyContaining<CancellationService>(ServiceLifetime.Singleton);
        services.AddScoped<UnitOfWork>();
        services.AddScoped<CancellationService>();
        services.AddScoped<StaffCancellations>();
        services.AddScoped<UndoContextSource>();
        services.AddScoped<RepaymentConfirmation>();
        services.AddHostedService<RepaymentConfirmationService>();
        services.AddScoped<Refunds.RefundRulesSource>();
        services.AddScoped<Refunds.CardRefundCall>();
        services.AddScoped<Queue.CancellationQueue>();
        services.AddScoped<Queue.Dashboard>();
        services.AddScoped<Orders.OrderSearch>();
        services.AddRefundReports(configuration);
        services.AddScoped<OutboxProcessor>();
        services.AddScoped<EmailBrandSource>();
        services.AddScoped<SendGridEventWebhook>();
        services.AddScoped<EmailLog>();
        services.AddScoped<EmailPreviewer>();
        AddEmailSender(services, configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions());
        services.AddStripeRefunds(configuration);
        services.AddHostedService<OutboxDispatcher>();
        services.AddWebhooks(configuration);

        // Keys live in the shared database, so cookies and antiforgery tokens survive restarts and any instance
        // of an app reads what another issued.
        services.AddDataProtection().SetApplicationName(applicationName).PersistKeysToDbContext<AppDbContext>();

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return services;
    }

    private static void AddEmailSender(IServiceCollection services, EmailOptions email)
    {
        if (email.Uses(EmailOptions.SmtpSender))
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else if (email.Uses(EmailOptions.SendGridSender))
        {
            // One attempt per call: the outbox owns retries, so a slow SendGrid never holds a message past its timeout.
            services.AddHttpClient(SendGridEmailSender.HttpClientName, client => client.Timeout = email.SendGrid.Timeout);
            services.AddSingleton<IEmailSender, SendGridEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, PickupFolderEmailSender>();
        }
    }

    /// <summary>The portal's public address, which links in emails lead to; the back-office sends emails too, so both apps read it.</summary>
    private static Uri? PortalUrl(IConfiguration configuration) =>
        Uri.TryCreate(configuration["Portal:PublicUrl"], UriKind.Absolute, out var url) ? url : null;

    public static void ConfigureDatabase(DbContextOptionsBuilder options, DatabaseOptions database)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        if (database.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(database.ConnectionString))
            {
                throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is Postgres.");
            }

            options.UseNpgsql(database.ConnectionString);
        }
        else
        {
            options.UseSqlite(database.ResolveSqliteConnectionString());
        }

        if (database.FailOnWarnings)
        {
            options.ConfigureWarnings(w => w.Default(WarningBehavior.Throw));
        }
    }
}
