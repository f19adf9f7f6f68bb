
namespace NetPath.Web;

/// <summary>Structured logs. Ids only: never a name, date of birth or case content.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Signed in user {UserId}")]
    public static partial void SignedIn(ILogger logger, Guid userId);

    [LoggerMessage(2, LogLevel.Warning, "Sign-in failed ({Status})")]
    public static partial void SignInFailed(ILogger logger, string status);

    [LoggerMessage(3, LogLevel.Information, "User {UserId} {Action} patient {PatientId}")]
    public static partial void PatientWrite(ILogger logger, Guid? userId, string action, Guid patientId);

    [LoggerMessage(4, LogLevel.Warning, "User {UserId} denied {Action} on patient {PatientId}")]
    public static partial void Denied(ILogger logger, Guid? userId, string action, Guid? patientId);

    [LoggerMessage(5, LogLevel.Information, "Database ready: {Database}; migrations applied now: {Applied}")]
    public static partial void DatabaseReady(ILogger logger, string database, string applied);

    [LoggerMessage(6, LogLevel.Information, "Demo data seeded: {Patients} synthetic patients")]
    public static partial void DemoSeeded(ILogger logger, int patients);

    [LoggerMessage(7, LogLevel.Warning, "Session of user {UserId} ended: the account was removed, changed or locked")]
    public static partial void SessionEnded(ILogger logger, Guid? userId);
}
