using Microsoft.EntityFrameworkCore;

namespace NetPath.Storage;

/// <summary>
/// Idempotency-Key bookkeeping for every create (records, case versions, assessments, diary
/// entries, board items), by the rules of decision 0401: a key is stored per user with the hash of
/// its request, in the same transaction as the row it created, and answers retries for
/// <see cref="Lifetime"/>; after that it is forgotten and the same key starts a new create.
/// </summary>
internal static class Idempotent
{
    /// <summary>How long a key answers retries (the common practice of payment APIs: a day).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public enum Seen { New, Replay, Reused }

    public static async Task<(Seen Seen, Guid ResourceId)> CheckAsync(NetPathDb db, Actor actor, string operation, Idempotency? idempotency, DateTime now, CancellationToken ct)
    {
        if (idempotency is null) return (Seen.New, Guid.Empty);
        var seen = await db.IdempotencyKeys.SingleOrDefaultAsync(k => k.UserName == actor.UserName && k.Key == idempotency.Key, ct).ConfigureAwait(false);
        if (seen is null) return (Seen.New, Guid.Empty);
        if (seen.CreatedAt <= now - Lifetime)
        {
            // The key's row must go before a create may store it again; the user's other expired keys go with it.
            await ExpiredKeys(db, now).Where(k => k.UserName == actor.UserName).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            return (Seen.New, Guid.Empty);
        }
        return seen.Operation == operation && seen.RequestHash == idempotency.RequestHash
            ? (Seen.Replay, seen.ResourceId)
            : (Seen.Reused, Guid.Empty);
    }

    public static void Add(NetPathDb db, Actor actor, string operation, Idempotency? idempotency, Guid resourceId, DateTime now)
    {
        if (idempotency is null) return;
        db.IdempotencyKeys.Add(new IdempotencyRecord
        {
            UserName = actor.UserName,
            Key = idempotency.Key,
            Operation = operation,
            RequestHash = idempotency.RequestHash,
            ResourceId = resourceId,
            CreatedAt = now,
        });
    }

    /// <summary>Forgets every expired key (run when the database is opened by the server, so the table stays a day deep).</summary>
    public static Task<int> PurgeExpiredAsync(NetPathDb db, DateTime now, CancellationToken ct) =>
        ExpiredKeys(db, now).ExecuteDeleteAsync(ct);

    private static IQueryable<IdempotencyRecord> ExpiredKeys(NetPathDb db, DateTime now)
    {
        var cutoff = now - Lifetime;
        return db.IdempotencyKeys.Where(k => k.CreatedAt <= cutoff);
    }
}
