using CancellationPortal.Domain.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Tests.Notifications;

/// <summary>Email:Sender names how mail leaves; a value the app does not know refuses to start instead of being ignored.</summary>
public sealed class AnUnknownEmailSenderStopsTheAppAtStartUp
{
    [Fact]
    public async Task AnUnknownSenderStopsTheAppWithAMessageNamingTheSetting()
    {
        using var host = Host("Carrier pigeon");

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldBe("Email:Sender is not a sender this app knows: use PickupFolder, Smtp, SendGrid.");
    }

    [Theory]
    [InlineData("Smtp", "Email:Smtp:Host is required when Email:Sender is Smtp.")]
    [InlineData("SendGrid", "Email:SendGrid:ApiKey is required when Email:Sender is SendGrid.")]
    public async Task ASenderWithoutWhereToSendStopsTheApp(string sender, string message)
    {
        using var host = Host(sender);

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("PickupFolder", typeof(PickupFolderEmailSender))]
    [InlineData("pickupfolder", typeof(PickupFolderEmailSender))]
    [InlineData("smtp", typeof(SmtpEmailSender), "Email:Smtp:Host", "mail.example")]
    [InlineData("SendGrid", typeof(SendGridEmailSender), "Email:SendGrid:ApiKey", "SG.key")]
    public void AKnownSenderIsTheOneThatSends(string sender, Type type, string? setting = null, string? value = null)
    {
        using var host = Host(sender, setting, value);

        host.Services.GetRequiredService<IEmailSender>().ShouldBeOfType(type);
    }

    private static IHost Host(string sender, string? setting = null, string? value = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Email:Sender"] = sender, [setting ?? "Unused"] = value });
        builder.Services.AddCancellationDomain(builder.Configuration, "CancellationPortal.Tests");
        return builder.Build();
    }
}
