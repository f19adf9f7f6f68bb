namespace NetPath.Storage;

/// <summary>
/// Every audit action name, in one place (decision 0430). Storage records the success of a write
/// in the write's own transaction and the application services record every other outcome, so
/// both must name the action alike; a literal elsewhere is a second spelling waiting to drift.
/// </summary>
public static class AuditActions
{
    public const string PatientCreate = "patient.create";
    public const string PatientList = "patient.list";
    public const string PatientRead = "patient.read";
    public const string PatientUpdate = "patient.update";
    public const string PatientDelete = "patient.delete";
    public const string CaseCreate = "case.create";
    public const string CaseList = "case.list";
    public const string CaseRead = "case.read";
    public const string AssessmentCreate = "assessment.create";
    public const string AssessmentList = "assessment.list";
    public const string AssessmentRead = "assessment.read";
    public const string DiaryCreate = "diary.create";
    public const string DiaryList = "diary.list";
    public const string DiaryRead = "diary.read";
    public const string BoardCreate = "board.create";
    public const string BoardUpdate = "board.update";
    public const string BoardList = "board.list";
    public const string BoardRead = "board.read";
}
