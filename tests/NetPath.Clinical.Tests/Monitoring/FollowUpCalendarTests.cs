using NetPath.Clinical.Assessments;
using NetPath.Clinical.Monitoring;
using NetPath.Clinical.Response;

namespace NetPath.Clinical.Tests.Monitoring;

/// <summary>A follow-up plan laid out in dates: due, done by a matching record, overdue (its iCalendar form: NetPath.Interop.Tests).</summary>
public class FollowUpCalendarTests
{
    private static readonly DateOnly Start = new(2026, 1, 15);

    private static readonly FollowUpItem Imaging = new() { Test = "cross-sectional-imaging", EveryMonths = 6, ForYears = 2, Note = "CT or MRI every 6 months." };
    private static readonly FollowUpItem ChromograninA = new() { Test = "chromogranin-a", EveryMonths = 3, Note = "Only if raised at baseline." };

    private static ImagingHistory Scans(params (DateOnly Date, Modality Modality)[] studies) => new()
    {
        Studies = [.. studies.Select(s => new ImagingStudy { Date = s.Date, Modality = s.Modality, Lesions = [] })],
    };

    [Fact]
    public void A_six_monthly_scan_for_two_years_gives_four_dates()
    {
        var c = FollowUpCalendarBuilder.Build([Imaging], Start, new DateOnly(2026, 1, 20));
        c.Entries.Select(e => e.Due).ShouldBe([new DateOnly(2026, 7, 15), new DateOnly(2027, 1, 15), new DateOnly(2027, 7, 15), new DateOnly(2028, 1, 15)]);
        c.Entries.ShouldAllBe(e => e.Status == FollowUpStatus.Due && e.Label == "CT or MRI scan");
    }

    [Fact]
    public void A_recorded_scan_near_the_date_marks_it_done_and_a_missed_one_is_overdue()
    {
        var asOf = new DateOnly(2027, 3, 1);
        // An MRI three weeks after the first date; nothing near the second (2027-01-15).
        var c = FollowUpCalendarBuilder.Build([Imaging], Start, asOf, imaging: Scans((new DateOnly(2026, 8, 5), Modality.Mri)));
        c.Entries[0].Status.ShouldBe(FollowUpStatus.Done);
        c.Entries[0].DoneOn.ShouldBe(new DateOnly(2026, 8, 5));
        c.Entries[1].Status.ShouldBe(FollowUpStatus.Overdue);
        c.Entries[2].Status.ShouldBe(FollowUpStatus.Due);
    }

    [Fact]
    public void A_PET_scan_does_not_do_a_CT_or_MRI_and_a_record_counts_once()
    {
        var asOf = new DateOnly(2026, 8, 1);
        var c = FollowUpCalendarBuilder.Build([Imaging], Start, asOf, imaging: Scans((new DateOnly(2026, 7, 10), Modality.SstrPet)));
        c.Entries[0].Status.ShouldBe(FollowUpStatus.Overdue);

        var twoDue = new FollowUpItem { Test = "chromogranin-a", EveryMonths = 1, ForYears = 1 };
        var one = new MeasurementSet { Measurements = [Measurement(new DateOnly(2026, 2, 28))] };
        var cga = FollowUpCalendarBuilder.Build([twoDue], Start, new DateOnly(2026, 4, 1), measurements: one);
        cga.Entries.Count(e => e.Status == FollowUpStatus.Done).ShouldBe(1);
    }

    [Fact]
    public void An_open_ended_schedule_runs_a_year_past_the_date_asked_about()
    {
        var c = FollowUpCalendarBuilder.Build([ChromograninA], Start, new DateOnly(2026, 6, 1),
            measurements: new MeasurementSet { Measurements = [Measurement(new DateOnly(2026, 4, 20))] });
        // Due 2026-04-15 (done on 04-20), then 07-15, 10-15, 2027-01-15, 04-15 (the last within 2027-06-01).
        c.Entries.Select(e => (e.Due, e.Status)).ShouldBe([
            (new DateOnly(2026, 4, 15), FollowUpStatus.Done),
            (new DateOnly(2026, 7, 15), FollowUpStatus.Due),
            (new DateOnly(2026, 10, 15), FollowUpStatus.Due),
            (new DateOnly(2027, 1, 15), FollowUpStatus.Due),
            (new DateOnly(2027, 4, 15), FollowUpStatus.Due)]);
    }

    [Fact]
    public void A_test_NetPath_keeps_no_record_of_says_so()
    {
        var echo = new FollowUpItem { Test = "echocardiography", EveryMonths = 12, ForYears = 1 };
        var entry = FollowUpCalendarBuilder.Build([echo], Start, Start).Entries.ShouldHaveSingleItem();
        entry.Note!.ShouldContain("no record of this test");
    }

    private static Measurement Measurement(DateOnly date)
    {
        UcumUnit.TryParse("ug/L", out var unit, out _).ShouldBeTrue();
        Analyte.TryGet("chromogranin-a", out var analyte).ShouldBeTrue();
        return new Measurement { Analyte = analyte, Date = date, Value = 90, Unit = unit };
    }
}
