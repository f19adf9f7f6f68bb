using System.Globalization;
using System.Text.Json.Serialization;

namespace NetPath.Clinical.Monitoring;

/// <summary>One value of a series, in the series' unit.</summary>
public sealed record TrendPoint(DateOnly Date, decimal Value, string? Laboratory, string? Assay, decimal? UpperLimitOfNormal);

/// <summary>A change between two values of one series.</summary>
public sealed record Change(DateOnly From, DateOnly To, decimal Absolute, decimal? Percent);

/// <summary>How one analyte has moved: changes, the doubling time of a rise, and what may bias the values.</summary>
public sealed record Trend
{
    public required string Analyte { get; init; }
    public required string Name { get; init; }
    /// <summary>The unit of every value below (the unit of the earliest value; later ones were converted exactly).</summary>
    public required string Unit { get; init; }
    public required IReadOnlyList<TrendPoint> Points { get; init; }
    public Change? FromBaseline { get; init; }
    public Change? FromPrevious { get; init; }
    /// <summary>The latest value as a multiple of its laboratory's upper limit of normal, where given.</summary>
    public decimal? LatestTimesUpperLimit { get; init; }
    public double? DoublingTimeDays { get; init; }
    /// <summary>How the doubling time was found, or why it could not be.</summary>
    public required string DoublingTimeNote { get; init; }
    public required IReadOnlyList<string> Caveats { get; init; }
}

public sealed record TrendReport
{
    public string? PatientId { get; init; }
    public required IReadOnlyList<Trend> Trends { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true)]
[JsonSerializable(typeof(TrendReport))]
public sealed partial class TrendJsonContext : JsonSerializerContext;

/// <summary>
/// Trends of dated measurements: change from the first and from the previous value, the doubling
/// time of a rising marker (log-linear least squares over at least three values on one assay, from
/// the lowest onward), and the caveats that bias NET markers (reference.md §5 Biomarkers): PPIs and
/// renal impairment raise chromogranin A, serotonin-rich food raises 5-HIAA, and assays differ.
/// </summary>
public static class TrendAnalyzer
{
    public const int MinimumPointsForDoubling = 3;

