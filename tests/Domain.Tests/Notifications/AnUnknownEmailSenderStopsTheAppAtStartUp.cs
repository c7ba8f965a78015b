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
        using var host = Host("Smtp");

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        error.Message.ShouldBe("Email:Sender is not a sender this app knows: PickupFolder is the only one today.");
    }

    [Theory]
    [InlineData("PickupFolder")]
    [InlineData("pickupfolder")]
    public void ThePickupFolderIsAccepted(string sender)
    {
        using var host = Host(sender);

        host.Services.GetRequiredService<IOptions<EmailOptions>>().Value.HasKnownSender.ShouldBeTrue();
    }

    private static IHost Host(string sender)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Email:Sender"] = sender });
        builder.Services.AddCancellationDomain(builder.Configuration, "CancellationPortal.Tests");
        return builder.Build();
    }
}
