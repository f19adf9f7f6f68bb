using System.Text.Json;
using System.Text.Json.Serialization;
using NetPath.Clinical.Knowledge;

namespace NetPath.Clinical.Grading;

/// <summary>
/// A band of a continuous measure: values up to <see cref="UpTo"/> (the bound included when
/// <see cref="Inclusive"/>); the last band of a scale has no bound.
/// </summary>
public sealed record Band<T>(T Value, double? UpTo, bool Inclusive, string? Source)
{
    public bool Holds(double x) => UpTo is not { } bound || (Inclusive ? x <= bound : x < bound);
}

/// <summary>The grading rules of one knowledge version (knowledge/&lt;version&gt;/grading.json).</summary>
public sealed class GradingKnowledge
{
    public required string Who2019Source { get; init; }
    public required IReadOnlyList<Band<Assessments.GradeValue>> Ki67Bands { get; init; }
    public required IReadOnlyList<Band<Assessments.GradeValue>> MitosisBands { get; init; }
    public required double NecKi67Above { get; init; }
    public required string NecSource { get; init; }
    public required string ThoracicSource { get; init; }
    public required double TypicalCarcinoidMitosesBelow { get; init; }
    public required double AtypicalCarcinoidMitosesUpTo { get; init; }
    public required bool NecrosisMakesAtypical { get; init; }
    public required GappRules Gapp { get; init; }

    public static GradingKnowledge Load(KnowledgeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        GradingFile file;
        try
        {
            file = JsonSerializer.Deserialize(source.Read("grading.json"), GradingJsonContext.Default.GradingFile)
                ?? throw new KnowledgeException("grading.json is empty.");
        }
        catch (JsonException ex)
        {
            throw new KnowledgeException($"grading.json does not load: {ex.Message}", ex);
        }
        return new GradingKnowledge
        {
            Who2019Source = file.Who2019.Source,
            Ki67Bands = Bands(file.Who2019.Ki67Percent, "who2019.ki67Percent"),
            MitosisBands = Bands(file.Who2019.MitosesPer2mm2, "who2019.mitosesPer2mm2"),
            NecKi67Above = file.Who2019.NecKi67AbovePercent,
            NecSource = file.Who2019.NecSource,
            ThoracicSource = file.Thoracic.Source,
            TypicalCarcinoidMitosesBelow = file.Thoracic.TypicalCarcinoidMitosesBelow,
            AtypicalCarcinoidMitosesUpTo = file.Thoracic.AtypicalCarcinoidMitosesUpTo,
            NecrosisMakesAtypical = file.Thoracic.NecrosisMakesAtypical,
            Gapp = GappRules.From(file.Gapp),
        };
    }

    private static Band<Assessments.GradeValue>[] Bands(List<GradeBandDto> bands, string path)
    {
        var result = new Band<Assessments.GradeValue>[bands.Count];
        for (var i = 0; i < bands.Count; i++)
        {
            if (!Cases.WireCode<Assessments.GradeValue>.TryParse(bands[i].Grade, out var grade))
                throw new KnowledgeException($"grading.json {path}[{i}]: '{bands[i].Grade}' is not a grade.");
            // A WHO 2019 scale grades G1 to G3 and rises with the measure (NEC is morphology, not a band).
            if (grade is not (Assessments.GradeValue.G1 or Assessments.GradeValue.G2 or Assessments.GradeValue.G3) || i > 0 && grade <= result[i - 1].Value)
                throw new KnowledgeException($"grading.json {path}[{i}]: '{bands[i].Grade}' must be a WHO grade above the band before it.");
            result[i] = new(grade, bands[i].UpTo, bands[i].Inclusive, bands[i].Source);
        }
        CheckScale(result, path);
        return result;
    }

    /// <summary>A scale must rise strictly and end in one unbounded band, so that every value has exactly one band.</summary>
    internal static void CheckScale<T>(IReadOnlyList<Band<T>> bands, string path)
    {
        if (bands.Count == 0 || bands[^1].UpTo is not null)
            throw new KnowledgeException($"grading.json {path}: the last band must have no upper bound.");
        for (var i = 1; i < bands.Count - 1; i++)
        {
            if (bands[i].UpTo <= bands[i - 1].UpTo)
                throw new KnowledgeException($"grading.json {path}[{i}]: bounds must rise.");
        }
        if (bands.Take(bands.Count - 1).Any(b => b.UpTo is null))
            throw new KnowledgeException($"grading.json {path}: only the last band may be unbounded.");
    }
}

/// <summary>GAPP points (Kimura 2014) as loaded from knowledge.</summary>
public sealed class GappRules
{
    public required string Source { get; init; }
    public required IReadOnlyDictionary<string, int> HistologicPattern { get; init; }
    public required IReadOnlyDictionary<string, int> Cellularity { get; init; }
    public required int ComedoNecrosisPresent { get; init; }
    public required int VascularOrCapsularInvasionPresent { get; init; }
    public required IReadOnlyList<Band<int>> Ki67 { get; init; }
    public required IReadOnlyDictionary<string, int> CatecholamineType { get; init; }
    public required IReadOnlyList<(Assessments.GappCategory Category, int UpTo)> Categories { get; init; }

