using CancellationPortal.Domain.Settings;

namespace CancellationPortal.Domain.Tests.Settings;

/// <summary>The contrast of white text on a brand colour, as WCAG 2.2 measures it, decides which colours the portal takes.</summary>
public sealed class BrandColoursCarryReadableWhiteText
{
    [Theory]
    [InlineData("#000000", 21.0)]
    [InlineData("#ffffff", 1.0)]
    [InlineData("#767676", 4.54)]
    [InlineData("#1D4F91", 8.14)]
    public void TheContrastWithWhiteIsTheWcagRatio(string color, double ratio) =>
        StoreBranding.ContrastWithWhite(color).ShouldBe(ratio, 0.01);

    [Fact]
    public void TheDefaultBrandColourPassesItsOwnRule() =>
        StoreBranding.ColorProblem(StoreBranding.DefaultBrandColor).ShouldBeNull();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://cdn.shop.example/logo.svg")]
    [InlineData("/images/logo.png")]
    public void AnHttpsAddressAPathOnThePortalOrNoLogoIsTaken(string? logo) =>
        StoreBranding.LogoProblem(logo).ShouldBeNull();

    [Theory]
    [InlineData("http://shop.example/logo.png")]
    [InlineData("data:image/svg+xml,<svg/>")]
    [InlineData("/\\evil.example/logo.png")]
    [InlineData("https:///logo.png")]
    [InlineData("/images/my logo.png")]
    public void AnyOtherLogoAddressIsRefused(string logo) =>
        StoreBranding.LogoProblem(logo).ShouldNotBeNull();
}
