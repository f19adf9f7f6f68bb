using System.Globalization;

namespace NetPath.Clinical.Response;

/// <summary>
/// The numbers of RECIST 1.1 (Eisenhauer et al., Eur J Cancer 2009;45:228-247; reference.md §6),
/// in exact decimal arithmetic so that a sum right at a threshold falls on the side the rule says.
/// </summary>
public static class RecistRules
{
    /// <summary>A non-nodal lesion is measurable from 10 mm longest diameter (CT/MRI, slices of 5 mm or less).</summary>
    public const decimal MeasurableLongestDiameterMm = 10m;
    /// <summary>A node is a measurable target from 15 mm short axis.</summary>
    public const decimal TargetNodeShortAxisMm = 15m;
    /// <summary>A node under 10 mm short axis is normal: not a lesion, and "gone" for CR.</summary>
    public const decimal PathologicalNodeShortAxisMm = 10m;
    public const int MaxTargets = 5;
    public const int MaxTargetsPerOrgan = 2;
    /// <summary>PD also needs the sum to have grown by at least 5 mm in absolute terms.</summary>
    public const decimal ProgressionAbsoluteMm = 5m;
    /// <summary>A response is confirmed by a study at least 4 weeks later (where the protocol asks for confirmation).</summary>
    public const int DefaultConfirmationDays = 28;
    /// <summary>Sizes above a metre are unit errors (µm or cm read as mm).</summary>
    public const decimal MaxSizeMm = 1000m;

    /// <summary>PR: at least 30 % smaller than the baseline sum (sum ≤ 0.7 × baseline).</summary>
    public static bool IsPartialResponse(decimal sum, decimal baselineSum) => sum * 10m <= baselineSum * 7m;

    /// <summary>PD: at least 20 % over the nadir and at least 5 mm more (sum ≥ 1.2 × nadir and sum − nadir ≥ 5 mm).</summary>
    public static bool IsProgression(decimal sum, decimal nadir) => sum * 5m >= nadir * 6m && sum - nadir >= ProgressionAbsoluteMm;

    /// <summary>The smallest sum that is PD against this nadir.</summary>
    public static decimal ProgressionThreshold(decimal nadir) => Math.Max(nadir * 1.2m, nadir + ProgressionAbsoluteMm);

    /// <summary>The largest sum that is PR against this baseline.</summary>
    public static decimal PartialResponseThreshold(decimal baselineSum) => baselineSum * 0.7m;

    /// <summary>
    /// The overall response at one time point: Eisenhauer 2009 Table 1 with target disease, Table 2
    /// with non-target disease only. <paramref name="nonTarget"/> is null when the baseline had no
    /// non-target lesion, <paramref name="target"/> null when it had no target lesion.
    /// </summary>
    public static OverallResponse Overall(TargetResponse? target, NonTargetResponse? nonTarget, bool newLesions)
    {
        if (target is null && nonTarget is null)
            throw new ArgumentException("RECIST needs target or non-target disease at baseline.", nameof(target));
        if (newLesions || target == TargetResponse.ProgressiveDisease || nonTarget == NonTargetResponse.ProgressiveDisease)
            return OverallResponse.ProgressiveDisease;
        return target switch
        {
            null => nonTarget switch
            {
                NonTargetResponse.CompleteResponse => OverallResponse.CompleteResponse,
                NonTargetResponse.NonCrNonPd => OverallResponse.NonCrNonPd,
                _ => OverallResponse.NotEvaluable,
            },
            TargetResponse.CompleteResponse => nonTarget is null or NonTargetResponse.CompleteResponse
                ? OverallResponse.CompleteResponse
                : OverallResponse.PartialResponse,
            TargetResponse.PartialResponse => OverallResponse.PartialResponse,
            TargetResponse.StableDisease => OverallResponse.StableDisease,
            _ => OverallResponse.NotEvaluable,
        };
    }

    public static string Code(OverallResponse r) => r switch
    {
        OverallResponse.CompleteResponse => "CR",
        OverallResponse.PartialResponse => "PR",
        OverallResponse.StableDisease => "SD",
        OverallResponse.NonCrNonPd => "non-CR/non-PD",
        OverallResponse.ProgressiveDisease => "PD",
        _ => "NE",
    };

    public static string Code(TargetResponse r) => r switch
    {
        TargetResponse.CompleteResponse => "CR",
        TargetResponse.PartialResponse => "PR",
        TargetResponse.StableDisease => "SD",
        TargetResponse.ProgressiveDisease => "PD",
        _ => "NE",
    };

    public static string Code(NonTargetResponse r) => r switch
    {
        NonTargetResponse.CompleteResponse => "CR",
        NonTargetResponse.NonCrNonPd => "non-CR/non-PD",
        NonTargetResponse.ProgressiveDisease => "PD",
        _ => "NE",
    };

    /// <summary>"63 mm", "75.6 mm": to a tenth of a millimetre, as radiologists report.</summary>
    internal static string Mm(decimal mm)
    {
        // Integer formatting: decimal custom formats cost more than the rest of a time point.
        var tenths = (long)Math.Round(mm * 10m, MidpointRounding.AwayFromZero);
        var whole = Math.Abs(tenths) / 10;
        var tenth = Math.Abs(tenths) % 10;
        var sign = tenths < 0 ? "-" : "";
        return tenth == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{sign}{whole} mm")
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{whole}.{tenth} mm");
    }

    /// <summary>
    /// A percentage in whole numbers, with a decimal more where rounding would put it on a
    /// threshold it has not reached ("19.6 %", never a misleading "20 %").
    /// </summary>
    internal static string Percent(decimal value, decimal threshold)
    {
        var abs = Math.Abs(value);
        var whole = Math.Round(abs, 0, MidpointRounding.AwayFromZero);
        if (whole != threshold) return string.Create(CultureInfo.InvariantCulture, $"{(long)whole} %");
        for (var decimals = 0; decimals < 3; decimals++)
        {
            var rounded = Math.Round(abs, decimals, MidpointRounding.AwayFromZero);
            if (rounded != threshold || abs == threshold || decimals == 2)
                return rounded.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture) + " %";
        }
        return abs.ToString("0.##", CultureInfo.InvariantCulture) + " %";
    }
}
