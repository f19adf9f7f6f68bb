using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace NetPath.Storage;

public enum SignInStatus
{
    Success,
    Failed,
    LockedOut,
}

/// <summary>The outcome of a sign-in; on success the account and the id of the session opened for it.</summary>
public sealed record SignInResult(SignInStatus Status, UserAccount? User, Guid? SessionId);

/// <summary>A session and its account as stored now.</summary>
public sealed record SessionState(SessionRecord Session, UserAccount User);

/// <summary>An account as an administrator sees it: never the password hash.</summary>
public sealed record AccountSummary(Guid Id, string UserName, string Role, Guid? PatientId, DateTime CreatedAt, DateTime? LockedUntil, bool Locked);

/// <summary>
/// Local accounts: PasswordHasher (PBKDF2, from ASP.NET Core Identity) and lockout after
/// <see cref="MaxFailedSignIns"/> failures in a row, for <see cref="LockoutDuration"/>.
/// </summary>
public sealed class Accounts(NetPathDb db, TimeProvider time)
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const int MinPasswordLength = 12;
    /// <summary>Bounds the hashing work one request can ask for.</summary>
    public const int MaxPasswordLength = 1024;

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Verifying against a real hash even for unknown names keeps response time from telling
    // which user names exist.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new UserAccount { UserName = "-", PasswordHash = "-", Role = "-" }, "not-a-real-password"));

    public async Task<UserAccount> CreateAsync(string userName, string password, string role, Guid? patientId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentNullException.ThrowIfNull(password);
        var name = TextRules.Normalize(userName);
        if (UserNameProblem(name) is { } problem) throw new ArgumentException(problem, nameof(userName));
        if (password.Length < MinPasswordLength)
            throw new ArgumentException($"A password needs at least {MinPasswordLength} characters.", nameof(password));
        if (!Roles.All.Contains(role)) throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        if ((role == Roles.Patient) != patientId.HasValue)
            throw new ArgumentException("An account of role patient is linked to exactly one patient record; other roles to none.", nameof(patientId));
        var user = new UserAccount
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            UserName = name,
            UserNameKey = UserNameKey(name),
            PasswordHash = "",
            Role = role,
            PatientId = patientId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.ChangeTracker.Clear();
        db.Users.Add(user);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return user;
    }

    public const int MaxUserNameLength = 100;

    /// <summary>
    /// The user name as compared: normalised (<see cref="TextRules.Normalize"/>) and upper-cased
    /// invariantly, so that "SEC-CLIN2", " sec-clin2" and "sec-clin2" are one name.
    /// </summary>
    public static string UserNameKey(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return TextRules.Normalize(userName).ToUpperInvariant();
    }

    /// <summary>Why a (normalised) user name cannot be used, or null when it can.</summary>
    public static string? UserNameProblem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > MaxUserNameLength) return $"A user name has 1 to {MaxUserNameLength} characters.";
        return TextRules.HasForbiddenCharacters(name, allowLineBreaks: false)
            ? "A user name cannot hold control or text-direction characters." : null;
    }

    public async Task<bool> ExistsAsync(string userName, CancellationToken ct)
    {
        var key = UserNameKey(userName);
        return await db.Users.AnyAsync(u => u.UserNameKey == key || u.UserName == userName, ct).ConfigureAwait(false);
    }

    public async Task<bool> AnyAsync(CancellationToken ct) =>
        await db.Users.AnyAsync(ct).ConfigureAwait(false);

    /// <summary>
    /// Checks a password and, on success, opens a server-side session. Failures are counted by the
    /// database in one UPDATE (failed_sign_ins = failed_sign_ins + 1, and the lock at the limit),
    /// so that concurrent failures, on one instance or several, each count; a success is refused
    /// if a concurrent failure locked the account meanwhile. A lock ends the account's sessions.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(userName);
        db.ChangeTracker.Clear();
        // No account can have such a name (and PostgreSQL cannot compare a NUL): the same answer, the same work.
        if (TextRules.HasForbiddenCharacters(userName, allowLineBreaks: false))
        {
            Hasher.VerifyHashedPassword(null!, DummyHash.Value, password ?? "");
            return new(SignInStatus.Failed, null, null);
        }
        var key = UserNameKey(userName);
        // The exact name first: an account from before user_name_key whose key a look-alike took
        // (migration 0003) is still found by the name it was created with.
        var user = await db.Users.Where(u => u.UserNameKey == key || (u.UserNameKey == null && u.UserName == userName))
            .OrderBy(u => u.UserName == userName ? 0 : 1).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (user is null)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash.Value, password ?? "");
            return new(SignInStatus.Failed, null, null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (user.LockedUntil is { } until && until > now) return new(SignInStatus.LockedOut, null, null);

        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            DateTime? lockUntil = now + LockoutDuration;
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.FailedSignIns, u => u.LockedUntil != null && u.LockedUntil > now
                    ? u.FailedSignIns
                    : u.FailedSignIns + 1 >= MaxFailedSignIns ? 0 : u.FailedSignIns + 1)
                .SetProperty(u => u.LockedUntil, u => u.LockedUntil != null && u.LockedUntil > now
                    ? u.LockedUntil
                    : u.FailedSignIns + 1 >= MaxFailedSignIns ? lockUntil : u.LockedUntil), ct).ConfigureAwait(false);
            var lockedUntil = await db.Users.Where(u => u.Id == user.Id).Select(u => u.LockedUntil).SingleAsync(ct).ConfigureAwait(false);
            if (lockedUntil is null || lockedUntil <= now) return new(SignInStatus.Failed, null, null);
            await RevokeSessionsAsync(user.Id, ct).ConfigureAwait(false);
            return new(SignInStatus.LockedOut, null, null);
        }

        var rehash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(user, password!) : null;
        var reset = await db.Users.Where(u => u.Id == user.Id && (u.LockedUntil == null || u.LockedUntil <= now))
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(u => u.FailedSignIns, 0).SetProperty(u => u.LockedUntil, (DateTime?)null);
                if (rehash is not null) s.SetProperty(u => u.PasswordHash, rehash);
            }, ct).ConfigureAwait(false);
        if (reset == 0) return new(SignInStatus.LockedOut, null, null);

        var session = new SessionRecord { Id = Guid.NewGuid(), UserId = user.Id, CreatedAt = now, ExpiresAt = now + SessionLifetime };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return new(SignInStatus.Success, user, session.Id);
    }

    /// <summary>How long a session lasts without use (the cookie's sliding lifetime too).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(30);

    /// <summary>A session with its account as stored now, or null when there is no such session or account.</summary>
    public async Task<SessionState?> FindSessionAsync(Guid sessionId, CancellationToken ct)
    {
        var row = await (from s in db.Sessions
                         join u in db.Users on s.UserId equals u.Id
                         where s.Id == sessionId
                         select new { Session = s, User = u }).SingleOrDefaultAsync(ct).ConfigureAwait(false);
        return row is null ? null : new SessionState(row.Session, row.User);
    }

    /// <summary>Moves a live session's expiry on; false when it was revoked or had expired meanwhile.</summary>
    public async Task<bool> RenewSessionAsync(Guid sessionId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expires = now + SessionLifetime;
        return await db.Sessions.Where(s => s.Id == sessionId && s.RevokedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, expires), ct).ConfigureAwait(false) > 0;
    }

    /// <summary>Ends one session (sign-out, or a session found no longer to hold).</summary>
    public async Task RevokeSessionAsync(Guid sessionId, CancellationToken ct)
    {
        DateTime? now = time.GetUtcNow().UtcDateTime;
        await db.Sessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct).ConfigureAwait(false);
    }

    /// <summary>Ends every session of an account (a lock; any change of password, role or patient link must call this too).</summary>
    public async Task RevokeSessionsAsync(Guid userId, CancellationToken ct)
    {
        DateTime? now = time.GetUtcNow().UtcDateTime;
        await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct).ConfigureAwait(false);
    }

    /// <summary>Sessions that ended more than a day ago are no longer needed to refuse anything: deleted at start.</summary>
    internal static async Task<int> PurgeEndedSessionsAsync(NetPathDb db, DateTime now, CancellationToken ct)
    {
        var before = now.AddDays(-1);
        return await db.Sessions.Where(s => s.ExpiresAt < before || (s.RevokedAt != null && s.RevokedAt < before))
            .ExecuteDeleteAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Fills user_name_key for accounts created before it existed (migration 0003). An account
    /// whose key another already holds keeps none: it still signs in by its exact name, and no
    /// new look-alike of either can be created.
    /// </summary>
    internal static async Task<int> FillMissingKeysAsync(NetPathDb db, CancellationToken ct)
    {
        var missing = await db.Users.AsTracking().Where(u => u.UserNameKey == null).OrderBy(u => u.CreatedAt).ToListAsync(ct).ConfigureAwait(false);
        if (missing.Count == 0) return 0;
        var taken = (await db.Users.Where(u => u.UserNameKey != null).Select(u => u.UserNameKey!).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var filled = 0;
        foreach (var u in missing)
        {
            var key = UserNameKey(u.UserName);
            if (!taken.Add(key)) continue;
            u.UserNameKey = key;
            filled++;
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return filled;
    }

    public async Task<UserAccount?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct).ConfigureAwait(false);

    /// <summary>Accounts by user name, a page at a time; <see cref="AccountSummary.Locked"/> is judged at the time provider's now.</summary>
    public async Task<Page<AccountSummary>> ListAsync(int pageNumber, int pageSize, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var now = time.GetUtcNow().UtcDateTime;
        var total = await db.Users.CountAsync(ct).ConfigureAwait(false);
        // Past the last row there is nothing (and (page - 1) * size must not overflow into page 1).
        var skip = ((long)pageNumber - 1) * pageSize;
        var rows = skip >= total ? [] : await db.Users.OrderBy(u => u.UserName).ThenBy(u => u.Id)
            .Skip((int)skip).Take(pageSize)
            .Select(u => new { u.Id, u.UserName, u.Role, u.PatientId, u.CreatedAt, u.LockedUntil })
            .ToListAsync(ct).ConfigureAwait(false);
        return new Page<AccountSummary>(
            [.. rows.Select(u => new AccountSummary(u.Id, u.UserName, u.Role, u.PatientId, u.CreatedAt, u.LockedUntil, u.LockedUntil is { } until && until > now))],
            pageNumber, pageSize, total);
    }
}
