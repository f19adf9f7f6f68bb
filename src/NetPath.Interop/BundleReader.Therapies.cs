using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using NetPath.Clinical.Assessments;

namespace NetPath.Interop;

internal sealed partial class BundleReader
{
    private const string TherapyWhy = "Not part of a NetPath case: a therapy is read as its code, dates and outcome.";

    /// <summary>The NetPath therapy code of a procedure or medication concept: NetPath's care code, ATC, or a SNOMED CT procedure NetPath lists.</summary>
    private static string? TherapyCode(CodeableConcept? concept)
    {
        foreach (var k in concept?.Coding ?? [])
        {
            if (k.Code is null) continue;
            if (k.System == FhirSystems.CareCodeSystem && CareCodes.IsTreatment(k.Code)) return k.Code;
            if (k.System == FhirSystems.Atc && Terminology.TherapyFromAtc(k.Code) is { } atc) return atc;
            if (k.System == FhirSystems.Snomed && k.Code == "80146002") return "surgery.appendectomy";
        }
        return null;
    }

    /// <summary>SNOMED CT "Radiotherapy course of treatment": mCODE's RadiotherapyCourseSummary.</summary>
    private const string RadiotherapyCourse = "1217123003";
    private const string ModalityAndTechnique = FhirSystems.McodeBase + "mcode-radiotherapy-modality-and-technique";

    /// <summary>
    /// An mCODE radiotherapy course is external beam or brachytherapy by its modality (the mCODE
    /// teleradiotherapy and brachytherapy modality value sets). "Administration of
    /// radiopharmaceutical" is not mapped: it may be PRRT or another agent, and the drug says which.
    /// </summary>
    private void ReadRadiotherapyCourse(Procedure p, FhirOrigin origin)
    {
        var codes = new List<string>();
        for (var x = 0; x < p.Extension.Count; x++)
        {
            var ext = p.Extension[x];
            if (ext.Url != ModalityAndTechnique)
            {
                if (ext.Url != FhirSystems.TherapyOutcomeExtension)
                    Skip(origin with { Expression = $"{origin.Expression}.extension[{x}]" }, $"Extension {ext.Url} is not read.");
                continue;
            }
            var modality = (ext.Extension.FirstOrDefault(e => e.Url == FhirSystems.McodeBase + "mcode-radiotherapy-modality")?.Value as CodeableConcept)?
                .Coding.FirstOrDefault(k => k.System == FhirSystems.Snomed)?.Code;
            var code = modality switch
            {
                "10611004" or "45643008" or "80347004" or "1156505006" or "1156506007" => "radiation.ebrt",
                "1156708005" or "169359004" or "1156384006" or "394902000" or "438629002" => "radiation.brachytherapy",
                _ => null,
            };
            if (code is null) Skip(origin with { Expression = $"{origin.Expression}.extension[{x}]" }, "The radiotherapy modality is not an external beam or brachytherapy modality NetPath reads.");
            else if (!codes.Contains(code)) codes.Add(code);
        }
        if (codes.Count == 0)
        {
            Skip(origin, "A radiotherapy course without a modality NetPath reads: external beam or brachytherapy cannot be told.");
            return;
        }
        var (start, end) = p.Performed switch
        {
            Period period => (Day(period.Start), Day(period.End)),
            FhirDateTime dt => (Day(dt.Value), Day(dt.Value)),
            _ => ((DateOnly?)null, (DateOnly?)null),
        };
        foreach (var code in codes)
            therapies.Add(new Therapy(code, OutcomeOf(p) ?? (p.Status == EventStatus.InProgress ? "ongoing" : null), start, end, origin, Merge: false));
        ReportRest(p, origin, TherapyWhy, "code", "performed", "extension");
    }

    /// <summary>Every extension but NetPath's therapy outcome is reported.</summary>
    private void ReportExtensions(DomainResource r, FhirOrigin origin)
    {
        for (var x = 0; x < r.Extension.Count; x++)
        {
            if (r.Extension[x].Url != FhirSystems.TherapyOutcomeExtension)
                Skip(origin with { Expression = $"{origin.Expression}.extension[{x}]" }, $"Extension {r.Extension[x].Url} is not read.");
        }
    }

