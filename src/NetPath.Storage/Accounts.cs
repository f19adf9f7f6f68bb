using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace NetPath.Storage;

public enum SignInStatus
{
    Success,
    Failed,
    LockedOut,
}

public sealed record SignInResult(SignInStatus Status, UserAccount? User);

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

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // Verifying against a real hash even for unknown names keeps response time from telling
    // which user names exist.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new UserAccount { UserName = "-", PasswordHash = "-", Role = "-" }, "not-a-real-password"));

    public async Task<UserAccount> CreateAsync(string userName, string password, string role, Guid? patientId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length < MinPasswordLength)
            throw new ArgumentException($"A password needs at least {MinPasswordLength} characters.", nameof(password));
        if (!Roles.All.Contains(role)) throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        if ((role == Roles.Patient) != patientId.HasValue)
            throw new ArgumentException("An account of role patient is linked to exactly one patient record; other roles to none.", nameof(patientId));
        var user = new UserAccount
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            UserName = userName,
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

    public async Task<bool> ExistsAsync(string userName, CancellationToken ct) =>
        await db.Users.AnyAsync(u => u.UserName == userName, ct).ConfigureAwait(false);

    public async Task<bool> AnyAsync(CancellationToken ct) =>
        await db.Users.AnyAsync(ct).ConfigureAwait(false);

    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var user = await db.Users.AsTracking().SingleOrDefaultAsync(u => u.UserName == userName, ct).ConfigureAwait(false);
        if (user is null)
        {
            Hasher.VerifyHashedPassword(null!, DummyHash.Value, password ?? "");
            return new(SignInStatus.Failed, null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (user.LockedUntil is { } until && until > now)
        {
            db.ChangeTracker.Clear();
            return new(SignInStatus.LockedOut, null);
        }
        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "");
        SignInResult result;
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.FailedSignIns++;
            if (user.FailedSignIns >= MaxFailedSignIns)
            {
                user.LockedUntil = now + LockoutDuration;
                user.FailedSignIns = 0;
                result = new(SignInStatus.LockedOut, null);
            }
            else
            {
                result = new(SignInStatus.Failed, null);
            }
        }
        else
        {
            if (verdict == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = Hasher.HashPassword(user, password!);
            user.FailedSignIns = 0;
            user.LockedUntil = null;
            result = new(SignInStatus.Success, user);
        }
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return result;
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
        var rows = await db.Users.OrderBy(u => u.UserName).ThenBy(u => u.Id)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .Select(u => new { u.Id, u.UserName, u.Role, u.PatientId, u.CreatedAt, u.LockedUntil })
            .ToListAsync(ct).ConfigureAwait(false);
        return new Page<AccountSummary>(
            [.. rows.Select(u => new AccountSummary(u.Id, u.UserName, u.Role, u.PatientId, u.CreatedAt, u.LockedUntil, u.LockedUntil is { } until && until > now))],
            pageNumber, pageSize, total);
    }
}
