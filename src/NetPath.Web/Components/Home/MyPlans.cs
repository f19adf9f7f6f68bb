using System.Security.Claims;
using NetPath.Web.Application;
using NetPath.Web.Security;

namespace NetPath.Web.Components;

/// <summary>The signed-in patient's latest stored assessment, for /my-plan and the patient home.</summary>
internal static class MyPlans
{
    /// <summary>The record comes from the session's own claim, never from the address: a patient cannot name another record.</summary>
    public static async Task<StoredAssessment?> LatestAsync(Clinic clinic, ClaimsPrincipal user)
    {
        if (user.ToActor().PatientId is not { } own) return null;
        var file = await clinic.OpenAsync(user, own, CancellationToken.None);
        if (file is null) return null;
        var latest = file.Patient.LatestAssessmentId ?? file.Assessments.OrderByDescending(a => a.CreatedAt).FirstOrDefault()?.Id;
        return latest is { } id ? await clinic.AssessmentAsync(user, own, id, CancellationToken.None) : null;
    }
}
