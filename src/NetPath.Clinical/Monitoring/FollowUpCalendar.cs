using System.Globalization;
using System.Text.Json.Serialization;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Response;

namespace NetPath.Clinical.Monitoring;

public enum FollowUpStatus
{
    /// <summary>A matching measurement or study was recorded in the item's window.</summary>
    [JsonStringEnumMemberName("done")] Done,
    /// <summary>Due on or after the date asked about.</summary>
    [JsonStringEnumMemberName("due")] Due,
    /// <summary>Its date has passed with nothing recorded.</summary>
    [JsonStringEnumMemberName("overdue")] Overdue,
}

/// <param name="Test">The follow-up test code of the plan (cross-sectional-imaging, chromogranin-a, ...).</param>
/// <param name="Label">The test in words.</param>
/// <param name="Due">The date the plan puts it on.</param>
/// <param name="Status">Done, due or overdue on the date asked about.</param>
/// <param name="DoneOn">The date of the record that did it, for a done item.</param>
/// <param name="Note">What the plan says about the test, and anything the calendar cannot know.</param>
public sealed record FollowUpEntry(string Test, string Label, DateOnly Due, FollowUpStatus Status, DateOnly? DoneOn, string? Note);

public sealed record FollowUpCalendar(DateOnly From, DateOnly AsOf, IReadOnlyList<FollowUpEntry> Entries);

/// <summary>
/// Turns an assessment's follow-up plan into dated items from the plan's start: each due every
/// <c>everyMonths</c> (for <c>forYears</c> where the plan says, otherwise up to a year past the date
/// asked about), done when a matching measurement or imaging study falls within half an interval
/// of its date, overdue when its date has passed with nothing recorded. Pure: dates are given.
/// </summary>
public static class FollowUpCalendarBuilder
{
    /// <summary>How far past the date asked about an open-ended schedule is laid out.</summary>
    public const int HorizonMonths = 12;

    public static FollowUpCalendar Build(IReadOnlyList<FollowUpItem> plan, DateOnly from, DateOnly asOf, MeasurementSet? measurements = null, ImagingHistory? imaging = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (asOf < from) throw new ArgumentException("The date asked about is before the plan starts.", nameof(asOf));
        var entries = new List<FollowUpEntry>();
        foreach (var item in plan)
        {
            var label = Label(item.Test);
            if (item.EveryMonths is not { } every || every <= 0)
            {
                entries.Add(new FollowUpEntry(item.Test, label, from, asOf > from ? FollowUpStatus.Overdue : FollowUpStatus.Due, null,
                    "The plan gives no interval for this test, so only its first date can be set: agree the schedule with the team."));
                continue;
            }
            var records = Records(item.Test, measurements, imaging, out var cannotRecord);
            var end = item.ForYears is { } years ? from.AddYears(years) : asOf.AddMonths(HorizonMonths);
            var used = new HashSet<DateOnly>();
            var halfWindowDays = (int)Math.Round(every * 30.4375 / 2, MidpointRounding.AwayFromZero);
            for (var k = 1; ; k++)
            {
                var due = AddMonths(from, every * k);
                if (due > end) break;
                DateOnly? doneOn = null;
                foreach (var r in records)
                {
                    if (used.Contains(r) || Math.Abs(r.DayNumber - due.DayNumber) > halfWindowDays || r > asOf) continue;
                    doneOn = r;
                    used.Add(r);
                    break;
                }
                var status = doneOn is not null ? FollowUpStatus.Done : due < asOf ? FollowUpStatus.Overdue : FollowUpStatus.Due;
                entries.Add(new FollowUpEntry(item.Test, label, due, status, doneOn, cannotRecord ?? item.Note));
            }
        }
        entries.Sort((a, b) => a.Due != b.Due ? a.Due.CompareTo(b.Due) : string.CompareOrdinal(a.Test, b.Test));
        return new FollowUpCalendar(from, asOf, entries);
    }

    /// <summary>Whole months by the calendar (the 31st becomes the month's last day); fractions of a month by days.</summary>
    private static DateOnly AddMonths(DateOnly from, double months)
    {
        var whole = (int)Math.Floor(months);
        var days = (int)Math.Round((months - whole) * 30.4375, MidpointRounding.AwayFromZero);
        return from.AddMonths(whole).AddDays(days);
    }

    /// <summary>The dates of the records that count as doing a test; a note when NetPath keeps no record of that kind.</summary>
    private static List<DateOnly> Records(string test, MeasurementSet? measurements, ImagingHistory? imaging, out string? cannotRecord)
    {
        cannotRecord = null;
        var dates = new List<DateOnly>();
        Modality[]? modalities = test switch
        {
            "cross-sectional-imaging" => [Modality.Ct, Modality.Mri],
            "mri" or "mri-or-eus" or "rectal-mri-or-eus" => [Modality.Mri],
            _ => null,
        };
        if (modalities is not null)
        {
            foreach (var s in imaging?.Studies ?? [])
            {
                if (Array.IndexOf(modalities, s.Modality) >= 0) dates.Add(s.Date);
            }
            if (test is "mri-or-eus" or "rectal-mri-or-eus")
                cannotRecord = "An MRI study marks this done; an endoscopic ultrasound is not a record NetPath keeps, so mark that by hand.";
            return dates;
        }
        var analyte = Analyte.All.FirstOrDefault(a => a.FollowUpTest == test);
        if (analyte is null)
        {
            cannotRecord = "NetPath keeps no record of this test, so it cannot see it done: check it by hand.";
            return dates;
        }
        foreach (var m in measurements?.Measurements ?? [])
        {
            if (m.Analyte == analyte) dates.Add(m.Date);
        }
        return dates;
    }

    /// <summary>The follow-up tests in words, as the clinician's calendar shows them.</summary>
    public static string Label(string test) => test switch
    {
        "cross-sectional-imaging" => "CT or MRI scan",
        "mri" => "MRI scan",
        "mri-or-eus" => "MRI scan or endoscopic ultrasound",
        "rectal-mri-or-eus" => "Rectal MRI or endoscopic ultrasound",
        "endoscopy" => "Endoscopy",
        "echocardiography" => "Heart ultrasound (echocardiogram)",
        "chromogranin-a" => "Chromogranin A blood test",
        "urine-5hiaa" => "24-hour urine 5-HIAA",
        "metanephrines" => "Metanephrines",
        _ => test,
    };

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
