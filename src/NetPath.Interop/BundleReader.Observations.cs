using System.Globalization;
using System.Text.Json.Nodes;
using Hl7.Fhir.Utility;
using Hl7.Fhir.Model;

namespace NetPath.Interop;

internal sealed partial class BundleReader
{
    private const string ObservationRestWhy = "Not part of a NetPath case: an observation is read as its code, value and time.";

    private static readonly HashSet<string> TCodes = new(StringComparer.Ordinal) { "78873005", "399504009", "384625004", "21905-5", "21899-0", "21911-3" };
    private static readonly HashSet<string> NCodes = new(StringComparer.Ordinal) { "277206009", "399534004", "371494008", "21906-3", "21900-6", "21912-1" };
    private static readonly HashSet<string> MCodes = new(StringComparer.Ordinal) { "277208005", "399387003", "371497001", "21907-1", "21901-4", "21913-9" };
    private static readonly HashSet<string> PathologicalCodes = new(StringComparer.Ordinal) { "384625004", "371494008", "371497001", "21899-0", "21900-6", "21901-4" };
    private static readonly HashSet<string> StageGroupCodes = new(StringComparer.Ordinal) { "399390009", "399537006", "399588009", "21908-9", "21902-2", "21914-7" };

    /// <summary>SNOMED CT AJCC category values whose ids appear in the mCODE 4.0.0 examples; others are read from their AJCC code.</summary>
    private static readonly Dictionary<string, string> SnomedAjccValues = new(StringComparer.Ordinal)
    {
        ["1228938002"] = "cT3", ["1229859000"] = "pT3", ["1229967007"] = "cN0", ["1229947003"] = "pN0", ["1229984001"] = "cN3", ["1229901006"] = "cM0",
    };

    private void ReadObservation(Observation o, FhirOrigin origin)
    {
        if (o.Status is not (ObservationStatus.Final or ObservationStatus.Amended or ObservationStatus.Corrected))
        {
            Skip(origin, $"Status '{o.Status?.GetLiteral() ?? "(none)"}': only final, amended or corrected results are facts of the case.", "status");
            return;
        }
        var when = When(o.Effective) ?? o.Issued?.ToString("o", CultureInfo.InvariantCulture);
        var codings = o.Code?.Coding ?? [];
        var fact = codings.FirstOrDefault(k => k.System == FhirSystems.CaseFactSystem);
        if (fact is not null)
        {
            ReadCaseFact(o, fact.Code, origin, when);
            return;
        }
        var code = codings.FirstOrDefault(k => k.System is FhirSystems.Loinc or FhirSystems.Snomed or "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl"
            && k.Code is not null && (TCodes.Contains(k.Code) || NCodes.Contains(k.Code) || MCodes.Contains(k.Code) || StageGroupCodes.Contains(k.Code)
                || k.Code is "89247-1" or "89243-0" or "82810-3" or "30525-0" or "21889-1" or "92833-3" or "C18000" or "33732-9" or "97509-4"
                || Labs.ByLoinc.ContainsKey(k.Code) || Labs.RecognisedNotRead.ContainsKey(k.Code)))?.Code;
        if (code is null)
        {
            Skip(origin, "The observation's code is not one NetPath reads (LOINC or SNOMED CT codes listed in decision 0701, or NetPath's case-fact codes).");
            return;
        }
        var value = origin with { Expression = origin.Expression + ".value" };
        if (TCodes.Contains(code) || NCodes.Contains(code) || MCodes.Contains(code)) ReadTnm(o, code, origin, when);
        else if (StageGroupCodes.Contains(code))
        {
            Skip(origin, "A stage group is worked out by NetPath from T, N and M (AJCC 8); a recorded group is not an input.");
            return;
        }
        else if (code is "C18000" or "33732-9")
        {
            Skip(origin, "The grade is worked out by NetPath from Ki-67 and the mitotic count (WHO 2019); a recorded grade is not an input.");
            return;
        }
        else if (code is "97509-4")
        {
            Skip(origin, "Disease status is not a case fact: progression is recorded as the outcome of the therapy it followed.");
            return;
        }
        else if (code is "89247-1")
        {
            if (o.Value is Integer { Value: { } ecog }) Set("patient.ecog", ecog, value, when);
            else Skip(origin, "ECOG must be given as valueInteger 0 to 5.", "value");
        }
        else if (Labs.RecognisedNotRead.TryGetValue(code, out var notRead))
        {
            Skip(origin, notRead);
            return;
        }
        else if (code is "89243-0") ReadKarnofsky(o, value, origin, when);
        else if (code is "82810-3")
        {
            var answer = (o.Value as CodeableConcept)?.Coding.FirstOrDefault(k => k.System == FhirSystems.Snomed)?.Code;
            if (answer is "77386006") Set("patient.pregnant", true, value, when);
            else if (answer is "60001007") Set("patient.pregnant", false, value, when);
            else Skip(origin, "Pregnancy status is neither 'pregnant' (SNOMED CT 77386006) nor 'not pregnant' (60001007): left unknown.", "value");
        }
        else if (code is "30525-0")
        {
            if (o.Value is Quantity { Value: { } age, Code: "a" } && age == Math.Floor(age)) Set("patient.ageYears", (int)age, value, when);
            else Skip(origin, "Age must be a whole number of years (UCUM 'a').", "value");
        }
        else if (code is "21889-1") ReadTumourSize(o, origin, when);
        else if (code is "92833-3")
        {
            if (WholeNumber(o.Value) is { } n) Set("tumour.lymphNodes.examined", n, value, when);
            else Skip(origin, "Nodes examined must be a whole number.", "value");
        }
        else if (Labs.ByLoinc.TryGetValue(code, out var lab)) ReadLab(o, lab, origin, when);
        // What each kind of observation reads besides code, value, category and time (decision 0701).
        string[] alsoRead = code switch
        {
            _ when TCodes.Contains(code) || NCodes.Contains(code) || MCodes.Contains(code) => ["method", "focus"],
            "21889-1" => ["component", "focus"],
            _ when Labs.ByLoinc.TryGetValue(code, out var l) && l.RelativeToUln => ["referenceRange"],
            _ => [],
        };
        ReportRest(o, origin, ObservationRestWhy, ["code", "value", "category", "effective", "issued", .. alsoRead]);
    }

