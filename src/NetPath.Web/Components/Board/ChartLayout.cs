using System.Globalization;

namespace NetPath.Web.Components.Board;

/// <summary>A plotted point in SVG user units.</summary>
public sealed record PlotPoint(double X, double Y, TrendPoint Source);

/// <summary>
/// Where a trend's points go in a small SVG chart. Time runs left to right in days; the value axis
/// starts at zero (every measure followed is non-negative) so that a small change is not drawn as a
/// steep one, and ends a little above the largest value.
/// </summary>
public sealed record ChartLayout(double Width, double Height, double Left, double Right, double Top, double Bottom, double AxisMax, IReadOnlyList<PlotPoint> Points)
{
    public const double DefaultWidth = 200, DefaultHeight = 84;

    public static ChartLayout Of(Trend trend, double width = DefaultWidth, double height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(trend);
        const double left = 34, right = 10, top = 10, bottom = 20;
        var max = trend.Points.Max(p => p.Value);
        var axisMax = max <= 0 ? 1 : NiceCeiling(max * 1.1);
        var first = trend.Points[0].Date.DayNumber;
        var span = trend.Points[^1].Date.DayNumber - first;
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var points = trend.Points.Select((p, i) =>
        {
            // Versions entered on one day share a date; spread them by order rather than stack them.
            var share = span > 0 ? (double)(p.Date.DayNumber - first) / span : (double)i / Math.Max(1, trend.Points.Count - 1);
            return new PlotPoint(Math.Round(left + share * plotW, 1), Math.Round(top + plotH - p.Value / axisMax * plotH, 1), p);
        }).ToList();
        return new ChartLayout(width, height, left, right, top, bottom, axisMax, points);
    }

    /// <summary>The SVG points attribute of the line.</summary>
    public string Polyline => string.Join(" ", Points.Select(p => F(p.X) + "," + F(p.Y)));

    public double BaselineY => Height - Bottom;

    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>1, 2, 2.5 or 5 times a power of ten, at least <paramref name="v"/>: a readable axis maximum.</summary>
    internal static double NiceCeiling(double v)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(v)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= v) return step * magnitude;
        }
        return 10 * magnitude;
    }
}
