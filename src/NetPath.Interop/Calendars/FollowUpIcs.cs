using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NetPath.Clinical.Monitoring;

namespace NetPath.Interop.Calendars;

/// <summary>
/// The open items of a follow-up calendar as iCalendar (RFC 5545) text, one all-day event each,
/// for a patient's or a clinician's calendar application. The stamp is given, not read from a
/// clock, so the same calendar always renders the same text; each event's UID is stable across
/// renderings so that a subscribed calendar updates an item instead of adding it twice. It lives
/// with the other exchange formats (FHIR, CDS Hooks): the domain computes the calendar, this writes it.
/// </summary>
public static class FollowUpIcs
{
    public static string Render(FollowUpCalendar calendar, string calendarOwner, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentException.ThrowIfNullOrWhiteSpace(calendarOwner);
        var ical = new Calendar { ProductId = "-//NetPath//Follow-up calendar//EN" };
        ical.AddProperty("X-WR-CALNAME", $"NetPath follow-up: {calendarOwner}");
        var dtStamp = new CalDateTime(stamp.UtcDateTime, "UTC");
        foreach (var e in calendar.Entries)
        {
            if (e.Status == FollowUpStatus.Done) continue;
            var day = new CalDateTime(e.Due);
            ical.Events.Add(new CalendarEvent
            {
                Uid = $"{Slug(calendarOwner)}-{e.Test}-{e.Due:yyyyMMdd}@netpath",
                DtStamp = dtStamp,
                DtStart = day,
                DtEnd = new CalDateTime(e.Due.AddDays(1)),
                Summary = e.Status == FollowUpStatus.Overdue ? $"Overdue: {e.Label}" : e.Label,
                Description = e.Note ?? "",
                Transparency = "TRANSPARENT",
            });
        }
        return new CalendarSerializer().SerializeToString(ical) ?? "";
    }

    private static string Slug(string text)
    {
        var chars = text.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return new string(chars);
    }
}
