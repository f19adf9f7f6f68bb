using Hl7.Fhir.Model;
using NetPath.Clinical.Cases;

namespace NetPath.Interop;

internal sealed partial class BundleReader
{
    private const string IdentityWhy = "Identity: kept for the patient record (netpath import), not part of the case.";

    private void ReadPatient(Hl7.Fhir.Model.Patient p, FhirOrigin origin)
    {
        var read = new List<string>();
        switch (p.Gender)
        {
            case AdministrativeGender.Female: Set("patient.sex", "female", origin, null); read.Add("gender"); break;
            case AdministrativeGender.Male: Set("patient.sex", "male", origin, null); read.Add("gender"); break;
            case AdministrativeGender.Other: Set("patient.sex", "other", origin, null); read.Add("gender"); break;
            case AdministrativeGender.Unknown: Skip(origin, "Gender 'unknown': patient.sex is left absent.", "gender"); read.Add("gender"); break;
            default: break;
        }
        if (p.BirthDate is { } birth)
        {
            read.Add("birthDate");
            var (youngest, oldest) = AgeRange(birth, assessmentDate);
            if (youngest is null) Skip(origin, $"Birth date '{birth}' is not a date.", "birthDate");
            else if (youngest > 120 || youngest < 0) Skip(origin, $"Birth date {birth} gives an age of {youngest} on {Iso(assessmentDate)}, outside 0 to 120.", "birthDate");
            else if (youngest != oldest) Skip(origin, $"Birth date '{birth}' is too coarse: the age on {Iso(assessmentDate)} is {youngest} or {oldest}; ageYears is left absent.", "birthDate");
            else Set("patient.ageYears", youngest.Value, origin with { Expression = origin.Expression + ".birthDate" }, null, Exact);
        }
        var name = p.Name.FirstOrDefault();
        var display = name is null ? null : name.Text ?? string.Join(" ", name.Given.Append(name.Family).Where(s => !string.IsNullOrWhiteSpace(s)));
        Person = new ImportedPerson(string.IsNullOrWhiteSpace(display) ? null : display, Day(p.BirthDate) is { } b && p.BirthDate!.Length >= 10 ? b : null,
            p.Identifier.FirstOrDefault(i => !string.IsNullOrWhiteSpace(i.Value))?.Value);
        foreach (var (element, _) in p.EnumerateElements())
        {
            if (Metadata.Contains(element) || read.Contains(element)) continue;
            Skip(origin, element is "name" or "identifier" ? IdentityWhy : $"Patient.{element} is not part of a NetPath case.", element);
        }
    }

    internal static (int? Youngest, int? Oldest) AgeRange(string birth, DateOnly on)
    {
        if (Day(birth) is not { } earliest) return (null, null);
        var latest = birth.Length >= 10 ? earliest : birth.Length >= 7 ? earliest.AddMonths(1).AddDays(-1) : new DateOnly(earliest.Year, 12, 31);
        static int Age(DateOnly born, DateOnly on) => on.Year - born.Year - (on.DayOfYear < born.DayOfYear && (on.Month < born.Month || (on.Month == born.Month && on.Day < born.Day)) ? 1 : 0);
        return (Age(latest, on), Age(earliest, on));
    }

    // ---- conditions ----

    private void ReadCondition(Condition c, FhirOrigin origin)
    {
        var (primary, secondary) = Classify(c);
        if (!primary && !secondary)
        {
            Skip(origin, "Not a cancer condition NetPath reads (neither an mCODE primary nor a secondary cancer condition).");
            return;
        }
        var verification = c.VerificationStatus?.Coding.FirstOrDefault(k => k.System == FhirSystems.ConditionVerification)?.Code;
        if (verification is "refuted" or "entered-in-error" or "unconfirmed" or "provisional" or "differential")
        {
            Skip(origin, $"Verification status '{verification}': only confirmed conditions are facts of the case.", "verificationStatus");
            return;
        }
        if (secondary) ReadSecondary(c, origin);
        else ReadPrimary(c, origin);
    }

