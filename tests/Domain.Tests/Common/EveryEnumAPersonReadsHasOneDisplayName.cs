using System.Reflection;
using System.Text.RegularExpressions;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Queue;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Refunds.Stripe;

namespace CancellationPortal.Domain.Tests.Common;

/// <summary>Every value of every enum that reaches a person has a name in words, kept in one place; none falls back to its code.</summary>
public sealed partial class EveryEnumAPersonReadsHasOneDisplayName
{
    /// <summary>Enums that never reach a person by name: internal states, or told in sentences of their own.</summary>
    private static readonly Type[] NotShownByName =
    [
        typeof(OutboxStatus), typeof(ErrorKind), typeof(GatewayRefundStatus), typeof(WebhookOutcome),
        typeof(PolicyAnswer), // CancellationPolicy.Describe
        typeof(CancellationAction), // the refusal messages of CancellationRequest
        typeof(QueueAge), // the queue's age filter labels its own options
        typeof(CardRefundProblem), // picks the staff email; its subject says it
        typeof(QueueFlag), typeof(DashboardTile), // the queue's and the dashboard's pages label their own filters and tiles
        typeof(Domain.Reports.ReportPeriod), // the report form labels its own periods
        typeof(Domain.Reports.CellKind), // how a report cell is written, never shown
        typeof(Domain.Reports.ExportFormat), // the download links say CSV and XLSX
        typeof(EmailDelivery), // shown as the email's EmailState
        typeof(SmtpSecurity), // a setting, never shown
        typeof(Domain.Integrations.PutOrderOutcome), // answered as an HTTP status, never shown
        typeof(Domain.Integrations.WebhookDeliveryStatus), // the Integrations page words each status itself
    ];

    private static IEnumerable<MethodInfo> Namers =>
        typeof(DisplayNames).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == nameof(DisplayNames.ToDisplay));

    [Fact]
    public void EveryMemberHasAPlainName()
    {
        foreach (var namer in Namers)
        {
            var type = namer.GetParameters().Single().ParameterType;
            foreach (var value in Enum.GetValues(type))
            {
                var name = (string)namer.Invoke(null, [value])!;
                name.ShouldNotBeNullOrWhiteSpace($"{type.Name}.{value}");
                CodeName().IsMatch(name).ShouldBeFalse($"{type.Name}.{value} is shown as “{name}”");
            }
        }
    }

    [Fact]
    public void EveryEnumOfTheDomainIsNamedOrNeverShownByName()
    {
        var named = Namers.Select(m => m.GetParameters().Single().ParameterType).ToList();
        var enums = typeof(DisplayNames).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic);

        enums.Except(NotShownByName).ShouldBe(named, ignoreOrder: true);
        named.ShouldBeUnique();
    }

    [Fact]
    public void AValueWithoutANameIsABugNotACodeOnScreen()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ((Orders.PaymentMethod)99).ToDisplay());
    }

    /// <summary>A code such as BankDeposit or InProgress: capitals inside a word.</summary>
    [GeneratedRegex(@"\b[A-Za-z][a-z]+[A-Z]\w*")]
    private static partial Regex CodeName();
}
