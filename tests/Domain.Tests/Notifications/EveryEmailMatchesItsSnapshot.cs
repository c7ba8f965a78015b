using System.Runtime.CompilerServices;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.TestSupport;

namespace CancellationPortal.Domain.Tests.Notifications;

/// <summary>
/// Every template, laid out in a store's brand, in a currency without decimals (JPY) and one with two (EUR), pinned as
/// text and HTML files beside this test. A change to an email shows in review as a change to its snapshot: run with
/// UPDATE_SNAPSHOTS=1 to write them anew.
/// </summary>
public sealed class EveryEmailMatchesItsSnapshot
{
    private static readonly EmailBrand Brand = new(
        "Café Ørsted", "/images/logo.png", "#1d4f91", "Hauptstraße 1, 10115 Berlin", "support@example.com or +49 30 1234567", new Uri("https://shop.example"));

    public static TheoryData<string, string> Emails()
    {
        var data = new TheoryData<string, string>();
        foreach (var currency in new[] { "JPY", "EUR" })
        {
            foreach (var preview in EmailPreviews.All(currency, TestClock.Start, "support@example.com"))
            {
                data.Add(preview.Template, currency);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Emails))]
    public void TheEmailIsLaidOutAsItsSnapshotShows(string template, string currency)
    {
        var preview = EmailPreviews.All(currency, TestClock.Start, "support@example.com").Single(p => p.Template == template);

        var rendered = EmailLayout.Render(preview.Email, Brand);

        Match($"{template}.{currency}.txt", $"Subject: {rendered.Subject}\n\n{rendered.Text}");
        Match($"{template}.{currency}.html", rendered.Html);
    }

    [Fact]
    public void AmountsAreWrittenInTheCurrencysOwnDecimals()
    {
        Render("canceled", "JPY").Text.ShouldContain("We refunded JPY 25,600 by store credit. We kept JPY 800");
        Render("canceled", "EUR").Text.ShouldContain("We refunded EUR 129.90 by store credit. We kept EUR 4.90");
    }

    [Fact]
    public void WhatAShopperWroteIsEscapedInTheHtmlPart()
    {
        var html = Render("request-received", "EUR").Html;

        html.ShouldContain("Please cancel — I picked the wrong colour &lt;blue &amp; grey&gt;.");
        html.ShouldNotContain("<blue");
    }

    [Fact]
    public void LinksLeadToThePortalsPublicAddressAndSubjectsNameTheOrder()
    {
        var rendered = Render("accepted", "EUR");

        rendered.Subject.ShouldContain("10023");
        rendered.Html.ShouldContain("href=\"https://shop.example/Account/Orders/10023\"");
        rendered.Html.ShouldContain("src=\"https://shop.example/images/logo.png\"");
        rendered.Text.ShouldContain("View your order: https://shop.example/Account/Orders/10023");
    }

    private static RenderedEmail Render(string template, string currency) =>
        EmailLayout.Render(EmailPreviews.All(currency, TestClock.Start, "support@example.com").Single(p => p.Template == template).Email, Brand);

    private static void Match(string name, string actual, [CallerFilePath] string here = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(here)!, "Snapshots", name);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" || !File.Exists(path))
        {
            File.WriteAllText(path, actual);
            File.Exists(path).ShouldBeTrue();
            (Environment.GetEnvironmentVariable("CI") == "true").ShouldBeFalse($"{name} had no snapshot: it was written, review and commit it.");
            return;
        }

        actual.ShouldBe(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal), $"{name} changed; if on purpose, run with UPDATE_SNAPSHOTS=1 and review the difference.");
    }
}
