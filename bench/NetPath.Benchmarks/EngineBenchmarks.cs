using BenchmarkDotNet.Attributes;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Classification;
using NetPath.Clinical.Engine;
using NetPath.Clinical.Grading;
using NetPath.Clinical.Knowledge;
using NetPath.Clinical.Staging;

namespace NetPath.Benchmarks;

/// <summary>
/// The engine on already-parsed cases: classification, grade and stage (target 200,000 cases/s
/// on one core), and the full assessment with the plan (target 50,000 cases/s). Each operation
/// is one case; the 1,000 synthetic cases cycle so every site and branch is measured.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private Case[] cases = [];
    private NetPathEngine engine = null!;
    private Grader grader = null!;
    private Stager stager = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        engine = NetPathEngine.Current;
        grader = new Grader(KnowledgeSet.Current.Grading);
        stager = new Stager(KnowledgeSet.Current.Staging);
        cases = [.. SyntheticCases.Generate(1000).Select(dto => engine.Read(dto)).Where(r => r.IsValid).Select(r => r.Case!)];
    }

    [Benchmark(Description = "classify + grade + stage, one case")]
    public int ClassifyGradeStage()
    {
        var c = cases[next++ % cases.Length];
        var findings = new Findings();
        var classification = Classifier.Classify(c, findings);
        var grade = grader.Grade(c, classification, findings);
        return stager.Stage(c, classification, grade, findings).Count;
    }

    [Benchmark(Description = "full assessment with plan and rule trace, one case")]
    public Assessment FullAssessment() => engine.Assess(cases[next++ % cases.Length], new DateOnly(2026, 11, 23));

    [Benchmark(Description = "full assessment with plan, no trace (registry batch), one case")]
    public Assessment FullAssessmentForBatch() => engine.Assess(cases[next++ % cases.Length], new DateOnly(2026, 11, 23), explain: false);
}