    public static TrendReport Analyze(MeasurementSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var trends = new List<Trend>();
        var egfrLow = set.Measurements.Any(m => m.Analyte.Code == "egfr" && m.Value < 60);
        foreach (var series in set.Measurements.GroupBy(m => m.Analyte.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
            trends.Add(Series([.. series.OrderBy(m => m.Date)], egfrLow));
        return new TrendReport { PatientId = set.PatientId, Trends = trends };
    }

    private static Trend Series(List<Measurement> values, bool egfrLow)
    {
        var analyte = values[0].Analyte;
        var unit = values[0].Unit;
        var points = new List<TrendPoint>(values.Count);
        foreach (var m in values)
        {
            // The reader has checked that every unit converts exactly to the first one's.
            if (!m.Unit.TryFactorTo(unit, out var factor, out var problem)) throw new InvalidOperationException(problem);
            points.Add(new TrendPoint(m.Date, m.Value * factor, m.Laboratory, m.Assay, m.UpperLimitOfNormal * factor));
        }
        var first = points[0];
        var last = points[^1];
        Change? fromBaseline = points.Count > 1 ? Between(first, last) : null;
        Change? fromPrevious = points.Count > 1 ? Between(points[^2], last) : null;
        decimal? timesUln = last.UpperLimitOfNormal is { } uln ? Math.Round(last.Value / uln, 2) : null;
        var (doubling, note) = DoublingTime(points, unit.Code);
        return new Trend
        {
            Analyte = analyte.Code,
            Name = analyte.Name,
            Unit = unit.Code,
            Points = points,
            FromBaseline = fromBaseline,
            FromPrevious = fromPrevious,
            LatestTimesUpperLimit = timesUln,
            DoublingTimeDays = doubling,
            DoublingTimeNote = note,
            Caveats = Caveats(analyte, values, egfrLow),
        };
    }

    private static Change Between(TrendPoint a, TrendPoint b) =>
        new(a.Date, b.Date, b.Value - a.Value, a.Value == 0 ? null : Math.Round((b.Value - a.Value) / a.Value * 100m, 1));

    /// <summary>
    /// ln(value) = a + b·day fitted by least squares; doubling time = ln 2 / b. The fit uses the
    /// values on the latest value's laboratory and assay, from their lowest onward, so that a fall
    /// before the rise or a change of assay does not blur it.
    /// </summary>
    internal static (double? Days, string Note) DoublingTime(IReadOnlyList<TrendPoint> points, string unit)
    {
        var last = points[^1];
        var start = points.Count - 1;
        while (start > 0 && points[start - 1].Laboratory == last.Laboratory && points[start - 1].Assay == last.Assay) start--;
        var lowest = start;
        for (var i = start; i < points.Count; i++)
        {
            if (points[i].Value < points[lowest].Value) lowest = i;
        }
        var window = points.Count - lowest;
        var sameAssay = start == 0 ? "" : " on the latest laboratory and assay";
        if (window < MinimumPointsForDoubling)
        {
            return (null, lowest == points.Count - 1 && points.Count - start > 1
                ? "Not rising: the latest value is the lowest, so there is no doubling time."
                : $"Cannot be computed: a doubling time needs at least {MinimumPointsForDoubling} values{sameAssay} from the lowest onward, and there {(window == 1 ? "is 1" : $"are {window}")}.");
        }
        if (points[lowest].Value <= 0)
            return (null, $"Cannot be computed: a log-linear fit needs values above zero, and the lowest is {points[lowest].Value.ToString(CultureInfo.InvariantCulture)} {unit}.");

        double n = window, sx = 0, sy = 0, sxx = 0, sxy = 0;
        var day0 = points[lowest].Date.DayNumber;
        for (var i = lowest; i < points.Count; i++)
        {
            double x = points[i].Date.DayNumber - day0;
            var y = Math.Log((double)points[i].Value);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        var slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        if (!(slope > 0))
            return (null, $"Not rising over the {window} values{sameAssay} from the lowest ({points[lowest].Date:yyyy-MM-dd}) onward: no doubling time.");
        var days = Math.Log(2) / slope;
        return (Math.Round(days, 1), string.Create(CultureInfo.InvariantCulture,
            $"Doubling time {days:0} days ({days / 30.4375:0.#} months): log-linear fit over the {window} values{sameAssay} from {points[lowest].Date:yyyy-MM-dd} to {points[^1].Date:yyyy-MM-dd}."));
    }

    private static List<string> Caveats(Analyte analyte, List<Measurement> values, bool egfrLow)
    {
        var caveats = new List<string>();
        switch (analyte.Code)
        {
            case "chromogranin-a":
                var onPpi = values.Where(v => v.OnPpi == true).Select(v => v.Date).ToList();
                if (onPpi.Count > 0)
                    caveats.Add($"Taken on a proton pump inhibitor ({Dates(onPpi)}): PPIs and H2 blockers raise chromogranin A. Repeat about 2 weeks off the PPI where that is safe (never in gastrinoma).");
                if (values.Any(v => v.OnPpi is null))
                    caveats.Add("Whether the patient was on a proton pump inhibitor is not recorded for every value; a PPI raises chromogranin A.");
                var renal = values.Where(v => v.RenalImpairment == true).Select(v => v.Date).ToList();
                if (renal.Count > 0 || egfrLow)
                    caveats.Add($"Impaired renal function{(renal.Count > 0 ? $" ({Dates(renal)})" : " (an eGFR under 60 mL/min/1.73 m² is recorded)")} raises chromogranin A independently of the tumour.");
                caveats.Add("Atrophic gastritis, heart failure, liver disease and corticosteroids also raise chromogranin A.");
                break;
            case "urine-5hiaa":
            case "plasma-5hiaa":
                var unrestricted = values.Where(v => v.DietRestricted == false).Select(v => v.Date).ToList();
                if (unrestricted.Count > 0)
                    caveats.Add($"Collected without the diet ({Dates(unrestricted)}): plantain, banana, walnuts, pineapple, plums, tomatoes, kiwi and avocado in the 48 hours before raise 5-HIAA; repeat on the diet before acting on a rise.");
                if (values.Any(v => v.DietRestricted is null))
                    caveats.Add("Whether serotonin-rich foods were avoided for 48 hours is not recorded for every value; a dietary false positive is common.");
                caveats.Add("Some drugs interfere depending on the assay (paracetamol, 5-FU, L-dopa, MAO inhibitors and others).");
                break;
            default:
                break;
        }
        for (var i = 1; i < values.Count; i++)
        {
            var (a, b) = (values[i - 1], values[i]);
            if (a.Laboratory != b.Laboratory || a.Assay != b.Assay)
                caveats.Add($"The laboratory or assay changed on {b.Date:yyyy-MM-dd} ({Source(a)} before, {Source(b)} from then): {analyte.Name} assays are not interchangeable, so compare values within one assay.");
        }
        return caveats;
    }

    private static string Source(Measurement m) => m.Laboratory is null && m.Assay is null
        ? "not recorded"
        : string.Join(", ", new[] { m.Laboratory, m.Assay }.Where(s => s is not null));

    private static string Dates(List<DateOnly> dates) => string.Join(", ", dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
}
