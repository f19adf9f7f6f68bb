namespace NetPath.Clinical.Cases;

/// <summary>
/// What a clinician reads for a member of a closed code set ("Ampulla of Vater" for
/// <c>ampulla</c>), written beside its wire code so that a new code cannot arrive without its words.
/// Pages, text output and exports show the label; the wire code stays for programs.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class LabelAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}
