using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;

namespace NetPath.Cli.Output;

/// <summary>Writes one assessment for people (the JSON form needs no renderer).</summary>
internal interface IAssessmentRenderer
{
    void Render(Case c, Assessment assessment);
}
