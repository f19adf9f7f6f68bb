using System.Text.Json;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Validation;
using NetPath.Storage;

namespace NetPath.Web.Features;

/// <summary>
/// The engine as the API uses it: the date of assessment is the case's assessmentDate or the
/// clinic's local date from the injected TimeProvider, never the wall clock.
/// </summary>
public sealed class Assessor(NetPathEngine engine, TimeProvider time, Hosting.NetPathMetrics metrics)
{
    public NetPathEngine Engine => engine;

    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    public CaseReadResult Read(ReadOnlySpan<byte> json) => engine.Read(json);

    public Assessment Assess(Case c)
    {
        metrics.Assessed("ad-hoc");
        return engine.Assess(c, Today);
    }

    /// <summary>Assesses a stored case version for storage, with the summary the patient list filters on.</summary>
    public ComputedAssessment ForStorage(CaseVersionRecord version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var read = engine.Read(version.CaseJson);
        // Stored versions were valid when stored; a later knowledge version may reject one.
        if (!read.IsValid) throw new StoredCaseInvalidException(read.Errors);
        var c = read.Case;
        var a = engine.Assess(c, Today);
        metrics.Assessed("stored");
        var date = c.AssessmentDate ?? Today;
        return new ComputedAssessment(
            JsonSerializer.Serialize(a, AssessmentJsonContext.Default.Assessment),
            engine.Knowledge.Version,
            engine.Knowledge.ContentHash,
            RulesFired(a),
            date,
            WireCode<PrimarySite>.Of(a.Classification.Site),
            WireCode<GradeValue>.Of(a.Grade.Value),
            StageGroup(a),
            FollowUpDue(a, date));
    }

    /// <summary>The ids of the pathway rules that fired, as a JSON array: what produced the plan.</summary>
    internal static string RulesFired(Assessment a)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var e in a.Explanation)
            {
                if (e.Outcome == NetPath.Clinical.Pathways.RuleOutcome.Fired) writer.WriteStringValue(e.RuleId);
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The AJCC 8 stage group where staged, else the first other system's group.</summary>
    internal static string? StageGroup(Assessment a) =>
        a.Staging.FirstOrDefault(s => s.Stageable && s.Group is not null && s.System == "AJCC8")?.Group
        ?? a.Staging.FirstOrDefault(s => s.Stageable && s.Group is not null)?.Group;

    /// <summary>The date the most frequent follow-up test is next due, or null without a schedule.</summary>
    internal static DateOnly? FollowUpDue(Assessment a, DateOnly from)
    {
        var months = a.FollowUp.Where(f => f.EveryMonths is > 0).Select(f => f.EveryMonths!.Value).DefaultIfEmpty().Min();
        if (months <= 0) return null;
        var whole = (int)Math.Floor(months);
        // A fractional month is counted as its share of an average month (365.25 / 12 days).
        return from.AddMonths(whole).AddDays((int)Math.Round((months - whole) * 30.4375));
    }
}

public sealed class StoredCaseInvalidException(IReadOnlyList<ValidationError> errors)
    : InvalidOperationException("The stored case is not valid under the current knowledge.")
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
