using System.Globalization;
using System.Net;
using System.Text;
using CancellationPortal.Domain.Reports;
using Microsoft.AspNetCore.Html;

namespace CancellationPortal.BackOffice.Pages.Reports;

/// <summary>
/// Draws a report chart as inline SVG on the server: stacked bars with a title, a description, labelled axes and
/// a legend. No script and no third-party asset; the table beside each chart holds the same numbers for screen
/// readers and for anyone who would rather read them.
/// </summary>
public static class SvgChart
{
    private const int Width = 720;
    private const int Height = 340;
    private const int Left = 84;
    private const int Right = 16;
    private const int Top = 40;
    private const int Bottom = 96;

    // Colour-blind-safe (Okabe–Ito), each dark enough against white for a 3:1 contrast of graphical objects.
    private static readonly string[] Colors = ["#0072b2", "#d55e00", "#009e73", "#cc79a7"];

    public static IHtmlContent Render(ChartData chart, string id)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var svg = new StringBuilder();
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var max = NiceCeiling(chart.Bars.Select(b => b.Values.Sum()).DefaultIfEmpty(0m).Max());
        Append(svg, $"""<svg class="report-chart" viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">""");
        Append(svg, $"""<title id="{id}-title">{Encode(chart.Title)}</title><desc id="{id}-desc">{Encode(chart.Description)}</desc>""");

        // Grid lines and the value axis, five steps from zero to a round maximum.
        for (var step = 0; step <= 5; step++)
        {
            var value = max * step / 5;
            var y = Top + plotHeight - (plotHeight * step / 5.0);
            Append(svg, $"""<line x1="{Left}" x2="{Width - Right}" y1="{y:0.#}" y2="{y:0.#}" stroke="#d0d7de" />""");
            Append(svg, $"""<text x="{Left - 6}" y="{y + 4:0.#}" text-anchor="end" font-size="12" fill="#333">{Encode(Short(value))}</text>""");
        }

        var band = chart.Bars.Count == 0 ? plotWidth : plotWidth / (double)chart.Bars.Count;
        var labelEvery = Math.Max(1, (int)Math.Ceiling(chart.Bars.Count / 16.0));
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            var x = Left + (band * i) + (band * 0.15);
            var y = (double)(Top + plotHeight);
            for (var s = 0; s < bar.Values.Count; s++)
            {
                var height = max == 0 ? 0 : (double)(bar.Values[s] / max) * plotHeight;
                if (height <= 0)
                {
                    continue;
                }

                y -= height;
                Append(svg, $"""<rect x="{x:0.##}" y="{y:0.##}" width="{band * 0.7:0.##}" height="{height:0.##}" fill="{Colors[s % Colors.Length]}"><title>{Encode($"{bar.Label}, {chart.Series[s]}: {Short(bar.Values[s])}")}</title></rect>""");
            }

            if (i % labelEvery == 0)
            {
                var labelX = x + (band * 0.35);
                Append(svg, $"""<text x="{labelX:0.##}" y="{Top + plotHeight + 14}" font-size="11" fill="#333" text-anchor="end" transform="rotate(-35 {labelX:0.##} {Top + plotHeight + 14})">{Encode(Truncated(bar.Label))}</text>""");
            }
        }

        Append(svg, $"""<line x1="{Left}" x2="{Width - Right}" y1="{Top + plotHeight}" y2="{Top + plotHeight}" stroke="#333" />""");
        Append(svg, $"""<text x="{Left + (plotWidth / 2)}" y="{Height - 6}" text-anchor="middle" font-size="13" fill="#222">{Encode(chart.XLabel)}</text>""");
        Append(svg, $"""<text x="16" y="{Top + (plotHeight / 2)}" text-anchor="middle" font-size="13" fill="#222" transform="rotate(-90 16 {Top + (plotHeight / 2)})">{Encode(chart.YLabel)}</text>""");
        if (chart.Series.Count > 1)
        {
            var legendX = (double)Left;
            for (var s = 0; s < chart.Series.Count; s++)
            {
                Append(svg, $"""<rect x="{legendX:0.#}" y="12" width="12" height="12" fill="{Colors[s % Colors.Length]}" /><text x="{legendX + 16:0.#}" y="22" font-size="12" fill="#222">{Encode(chart.Series[s])}</text>""");
                legendX += 30 + (chart.Series[s].Length * 7);
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>The smallest 1, 2 or 5 times a power of ten at or above the value, so the axis reads in round steps.</summary>
    internal static decimal NiceCeiling(decimal value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        foreach (var factor in new[] { 1m, 2m, 5m, 10m })
        {
            if (factor * power >= value)
            {
                return factor * power;
            }
        }

        return 10 * power;
    }

    private static string Short(decimal value) => value >= 1_000_000
        ? (value / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + " M"
        : value >= 10_000 ? (value / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + " k" : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Truncated(string label) => label.Length > 22 ? label[..21] + "…" : label;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static void Append(StringBuilder svg, FormattableString text) => svg.Append(text.ToString(CultureInfo.InvariantCulture));
}
