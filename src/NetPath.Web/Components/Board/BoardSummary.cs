using System.Globalization;
using System.Text.Json;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Engine;
using NetPath.Storage;
using NetPath.Web.Application;

namespace NetPath.Web.Components.Board;

/// <summary>One value of a trend: the case version it was entered in, dated by that version (docs/decisions/0533).</summary>
public sealed record TrendPoint(DateOnly Date, int CaseVersion, double Value);

/// <summary>A measurement followed across case versions, e.g. chromogranin A as a multiple of the upper limit of normal.</summary>
public sealed record Trend(string Key, string Label, string Unit, IReadOnlyList<TrendPoint> Points);

/// <summary>
/// What the tumour-board page shows for one patient (docs/decisions/0532): the latest stored
/// assessment and the case version it assessed (so facts and plan always belong together), the age
/// on that assessment's date, the trends across every case version, and the case versions entered
/// after that assessment, which the board must know were not assessed.
/// </summary>
internal sealed record BoardSummary(
    PatientRecord Patient,
    AssessmentRecord Record,
    Assessment Assessment,
    CaseVersionRecord AssessedVersion,
    Case? Case,
    int? AgeYears,
    bool AgeFromDateOfBirth,
    IReadOnlyList<Trend> Trends,
    IReadOnlyList<CaseVersionRecord> NewerVersions,
    int UnreadableVersions)
{
    /// <summary>Null when the record has no stored assessment yet: there is nothing for the board to discuss.</summary>
    public static BoardSummary? From(PatientFile file, NetPathEngine engine)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(engine);
        var record = file.Assessments.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).LastOrDefault();
        if (record is null) return null;
        var assessedVersion = file.Cases.FirstOrDefault(c => c.Id == record.CaseVersionId);
        if (assessedVersion is null) return null;
        var assessment = JsonSerializer.Deserialize(record.OutputJson, AssessmentJsonContext.Default.Assessment)!;

        var read = new List<(CaseVersionRecord Version, Case Case)>();
        var unreadable = 0;
        foreach (var version in file.Cases)
        {
            // A version valid when stored may be refused by a later knowledge version; it is counted, not guessed at.
            var r = engine.Read(version.CaseJson);
            if (r.IsValid) read.Add((version, r.Case));
            else unreadable++;
        }
        var assessedCase = read.FirstOrDefault(x => x.Version.Id == assessedVersion.Id).Case;

        var (age, fromBirth) = Age(file.Patient.DateOfBirth, record.AssessmentDate, assessedCase?.Patient.AgeYears);
        return new BoardSummary(
            file.Patient, record, assessment, assessedVersion, assessedCase, age, fromBirth,
            TrendsOf(read, file.Assessments),
            [.. file.Cases.Where(c => c.VersionNumber > assessedVersion.VersionNumber)],
            unreadable);
    }

    /// <summary>Whole years from the date of birth to the assessment date; else the age the case gives, as entered.</summary>
    internal static (int? Years, bool FromDateOfBirth) Age(DateOnly? dateOfBirth, DateOnly at, int? caseAge)
    {
        if (dateOfBirth is not { } dob) return (caseAge, false);
        var years = at.Year - dob.Year;
        if (at < dob.AddYears(years)) years--;
        return (years, true);
    }

    /// <summary>The measurements the board follows, in the units the case contract names.</summary>
    private static readonly (string Key, string Label, string Unit, Func<Case, double?> Value)[] Measures =
    [
        ("chromogranin-a", "Chromogranin A", "× ULN", c => c.Labs.ChromograninAXUln),
        ("urine-5-hiaa", "Urine 5-HIAA", "mg/24 h", c => c.Labs.Urine5HiaaMg24h),
        ("ki67", "Ki-67", "%", c => c.Tumour.Ki67?.Value),
        ("size", "Primary tumour size", "mm", c => c.Tumour.Size?.Value),
        ("liver-burden", "Liver tumour burden", "%", c => c.Tumour.LiverTumourBurden?.Value),
    ];

    /// <summary>
    /// Each measurement given in at least two case versions, in date order. A value carried
    /// unchanged into a new version is plotted again: the case says it is still the latest value,
    /// and the point's date is that version's.
    /// </summary>
    internal static IReadOnlyList<Trend> TrendsOf(IReadOnlyList<(CaseVersionRecord Version, Case Case)> versions, IReadOnlyList<AssessmentRecord> assessments)
    {
        var trends = new List<Trend>();
        foreach (var (key, label, unit, value) in Measures)
        {
            // In time order: a version entered late for an earlier date (a backdated result) takes its place by date.
            var points = versions
                .Select(v => value(v.Case) is { } x ? new TrendPoint(DateOf(v.Version, v.Case, assessments), v.Version.VersionNumber, x) : null)
                .OfType<TrendPoint>()
                .OrderBy(p => p.Date).ThenBy(p => p.CaseVersion)
                .ToList();
            if (points.Count >= 2) trends.Add(new Trend(key, label, unit, points));
        }
        return trends;
    }

    /// <summary>The case's assessmentDate; else the date it was assessed for; else the day it was stored (UTC).</summary>
    internal static DateOnly DateOf(CaseVersionRecord version, Case c, IReadOnlyList<AssessmentRecord> assessments) =>
        c.AssessmentDate
        ?? assessments.Where(a => a.CaseVersionId == version.Id).Select(a => (DateOnly?)a.AssessmentDate).FirstOrDefault()
        ?? DateOnly.FromDateTime(version.CreatedAt);

    internal static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
