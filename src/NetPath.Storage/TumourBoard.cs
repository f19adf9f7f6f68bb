using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Validation;

namespace NetPath.Storage;

/// <summary>Where a patient's listing for a tumour-board meeting stands (decision 0512).</summary>
public enum BoardStatus
{
    /// <summary>On the agenda of the meeting.</summary>
    [JsonStringEnumMemberName("listed")] Listed,
    /// <summary>Discussed; the outcome note says what the board advised.</summary>
    [JsonStringEnumMemberName("discussed")] Discussed,
    /// <summary>Taken off the agenda before the discussion.</summary>
    [JsonStringEnumMemberName("withdrawn")] Withdrawn,
}

/// <summary>A patient put on a tumour-board meeting with the question for the board.</summary>
public sealed class BoardItemRecord
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }
    public DateOnly MeetingDate { get; set; }
    public required string Question { get; set; }
    /// <summary>A <see cref="BoardStatus"/> wire code.</summary>
    public required string Status { get; set; }
    public string? Outcome { get; set; }
    /// <summary>The ETag and optimistic-concurrency token of the item.</summary>
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}

/// <summary>A board item with the name of its patient, for agendas.</summary>
public sealed record BoardListing(BoardItemRecord Item, string DisplayName);

public sealed record BoardInput(Guid? PatientId, DateOnly? MeetingDate, string? Question);

public sealed record BoardStatusChange(string? Status, string? Outcome);

public sealed record BoardWrite(WriteStatus Status, BoardItemRecord? Value, IReadOnlyList<ValidationError> Errors, int? CurrentVersion = null);

/// <summary>
/// The tumour-board list: who is listed for which meeting with which question, and what became
/// of it. Each write is one transaction with its audit event (under the patient's id).
/// </summary>
public sealed class TumourBoard(NetPathDb db, AuditTrail audit, TimeProvider time)
{
    public const string OpAdd = AuditActions.BoardCreate;
    public const string OpUpdate = AuditActions.BoardUpdate;
    public const string OpList = AuditActions.BoardList;
    public const int MaxQuestionLength = 500;
    public const int MaxOutcomeLength = 2000;
    /// <summary>Meetings are planned weeks ahead; a date years away is a typo.</summary>
    public const int MaxDaysAhead = 366;

    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    public static IReadOnlyList<ValidationError> Validate(BoardInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ValidationError>();
        if (input.PatientId is not { } id || id == Guid.Empty)
            errors.Add(new(ErrorCodes.Required, "patientId", "patientId is required."));
        if (input.MeetingDate is not { } date)
            errors.Add(new(ErrorCodes.Required, "meetingDate", "meetingDate is required (yyyy-mm-dd)."));
        else if (date < today)
            errors.Add(new(ErrorCodes.OutOfRange, "meetingDate", "meetingDate cannot be in the past."));
        else if (date > today.AddDays(MaxDaysAhead))
            errors.Add(new(ErrorCodes.OutOfRange, "meetingDate", $"meetingDate is at most {MaxDaysAhead} days ahead."));
        var question = input.Question?.Trim();
        if (string.IsNullOrEmpty(question))
            errors.Add(new(ErrorCodes.Required, "question", "question for the board is required."));
        else if (question.Length > MaxQuestionLength)
            errors.Add(new(ErrorCodes.OutOfRange, "question", $"question has at most {MaxQuestionLength} characters."));
        else if (TextRules.HasForbiddenCharacters(question, allowLineBreaks: true))
            errors.Add(new(ErrorCodes.InvalidCode, "question", "question cannot hold control or text-direction characters.", "printable text and line breaks"));
        return errors;
    }

