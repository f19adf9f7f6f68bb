using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Validation;

namespace NetPath.Storage;

/// <summary>
/// One day in a patient's symptom diary, as the patient reported it. Entries are added, never
/// edited: a later entry for the same day stands beside the earlier one (decision 0511).
/// </summary>
public sealed class DiaryEntryRecord
{
    public Guid Id { get; set; }
    public Guid PatientId { get; set; }
    public DateOnly EntryDate { get; set; }
    /// <summary>The symptoms present, as a JSON array of the case contract's <c>symptoms.present</c> codes.</summary>
    public required string SymptomsJson { get; set; }
    public int? DiarrheaPerDay { get; set; }
    public int? FlushesPerDay { get; set; }
    /// <summary>How the patient felt overall, 0 (worst) to 10 (best).</summary>
    public int Wellbeing { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    public IReadOnlyList<Symptom> Symptoms()
    {
        var codes = JsonSerializer.Deserialize(SymptomsJson, DiaryJson.Default.StringArray) ?? [];
        var list = new List<Symptom>(codes.Length);
        foreach (var c in codes)
            if (WireCode<Symptom>.TryParse(c, out var s)) list.Add(s);
        return list;
    }
}

/// <summary>
/// A diary entry as entered. Field names follow the case contract: <c>symptoms</c> holds
/// <c>symptoms.present</c> codes, <c>diarrheaPerDay</c> and <c>flushesPerDay</c> are the case's counts.
/// </summary>
public sealed record DiaryInput(DateOnly? Date, IReadOnlyList<string>? Symptoms, int? DiarrheaPerDay, int? FlushesPerDay, int? Wellbeing, string? Note);

/// <summary>The diary's rules and storage. Access rules (role patient: own record only) are the caller's, as for <see cref="PatientRecords"/>.</summary>
public sealed class Diary(NetPathDb db, AuditTrail audit, TimeProvider time)
{
    public const string OpAdd = AuditActions.DiaryCreate;
    public const string OpList = AuditActions.DiaryList;
    public const int MaxNoteLength = 500;
    /// <summary>Upper bounds that catch a slipped key, far above what a carcinoid syndrome produces.</summary>
    public const int MaxDiarrheaPerDay = 50;
    public const int MaxFlushesPerDay = 100;
    public const int MaxWellbeing = 10;
    /// <summary>How far back an entry may be dated: a diary is kept close to the day, and a year typo is caught.</summary>
    public const int MaxDaysBack = 366;

    /// <summary>Today as the injected clock's local date (the API's convention, decision 0401).</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    /// <summary>Every rule the entry breaks, each naming its field; empty when it may be stored.</summary>
    public static IReadOnlyList<ValidationError> Validate(DiaryInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ValidationError>();
        if (input.Date is not { } date)
            errors.Add(new(ErrorCodes.Required, "date", "date is required (yyyy-mm-dd)."));
        else if (date > today)
            errors.Add(new(ErrorCodes.OutOfRange, "date", "date cannot be in the future."));
        else if (date < today.AddDays(-MaxDaysBack))
            errors.Add(new(ErrorCodes.OutOfRange, "date", $"date can be at most {MaxDaysBack} days ago."));

        // An absent list is not taken to mean "no symptoms": the patient sends [] for that (decision 0412).
        if (input.Symptoms is null)
            errors.Add(new(ErrorCodes.Required, "symptoms", "symptoms is required: the symptoms present, or [] for none."));
        var seen = new HashSet<Symptom>();
        var symptoms = input.Symptoms ?? [];
        for (var i = 0; i < symptoms.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"symptoms[{i}]");
            if (!WireCode<Symptom>.TryParse(symptoms[i], out var s))
                errors.Add(new(ErrorCodes.InvalidCode, path, "Not a symptom code of the case contract.", WireCode<Symptom>.AllowedText));
            else if (!seen.Add(s))
                errors.Add(new(ErrorCodes.DuplicateValue, path, "This symptom is listed twice."));
        }

        if (input.DiarrheaPerDay is < 0 or > MaxDiarrheaPerDay)
            errors.Add(new(ErrorCodes.OutOfRange, "diarrheaPerDay", $"diarrheaPerDay is 0 to {MaxDiarrheaPerDay}."));
        if (input.FlushesPerDay is < 0 or > MaxFlushesPerDay)
            errors.Add(new(ErrorCodes.OutOfRange, "flushesPerDay", $"flushesPerDay is 0 to {MaxFlushesPerDay}."));
        if (input.Wellbeing is null)
            errors.Add(new(ErrorCodes.Required, "wellbeing", $"wellbeing is required (0 to {MaxWellbeing})."));
        else if (input.Wellbeing is < 0 or > MaxWellbeing)
            errors.Add(new(ErrorCodes.OutOfRange, "wellbeing", $"wellbeing is 0 to {MaxWellbeing}."));
        if (input.Note is { } note && note.Trim().Length > MaxNoteLength)
            errors.Add(new(ErrorCodes.OutOfRange, "note", $"note has at most {MaxNoteLength} characters."));
        else if (input.Note is { } text && TextRules.HasForbiddenCharacters(text, allowLineBreaks: true))
            errors.Add(new(ErrorCodes.InvalidCode, "note", "note cannot hold control or text-direction characters.", "printable text and line breaks"));
        return errors;
    }