    internal static GappRules From(GappDto dto)
    {
        var ki67 = dto.Ki67Percent.Select(b => new Band<int>(b.Points, b.UpTo, b.Inclusive, null)).ToArray();
        GradingKnowledge.CheckScale(ki67, "gapp.ki67Percent");
        var categories = dto.Categories.Select(c => Cases.WireCode<Assessments.GappCategory>.TryParse(c.Category, out var cat)
            ? (cat, c.UpTo)
            : throw new KnowledgeException($"grading.json gapp.categories: '{c.Category}' is not a GAPP category.")).ToArray();
        CheckCategories(categories);
        return new GappRules
        {
            Source = dto.Source,
            HistologicPattern = PointsForEveryCode<Cases.GappHistologicPattern>(dto.HistologicPattern, "gapp.histologicPattern"),
            Cellularity = PointsForEveryCode<Cases.GappCellularity>(dto.Cellularity, "gapp.cellularity"),
            ComedoNecrosisPresent = PresentPoints(dto.ComedoNecrosis, "gapp.comedoNecrosis"),
            VascularOrCapsularInvasionPresent = PresentPoints(dto.VascularOrCapsularInvasion, "gapp.vascularOrCapsularInvasion"),
            Ki67 = ki67,
            CatecholamineType = PointsForEveryCode<Cases.CatecholamineType>(dto.CatecholamineType, "gapp.catecholamineType"),
            Categories = categories,
        };
    }

    // The grader looks up the points of whatever code a case carries: a code without points would
    // fail mid-assessment, and a key no case can carry is a typo. Both are caught at load.
    private static Dictionary<string, int> PointsForEveryCode<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(
        Dictionary<string, int> points, string path) where TEnum : struct, Enum
    {
        var codes = Cases.WireCode<TEnum>.All;
        var missing = codes.Where(c => !points.ContainsKey(c)).ToArray();
        var unknown = points.Keys.Where(k => !codes.Contains(k, StringComparer.Ordinal)).ToArray();
        if (missing.Length > 0 || unknown.Length > 0)
            throw new KnowledgeException($"grading.json {path}: needs points for exactly {string.Join(", ", codes)}; missing {string.Join(", ", missing)}; unknown {string.Join(", ", unknown)}.");
        return new Dictionary<string, int>(points, StringComparer.Ordinal);
    }

    // The grader scores absence as 0 points (Kimura 2014); the file must say the same.
    private static int PresentPoints(Dictionary<string, int> points, string path) =>
        points.Count == 2 && points.TryGetValue("absent", out var absent) && absent == 0 && points.TryGetValue("present", out var present)
            ? present
            : throw new KnowledgeException($"grading.json {path}: needs exactly 'absent' (0) and 'present'.");

    private static void CheckCategories((Assessments.GappCategory Category, int UpTo)[] categories)
    {
        if (categories.Length == 0)
            throw new KnowledgeException("grading.json gapp.categories: at least one category is needed.");
        for (var i = 1; i < categories.Length; i++)
        {
            if (categories[i].UpTo <= categories[i - 1].UpTo)
                throw new KnowledgeException($"grading.json gapp.categories[{i}]: bounds must rise.");
        }
    }

    public Assessments.GappCategory CategoryOf(int score)
    {
        foreach (var (category, upTo) in Categories)
        {
            if (score <= upTo) return category;
        }
        return Categories[^1].Category;
    }
}

internal sealed class GradingFile
{
    public required Who2019Dto Who2019 { get; init; }
    public required ThoracicDto Thoracic { get; init; }
    public required GappDto Gapp { get; init; }
}

internal sealed class Who2019Dto
{
    public required string Source { get; init; }
    public required List<GradeBandDto> Ki67Percent { get; init; }
    public required List<GradeBandDto> MitosesPer2mm2 { get; init; }
    public required double NecKi67AbovePercent { get; init; }
    public required string NecSource { get; init; }
}

internal sealed class GradeBandDto
{
    public required string Grade { get; init; }
    public double? UpTo { get; init; }
    public bool Inclusive { get; init; }
    public string? Source { get; init; }
}

internal sealed class ThoracicDto
{
    public required string Source { get; init; }
    public required double TypicalCarcinoidMitosesBelow { get; init; }
    public required double AtypicalCarcinoidMitosesUpTo { get; init; }
    public required bool NecrosisMakesAtypical { get; init; }
}

internal sealed class GappDto
{
    public required string Source { get; init; }
    public required Dictionary<string, int> HistologicPattern { get; init; }
    public required Dictionary<string, int> Cellularity { get; init; }
    public required Dictionary<string, int> ComedoNecrosis { get; init; }
    public required Dictionary<string, int> VascularOrCapsularInvasion { get; init; }
    public required List<PointsBandDto> Ki67Percent { get; init; }
    public required Dictionary<string, int> CatecholamineType { get; init; }
    public required List<GappCategoryDto> Categories { get; init; }
}

internal sealed class PointsBandDto
{
    public required int Points { get; init; }
    public double? UpTo { get; init; }
    public bool Inclusive { get; init; }
}

internal sealed class GappCategoryDto
{
    public required string Category { get; init; }
    public required int UpTo { get; init; }
}

// RespectNullableAnnotations: a null where the file model has a non-nullable member (a missing
// source) fails the load instead of surfacing later as a NullReferenceException.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(GradingFile))]
internal sealed partial class GradingJsonContext : JsonSerializerContext;
