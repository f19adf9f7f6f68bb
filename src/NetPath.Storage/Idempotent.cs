using Microsoft.EntityFrameworkCore;

namespace NetPath.Storage;

/// <summary>
/// Idempotency-Key bookkeeping for the creates outside <see cref="PatientRecords"/> (diary
/// entries, board items), by the rules of decision 0401: a key is stored per user with the hash
/// of its request, in the same transaction as the row it created.
/// </summary>
internal static class Idempotent
{
    public enum Seen { New, Replay, Reused }

    public static async Task<(Seen Seen, Guid ResourceId)> CheckAsync(NetPathDb db, Actor actor, string operation, Idempotency? idempotency, CancellationToken ct)
    {
        if (idempotency is null) return (Seen.New, Guid.Empty);
        var seen = await db.IdempotencyKeys.SingleOrDefaultAsync(k => k.UserName == actor.UserName && k.Key == idempotency.Key, ct).ConfigureAwait(false);
        if (seen is null) return (Seen.New, Guid.Empty);
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
}
