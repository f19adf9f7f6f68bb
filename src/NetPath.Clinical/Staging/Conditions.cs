using System.Globalization;
using NetPath.Clinical.Cases;

namespace NetPath.Clinical.Staging;

/// <summary>Three-valued truth: a condition on a fact the case does not give is <see cref="Unknown"/>.</summary>
internal enum Tri : byte
{
    False,
    True,
    Unknown,
}

/// <summary>
/// How findings the case reports only by their presence are read (docs/decisions/0101):
/// <see cref="Reported"/> takes "not reported" as absent (an empty invades list is no invasion);
/// <see cref="Open"/> takes it as unknown, so that a clinician's category may fill it;
/// <see cref="SizeOnly"/> knows nothing but size and site (the check of a clinician's T against size).
/// </summary>
internal enum Reading : byte
{
    Reported,
    Open,
    SizeOnly,
}

/// <summary>The staging facts of one case, read once. A count of positive nodes is null when unknown (none examined).</summary>
internal readonly struct StagingFacts
{
    public StagingFacts(Tumour t, PrimarySite site)
    {
        Site = site;
        Size = t.Size?.Value;
        Depth = t.Depth;
        Invades = t.Invades;
        Mesoappendix = t.MesoappendixInvasion?.Value;
        Examined = t.LymphNodes.Examined;
        Positive = t.LymphNodes.Examined == 0 ? null : t.LymphNodes.Positive;
        MesentericMass = t.LymphNodes.MesentericMassOver2cm;
        MetastasesKnown = t.Metastases is not null;
        Liver = t.Metastases?.Liver;
        Extrahepatic = t.Metastases?.Extrahepatic ?? default;
    }

    public PrimarySite Site { get; }
    public double? Size { get; }
    public Depth? Depth { get; }
    public EnumSet<InvadedStructure> Invades { get; }
    public double? Mesoappendix { get; }
    public int? Examined { get; }
    public int? Positive { get; }
    public bool? MesentericMass { get; }
    public bool MetastasesKnown { get; }
    public bool? Liver { get; }
    public EnumSet<MetastaticSite> Extrahepatic { get; }
}

