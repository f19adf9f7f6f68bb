using NetPath.Clinical.Assessments;
using NetPath.Clinical.Monitoring;
using NetPath.Clinical.Response;
using NetPath.Interop.Calendars;

namespace NetPath.Interop.Tests;

/// <summary>A follow-up calendar as iCalendar (RFC 5545) text for a calendar application.</summary>
public class FollowUpIcsTests
{
    private static readonly DateOnly Start = new(2026, 1, 15);

    private static readonly FollowUpItem Imaging = new() { Test = "cross-sectional-imaging", EveryMonths = 6, ForYears = 2, Note = "CT or MRI every 6 months." };

    private static ImagingHistory Scans(params (DateOnly Date, Modality Modality)[] studies) => new()
    {
        Studies = [.. studies.Select(s => new ImagingStudy { Date = s.Date, Modality = s.Modality, Lesions = [] })],
    };

    [Fact]
    public void The_iCalendar_has_one_all_day_event_per_open_item_with_a_stable_uid()
    {
        var c = FollowUpCalendarBuilder.Build([Imaging], Start, new DateOnly(2027, 3, 1), imaging: Scans((new DateOnly(2026, 8, 5), Modality.Mri)));
        var stamp = new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var ics = FollowUpIcs.Render(c, "Patient 0042", stamp);

        ics.ShouldStartWith("BEGIN:VCALENDAR");
        ics.Split("BEGIN:VEVENT").Length.ShouldBe(4); // three open items: the done one is left out
        ics.ShouldContain("DTSTART;VALUE=DATE:20270115");
        ics.ShouldContain("SUMMARY:Overdue: CT or MRI scan");
        ics.ShouldContain("UID:patient-0042-cross-sectional-imaging-20270115@netpath");
        ics.ShouldContain("DTSTAMP:20270301T080000Z");
        FollowUpIcs.Render(c, "Patient 0042", stamp).ShouldBe(ics);
    }
}