    private static string? OutcomeOf(DomainResource r) =>
        r.Extension.FirstOrDefault(e => e.Url == FhirSystems.TherapyOutcomeExtension)?.Value is Code c ? c.Value : null;

    private void ReadProcedure(Procedure p, FhirOrigin origin)
    {
        var status = p.Status?.ToString();
        if (p.Status is not (EventStatus.Completed or EventStatus.InProgress))
        {
            Skip(origin, $"Status '{status?.ToLowerInvariant() ?? "(none)"}': only procedures done or under way are therapy history.", "status");
            return;
        }
        if (p.Code?.Coding.Any(k => k.System == FhirSystems.Snomed && k.Code == RadiotherapyCourse) == true)
        {
            ReadRadiotherapyCourse(p, origin);
            return;
        }
        if (TherapyCode(p.Code) is not { } code)
        {
            Skip(origin, "The procedure code is not a NetPath care code or a SNOMED CT procedure NetPath lists: not put into the therapy history.", "code");
            return;
        }
        var (start, end) = p.Performed switch
        {
            Period period => (Day(period.Start), Day(period.End)),
            FhirDateTime dt => (Day(dt.Value), Day(dt.Value)),
            _ => ((DateOnly?)null, (DateOnly?)null),
        };
        therapies.Add(new Therapy(code, OutcomeOf(p) ?? (p.Status == EventStatus.InProgress ? "ongoing" : null), start, end, origin, Merge: false));
        ReportExtensions(p, origin);
        ReportRest(p, origin, TherapyWhy, "code", "performed", "extension");
    }

    private CodeableConcept? MedicationConcept(DataType? medication, FhirOrigin origin)
    {
        if (medication is CodeableConcept cc) return cc;
        if (medication is ResourceReference { Reference: { } r } && medications.TryGetValue(r, out var m))
        {
            usedMedications.Add(r);
            return m.Code;
        }
        Skip(origin, "The medication reference does not resolve inside the bundle.", "medication");
        return null;
    }

    private void ReadMedicationRequest(MedicationRequest m, FhirOrigin origin)
    {
        if (m.Status is not (MedicationRequest.MedicationrequestStatus.Active or MedicationRequest.MedicationrequestStatus.Completed or MedicationRequest.MedicationrequestStatus.Stopped)
            // A plan or proposal is not a therapy given: only orders enter the history.
            || m.Intent is not (MedicationRequest.MedicationRequestIntent.Order or MedicationRequest.MedicationRequestIntent.OriginalOrder
                or MedicationRequest.MedicationRequestIntent.FillerOrder or MedicationRequest.MedicationRequestIntent.InstanceOrder))
        {
            Skip(origin, $"Status '{m.Status?.ToString().ToLowerInvariant()}' with intent '{m.Intent?.ToString().ToLowerInvariant()}': not a therapy given.");
            return;
        }
        if (TherapyCode(MedicationConcept(m.Medication, origin)) is not { } code)
        {
            Skip(origin, "The medication is not one NetPath reads (ATC or NetPath care code; decision 0701).", "medication");
            return;
        }
        var bounds = m.DosageInstruction.Select(d => d.Timing?.Repeat?.Bounds as Period).FirstOrDefault(p => p is not null);
        var active = m.Status == MedicationRequest.MedicationrequestStatus.Active;
        therapies.Add(new Therapy(code, OutcomeOf(m) ?? (active ? "ongoing" : null), Day(bounds?.Start ?? m.AuthoredOn), Day(bounds?.End), origin, Merge: false));
        ReportExtensions(m, origin);
        ReportRest(m, origin, TherapyWhy, "medication", "intent", "authoredOn", "dosageInstruction", "extension");
    }

