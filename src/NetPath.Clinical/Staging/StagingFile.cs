using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetPath.Clinical.Staging;

// The wire shape of knowledge/<version>/staging/*.json. Read once at load and compiled into
// Chapter; nothing here is used on the staging hot path. docs/decisions/0100 explains the format.

internal sealed class ChapterFile
{
    [JsonPropertyName("$comment")] public string? Comment { get; init; }
    public required string Id { get; init; }
    /// <summary>"AJCC8" or "ENETS".</summary>
    public required string System { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }
    public required List<string> Sites { get; init; }
    public required AxisFile T { get; init; }
    public required AxisFile N { get; init; }
    public required AxisFile M { get; init; }
    public required List<GroupRowFile> Groups { get; init; }
    public string? Note { get; init; }
}

internal sealed class AxisFile
{
    /// <summary>The leaf categories, least advanced first.</summary>
    public required List<CategoryFile> Categories { get; init; }
    /// <summary>Coarser categories a clinician may write, each the set of its leaves (T1 = T1a, T1b).</summary>
    public Dictionary<string, List<string>>? Parents { get; init; }
    /// <summary>Spellings of another system's categories this chapter reads from tumour.tnm (M1a -> M1).</summary>
    public Dictionary<string, string>? Aliases { get; init; }
    /// <summary>False where this system's categories are not the AJCC ones tumour.tnm carries.</summary>
    public bool? ReadsClinicianCategory { get; init; }
    /// <summary>Most advanced first; the first rule whose conditions hold decides.</summary>
    public required List<RuleFile> Rules { get; init; }
}

internal sealed class CategoryFile
{
    public required string Name { get; init; }
    public required string Meaning { get; init; }
    /// <summary>False for categories an unknown component does not range over (lung Tis).</summary>
    public bool? InUnknown { get; init; }
}

internal sealed class RuleFile
{
    public required string Category { get; init; }
    /// <summary>The rule in words, for the clinician documentation.</summary>
    public required string Text { get; init; }
    public required string Source { get; init; }
    /// <summary>Only for these primary sites (a chapter covering two sites).</summary>
    public List<string>? Sites { get; init; }
    /// <summary>Alternatives; each holds when all its conditions hold.</summary>
    public required List<ConditionFile> AnyOf { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class ConditionFile
{
    public BoundFile? SizeMm { get; init; }
    public List<string>? DepthIn { get; init; }
    public List<string>? InvadesAny { get; init; }
    public BoundFile? MesoappendixInvasionMm { get; init; }
    public List<string>? SiteIn { get; init; }
    public BoundFile? PositiveNodes { get; init; }
    public bool? MesentericMassOver2cm { get; init; }
    /// <summary>Metastasis in any of these sites ("liver" or a metastases.extrahepatic code).</summary>
    public List<string>? MetastasisIn { get; init; }
    /// <summary>Metastasis in at least one site of every list (liver and an extrahepatic site).</summary>
    public List<List<string>>? MetastasisInEach { get; init; }
    public OrganCountFile? MetastaticOrgans { get; init; }
    public bool? NoMetastasis { get; init; }
    /// <summary>A finding the case has no field for; not reported means absent, unless a clinician's category says otherwise.</summary>
    public string? NotRecorded { get; init; }
    /// <summary>A finding the case cannot express at all: always open.</summary>
    public string? Unrecordable { get; init; }
}

internal sealed class BoundFile
{
    public double? Gt { get; init; }
    public double? Ge { get; init; }
    public double? Lt { get; init; }
    public double? Le { get; init; }
}

internal sealed class OrganCountFile
{
    public required List<string> Among { get; init; }
    public required int AtLeast { get; init; }
}

internal sealed class GroupRowFile
{
    /// <summary>"*" or a list of categories (leaves or parents).</summary>
    public required System.Text.Json.JsonElement T { get; init; }
    public required System.Text.Json.JsonElement N { get; init; }
    public required System.Text.Json.JsonElement M { get; init; }
    /// <summary>The stage group; null means the combination cannot be staged.</summary>
    public string? Group { get; init; }
    public required string Source { get; init; }
}

internal sealed class NotStagedFile
{
    [JsonPropertyName("$comment")] public string? Comment { get; init; }
    public required string Source { get; init; }
    public required List<NotStagedSiteFile> Sites { get; init; }
    public required string NecReason { get; init; }
    public required string NecSource { get; init; }
    public required string ParasympatheticReason { get; init; }
}

internal sealed class NotStagedSiteFile
{
    public required string Site { get; init; }
    public required string Reason { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ChapterFile))]
[JsonSerializable(typeof(NotStagedFile))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(string))]
internal sealed partial class StagingJsonContext : JsonSerializerContext;
