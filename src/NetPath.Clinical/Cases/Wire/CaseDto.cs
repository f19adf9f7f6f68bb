using System.Text.Json;
using System.Text.Json.Serialization;

namespace NetPath.Clinical.Cases.Wire;

// The case exactly as it travels (contracts/case.md). Codes stay strings here so that a wrong
// value becomes a validation error naming its path, not an exception at the first one; every
// object keeps the members it does not know so that a typo is reported, never dropped.
// CaseReader turns this into the immutable domain Case.

public abstract class WireObject
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

public sealed class CaseDto : WireObject
{
    public string? SchemaVersion { get; set; }
    [System.ComponentModel.DataAnnotations.StringLength(Validation.CaseReader.MaxCaseIdLength)]
    public string? Id { get; set; }
    public string? AssessmentDate { get; set; }
    public PatientDto? Patient { get; set; }
    public TumourDto? Tumour { get; set; }
    public ImagingDto? Imaging { get; set; }
    public LabsDto? Labs { get; set; }
    public HistoryDto? History { get; set; }
    public SymptomsDto? Symptoms { get; set; }
}

public sealed class PatientDto : WireObject
{
    public string? Sex { get; set; }
    public int? AgeYears { get; set; }
    public int? Ecog { get; set; }
    public bool? Pregnant { get; set; }
    public List<string>? Germline { get; set; }
}

public sealed class TumourDto : WireObject
{
    public string? PrimarySite { get; set; }
    [System.ComponentModel.DataAnnotations.StringLength(Validation.CaseReader.MaxOtherSiteLength)]
    public string? OtherSite { get; set; }
    public string? Differentiation { get; set; }
    public string? HistologicType { get; set; }
    public double? Ki67Percent { get; set; }
    public double? MitosesPer2mm2 { get; set; }
    public string? Necrosis { get; set; }
    public double? SizeMm { get; set; }
    public string? Depth { get; set; }
    public List<string>? Invades { get; set; }
    public double? MesoappendixInvasionMm { get; set; }
    public string? ParagangliomaType { get; set; }
    public int? GastricType { get; set; }
    public int? TumourCount { get; set; }
    public LymphNodesDto? LymphNodes { get; set; }
    public bool? MainDuctDilatation { get; set; }
    public MetastasesDto? Metastases { get; set; }
    public double? LiverTumourBurdenPercent { get; set; }
    public bool? LymphovascularInvasion { get; set; }
    public string? Resectability { get; set; }
    public ResectionDto? Resection { get; set; }
    public string? FunctionalSyndrome { get; set; }
    public TnmDto? Tnm { get; set; }
    public GappDto? Gapp { get; set; }
}

public sealed class LymphNodesDto : WireObject
{
    public int? Examined { get; set; }
    public int? Positive { get; set; }
    public bool? MesentericMassOver2cm { get; set; }
}

public sealed class MetastasesDto : WireObject
{
    public bool? Liver { get; set; }
    public List<string>? Extrahepatic { get; set; }
}

public sealed class ResectionDto : WireObject
{
    public bool? Done { get; set; }
    public string? Margin { get; set; }
}

public sealed class TnmDto : WireObject
{
    public string? T { get; set; }
    public string? N { get; set; }
    public string? M { get; set; }
}

public sealed class GappDto : WireObject
{
    public string? HistologicPattern { get; set; }
    public string? Cellularity { get; set; }
    public bool? ComedoNecrosis { get; set; }
    public bool? VascularOrCapsularInvasion { get; set; }
    public string? CatecholamineType { get; set; }
}

public sealed class ImagingDto : WireObject
{
    public SstrPetDto? SstrPet { get; set; }
    public FdgPetDto? FdgPet { get; set; }
}

public sealed class SstrPetDto : WireObject
{
    public bool? Done { get; set; }
    public bool? Positive { get; set; }
    public int? KrenningScore { get; set; }
}

public sealed class FdgPetDto : WireObject
{
    public bool? Done { get; set; }
    public bool? Positive { get; set; }
}

public sealed class LabsDto : WireObject
{
    public double? EgfrMlMin { get; set; }
    public double? BilirubinXUln { get; set; }
    public double? PlateletsPerNl { get; set; }
    public double? NeutrophilsPerNl { get; set; }
    public double? HemoglobinGDl { get; set; }
    public double? AlbuminGL { get; set; }
    public double? NtProBnpPgMl { get; set; }
    public double? ChromograninAXUln { get; set; }
    public double? Urine5HiaaMg24h { get; set; }
    public double? GastrinXUln { get; set; }
    public bool? OnPpi { get; set; }
}

public sealed class HistoryDto : WireObject
{
    public List<PriorTherapyDto?>? PriorTherapies { get; set; }
}

public sealed class PriorTherapyDto : WireObject
{
    public string? Code { get; set; }
    public string? Outcome { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
}

public sealed class SymptomsDto : WireObject
{
    public List<string>? Present { get; set; }
    public double? DiarrheaPerDay { get; set; }
    public double? FlushesPerDay { get; set; }
}

/// <summary>Source-generated (de)serialisation of the case wire form: no reflection at run time.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(CaseDto))]
public sealed partial class CaseJsonContext : JsonSerializerContext;