    /// <summary>Whether a condition is read as the primary neoplasm, as a metastasis, or (neither) reported.</summary>
    internal static (bool Primary, bool Secondary) Classify(Condition c)
    {
        var profiles = c.Meta?.Profile?.ToList() ?? [];
        var secondary = profiles.Contains(FhirSystems.McodeSecondaryCancerCondition)
            || c.Extension.Any(e => e.Url == FhirSystems.ConditionRelatedExtension)
            || c.Code?.Coding.Any(IsSecondaryCode) == true;
        var primary = !secondary && (profiles.Contains(FhirSystems.McodePrimaryCancerCondition)
            || c.Extension.Any(e => e.Url == FhirSystems.McodeHistologyExtension)
            || c.Code?.Coding.Any(k => SiteFromDiagnosis(k) is not null) == true);
        return (primary, secondary);
    }

    private static bool IsSecondaryCode(Coding k) =>
        (k.System is FhirSystems.Icd10 or FhirSystems.Icd10Cm && k.Code is { } code && (code.StartsWith("C77", StringComparison.Ordinal) || code.StartsWith("C78", StringComparison.Ordinal) || code.StartsWith("C79", StringComparison.Ordinal)))
        || (k.System == FhirSystems.Snomed && k.Code is not null && Terminology.IsSecondaryNeoplasmDisorder(k.Code));

    /// <summary>The primary site from a diagnosis code (ICD-10 C7A malignant NETs, endocrine pancreas, ampulla, adrenal, paraganglia).</summary>
    private static PrimarySite? SiteFromDiagnosis(Coding k)
    {
        if (k.System is not (FhirSystems.Icd10 or FhirSystems.Icd10Cm) || k.Code is null) return null;
        return k.Code.ToUpperInvariant() switch
        {
            "C7A.010" => PrimarySite.Duodenum,
            "C7A.011" => PrimarySite.Jejunum,
            "C7A.012" => PrimarySite.Ileum,
            "C7A.020" => PrimarySite.Appendix,
            "C7A.021" or "C7A.022" or "C7A.023" or "C7A.024" or "C7A.025" => PrimarySite.Colon,
            "C7A.026" => PrimarySite.Rectum,
            "C7A.090" => PrimarySite.Lung,
            "C7A.091" => PrimarySite.Thymus,
            "C7A.092" => PrimarySite.Stomach,
            "C7A.00" => PrimarySite.UnknownPrimary,
            "C25.4" => PrimarySite.Pancreas,
            _ => null,
        };
    }

    private void ReadPrimary(Condition c, FhirOrigin origin)
    {
        primaryConditionId ??= c.Id;
        var when = c.RecordedDate ?? When(c.Onset);
        var read = new List<string> { "clinicalStatus", "verificationStatus", "category" };
        var siteDone = false;
        for (var b = 0; b < c.BodySite.Count && !siteDone; b++)
        {
            foreach (var k in c.BodySite[b].Coding)
            {
                var site = k.System == FhirSystems.IcdO3 && k.Code is not null ? Terminology.SiteFromTopography(k.Code)
                    : k.System == FhirSystems.Snomed && k.Code is not null ? Terminology.SiteFromSnomed(k.Code) : null;
                if (site is null) continue;
                Set("tumour.primarySite", WireCode<PrimarySite>.Of(site.Value), origin with { Expression = $"{origin.Expression}.bodySite[{b}]" }, when);
                siteDone = true;
                read.Add("bodySite");
                break;
            }
        }
        if (c.Code is { } code)
        {
            read.Add("code");
            var fromCode = code.Coding.Select(SiteFromDiagnosis).FirstOrDefault(s => s is not null);
            if (!siteDone && fromCode is { } s)
            {
                Set("tumour.primarySite", WireCode<PrimarySite>.Of(s), origin with { Expression = origin.Expression + ".code" }, when);
                siteDone = true;
            }
        }
        if (!siteDone)
            Skip(origin, "No body site or diagnosis code NetPath recognises (ICD-O-3 topography, SNOMED CT body structure, ICD-10 C7A/C25.4): the primary site stays unknown.", c.BodySite.Count > 0 ? "bodySite" : null);

        for (var x = 0; x < c.Extension.Count; x++)
        {
            var ext = c.Extension[x];
            var at = $"{origin.Expression}.extension[{x}]";
            if (ext.Url != FhirSystems.McodeHistologyExtension)
            {
                Skip(origin with { Expression = at }, $"Extension {ext.Url} is not read.");
                continue;
            }
            var morph = (ext.Value as CodeableConcept)?.Coding.FirstOrDefault(k => k.System == FhirSystems.IcdO3 && k.Code is not null)?.Code;
            var parsed = morph is null ? null : Terminology.FromIcdO3Morphology(morph);
            if (parsed is not { } m)
            {
                Skip(origin with { Expression = at }, "The morphology is not an ICD-O-3 neuroendocrine histology NetPath recognises; differentiation and histologic type stay unknown.");
                continue;
            }
            if (m.Behaviour is '0' or '2' or '6' or '9' && m.Morphology.Type is not (HistologicType.Pheochromocytoma or HistologicType.Paraganglioma))
            {
                Skip(origin with { Expression = at }, $"Behaviour /{m.Behaviour} is not that of an invasive neuroendocrine neoplasm; histology is not taken from it.");
                continue;
            }
            var site = held.TryGetValue("tumour.primarySite", out var h) ? h.Value?.GetValue<string>() : null;
            var type = m.Morphology.Type;
            if (site is "lung" or "thymus" && morph!.StartsWith("8240", StringComparison.Ordinal)) type = HistologicType.TypicalCarcinoid;
            if (site is "lung" or "thymus" && morph!.StartsWith("8249", StringComparison.Ordinal)) type = HistologicType.AtypicalCarcinoid;
            var o = origin with { Expression = at };
            if (m.Morphology.Differentiation is { } d) Set("tumour.differentiation", WireCode<Differentiation>.Of(d), o, when);
            if (type is { } t) Set("tumour.histologicType", WireCode<HistologicType>.Of(t), o, when);
        }
        ReportRest(c, origin, "Not part of a NetPath case (staging is read from TNM observations, dates and evidence are not used).", [.. read, "extension"]);
    }

