using System.Text.Json.Nodes;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace NetPath.Interop.Tests;

/// <summary>
/// The Firely validator over the FHIR R4 core specification, the mCODE 4.0.0 package and the US
/// Core 6.1.0 package it depends on (TestData/mcode-4.0.0, copied with its PROVENANCE.md), with
/// local terminology only. Built once: compiling profiles takes seconds.
/// </summary>
public static class Profiles
{
    /// <summary>
    /// mCODE's TNM stage group profile slices hasMember by the profile of the resolved target over
    /// three target profiles, which the validator cannot compile. Stage groups are validated against
    /// a derived copy without that slicing (decision 0704); every other constraint stays.
    /// </summary>
    public const string StageGroupWithoutMemberSlicing = FhirSystems.NetPathBase + "/StructureDefinition/mcode-tnm-stage-group-no-member-slicing";

    public static string PackageFolder => Path.Combine(AppContext.BaseDirectory, "TestData", "mcode-4.0.0");

    private static readonly Lazy<Validator> Shared = new(Build);

    public static Validator Validator => Shared.Value;

    private static Validator Build()
    {
        var derivedFolder = Path.Combine(AppContext.BaseDirectory, "derived-profiles");
        Directory.CreateDirectory(derivedFolder);
        File.WriteAllText(Path.Combine(derivedFolder, "StructureDefinition-stage-group-no-member-slicing.json"), DerivedStageGroup());
        var settings = new DirectorySourceSettings { IncludeSubDirectories = true };
        var resolver = new CachedResolver(new MultiResolver(
            new DirectorySource(PackageFolder, settings),
            new DirectorySource(derivedFolder, settings),
            ZipSource.CreateValidationSource()));
        return new Validator(resolver, new LocalTerminologyService(resolver));
    }

    /// <summary>The mCODE stage group profile with the hasMember slices removed; everything else as published.</summary>
    public static string DerivedStageGroup()
    {
        var sd = JsonNode.Parse(File.ReadAllText(Path.Combine(PackageFolder, "StructureDefinition-mcode-tnm-stage-group.json")))!.AsObject();
        sd["url"] = StageGroupWithoutMemberSlicing;
        sd["id"] = "mcode-tnm-stage-group-no-member-slicing";
        sd["name"] = "TNMStageGroupNoMemberSlicing";
        sd.Remove("differential");
        var elements = sd["snapshot"]!["element"]!.AsArray();
        foreach (var e in elements.Where(e => ((string?)e!["id"])?.StartsWith("Observation.hasMember:", StringComparison.Ordinal) == true).ToList())
            elements.Remove(e);
        foreach (var e in elements.Where(e => (string?)e!["id"] == "Observation.hasMember"))
            e!.AsObject().Remove("slicing");
        return sd.ToJsonString();
    }

    /// <summary>Validates against the resource's meta.profile (the stage group one replaced by the derived copy).</summary>
    public static OperationOutcome Validate(Resource resource)
    {
        var copy = (Resource)resource.DeepCopy();
        Redirect(copy);
        return Validator.Validate(copy);
    }

    private static void Redirect(Resource r)
    {
        if (r is Bundle b)
        {
            foreach (var e in b.Entry) if (e.Resource is not null) Redirect(e.Resource);
        }
        if (r.Meta?.Profile is { } profiles && profiles.Contains(FhirSystems.McodeStageGroup))
            r.Meta.Profile = [.. profiles.Select(p => p == FhirSystems.McodeStageGroup ? StageGroupWithoutMemberSlicing : p)];
    }

    public static IReadOnlyList<string> Errors(OperationOutcome outcome) =>
        [.. outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{string.Join(",", i.Expression ?? [])}: {i.Details?.Text ?? i.Diagnostics}")];
}
