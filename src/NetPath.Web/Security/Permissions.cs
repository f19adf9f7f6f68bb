using System.Text;
using NetPath.Storage;

namespace NetPath.Web.Security;

/// <summary>One authorization policy: what it lets a user do, and the roles that hold it.</summary>
public sealed record PolicyGrant(string Policy, string Meaning, IReadOnlyList<string> Roles);

/// <summary>
/// The one permission matrix. Endpoints name a policy from here (RequireAuthorization), the
/// policies are built from here, docs/security.md renders it (a test keeps them equal), and the
/// role tests are generated from it.
/// </summary>
public static class Permissions
{
    public const string Assess = "assess";
    public const string PatientsList = "patients.list";
    public const string PatientsRead = "patients.read";
    public const string PatientsWrite = "patients.write";
    public const string PatientsDelete = "patients.delete";
    public const string CasesWrite = "cases.write";
    public const string AssessmentsStore = "assessments.store";
    public const string DiaryRead = "diary.read";
    public const string DiaryWrite = "diary.write";
    public const string BoardRead = "board.read";
    public const string BoardWrite = "board.write";
    public const string ResearchRead = "research.read";
    public const string AuditRead = "audit.read";
    public const string UsersManage = "users.manage";

    public static IReadOnlyList<PolicyGrant> Matrix { get; } =
    [
        new(Assess, "Assess a case without storing it", [Roles.Clinician, Roles.Coordinator, Roles.Researcher]),
        new(PatientsList, "List and filter patient records", [Roles.Clinician, Roles.Coordinator]),
        new(PatientsRead, "Read a patient record, its case versions and assessment history (role patient: only the linked record)", [Roles.Clinician, Roles.Coordinator, Roles.Patient]),
        new(PatientsWrite, "Create a patient record and edit its demographics", [Roles.Clinician, Roles.Coordinator]),
        new(PatientsDelete, "Soft-delete a patient record", [Roles.Clinician]),
        new(CasesWrite, "Add a case version", [Roles.Clinician]),
        new(AssessmentsStore, "Assess the latest case version and store the assessment", [Roles.Clinician]),
        new(DiaryRead, "Read a patient's symptom diary (role patient: only the linked record)", [Roles.Clinician, Roles.Coordinator, Roles.Patient]),
        new(DiaryWrite, "Add an entry to the symptom diary: the patient's own report, so role patient on the linked record only (decision 0511)", [Roles.Patient]),
        new(BoardRead, "Read the tumour-board list", [Roles.Clinician, Roles.Coordinator]),
        new(BoardWrite, "Put a patient on a tumour-board meeting and record the outcome or withdrawal", [Roles.Clinician, Roles.Coordinator]),
        new(ResearchRead, "Read de-identified assessments (no names, ids or dates of birth)", [Roles.Researcher]),
        new(AuditRead, "Read the audit trail", [Roles.Admin]),
        new(UsersManage, "Create and list accounts", [Roles.Admin]),
    ];

    public static PolicyGrant Of(string policy) => Matrix.Single(p => p.Policy == policy);

    /// <summary>The matrix as a Markdown table (policy rows, role columns), as docs/security.md shows it.</summary>
    public static string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("| policy | meaning |");
        foreach (var role in Roles.All) sb.Append(' ').Append(role).Append(" |");
        sb.Append('\n').Append("| --- | --- |");
        foreach (var _ in Roles.All) sb.Append(" :-: |");
        sb.Append('\n');
        foreach (var p in Matrix)
        {
            sb.Append("| `").Append(p.Policy).Append("` | ").Append(p.Meaning).Append(" |");
            foreach (var role in Roles.All) sb.Append(p.Roles.Contains(role) ? " yes |" : " no |");
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
