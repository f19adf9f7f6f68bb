using System.Text.Json;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Engine;
using NetPath.Storage;
using NetPath.Web.Application;
using NetPath.Web.Components.Board;
using NetPath.Web.Hosting;

namespace NetPath.Web.Tests.Board;

/// <summary>The tumour-board summary's facts, age and trends, built from stored versions (docs/decisions/0532, 0533).</summary>
public sealed class BoardSummaryTests
{
    private static readonly NetPathEngine Engine = NetPathEngine.Current;

    /// <summary>A record as storage would hold it: each version stored a day apart and assessed for its own date.</summary>
    private static PatientFile File(IReadOnlyList<string> versions, int assessed, DateOnly? dateOfBirth = null)
    {
        var patient = new PatientRecord { Id = Guid.NewGuid(), DisplayName = "Test", CreatedBy = "t", UpdatedBy = "t", DateOfBirth = dateOfBirth };
        var cases = versions.Select((json, i) => new CaseVersionRecord
        {
            Id = Guid.NewGuid(), PatientId = patient.Id, VersionNumber = i + 1, CaseJson = json,
            CreatedAt = new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(i), CreatedBy = "t",
        }).ToList();
        var assessments = cases.Take(assessed).Select(c =>
        {
            var read = Engine.Read(c.CaseJson);
            read.IsValid.ShouldBeTrue();
            var date = read.Case!.AssessmentDate ?? DateOnly.FromDateTime(c.CreatedAt);
            return new AssessmentRecord
            {
                Id = Guid.NewGuid(), PatientId = patient.Id, CaseVersionId = c.Id,
                OutputJson = JsonSerializer.Serialize(Engine.Assess(read.Case!, date), AssessmentJsonContext.Default.Assessment),
                KnowledgeVersion = Engine.Knowledge.Version, KnowledgeContentHash = Engine.Knowledge.ContentHash, RulesFiredJson = "[]",
                AssessmentDate = date, CreatedAt = c.CreatedAt.AddMinutes(1), CreatedBy = "t",
            };
        }).ToList();
        return new PatientFile(patient, cases, assessments);
    }

    [Fact]
    public void Demo_course_gives_every_measured_trend_dated_by_the_versions_assessment_dates()
    {
        var summary = BoardSummary.From(File(DemoData.CourseOfPatientD, 3), Engine).ShouldNotBeNull();
        summary.AssessedVersion.VersionNumber.ShouldBe(3);
        summary.NewerVersions.ShouldBeEmpty();
        summary.Assessment.Grade.Value.ShouldBe(GradeValue.G2);
        summary.Trends.Select(t => t.Key).ShouldBe(["chromogranin-a", "urine-5-hiaa", "ki67", "size", "liver-burden"]);
        var cga = summary.Trends[0];
        cga.Points.Select(p => p.Value).ShouldBe([2.4, 3.8, 1.9]);
        cga.Points.Select(p => p.Date).ShouldBe([new DateOnly(2025, 11, 17), new DateOnly(2026, 5, 18), new DateOnly(2026, 11, 16)]);
        cga.Points.Select(p => p.CaseVersion).ShouldBe([1, 2, 3]);
        summary.AgeYears.ShouldBe(64);
        summary.AgeFromDateOfBirth.ShouldBeFalse();
    }

    [Fact]
    public void Facts_and_plan_come_from_the_latest_assessment_and_later_versions_are_named_as_unassessed()
    {
        var summary = BoardSummary.From(File(DemoData.CourseOfPatientD, 2), Engine).ShouldNotBeNull();
        summary.AssessedVersion.VersionNumber.ShouldBe(2);
        summary.Case!.Labs.ChromograninAXUln.ShouldBe(3.8);
        summary.NewerVersions.Select(v => v.VersionNumber).ShouldBe([3]);
        // Trends still follow every version: the board sees the newest values beside the older plan.
        summary.Trends[0].Points.Count.ShouldBe(3);
    }