    private static int? WholeNumber(DataType? value) => value switch
    {
        Integer { Value: { } i } => i,
        Quantity { Value: { } q } when q == Math.Floor(q) && q is >= int.MinValue and <= int.MaxValue => (int)q,
        _ => null,
    };

    private void ReadKarnofsky(Observation o, FhirOrigin value, FhirOrigin origin, string? when)
    {
        // The two conversions in use (Oken 1982; Buccheri 1996) agree on these scores only; the
        // others (90, 70, 50, 30) fall between two ECOG grades and are not converted (decision 0702).
        int? ecog = o.Value is Integer { Value: { } kps } ? kps switch { 100 => 0, 80 => 1, 60 => 2, 40 => 3, 20 or 10 => 4, 0 => 5, _ => null } : null;
        if (ecog is { } e) Set("patient.ecog", e, value, when);
        else Skip(origin, "Karnofsky score not converted: 90, 70, 50 and 30 each fall between two ECOG grades in the published conversions; record ECOG.", "value");
    }

    private void ReadTumourSize(Observation o, FhirOrigin origin, string? when)
    {
        var quantity = o.Value as Quantity;
        var at = origin.Expression + ".value";
        for (var i = 0; quantity is null && i < o.Component.Count; i++)
        {
            if (o.Component[i].Code?.Coding.Any(k => k.System == FhirSystems.Loinc && k.Code == "33728-7") == true)
            {
                quantity = o.Component[i].Value as Quantity;
                at = $"{origin.Expression}.component[{i}].value";
            }
        }
        var mm = quantity?.Code switch { "mm" => quantity.Value, "cm" => quantity.Value * 10, _ => null };
        if (o.Focus.Any(f => f.Reference is not { } r || !primaryRefs.Contains(r)))
        {
            Skip(origin, "A size whose focus is not the primary tumour (a metastasis or a node) is not tumour.sizeMm.", "focus");
            return;
        }
        if (mm is { } size) Set("tumour.sizeMm", (double)size, origin with { Expression = at }, when);
        else Skip(origin, "No greatest dimension (LOINC 33728-7) in mm or cm.", "component");
        for (var i = 0; i < o.Component.Count; i++)
        {
            if (o.Component[i].Code?.Coding.Any(k => k.Code == "33728-7") != true)
                Skip(origin with { Expression = $"{origin.Expression}.component[{i}]" }, "Only the greatest dimension of the primary is a case fact.");
        }
    }

