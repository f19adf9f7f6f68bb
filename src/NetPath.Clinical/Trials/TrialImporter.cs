using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetPath.Clinical.Trials;

/// <summary>One problem with an imported record: the file, the JSON path of the field, and what is wrong.</summary>
public sealed record TrialImportError(string Source, string Path, string Message);

/// <summary>The trials read from one or more inputs, or every reason they could not be read. Callers keep nothing when <see cref="Errors"/> is not empty.</summary>
public sealed record TrialImportResult(IReadOnlyList<Trial> Trials, IReadOnlyList<TrialImportError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads ClinicalTrials.gov API v2 study JSON as the registry serves it today: one study, a
/// search page (<c>studies</c>, <c>nextPageToken</c>, <c>totalCount</c>), or the shipped NET set
/// (a page with <c>_about</c> and per-study <c>x_net</c>/<c>x_provenance</c>). Absent modules are
/// fine; what matching cannot do without (the NCT number, a title) is required, and a value that
/// is present but malformed is an error naming the file and the field. Pure: the caller reads
/// the bytes.
/// </summary>
public static partial class TrialImporter
{
    public static TrialImportResult Read(ReadOnlySpan<byte> utf8Json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray());
        }
        catch (JsonException ex)
        {
            return Failed(source, "$", $"Not well-formed JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}): {ex.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("studies", out var studies))
            {
                if (studies.ValueKind != JsonValueKind.Array) return Failed(source, "$.studies", "studies must be an array of study records.");
                CtGovStudiesPage? page;
                try
                {
                    page = root.Deserialize(CtGovJsonContext.Default.CtGovStudiesPage);
                }
                catch (JsonException ex)
                {
                    return Failed(source, ex.Path ?? "$", WrongType(ex));
                }
                var warnings = page?.About?.Warnings ?? [];
                var trials = new List<Trial>();
                var errors = new List<TrialImportError>();
                for (var i = 0; i < (page?.Studies?.Count ?? 0); i++)
                {
                    var path = $"$.studies[{i.ToString(CultureInfo.InvariantCulture)}]";
                    var study = page!.Studies![i];
                    if (study is null)
                    {
                        errors.Add(new(source, path, "A study record is null."));
                        continue;
                    }
                    var trial = FromStudy(study, source, path, warnings, errors);
                    if (trial is not null) trials.Add(trial);
                }
                return Combine(trials, errors, source);
            }
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("protocolSection", out _))
            {
                CtGovStudy? study;
                try
                {
                    study = root.Deserialize(CtGovJsonContext.Default.CtGovStudy);
                }
                catch (JsonException ex)
                {
                    return Failed(source, ex.Path ?? "$", WrongType(ex));
                }
                var errors = new List<TrialImportError>();
                var trial = FromStudy(study!, source, "$", [], errors);
                return trial is null || errors.Count > 0 ? new([], errors) : new([trial], []);
            }
            return Failed(source, "$", "Neither a ClinicalTrials.gov v2 study (an object with protocolSection) nor a page of studies (an object with a studies array).");
        }
    }

    /// <summary>Joins the trials of several inputs; the same NCT number twice is an error naming both places.</summary>
    public static TrialImportResult Combine(IEnumerable<TrialImportResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var trials = new List<Trial>();
        var errors = new List<TrialImportError>();
        foreach (var r in results)
        {
            errors.AddRange(r.Errors);
            trials.AddRange(r.Trials);
        }
        return Combine(trials, errors, null);
    }

    private static TrialImportResult Combine(List<Trial> trials, List<TrialImportError> errors, string? source)
    {
        var seen = new Dictionary<string, Trial>(StringComparer.Ordinal);
        foreach (var t in trials)
        {
            if (seen.TryGetValue(t.NctId, out var first))
            {
                errors.Add(new(source ?? t.Provenance.ImportedFrom ?? "", t.Provenance.ImportedFrom ?? t.NctId,
                    $"{t.NctId} appears twice (also at {first.Provenance.ImportedFrom}); keep one version of each trial."));
                continue;
            }
            seen.Add(t.NctId, t);
        }
        return errors.Count > 0 ? new([], errors) : new(trials, []);
    }

    private static Trial? FromStudy(CtGovStudy study, string source, string path, IReadOnlyList<string> setWarnings, List<TrialImportError> errors)
    {
        var before = errors.Count;
        var p = study.ProtocolSection;
        if (p is null)
        {
            errors.Add(new(source, path + ".protocolSection", "The study has no protocolSection."));
            return null;
        }
        var id = p.IdentificationModule;
        var nct = id?.NctId?.Trim();
        if (string.IsNullOrEmpty(nct))
            errors.Add(new(source, path + ".protocolSection.identificationModule.nctId", "The NCT number is missing; every trial needs it."));
        else if (!NctId().IsMatch(nct))
            errors.Add(new(source, path + ".protocolSection.identificationModule.nctId", $"'{nct}' is not an NCT number (NCT followed by 8 digits)."));
        var title = id?.BriefTitle ?? id?.OfficialTitle;
        if (string.IsNullOrWhiteSpace(title))
            errors.Add(new(source, path + ".protocolSection.identificationModule.briefTitle", "The trial has neither a brief nor an official title."));

        var e = p.EligibilityModule;
        var minAge = Age(e?.MinimumAge, source, path + ".protocolSection.eligibilityModule.minimumAge", errors);
        var maxAge = Age(e?.MaximumAge, source, path + ".protocolSection.eligibilityModule.maximumAge", errors);
        var sites = new List<TrialSite>();
        var locations = p.ContactsLocationsModule?.Locations ?? [];
        for (var i = 0; i < locations.Count; i++)
        {
            var l = locations[i];
            var geo = l.GeoPoint;
            if (geo is not null && (geo.Lat is not (>= -90 and <= 90) || geo.Lon is not (>= -180 and <= 180)))
            {
                errors.Add(new(source, $"{path}.protocolSection.contactsLocationsModule.locations[{i.ToString(CultureInfo.InvariantCulture)}].geoPoint",
                    "The site position must have lat from -90 to 90 and lon from -180 to 180."));
                continue;
            }
            sites.Add(new TrialSite(l.Facility, l.City, l.Country, l.Status, geo?.Lat, geo?.Lon));
        }
        if (errors.Count > before) return null;

        var sentences = EligibilityText.Split(e?.EligibilityCriteria);
        var criteria = Criteria(p, study.XNet, study.XProvenance?.UncertainFields ?? [], sentences, minAge, maxAge);
        var prov = study.XProvenance;
        var warnings = new List<string>(setWarnings);
        if (prov?.StatusAsOf is not null) warnings.Add($"The status is as last seen on {prov.StatusAsOf}; check the registry before offering the trial.");
        return new Trial
        {
            NctId = nct!,
            Title = title!.Trim(),
            Acronym = id?.Acronym,
            OverallStatus = p.StatusModule?.OverallStatus,
            StatusAsOf = prov?.StatusAsOf ?? p.StatusModule?.StatusVerifiedDate,
            Phases = p.DesignModule?.Phases ?? [],
            Conditions = p.ConditionsModule?.Conditions ?? [],
            Interventions = [.. (p.ArmsInterventionsModule?.Interventions ?? []).Select(i => i.Name).OfType<string>()],
            Sponsor = p.SponsorCollaboratorsModule?.LeadSponsor?.Name,
            Sites = sites,
            Sentences = sentences,
            Criteria = criteria,
            Provenance = new TrialProvenance
            {
                ImportedFrom = path == "$" ? source : $"{source} {path}",
                RegistryVersion = study.DerivedSection?.MiscInfoModule?.VersionHolder,
                EligibilityTextIsParaphrase = prov?.EligibilityCriteriaIsParaphrase == true,
                Sources = prov?.Sources ?? [],
                UncertainFields = prov?.UncertainFields ?? [],
                Warnings = warnings,
            },
        };
    }

    private static List<TrialCriterion> Criteria(CtGovProtocolSection p, NetOverlay? curated, IReadOnlyList<string> uncertain, IReadOnlyList<EligibilitySentence> sentences, double? minAge, double? maxAge)
    {
        var criteria = new List<TrialCriterion>();
        var conditions = p.ConditionsModule?.Conditions ?? [];
        if (conditions.Count > 0)
        {
            criteria.Add(new TrialCriterion
            {
                Id = "condition", Kind = CriterionKind.Condition, Section = CriterionSection.Registry, Origin = CriterionOrigin.RegistryField,
                Source = "conditions: " + string.Join("; ", conditions), Values = conditions,
            });
        }
        var sex = p.EligibilityModule?.Sex;
        if (sex is "FEMALE" or "MALE")
        {
            criteria.Add(new TrialCriterion
            {
                Id = "sex", Kind = CriterionKind.Sex, Section = CriterionSection.Registry, Origin = CriterionOrigin.RegistryField,
                Source = "sex: " + sex.ToLowerInvariant(), Values = [sex.ToLowerInvariant()],
            });
        }
        var registryAge = minAge is not null || maxAge is not null;
        if (registryAge)
        {
            criteria.Add(new TrialCriterion
            {
                Id = "age", Kind = CriterionKind.Age, Section = CriterionSection.Registry, Origin = CriterionOrigin.RegistryField,
                Source = string.Join("; ", new[] { p.EligibilityModule?.MinimumAge is { } lo ? "minimum age: " + lo : null, p.EligibilityModule?.MaximumAge is { } hi ? "maximum age: " + hi : null }.OfType<string>()),
                Min = minAge, Max = maxAge,
            });
        }
        if (curated is not null)
        {
            foreach (var c in CuratedEligibility.Read(curated, sentences, uncertain))
            {
                if (c.Kind == CriterionKind.Age && registryAge) continue;
                criteria.Add(c);
            }
        }
        var linked = criteria.Select(c => c.SentenceId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var covered = criteria.Where(c => c.Kind != CriterionKind.FreeText).Select(c => c.Kind).ToHashSet();
        foreach (var sentence in sentences)
        {
            if (linked.Contains(sentence.Id)) continue;
            var parsed = EligibilityParser.Parse(sentence);
            var kept = parsed.Where(c => c.Kind == CriterionKind.FreeText || !covered.Contains(c.Kind)).ToList();
            foreach (var duplicate in parsed.Where(c => !kept.Contains(c)))
            {
                // The sentence says what a registry field already holds ("Age >= 18 years"): the field is tied to its words.
                var i = criteria.FindIndex(c => c.Kind == duplicate.Kind && c.SentenceId is null);
                if (i >= 0) criteria[i] = criteria[i] with { SentenceId = sentence.Id, Source = criteria[i].Source + " | " + sentence.Text };
            }
            criteria.AddRange(kept);
            // Read only into kinds another sentence already holds: the sentence stays, to check by hand.
            if (!criteria.Any(c => c.SentenceId == sentence.Id)) criteria.Add(EligibilityParser.FreeText(sentence));
        }
        if (sentences.Count == 0)
        {
            criteria.Add(new TrialCriterion
            {
                Id = "text.none", Kind = CriterionKind.FreeText, Section = CriterionSection.Inclusion, Origin = CriterionOrigin.FreeText,
                Source = "The record carries no eligibility criteria text: read them in the registry.",
            });
        }
        return criteria;
    }

    /// <summary>"18 Years", "6 Months": in years. Absent or the legacy "N/A" is no limit; anything else is an error.</summary>
    private static double? Age(string? value, string source, string path, List<TrialImportError> errors)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim() is "N/A" or "n/a") return null;
        var m = AgeValue().Match(value.Trim());
        if (!m.Success)
        {
            errors.Add(new(source, path, $"'{value}' is not an age such as \"18 Years\" or \"6 Months\"."));
            return null;
        }
        var n = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        return m.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "year" or "years" => n,
            "month" or "months" => n / 12,
            "week" or "weeks" => n / 52.1775,
            "day" or "days" => n / 365.25,
            _ => n / (365.25 * 24 * (m.Groups["unit"].Value.StartsWith("min", StringComparison.OrdinalIgnoreCase) ? 60 : 1)),
        };
    }

    private static string WrongType(JsonException ex) => $"A value has the wrong JSON type: {ex.Message}";

    private static TrialImportResult Failed(string source, string path, string message) => new([], [new(source, path, message)]);

    [GeneratedRegex(@"^NCT\d{8}$")]
    private static partial Regex NctId();

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)\s*(?<unit>Years?|Months?|Weeks?|Days?|Hours?|Minutes?)$", RegexOptions.IgnoreCase)]
    private static partial Regex AgeValue();
}