    private void ReadSecondary(Condition c, FhirOrigin origin)
    {
        var clinical = c.ClinicalStatus?.Coding.FirstOrDefault(k => k.System == FhirSystems.ConditionClinical)?.Code;
        if (clinical is "resolved" or "inactive" or "remission")
        {
            Skip(origin, $"Clinical status '{clinical}': a metastasis no longer present is not current disease.", "clinicalStatus");
            return;
        }
        string? site = null;
        var at = origin.Expression;
        for (var b = 0; b < c.BodySite.Count && site is null; b++)
        {
            foreach (var k in c.BodySite[b].Coding)
            {
                if (k.System is null || k.Code is null) continue;
                site = Terminology.MetastasisSite(k.System, k.Code);
                if (site is not null) { at = $"{origin.Expression}.bodySite[{b}]"; break; }
            }
        }
        foreach (var k in c.Code?.Coding ?? [])
        {
            if (site is not null || k.System is null || k.Code is null) break;
            site = Terminology.MetastasisSite(k.System, k.Code);
            if (site is not null) at = origin.Expression + ".code";
        }
        var lymphNode = c.BodySite.Concat(c.Code is null ? [] : [c.Code]).SelectMany(cc => cc.Coding)
            .Any(k => (k.System == FhirSystems.Snomed && k.Code == "59441001") || (k.Code?.StartsWith("C77", StringComparison.Ordinal) ?? false));
        if (site is null && lymphNode)
        {
            Skip(origin, "Lymph node metastases may be regional (N) or distant (M): give them as a TNM category or the case fact tumour.metastases.extrahepatic.");
            return;
        }
        for (var x = 0; x < c.Extension.Count; x++)
        {
            if (c.Extension[x].Url != FhirSystems.ConditionRelatedExtension)
                Skip(origin with { Expression = $"{origin.Expression}.extension[{x}]" }, $"Extension {c.Extension[x].Url} is not read.");
        }
        var o = origin with { Expression = at };
        if (site is null) Add("tumour.metastases.extrahepatic", "other", origin);
        else if (site == "liver") Set("tumour.metastases.liver", true, o, c.RecordedDate ?? When(c.Onset));
        else Add("tumour.metastases.extrahepatic", site, o);
        ReportRest(c, origin, "Not part of a NetPath case: a metastasis is read as its site.", "clinicalStatus", "verificationStatus", "category", "code", "bodySite", "extension", "recordedDate");
    }
}
