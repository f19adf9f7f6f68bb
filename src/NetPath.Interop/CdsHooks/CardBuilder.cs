using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;

namespace NetPath.Interop.CdsHooks;

/// <summary>
/// Cards from an assessment (decision 0705): the patient-view summary of the NET, and the
/// order-sign check of a draft order against what the case rules out. Words for people, never codes
/// or paths; card ids are stable for the same assessment so a record system can de-duplicate.
/// </summary>
public sealed class CardBuilder(string knowledgeVersion, Uri? patientPageBase = null)
{
    public const int MaxSummaryLength = 140;

    /// <summary>patient-view: grade, stage, the plan's headline, and what is ruled out.</summary>
    public CdsResponse PatientView(Case c, Assessment assessment, string? patientId = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(assessment);
        var site = SiteWords(assessment.Classification);
        var grade = GradeWords(assessment.Grade);
        var stage = assessment.Staging.FirstOrDefault(s => s.System == "AJCC8" && s.Group is not null) is { } ajcc ? $"AJCC 8 stage {ajcc.Group}" : "stage not yet known";
        var headline = assessment.Recommendations.FirstOrDefault(r => r.Strength == Strength.Preferred && !r.Code.StartsWith("team.", StringComparison.Ordinal))
            ?? (assessment.Recommendations.Count > 0 ? assessment.Recommendations[0] : null);
        var summary = Fit($"NET of the {site}, {grade}, {stage}" + (headline is null ? "" : $": {Meaning(headline.Code)}"));

        var detail = new StringBuilder();
        detail.Append("**Grade:** ").Append(grade).Append(assessment.Grade.Basis.Count > 0 ? " (" + string.Join("; ", assessment.Grade.Basis) + ")" : "").Append("  \n");
        detail.Append("**Stage:** ").Append(stage).Append("  \n\n");
        if (assessment.Recommendations.Count > 0)
        {
            detail.Append("**Plan**\n\n");
            foreach (var r in assessment.Recommendations.Take(6))
                detail.Append("- ").Append(Capital(Meaning(r.Code))).Append(" (").Append(WireCode<Strength>.Of(r.Strength)).Append("): ").Append(r.Rationale).Append('\n');
        }
        if (assessment.Contraindicated.Count > 0)
        {
            detail.Append("\n**Ruled out**\n\n");
            foreach (var x in assessment.Contraindicated) detail.Append("- ").Append(Capital(Meaning(x.Code))).Append(": ").Append(x.Reason).Append('\n');
        }
        if (assessment.MissingData.Count > 0)
        {
            detail.Append("\n**Missing:** ").Append(string.Join("; ", assessment.MissingData.Take(5).Select(m => m.Why))).Append('\n');
        }
        var card = new CdsCard(Id("patient-view", assessment.CaseId, summary), summary,
            assessment.Contraindicated.Count > 0 ? Indicators.Warning : Indicators.Info, Source(), detail.ToString(),
            Links: PatientLink(patientId));
        return new CdsResponse([card]);
    }

    /// <summary>
    /// order-sign: a draft MedicationRequest or ServiceRequest for a NET therapy checked against the
    /// case. An order for something the case rules out gives a critical card with the reason and a
    /// suggestion to remove the draft; an order NetPath has nothing to say about gives no card.
    /// </summary>
    public CdsResponse OrderSign(Assessment assessment, IEnumerable<Resource> draftOrders, string? patientId = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(draftOrders);
        var cards = new List<CdsCard>();
        foreach (var order in draftOrders)
        {
            var concept = order switch
            {
                MedicationRequest m => m.Medication as CodeableConcept,
                ServiceRequest s => s.Code,
                _ => null,
            };
            if (TherapyCode(concept) is not { } code) continue;
            var ruledOut = assessment.Contraindicated.FirstOrDefault(x => x.Code == code);
            if (ruledOut is null) continue;
            var summary = Fit($"{Capital(Meaning(code))} is ruled out for this patient: {ruledOut.Reason}");
            var detail = $"NetPath rules out **{Meaning(code)}** for this patient.\n\n{ruledOut.Reason}\n\n" + (ruledOut.Source is null ? "" : $"Source: {ruledOut.Source}\n");
            var remove = new CdsSuggestion($"Remove the draft order for {Meaning(code)}", Id("remove", order.Id, code), true,
                [new CdsAction("delete", $"Remove the draft order for {Meaning(code)}", ResourceId: $"{order.TypeName}/{order.Id}")]);
            cards.Add(new CdsCard(Id("order-sign", order.Id, code), summary, Indicators.Critical, Source(), detail, [remove], PatientLink(patientId), "at-most-one"));
        }
        return new CdsResponse(cards);
    }

    private static string? TherapyCode(CodeableConcept? concept)
    {
        foreach (var k in concept?.Coding ?? [])
        {
            if (k.Code is null) continue;
            if (k.System == FhirSystems.CareCodeSystem && CareCodes.TryGet(k.Code, out _)) return k.Code;
            if (k.System == FhirSystems.Atc && Terminology.TherapyFromAtc(k.Code) is { } atc) return atc;
        }
        return null;
    }

    private CdsSource Source() => new($"NetPath (knowledge {knowledgeVersion}): ENETS, ESMO and NCCN guidance");

    private IReadOnlyList<CdsLink>? PatientLink(string? patientId) =>
        patientPageBase is null || patientId is null ? null
            : [new CdsLink("Open the patient in NetPath", new Uri(patientPageBase, "patients/" + Uri.EscapeDataString(patientId)).AbsoluteUri, "absolute")];

    /// <summary>A UUID derived from what the card says: the same assessment gives the same card id.</summary>
    private static string Id(string kind, string? subject, string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}|{subject}|{text}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }

    internal static string Fit(string text) => text.Length < MaxSummaryLength ? text : string.Concat(text.AsSpan(0, MaxSummaryLength - 2), "…");

    private static string Meaning(string code) => CareCodes.TryGet(code, out var c) ? c.Meaning : code;

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    private static string SiteWords(Classification c) => c.Site switch
    {
        PrimarySite.Other => c.OtherSite ?? "other site",
        PrimarySite.UnknownPrimary => "unknown primary site",
        PrimarySite.ExtraAdrenalParaganglion => "extra-adrenal paraganglia",
        _ => WireCode<PrimarySite>.Of(c.Site),
    };

    private static string GradeWords(Grade g) => g.Value switch
    {
        GradeValue.Unknown => "grade not yet known",
        GradeValue.NotApplicable => "no WHO grade",
        GradeValue.Nec => "neuroendocrine carcinoma",
        GradeValue.TypicalCarcinoid => "typical carcinoid",
        GradeValue.AtypicalCarcinoid => "atypical carcinoid",
        GradeValue.HighGradeCarcinoma => "high-grade carcinoma",
        _ => "grade " + WireCode<GradeValue>.Of(g.Value),
    };
}