    /// <summary>Validates and stores an entry with its audit event in one transaction; nothing is stored from bad input.</summary>
    public async Task<DiaryWrite> AddAsync(Actor actor, Guid patientId, DiaryInput input, Idempotency? idempotency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        db.ChangeTracker.Clear();
        var (seen, resourceId) = await Idempotent.CheckAsync(db, actor, OpAdd, idempotency, time.GetUtcNow().UtcDateTime, ct).ConfigureAwait(false);
        if (seen == Idempotent.Seen.Reused) return new(WriteStatus.KeyReused, null, []);
        if (seen == Idempotent.Seen.Replay)
            return new(WriteStatus.Replayed, await db.DiaryEntries.SingleOrDefaultAsync(d => d.Id == resourceId, ct).ConfigureAwait(false), []);

        if (!await db.Patients.AnyAsync(p => p.Id == patientId && p.DeletedAt == null, ct).ConfigureAwait(false))
        {
            await audit.RecordAsync(actor, OpAdd, patientId, AuditOutcomes.NotFound, ct).ConfigureAwait(false);
            return new(WriteStatus.NotFound, null, []);
        }
        var errors = Validate(input, Today);
        if (errors.Count > 0)
        {
            await audit.RecordAsync(actor, OpAdd, patientId, AuditOutcomes.Invalid, ct).ConfigureAwait(false);
            return new(WriteStatus.Invalid, null, errors);
        }

        var now = time.GetUtcNow();
        // Stored in the contract's declaration order, so equal diaries are equal text.
        var codes = input.Symptoms!.Select(Parse).Order().Select(WireCode<Symptom>.Of).ToArray();
        var note = input.Note?.Trim();
        var entry = new DiaryEntryRecord
        {
            Id = Guid.CreateVersion7(now),
            PatientId = patientId,
            EntryDate = input.Date!.Value,
            SymptomsJson = JsonSerializer.Serialize(codes, DiaryJson.Default.StringArray),
            DiarrheaPerDay = input.DiarrheaPerDay,
            FlushesPerDay = input.FlushesPerDay,
            Wellbeing = input.Wellbeing!.Value,
            Note = string.IsNullOrEmpty(note) ? null : note,
            CreatedAt = now.UtcDateTime,
            CreatedBy = actor.UserName,
        };
        db.DiaryEntries.Add(entry);
        Idempotent.Add(db, actor, OpAdd, idempotency, entry.Id, now.UtcDateTime);
        db.AuditEvents.Add(audit.Event(actor, OpAdd, patientId, AuditOutcomes.Success));
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return new(WriteStatus.Created, entry, []);
        }
        catch (DbUpdateException)
        {
            // Only the Idempotency-Key can collide: a concurrent retry of the same request won.
            db.ChangeTracker.Clear();
            var (again, id) = await Idempotent.CheckAsync(db, actor, OpAdd, idempotency, time.GetUtcNow().UtcDateTime, ct).ConfigureAwait(false);
            return again == Idempotent.Seen.Replay
                ? new(WriteStatus.Replayed, await db.DiaryEntries.SingleOrDefaultAsync(d => d.Id == id, ct).ConfigureAwait(false), [])
                : new(again == Idempotent.Seen.Reused ? WriteStatus.KeyReused : WriteStatus.Conflict, null, []);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static Symptom Parse(string code) =>
        WireCode<Symptom>.TryParse(code, out var s) ? s : throw new ArgumentException("validated above", nameof(code));

    public async Task<DiaryEntryRecord?> GetAsync(Guid patientId, Guid entryId, CancellationToken ct) =>
        await db.DiaryEntries.SingleOrDefaultAsync(d => d.PatientId == patientId && d.Id == entryId, ct).ConfigureAwait(false);

    /// <summary>The newest <paramref name="take"/> entries, newest day first (and the later entry first within a day).</summary>
    public async Task<IReadOnlyList<DiaryEntryRecord>> ListAsync(Guid patientId, int take, CancellationToken ct) =>
        await db.DiaryEntries.Where(d => d.PatientId == patientId)
            .OrderByDescending(d => d.EntryDate).ThenByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(take).ToListAsync(ct).ConfigureAwait(false);
}

/// <summary>The outcome of a checked write: its status, the stored row, and for <see cref="WriteStatus.Invalid"/> the errors.</summary>
public sealed record DiaryWrite(WriteStatus Status, DiaryEntryRecord? Value, IReadOnlyList<ValidationError> Errors);

[System.Text.Json.Serialization.JsonSerializable(typeof(string[]), TypeInfoPropertyName = "StringArray")]
internal sealed partial class DiaryJson : System.Text.Json.Serialization.JsonSerializerContext;