    /// <summary>Only a listed item changes, to discussed (with the outcome) or withdrawn.</summary>
    public static IReadOnlyList<ValidationError> Validate(BoardStatusChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var errors = new List<ValidationError>();
        const string allowed = "discussed, withdrawn";
        if (change.Status is null)
            errors.Add(new(ErrorCodes.Required, "status", "status is required.", allowed));
        else if (!WireCode<BoardStatus>.TryParse(change.Status, out var s) || s == BoardStatus.Listed)
            errors.Add(new(ErrorCodes.InvalidCode, "status", "A listed item becomes discussed or withdrawn.", allowed));
        else if (s == BoardStatus.Discussed && string.IsNullOrWhiteSpace(change.Outcome))
            errors.Add(new(ErrorCodes.Required, "outcome", "outcome is required when the item was discussed."));
        if (change.Outcome is { } o && o.Trim().Length > MaxOutcomeLength)
            errors.Add(new(ErrorCodes.OutOfRange, "outcome", $"outcome has at most {MaxOutcomeLength} characters."));
        else if (change.Outcome is { } text && TextRules.HasForbiddenCharacters(text, allowLineBreaks: true))
            errors.Add(new(ErrorCodes.InvalidCode, "outcome", "outcome cannot hold control or text-direction characters.", "printable text and line breaks"));
        return errors;
    }

