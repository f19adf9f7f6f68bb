using System.Text.Json;
using System.Text.Json.Serialization;
using NetPath.Clinical.Cases.Wire;

namespace NetPath.Clinical.Response;

// The imaging studies exactly as they travel (docs/contracts/imaging-studies.md). Codes stay
// strings and unknown members are kept, so that every problem becomes an error naming its path.

public sealed class StudiesDto : WireObject
{
    public string? SchemaVersion { get; set; }
    public string? PatientId { get; set; }
    public bool? ConfirmationRequired { get; set; }
    public int? ConfirmationMinimumDays { get; set; }
    public int? MinimumStableDiseaseDays { get; set; }
    public List<StudyDto?>? Studies { get; set; }
}

public sealed class StudyDto : WireObject
{
    public string? Date { get; set; }
    public string? Modality { get; set; }
    public bool? TumourMarkersAboveNormal { get; set; }
    public List<LesionDto?>? Lesions { get; set; }
}

public sealed class LesionDto : WireObject
{
    public string? Id { get; set; }
    public string? Organ { get; set; }
    public string? OrganDetail { get; set; }
    public bool? Nodal { get; set; }
    public string? Role { get; set; }
    public bool? New { get; set; }
    public bool? Equivocal { get; set; }
    public decimal? LongestDiameterMm { get; set; }
    public decimal? ShortAxisMm { get; set; }
    public string? Status { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(StudiesDto))]
public sealed partial class StudiesJsonContext : JsonSerializerContext;

/// <summary>The RECIST result as JSON: responses as their RECIST abbreviations, absent values as null.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true)]
[JsonSerializable(typeof(RecistResult))]
public sealed partial class RecistJsonContext : JsonSerializerContext;