/// <summary>A numeric bound: gt/ge/lt/le, any combination (all must hold).</summary>
internal readonly record struct Bound(double? Gt, double? Ge, double? Lt, double? Le)
{
    public bool Holds(double x) =>
        (Gt is not { } gt || x > gt) && (Ge is not { } ge || x >= ge) && (Lt is not { } lt || x < lt) && (Le is not { } le || x <= le);

    public bool IsEmpty => Gt is null && Ge is null && Lt is null && Le is null;

    public string Describe(string unit)
    {
        var u = unit.Length == 0 ? "" : " " + unit;
        var lower = Gt is { } gt ? $"over {F(gt)}{u}" : Ge is { } ge ? $"{F(ge)}{u} or more" : null;
        var upper = Lt is { } lt ? $"under {F(lt)}{u}" : Le is { } le ? $"{F(le)}{u} or less" : null;
        if (lower is not null && upper is not null)
        {
            if (Ge is { } a && Le is { } b) return $"{F(a)} to {F(b)}{u}";
            if (Gt is { } c && Le is { } d) return $"over {F(c)} up to {F(d)}{u}";
            return $"{lower} and {upper}";
        }
        return lower ?? upper ?? "any";
    }

    internal static string F(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
}

internal enum ConditionKind : byte
{
    SizeMm,
    DepthIn,
    InvadesAny,
    MesoappendixInvasionMm,
    SiteIn,
    PositiveNodes,
    MesentericMass,
    MetastasisIn,
    MetastaticOrgans,
    NoMetastasis,
    NotRecorded,
    Unrecordable,
}

/// <summary>One compiled condition of a rule. Evaluation allocates nothing.</summary>
internal sealed class Condition
{
    public required ConditionKind Kind { get; init; }
    public Bound Bound { get; init; }
    public EnumSet<Depth> Depths { get; init; }
    public EnumSet<InvadedStructure> Structures { get; init; }
    public EnumSet<PrimarySite> Sites { get; init; }
    public bool Flag { get; init; }
    public bool IncludesLiver { get; init; }
    public EnumSet<MetastaticSite> MetastaticSites { get; init; }
    public int AtLeast { get; init; }
    public string? Finding { get; init; }

    /// <summary>The case field that settles this condition, for missingData.</summary>
    public string Field => Kind switch
    {
        ConditionKind.SizeMm => "tumour.sizeMm",
        ConditionKind.DepthIn => "tumour.depth",
        ConditionKind.InvadesAny => "tumour.invades",
        ConditionKind.MesoappendixInvasionMm => "tumour.mesoappendixInvasionMm",
        ConditionKind.SiteIn => "tumour.primarySite",
        ConditionKind.PositiveNodes => "tumour.lymphNodes",
        ConditionKind.MesentericMass => "tumour.lymphNodes.mesentericMassOver2cm",
        ConditionKind.MetastasisIn or ConditionKind.MetastaticOrgans or ConditionKind.NoMetastasis => "tumour.metastases",
        _ => "tumour.tnm",
    };

    public Tri Evaluate(in StagingFacts f, Reading reading)
    {
        if (reading == Reading.SizeOnly && Kind is not (ConditionKind.SizeMm or ConditionKind.SiteIn)) return Tri.Unknown;
        switch (Kind)
        {
            case ConditionKind.SizeMm:
                return f.Size is { } size ? Of(Bound.Holds(size)) : Tri.Unknown;
            case ConditionKind.DepthIn:
                return f.Depth is { } depth ? Of(Depths.Contains(depth)) : Tri.Unknown;
            case ConditionKind.InvadesAny:
                if (f.Invades.Overlaps(Structures)) return Tri.True;
                return reading == Reading.Reported ? Tri.False : Tri.Unknown;
            case ConditionKind.MesoappendixInvasionMm:
                return Mesoappendix(f);
            case ConditionKind.SiteIn:
                return Of(Sites.Contains(f.Site));
            case ConditionKind.PositiveNodes:
                return f.Positive is { } positive ? Of(Bound.Holds(positive)) : Tri.Unknown;
            case ConditionKind.MesentericMass:
                if (f.MesentericMass is { } mass) return Of(mass == Flag);
                return reading == Reading.Reported ? Of(!Flag) : Tri.Unknown;
            case ConditionKind.MetastasisIn:
                return MetastasisIn(f);
            case ConditionKind.MetastaticOrgans:
                return Organs(f);
            case ConditionKind.NoMetastasis:
                if (!f.MetastasesKnown) return Tri.Unknown;
                if (f.Liver == true || !f.Extrahepatic.IsEmpty) return Tri.False;
                return f.Liver is null ? Tri.Unknown : Tri.True;
            case ConditionKind.NotRecorded:
                return reading == Reading.Reported ? Tri.False : Tri.Unknown;
            default:
                return Tri.Unknown;
        }
    }

    /// <summary>
    /// Depth of subserosal or mesoappendiceal invasion: as given; zero when the depth given stops short
    /// of the subserosa; above zero but of unknown extent when the subserosa or mesoappendix is reached.
    /// </summary>
    private Tri Mesoappendix(in StagingFacts f)
    {
        if (f.Mesoappendix is { } mm) return Of(Bound.Holds(mm));
        var reached = f.Invades.Contains(InvadedStructure.Mesoappendix) || f.Depth is Cases.Depth.Subserosa or Cases.Depth.Serosa;
        if (reached) return Bound.Holds(double.Epsilon) && Bound.Holds(1000) ? Tri.True : Tri.Unknown;
        if (f.Depth is { } d && d is Cases.Depth.LaminaPropria or Cases.Depth.Submucosa or Cases.Depth.MuscularisPropria)
            return Of(Bound.Holds(0));
        return Tri.Unknown;
    }

    private Tri MetastasisIn(in StagingFacts f)
    {
        if (!f.MetastasesKnown) return Tri.Unknown;
        if (f.Extrahepatic.Overlaps(MetastaticSites)) return Tri.True;
        if (IncludesLiver)
        {
            if (f.Liver == true) return Tri.True;
            if (f.Liver is null) return Tri.Unknown;
        }
        return Tri.False;
    }

    private Tri Organs(in StagingFacts f)
    {
        if (!f.MetastasesKnown) return Tri.Unknown;
        var known = f.Extrahepatic.Intersect(MetastaticSites).Count;
        var open = 0;
        if (IncludesLiver)
        {
            if (f.Liver == true) known++;
            else if (f.Liver is null) open++;
        }
        if (known >= AtLeast) return Tri.True;
        return known + open >= AtLeast ? Tri.Unknown : Tri.False;
    }

    /// <summary>Why the condition held, in words a clinician can check against the case.</summary>
    public string Describe(in StagingFacts f) => Kind switch
    {
        ConditionKind.SizeMm => $"{Bound.F(f.Size ?? 0)} mm, {Bound.Describe("mm")}",
        ConditionKind.DepthIn => $"reaches the {(f.Depth is { } d ? WireCode<Cases.Depth>.Of(d) : "?")}",
        ConditionKind.InvadesAny => "invades " + string.Join(", ", f.Invades.Intersect(Structures).Select(WireCode<InvadedStructure>.Of)),
        ConditionKind.MesoappendixInvasionMm => f.Mesoappendix is { } mm
            ? $"mesoappendix invasion {Bound.F(mm)} mm, {Bound.Describe("mm")}"
            : "reaches the subserosa or mesoappendix",
        ConditionKind.SiteIn => "primary site " + WireCode<PrimarySite>.Of(f.Site),
        ConditionKind.PositiveNodes => f.Examined is { } examined
            ? $"{f.Positive} of {examined} nodes positive"
            : $"{f.Positive} nodes positive",
        ConditionKind.MesentericMass => Flag ? "mesenteric mass over 2 cm" : "no mesenteric mass over 2 cm",
        ConditionKind.MetastasisIn or ConditionKind.MetastaticOrgans => MetastasisWords(f),
        ConditionKind.NoMetastasis => "no distant metastasis",
        _ => Finding ?? "",
    };

    internal static string MetastasisWords(in StagingFacts f)
    {
        var parts = new List<string>(4);
        if (f.Liver == true) parts.Add("liver");
        foreach (var s in f.Extrahepatic) parts.Add(WireCode<MetastaticSite>.Of(s));
        return parts.Count == 0 ? "no distant metastasis" : "metastases in " + string.Join(" and ", parts);
    }

    /// <summary>The condition in words, for the documentation.</summary>
    public string Explain() => Kind switch
    {
        ConditionKind.SizeMm => "size " + Bound.Describe("mm"),
        ConditionKind.DepthIn => "depth " + string.Join(" or ", Depths.Select(WireCode<Cases.Depth>.Of)),
        ConditionKind.InvadesAny => "invades " + string.Join(" or ", Structures.Select(WireCode<InvadedStructure>.Of)),
        ConditionKind.MesoappendixInvasionMm => "mesoappendix invasion " + Bound.Describe("mm"),
        ConditionKind.SiteIn => "site " + string.Join(" or ", Sites.Select(WireCode<PrimarySite>.Of)),
        ConditionKind.PositiveNodes => Bound is { Le: 0, Gt: null, Ge: null } ? "no positive node among those examined" : "positive nodes " + Bound.Describe(""),
        ConditionKind.MesentericMass => Flag ? "mesenteric mass over 2 cm" : "no mesenteric mass over 2 cm",
        ConditionKind.MetastasisIn => "metastasis in " + SitesWords(),
        ConditionKind.MetastaticOrgans => $"metastases in at least {AtLeast} of " + SitesWords(),
        ConditionKind.NoMetastasis => "no distant metastasis",
        ConditionKind.NotRecorded => Finding + " (no case field: a clinician's category)",
        _ => Finding + " (cannot be recorded: open unless a clinician's category says)",
    };

    private string SitesWords()
    {
        var names = new List<string>();
        if (IncludesLiver) names.Add("liver");
        foreach (var s in MetastaticSites) names.Add(WireCode<MetastaticSite>.Of(s));
        return string.Join(", ", names);
    }

    private static Tri Of(bool b) => b ? Tri.True : Tri.False;

    public static Tri And(Tri a, Tri b) => a == Tri.False || b == Tri.False ? Tri.False : a == Tri.True && b == Tri.True ? Tri.True : Tri.Unknown;

    public static Tri Or(Tri a, Tri b) => a == Tri.True || b == Tri.True ? Tri.True : a == Tri.False && b == Tri.False ? Tri.False : Tri.Unknown;
}