    public async Task<BoardWrite> AddAsync(Actor actor, BoardInput input, Idempotency? idempotency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        db.ChangeTracker.Clear();
        var (seen, resourceId) = await Idempotent.CheckAsync(db, actor, OpAdd, idempotency, time.GetUtcNow().UtcDateTime, ct).ConfigureAwait(false);
        if (seen == Idempotent.Seen.Reused) return new(WriteStatus.KeyReused, null, []);
        if (seen == Idempotent.Seen.Replay) return new(WriteStatus.Replayed, await GetAsync(resourceId, ct).ConfigureAwait(false), []);

        var errors = Validate(input, Today);
        if (errors.Count > 0)
        {
            await audit.RecordAsync(actor, OpAdd, input.PatientId, AuditOutcomes.Invalid, ct).ConfigureAwait(false);
            return new(WriteStatus.Invalid, null, errors);
        }
        var patientId = input.PatientId!.Value;
        var date = input.MeetingDate!.Value;
        if (!await db.Patients.AnyAsync(p => p.Id == patientId && p.DeletedAt == null, ct).ConfigureAwait(false))
        {
            await audit.RecordAsync(actor, OpAdd, patientId, AuditOutcomes.NotFound, ct).ConfigureAwait(false);
            return new(WriteStatus.NotFound, null, []);
        }
        var listed = WireCode<BoardStatus>.Of(BoardStatus.Listed);
        if (await db.BoardItems.AnyAsync(b => b.PatientId == patientId && b.MeetingDate == date && b.Status == listed, ct).ConfigureAwait(false))
        {
            await audit.RecordAsync(actor, OpAdd, patientId, AuditOutcomes.Conflict, ct).ConfigureAwait(false);
            return new(WriteStatus.Duplicate, null, []);
        }

        var now = time.GetUtcNow();
        var item = new BoardItemRecord
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            MeetingDate = date,
            Question = input.Question!.Trim(),
            Status = listed,
            Version = 1,
            CreatedAt = now.UtcDateTime,
            CreatedBy = actor.UserName,
            UpdatedAt = now.UtcDateTime,
            UpdatedBy = actor.UserName,
        };
        db.BoardItems.Add(item);
        Idempotent.Add(db, actor, OpAdd, idempotency, item.Id, now.UtcDateTime);
        db.AuditEvents.Add(audit.Event(actor, OpAdd, patientId, AuditOutcomes.Success));
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return new(WriteStatus.Created, item, []);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var (again, id) = await Idempotent.CheckAsync(db, actor, OpAdd, idempotency, time.GetUtcNow().UtcDateTime, ct).ConfigureAwait(false);
            return again == Idempotent.Seen.Replay
                ? new(WriteStatus.Replayed, await GetAsync(id, ct).ConfigureAwait(false), [])
                : new(again == Idempotent.Seen.Reused ? WriteStatus.KeyReused : WriteStatus.Conflict, null, []);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Moves a listed item to discussed or withdrawn; <paramref name="expectedVersion"/> is the If-Match version.</summary>
    public async Task<BoardWrite> ChangeStatusAsync(Actor actor, Guid itemId, int expectedVersion, BoardStatusChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(change);
        db.ChangeTracker.Clear();
        var item = await db.BoardItems.AsTracking().SingleOrDefaultAsync(b => b.Id == itemId, ct).ConfigureAwait(false);
        if (item is null || !await db.Patients.AnyAsync(p => p.Id == item.PatientId && p.DeletedAt == null, ct).ConfigureAwait(false))
        {
            db.ChangeTracker.Clear();
            return new(WriteStatus.NotFound, null, []);
        }
        var errors = Validate(change);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            await audit.RecordAsync(actor, OpUpdate, item.PatientId, AuditOutcomes.Invalid, ct).ConfigureAwait(false);
            return new(WriteStatus.Invalid, null, errors);
        }
        if (item.Version != expectedVersion)
        {
            db.ChangeTracker.Clear();
            await audit.RecordAsync(actor, OpUpdate, item.PatientId, AuditOutcomes.Conflict, ct).ConfigureAwait(false);
            return new(WriteStatus.PreconditionFailed, null, [], item.Version);
        }
        if (item.Status != WireCode<BoardStatus>.Of(BoardStatus.Listed))
        {
            db.ChangeTracker.Clear();
            await audit.RecordAsync(actor, OpUpdate, item.PatientId, AuditOutcomes.Invalid, ct).ConfigureAwait(false);
            return new(WriteStatus.Invalid, null, [new(ErrorCodes.InvalidCode, "status", $"The item is {item.Status} already; only a listed item changes.", "discussed, withdrawn")]);
        }
        var outcome = change.Outcome?.Trim();
        item.Status = change.Status!;
        item.Outcome = string.IsNullOrEmpty(outcome) ? null : outcome;
        item.Version++;
        item.UpdatedAt = time.GetUtcNow().UtcDateTime;
        item.UpdatedBy = actor.UserName;
        db.AuditEvents.Add(audit.Event(actor, OpUpdate, item.PatientId, AuditOutcomes.Success));
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return new(WriteStatus.Updated, item, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(WriteStatus.Conflict, null, []);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task<BoardItemRecord?> GetAsync(Guid itemId, CancellationToken ct) =>
        await db.BoardItems.SingleOrDefaultAsync(b => b.Id == itemId, ct).ConfigureAwait(false);

    /// <summary>
    /// Items with a meeting date in [<paramref name="from"/>, <paramref name="to"/>] (either end open
    /// when null), of records not deleted, by meeting date; only listed ones unless
    /// <paramref name="includeClosed"/>. One query, the patient's name joined in.
    /// </summary>
    public async Task<IReadOnlyList<BoardListing>> ListAsync(DateOnly? from, DateOnly? to, Guid? patientId, bool includeClosed, int take, CancellationToken ct)
    {
        var items = db.BoardItems.AsQueryable();
        if (from is { } f) items = items.Where(b => b.MeetingDate >= f);
        if (to is { } t) items = items.Where(b => b.MeetingDate <= t);
        if (patientId is { } p) items = items.Where(b => b.PatientId == p);
        if (!includeClosed)
        {
            var listed = WireCode<BoardStatus>.Of(BoardStatus.Listed);
            items = items.Where(b => b.Status == listed);
        }
        var rows = await items
            .Join(db.Patients.Where(x => x.DeletedAt == null), b => b.PatientId, x => x.Id, (b, x) => new { Item = b, x.DisplayName })
            .OrderBy(r => r.Item.MeetingDate).ThenBy(r => r.Item.CreatedAt).ThenBy(r => r.Item.Id)
            .Take(take).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(r => new BoardListing(r.Item, r.DisplayName))];
    }
}