    private void ReadLab(Observation o, LabTest lab, FhirOrigin origin, string? when)
    {
        var value = origin with { Expression = origin.Expression + ".value" };
        if (o.Value is not Quantity { Value: { } number } q)
        {
            Skip(origin, $"The {lab.Name} result is not a quantity.", "value");
            return;
        }
        var unit = q.System == FhirSystems.Ucum ? q.Code : q.Code ?? q.Unit;
        if (lab.RelativeToUln)
        {
            var high = o.ReferenceRange.Select(r => r.High).FirstOrDefault(h => h?.Value is > 0);
            var highUnit = high is null ? null : high.System == FhirSystems.Ucum ? high.Code : high.Code ?? high.Unit;
            if (high is null || !string.Equals(highUnit, unit, StringComparison.Ordinal))
            {
                Skip(origin, $"The case holds {lab.Name} as a multiple of the upper limit of normal, and the result has no reference range upper limit in its own unit.", "referenceRange");
                return;
            }
            Set(lab.Field, Math.Round((double)(number / high.Value!.Value), 3), value, when);
            return;
        }
        if (unit is null || !lab.Units.TryGetValue(unit, out var factor))
        {
            Skip(origin, $"The {lab.Name} unit '{unit ?? "(none)"}' is not one NetPath converts (it accepts {string.Join(", ", lab.Units.Keys)}).", "value");
            return;
        }
        Set(lab.Field, Math.Round((double)number * factor, 4), value, when);
    }

    private void ReadTnm(Observation o, string code, FhirOrigin origin, string? when)
    {
        var letter = TCodes.Contains(code) ? 'T' : NCodes.Contains(code) ? 'N' : 'M';
        var method = o.Method?.Coding.FirstOrDefault(k => k.System == FhirSystems.Snomed)?.Code;
        if (method != FhirSystems.Ajcc8Method)
        {
            Skip(origin, method is null
                ? "No staging system (Observation.method): categories differ between AJCC editions, so NetPath reads only AJCC 8 (SNOMED CT 897275008)."
                : $"Staged under another system (SNOMED CT {method}); NetPath reads AJCC 8 categories (897275008).", "method");
            return;
        }
        string? value = null;
        foreach (var k in (o.Value as CodeableConcept)?.Coding ?? [])
        {
            if (k.System == FhirSystems.Ajcc && k.Code is not null) { value = k.Code; break; }
            if (k.System == FhirSystems.Snomed && k.Code is not null && SnomedAjccValues.TryGetValue(k.Code, out var v)) { value = v; break; }
        }
        if (value is null)
        {
            Skip(origin, "The category value is neither an AJCC code (http://cancerstaging.org) nor a SNOMED CT AJCC value NetPath lists.", "value");
            return;
        }
        tnm.Add(new TnmCandidate(letter, value, PathologicalCodes.Contains(code) || value.StartsWith('p'), when, origin with { Expression = origin.Expression + ".value" }));
    }

    private void FinishTnm()
    {
        foreach (var letter in "TNM")
        {
            // AJCC: the pathological category, where there is one, supersedes the clinical one.
            var ordered = tnm.Where(c => c.Letter == letter)
                .OrderByDescending(c => c.Pathological).ThenByDescending(c => c.When ?? "", StringComparer.Ordinal).ToList();
            if (ordered.Count == 0) continue;
            var path = "tumour.tnm." + char.ToLowerInvariant(letter);
            Set(path, ordered[0].Value, ordered[0].Origin, ordered[0].When);
            foreach (var other in ordered.Skip(1))
            {
                if (other.Value == ordered[0].Value && other.Pathological == ordered[0].Pathological) { Origin(path, other.Origin); continue; }
                Skip(other.Origin, $"Superseded by {ordered[0].Origin.Resource}: the case holds one {letter} category, pathological before clinical, then the latest.");
            }
        }
    }

    private void ReadCaseFact(Observation o, string? path, FhirOrigin origin, string? when)
    {
        if (path is null || !CaseFacts.TryGet(path, out var fact))
        {
            Skip(origin, $"'{path}' is not a NetPath case fact.", "code");
            return;
        }
        var value = origin with { Expression = origin.Expression + ".value" };
        JsonNode? node = fact.Kind switch
        {
            FactKind.Flag when o.Value is FhirBoolean { Value: { } b } => b,
            FactKind.Count when WholeNumber(o.Value) is { } i => i,
            FactKind.Number when o.Value is Quantity { Value: { } d } q && (fact.Unit is null || q.Code == fact.Unit) => (double)d,
            FactKind.Code or FactKind.CodeList when (o.Value as CodeableConcept)?.Coding.FirstOrDefault(k => k.System == FhirSystems.CaseValueSystem)?.Code is { } c => c,
            FactKind.Text when o.Value is FhirString { Value: { } s } => s,
            _ => null,
        };
        if (node is null)
        {
            Skip(origin, $"The value of case fact {path} is not a {fact.Kind.ToString().ToLowerInvariant()}{(fact.Unit is null ? "" : $" in '{fact.Unit}'")}{(fact.Codes is null ? "" : " coded in " + FhirSystems.CaseValueSystem)}.", "value");
            return;
        }
        if (fact.Kind == FactKind.CodeList) Add(path, node.GetValue<string>(), value);
        else Set(path, node, value, when, Exact);
        ReportRest(o, origin, ObservationRestWhy, "code", "value", "category", "effective", "issued");
    }
}