    private void ReadMedicationAdministration(MedicationAdministration m, FhirOrigin origin)
    {
        if (m.Status is not (MedicationAdministration.MedicationAdministrationStatusCodes.Completed or MedicationAdministration.MedicationAdministrationStatusCodes.InProgress))
        {
            Skip(origin, $"Status '{m.Status?.ToString().ToLowerInvariant()}': not a dose given.");
            return;
        }
        if (TherapyCode(MedicationConcept(m.Medication, origin)) is not { } code)
        {
            Skip(origin, "The medication is not one NetPath reads (ATC or NetPath care code; decision 0701).", "medication");
            return;
        }
        var (start, end) = m.Effective switch
        {
            Period period => (Day(period.Start), Day(period.End ?? period.Start)),
            FhirDateTime dt => (Day(dt.Value), Day(dt.Value)),
            _ => ((DateOnly?)null, (DateOnly?)null),
        };
        therapies.Add(new Therapy(code, OutcomeOf(m), start, end, origin, Merge: true));
        ReportExtensions(m, origin);
        ReportRest(m, origin, TherapyWhy, "medication", "effective", "extension");
    }

    private void ReadMedicationStatement(MedicationStatement m, FhirOrigin origin)
    {
        if (m.Status is not (MedicationStatement.MedicationStatusCodes.Active or MedicationStatement.MedicationStatusCodes.Completed or MedicationStatement.MedicationStatusCodes.Stopped))
        {
            Skip(origin, $"Status '{m.Status?.ToString().ToLowerInvariant()}': not a therapy taken.");
            return;
        }
        if (TherapyCode(MedicationConcept(m.Medication, origin)) is not { } code)
        {
            Skip(origin, "The medication is not one NetPath reads (ATC or NetPath care code; decision 0701).", "medication");
            return;
        }
        var (start, end) = m.Effective switch
        {
            Period period => (Day(period.Start), Day(period.End)),
            FhirDateTime dt => (Day(dt.Value), (DateOnly?)null),
            _ => ((DateOnly?)null, (DateOnly?)null),
        };
        var active = m.Status == MedicationStatement.MedicationStatusCodes.Active;
        therapies.Add(new Therapy(code, OutcomeOf(m) ?? (active ? "ongoing" : null), start, end, origin, Merge: false));
        ReportExtensions(m, origin);
        ReportRest(m, origin, TherapyWhy, "medication", "effective", "extension");
    }

    /// <summary>
    /// Administrations of one drug (monthly SSA injections, PRRT cycles) are one therapy: first to
    /// last dose, the outcome from the latest that records one. Orders and statements stay as given.
    /// </summary>
    private void FinishTherapies()
    {
        var merged = new List<Therapy>();
        foreach (var group in therapies.Where(t => t.Merge).GroupBy(t => t.Code, StringComparer.Ordinal))
        {
            var doses = group.OrderBy(t => t.Start ?? DateOnly.MinValue).ToList();
            var outcome = doses.LastOrDefault(t => t.Outcome is not null)?.Outcome;
            merged.Add(new Therapy(group.Key, outcome, doses.Min(t => t.Start), doses.Max(t => t.End), doses[0].Origin, Merge: true));
            foreach (var dose in doses.Skip(1)) extraTherapyOrigins.Add((merged.Count - 1, dose.Origin));
        }
        var all = therapies.Where(t => !t.Merge).Concat(merged).OrderBy(t => t.Start ?? DateOnly.MinValue).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();
        if (all.Count == 0) return;
        var list = new JsonArray();
        for (var i = 0; i < all.Count; i++)
        {
            var t = all[i];
            var item = new JsonObject { ["code"] = t.Code };
            if (t.Outcome is not null) item["outcome"] = t.Outcome;
            if (t.Start is { } s) item["startDate"] = Iso(s);
            if (t.End is { } e) item["endDate"] = Iso(e);
            list.Add(item);
            Origin($"history.priorTherapies[{i}]", t.Origin);
            if (t.Merge)
            {
                var mergedIndex = merged.FindIndex(x => ReferenceEquals(x, t));
                foreach (var (_, o) in extraTherapyOrigins.Where(x => x.Index == mergedIndex)) Origin($"history.priorTherapies[{i}]", o);
            }
        }
        Write("history.priorTherapies", list);
    }

    private readonly List<(int Index, FhirOrigin Origin)> extraTherapyOrigins = [];
}