    [Fact]
    public void No_stored_assessment_gives_no_summary() =>
        BoardSummary.From(File(DemoData.CourseOfPatientD, 0), Engine).ShouldBeNull();

    [Fact]
    public void A_measure_in_one_version_only_is_no_trend_and_an_undated_version_takes_its_assessments_date()
    {
        const string first = """{"schemaVersion":"1","tumour":{"primarySite":"ileum","ki67Percent":2},"labs":{"chromograninAXUln":1.5}}""";
        const string second = """{"schemaVersion":"1","tumour":{"primarySite":"ileum","ki67Percent":5}}""";
        var summary = BoardSummary.From(File([first, second], 2), Engine).ShouldNotBeNull();
        summary.Trends.Select(t => t.Key).ShouldBe(["ki67"]);
        summary.Trends[0].Points.Select(p => p.Date).ShouldBe([new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2)]);
    }

    [Fact]
    public void A_version_entered_later_for_an_earlier_date_takes_its_place_in_time()
    {
        const string first = """{"schemaVersion":"1","assessmentDate":"2026-03-01","tumour":{"primarySite":"ileum","ki67Percent":5}}""";
        const string backdated = """{"schemaVersion":"1","assessmentDate":"2025-12-01","tumour":{"primarySite":"ileum","ki67Percent":2}}""";
        var summary = BoardSummary.From(File([first, backdated], 2), Engine).ShouldNotBeNull();
        summary.Trends[0].Points.Select(p => p.CaseVersion).ShouldBe([2, 1]);
        var chart = ChartLayout.Of(summary.Trends[0]);
        chart.Points[0].X.ShouldBe(chart.Left);
        chart.Points[^1].X.ShouldBe(chart.Width - chart.Right);
    }

    [Fact]
    public void Age_is_whole_years_on_the_assessment_date_else_the_age_the_case_gives()
    {
        BoardSummary.Age(new DateOnly(1961, 11, 17), new DateOnly(2026, 11, 16), 99).ShouldBe((64, true));
        BoardSummary.Age(new DateOnly(1961, 11, 17), new DateOnly(2026, 11, 17), 99).ShouldBe((65, true));
        BoardSummary.Age(null, new DateOnly(2026, 11, 17), 58).ShouldBe((58, false));
        BoardSummary.Age(null, new DateOnly(2026, 11, 17), null).ShouldBe((null, false));
    }

    [Fact]
    public void Chart_runs_left_to_right_in_time_from_a_zero_baseline()
    {
        var trend = new Trend("cga", "CgA", "× ULN",
        [
            new TrendPoint(new DateOnly(2025, 1, 1), 1, 2.4),
            new TrendPoint(new DateOnly(2025, 7, 1), 2, 3.8),
            new TrendPoint(new DateOnly(2026, 1, 1), 3, 0),
        ]);
        var chart = ChartLayout.Of(trend);
        chart.AxisMax.ShouldBe(5);
        chart.Points[0].X.ShouldBe(chart.Left);
        chart.Points[^1].X.ShouldBe(chart.Width - chart.Right);
        chart.Points.Select(p => p.X).ShouldBeInOrder(SortDirection.Ascending);
        chart.Points[^1].Y.ShouldBe(chart.BaselineY);
        chart.Points.ShouldAllBe(p => p.Y >= chart.Top && p.Y <= chart.BaselineY);
        chart.Points[1].Y.ShouldBeLessThan(chart.Points[0].Y);
        chart.Polyline.Split(' ').Length.ShouldBe(3);
    }

    [Fact]
    public void Axis_maximum_is_a_round_number_at_least_the_value()
    {
        ChartLayout.NiceCeiling(4.18).ShouldBe(5);
        ChartLayout.NiceCeiling(0.9).ShouldBe(1);
        ChartLayout.NiceCeiling(154).ShouldBe(200);
        ChartLayout.NiceCeiling(22).ShouldBe(25);
        ChartLayout.NiceCeiling(100).ShouldBe(100);
    }
}
