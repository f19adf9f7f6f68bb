using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Classification;
using NetPath.Clinical.Grading;
using NetPath.Clinical.Knowledge;
using NetPath.Clinical.Pathways;
using NetPath.Clinical.Staging;
using NetPath.Clinical.Validation;

namespace NetPath.Clinical.Engine;

/// <summary>
/// The clinical engine: read and validate a case, then classify, grade, stage and plan, against
/// one loaded knowledge version. Pure: no files, clock, database or network. The date of the
/// assessment is the case's assessmentDate or the one the caller passes. Thread-safe.
/// </summary>
public sealed class NetPathEngine
{
    private static readonly Lazy<NetPathEngine> Latest = new(() => new NetPathEngine(KnowledgeSet.Current));

    private readonly Grader grader;
    private readonly Stager stager;
    private readonly PathwayPlanner planner;

    public NetPathEngine(KnowledgeSet knowledge)
    {
        Knowledge = knowledge ?? throw new ArgumentNullException(nameof(knowledge));
        grader = new Grader(knowledge.Grading);
        stager = new Stager(knowledge.Staging);
        planner = new PathwayPlanner(knowledge.Pathways);
    }

    /// <summary>The engine over the default knowledge: the newest released version embedded in this build.</summary>
    public static NetPathEngine Current => Latest.Value;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<NetPathEngine>> ByVersion = new(StringComparer.Ordinal);

    /// <summary>
    /// The engine over one embedded version, a draft included (loaded once per process); the default
    /// when <paramref name="version"/> is null or empty. An unknown version throws <see cref="ArgumentException"/>.
    /// </summary>
    public static NetPathEngine ForVersion(string? version)
    {
        if (string.IsNullOrEmpty(version)) return Current;
        if (!KnowledgeSource.EmbeddedVersions().Contains(version, StringComparer.Ordinal))
            throw new ArgumentException($"Knowledge version {version} is not in this build; it has {string.Join(", ", KnowledgeSource.EmbeddedVersions())}.", nameof(version));
        if (version == KnowledgeSource.DefaultVersion()) return Current;
        return ByVersion.GetOrAdd(version, v => new Lazy<NetPathEngine>(() => new NetPathEngine(KnowledgeSet.Load(KnowledgeSource.Embedded(v))))).Value;
    }

    public KnowledgeSet Knowledge { get; }

    /// <summary>Reads and validates a case: every error at once, including those only the staging rules can see.</summary>
    public CaseReadResult Read(ReadOnlySpan<byte> utf8Json) => Check(CaseReader.Read(utf8Json));

    public CaseReadResult Read(string json) => Check(CaseReader.Read(json));

    /// <summary>Validates a case already in its wire form.</summary>
    public CaseReadResult Read(Cases.Wire.CaseDto dto) => Check(CaseReader.FromWire(dto));

    /// <summary>The checks only the knowledge can make (the staging rules'), on a case the reader found valid.</summary>
    public CaseReadResult Check(CaseReadResult read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!read.IsValid) return read;
        var errors = stager.Validate(read.Case!);
        return errors.Count == 0 ? read : CaseReadResult.Invalid(errors, read.CaseId);
    }

    /// <summary>Assesses a valid case as of <paramref name="today"/> when the case carries no assessmentDate.</summary>
    /// <param name="c">A case <see cref="Read(ReadOnlySpan{byte})"/> found valid.</param>
    /// <param name="today">The date of the assessment when the case has no assessmentDate.</param>
    /// <param name="explain">Keep the rule trace in <see cref="Assessment.Explanation"/>; a batch that never shows it passes false.</param>
    public Assessment Assess(Case c, DateOnly today, bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(c);
        var findings = new Findings();
        var classification = Classifier.Classify(c, findings);
        var grade = grader.Grade(c, classification, findings);
        classification = Classifier.WithThoracicType(classification, grade);
        var staging = stager.Stage(c, classification, grade, findings);
        var plan = planner.Plan(new ClinicalPicture(c, c.AssessmentDate ?? today, classification, grade, staging), findings, explain);
        return new Assessment
        {
            CaseId = c.Id,
            KnowledgeVersion = Knowledge.Version,
            Classification = classification,
            Grade = grade,
            Staging = staging,
            Recommendations = plan.Recommendations,
            Contraindicated = plan.Contraindicated,
            Workup = plan.Workup,
            Team = plan.Team,
            FollowUp = plan.FollowUp,
            MissingData = findings.Missing,
            Warnings = findings.Warnings,
            Explanation = plan.Trace,
        };
    }
}
