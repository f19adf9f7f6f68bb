using Microsoft.EntityFrameworkCore;

namespace NetPath.Storage.Tests;

/// <summary>
/// Storage hashes passwords with the Identity core package's PasswordHasher rather than the whole
/// of ASP.NET Core (issue 16). Hashes already in databases must keep verifying: these two are
/// written here independently of .NET, in the documented Identity V3 layout (0x01, PRF, iteration
/// count, salt length, big-endian; salt; 32-byte PBKDF2 subkey), computed with Python's
/// hashlib.pbkdf2_hmac for the password "correct-horse-battery".
/// </summary>
public sealed class PasswordHashTests
{
    private const string Password = "correct-horse-battery";

    /// <summary>PBKDF2-HMAC-SHA512, 100 000 iterations, salt 00..0f: what .NET 8 and later write.</summary>
    private const string CurrentHash = "AQAAAAIAAYagAAAAEAABAgMEBQYHCAkKCwwNDg/NCCybWuuOoLMNqpz7WkLsMQHvF1zdLPUFsHuCiXLLdA==";

    /// <summary>PBKDF2-HMAC-SHA256, 10 000 iterations, salt 10..1f: what earlier ASP.NET Core releases wrote.</summary>
    private const string OlderHash = "AQAAAAEAACcQAAAAEBAREhMUFRYXGBkaGxwdHh+CcwMz06WaomCFbkzCwcuTPVRQwhqxC5aj26KLSoBmtA==";

    [Theory]
    [InlineData(CurrentHash, false)]
    [InlineData(OlderHash, true)]
    public async Task A_stored_hash_verifies_and_an_older_one_is_replaced_on_sign_in(string stored, bool rehashed)
    {
        var path = Path.Combine(Path.GetTempPath(), "netpath-storage-tests", $"{Guid.NewGuid():N}.db");
        var location = DatabaseLocation.Parse(path);
        await using var db = StorageServices.Open(location);
        await Migrator.MigrateAsync(db, location.Provider, TimeProvider.System, CancellationToken.None);
        var accounts = new Accounts(db, TimeProvider.System);
        var user = await accounts.CreateAsync("kept-hash", "another-long-password", Roles.Clinician, null, default);
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, stored));

        (await accounts.SignInAsync("kept-hash", "wrong-password-here", default)).Status.ShouldBe(SignInStatus.Failed);
        (await accounts.SignInAsync("kept-hash", Password, default)).Status.ShouldBe(SignInStatus.Success);

        var now = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync();
        (now != stored).ShouldBe(rehashed);
        (await accounts.SignInAsync("kept-hash", Password, default)).Status.ShouldBe(SignInStatus.Success);
    }
}
