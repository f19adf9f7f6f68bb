using System.Text.Json.Serialization;

namespace NetPath.Clinical.Trials;

// The ClinicalTrials.gov API v2 study JSON, as far as trial matching reads it. Every member is
// optional: a search with `fields=` returns only the requested paths, and modules come and go
// between registry versions. Enum-like values stay strings so that a value the registry adds
// later never breaks an import. Unknown members are ignored (the x_* overlays, resultsSection).

/// <summary>A search page: <c>GET /api/v2/studies</c>. The shipped NET set uses the same envelope plus <c>_about</c>.</summary>
public sealed record CtGovStudiesPage(List<CtGovStudy?>? Studies, string? NextPageToken, int? TotalCount,
    [property: JsonPropertyName("_about")] CtGovSetAbout? About);

/// <summary>The description block of a curated set (net-trials.json): what it is and its warnings.</summary>
public sealed record CtGovSetAbout(string? Description, List<string>? Warnings);

/// <summary>One study: <c>GET /api/v2/studies/{nctId}</c>.</summary>
public sealed record CtGovStudy(
    CtGovProtocolSection? ProtocolSection,
    CtGovDerivedSection? DerivedSection,
    bool? HasResults,
    [property: JsonPropertyName("x_net")] NetOverlay? XNet,
    [property: JsonPropertyName("x_provenance")] CtGovProvenance? XProvenance);

public sealed record CtGovProtocolSection(
    CtGovIdentification? IdentificationModule,
    CtGovStatus? StatusModule,
    CtGovSponsors? SponsorCollaboratorsModule,
    CtGovConditions? ConditionsModule,
    CtGovDesign? DesignModule,
    CtGovArmsInterventions? ArmsInterventionsModule,
    CtGovEligibility? EligibilityModule,
    CtGovContactsLocations? ContactsLocationsModule);

public sealed record CtGovIdentification(string? NctId, string? BriefTitle, string? OfficialTitle, string? Acronym);

public sealed record CtGovDateStruct(string? Date, string? Type);

public sealed record CtGovStatus(string? OverallStatus, string? LastKnownStatus, string? StatusVerifiedDate, string? WhyStopped,
    CtGovDateStruct? StartDateStruct, CtGovDateStruct? CompletionDateStruct, CtGovDateStruct? LastUpdatePostDateStruct);

public sealed record CtGovOrg(string? Name, [property: JsonPropertyName("class")] string? Class);

public sealed record CtGovSponsors(CtGovOrg? LeadSponsor);

public sealed record CtGovConditions(List<string>? Conditions, List<string>? Keywords);

public sealed record CtGovDesign(string? StudyType, List<string>? Phases);

public sealed record CtGovIntervention(string? Type, string? Name, List<string>? OtherNames);

public sealed record CtGovArmsInterventions(List<CtGovIntervention>? Interventions);

public sealed record CtGovEligibility(string? EligibilityCriteria, bool? HealthyVolunteers, string? Sex,
    string? MinimumAge, string? MaximumAge, List<string>? StdAges);

public sealed record CtGovGeoPoint(double? Lat, double? Lon);

public sealed record CtGovLocation(string? Facility, string? Status, string? City, string? State, string? Zip, string? Country, CtGovGeoPoint? GeoPoint);

public sealed record CtGovContactsLocations(List<CtGovLocation>? Locations);

public sealed record CtGovMesh(string? Id, string? Term);

public sealed record CtGovBrowseModule(List<CtGovMesh>? Meshes);

public sealed record CtGovDerivedSection(CtGovBrowseModule? ConditionBrowseModule, CtGovMiscInfo? MiscInfoModule);

public sealed record CtGovMiscInfo(string? VersionHolder);

/// <summary>Provenance that the curated NET set carries per record (<c>x_provenance</c>).</summary>
public sealed record CtGovProvenance(bool? EligibilityCriteriaIsParaphrase, string? StatusAsOf, List<string>? Sources,
    List<string>? UncertainFields, string? Notes);

/// <summary>
/// The curated NET eligibility block of the shipped set (<c>x_net</c>): a structured reading of
/// the record by a person, preferred over the text parser where present (decision 0601).
/// </summary>
public sealed record NetOverlay(
    string? Population,
    List<string>? PrimarySites,
    List<string>? Differentiation,
    List<string>? Grades,
    NetKi67Range? Ki67,
    NetSstrImaging? SstrImaging,
    string? DiseaseSetting,
    string? ProgressionRequirement,
    bool? MeasurableDiseaseRequired,
    List<string>? PriorTherapyRequired,
    List<string>? PriorTherapyExcluded,
    int? MaxPriorSystemicLines,
    int? EcogMax,
    int? KarnofskyMin,
    int? LanskyMin,
    double? AgeMinYears,
    double? AgeMaxYears,
    List<NetLab>? Labs,
    List<string>? OtherInclusion,
    List<string>? OtherExclusion,
    string? EligibilitySummary);

public sealed record NetKi67Range(double? Min, bool? MinInclusive, double? Max, bool? MaxInclusive);

public sealed record NetSstrImaging(bool? Required, string? Definition);

public sealed record NetLab(string? Analyte, string? Op, double? Value, string? Unit, string? Note);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(CtGovStudy))]
[JsonSerializable(typeof(CtGovStudiesPage))]
internal sealed partial class CtGovJsonContext : JsonSerializerContext;
