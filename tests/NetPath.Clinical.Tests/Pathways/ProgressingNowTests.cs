using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Knowledge;
using NetPath.Clinical.Pathways;

namespace NetPath.Clinical.Tests.Pathways;

/// <summary>
/// "progressing-now" (knowledge 2026.11.1, docs/decisions/0210): a progression counts until a course
/// with response or stable disease is known to have come after it; dates order the courses, list
/// order never does.
/// </summary>
public class ProgressingNowTests
{
    private static PriorTherapy Course(string code, TherapyOutcome? outcome, string? start = null, string? end = null) => new()
    {
        Code = code,
        Outcome = outcome,
        StartDate = start is null ? null : DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
        EndDate = end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Tri Now(params PriorTherapy[] history) => CaseFacts.LatestOutcomeIsProgression(history);

    [Fact]
    public void A_progression_with_nothing_after_it_is_progression_now()
    {
        Now(Course("systemic.ssa", TherapyOutcome.Progression, "2025-01-01", "2026-09-01")).ShouldBe(Tri.True);
        Now(Course("systemic.ssa", TherapyOutcome.Progression)).ShouldBe(Tri.True);
    }

    [Fact]
    public void A_course_begun_after_the_progression_with_response_or_stable_disease_controls_it()
    {
        Now(Course("systemic.ssa", TherapyOutcome.Progression, "2025-12-01", "2026-05-11"),
            Course("systemic.prrt", TherapyOutcome.Response, "2026-06-01", "2026-09-21")).ShouldBe(Tri.False);
        Now(Course("systemic.ssa", TherapyOutcome.Progression, "2024-03-01", "2026-01-15"),
            Course("systemic.everolimus", TherapyOutcome.Stable, "2026-02-01")).ShouldBe(Tri.False);
        // Begun on the day of the progression: after it.
        Now(Course("systemic.ssa", TherapyOutcome.Progression, null, "2026-05-11"),
            Course("systemic.prrt", TherapyOutcome.Stable, "2026-05-11", "2026-09-21")).ShouldBe(Tri.False);
    }

    [Fact]
    public void A_later_progression_outranks_an_earlier_response()
    {
        Now(Course("systemic.ssa", TherapyOutcome.Progression, "2022-01-10", "2023-03-01"),
            Course("systemic.prrt", TherapyOutcome.Response, "2023-04-01", "2023-10-15"),
            Course("systemic.ssa", TherapyOutcome.Progression, "2023-11-01", "2026-10-20")).ShouldBe(Tri.True);
    }

    [Fact]
    public void Intolerance_and_a_course_still_of_unknown_effect_do_not_settle_a_progression()
    {
        Now(Course("systemic.ssa", TherapyOutcome.Progression, "2024-03-01", "2026-09-15"),
            Course("systemic.everolimus", TherapyOutcome.Intolerance, "2026-09-20", "2026-11-01")).ShouldBe(Tri.True);
        Now(Course("systemic.ssa", TherapyOutcome.Progression, "2024-03-01", "2026-09-15"),
            Course("systemic.prrt", TherapyOutcome.Ongoing, "2026-10-01")).ShouldBe(Tri.True);
        Now(Course("systemic.ssa", TherapyOutcome.Progression, "2024-03-01", "2026-09-15"),
            Course("systemic.prrt", null, "2026-10-01")).ShouldBe(Tri.True);
    }

    [Fact]
    public void A_running_course_begun_before_the_progression_does_not_settle_it()
    {
        // Stable disease on SSA was the older news: the everolimus progression came later.
        Now(Course("systemic.ssa", TherapyOutcome.Stable, "2023-01-01"),
            Course("systemic.everolimus", TherapyOutcome.Progression, "2025-01-01", "2026-10-01")).ShouldBe(Tri.True);
        // A response recorded at a course's end before the progression: also older.
        Now(Course("systemic.prrt", TherapyOutcome.Response, "2023-01-01", "2023-08-01"),
            Course("systemic.ssa", TherapyOutcome.Progression, "2023-09-01", "2026-10-01")).ShouldBe(Tri.True);
    }

    [Fact]
    public void Without_the_dates_to_order_them_a_progression_and_a_response_leave_it_unknown()
    {
        Now(Course("systemic.ssa", TherapyOutcome.Progression), Course("systemic.prrt", TherapyOutcome.Response)).ShouldBe(Tri.Unknown);
        Now(Course("systemic.prrt", TherapyOutcome.Response), Course("systemic.ssa", TherapyOutcome.Progression)).ShouldBe(Tri.Unknown);
        Now(Course("systemic.ssa", TherapyOutcome.Progression, null, "2026-05-01"), Course("systemic.prrt", TherapyOutcome.Response)).ShouldBe(Tri.Unknown);
    }

    [Fact]
    public void With_no_progression_on_record_the_disease_is_not_progressing_now()
    {
        Now().ShouldBe(Tri.False);
        Now(Course("systemic.ssa", TherapyOutcome.Stable, "2022-07-01")).ShouldBe(Tri.False);
    }

    [Fact]
    public void Two_progressions_need_each_to_be_settled()
    {
        // PRRT response after the SSA progression but before the everolimus one: progressing.
        Now(Course("systemic.ssa", TherapyOutcome.Progression, "2022-01-01", "2023-01-01"),
            Course("systemic.prrt", TherapyOutcome.Response, "2023-02-01", "2023-08-01"),
            Course("systemic.everolimus", TherapyOutcome.Progression, "2024-01-01", "2026-10-01")).ShouldBe(Tri.True);
        // Both progressions followed by a response: controlled.
        Now(Course("systemic.ssa", TherapyOutcome.Progression, "2022-01-01", "2023-01-01"),
            Course("systemic.everolimus", TherapyOutcome.Progression, "2023-01-10", "2024-06-01"),
            Course("systemic.prrt", TherapyOutcome.Response, "2024-07-01", "2025-01-01")).ShouldBe(Tri.False);
    }
}

/// <summary>The defect 2026.11.1 corrects, seen on Demo Patient D, and the released 2026.11 still reproducible.</summary>
public class CompletedCourseTests
{
    private const string DemoPatientD = """
        {"schemaVersion":"1","id":"demo-d","assessmentDate":"2026-11-16","patient":{"sex":"female","ageYears":64,"ecog":0},
         "tumour":{"primarySite":"ileum","differentiation":"well","ki67Percent":4,"mitosesPer2mm2":1,"sizeMm":22,
                   "depth":"subserosa","lymphNodes":{"mesentericMassOver2cm":true},
                   "metastases":{"liver":true,"extrahepatic":[]},"liverTumourBurdenPercent":10,
                   "resectability":"unresectable","functionalSyndrome":"carcinoid-syndrome"},
         "imaging":{"sstrPet":{"done":true,"positive":true,"krenningScore":3}},
         "labs":{"egfrMlMin":82,"ntProBnpPgMl":160,"chromograninAXUln":1.9,"urine5HiaaMg24h":30},
         "history":{"priorTherapies":[{"code":"systemic.ssa","outcome":"progression","startDate":"2025-12-01","endDate":"2026-05-11"},
                                      {"code":"systemic.prrt","outcome":"response","startDate":"2026-06-01","endDate":"2026-09-21"}]},
         "symptoms":{"present":["flushing","diarrhea"],"diarrheaPerDay":3,"flushesPerDay":2}}
        """;

    private static NetPath.Clinical.Assessments.Assessment Assess(NetPath.Clinical.Engine.NetPathEngine engine)
    {
        var read = engine.Read(DemoPatientD);
        read.IsValid.ShouldBeTrue();
        return engine.Assess(read.Case!, new DateOnly(2026, 11, 23));
    }

    [Fact]
    public void After_prrt_that_worked_the_plan_is_surveillance_not_prrt_again_or_a_next_line()
    {
        var a = Assess(NetPath.Clinical.Engine.NetPathEngine.Current);
        a.KnowledgeVersion.ShouldBe("2026.11.1");
        var surveillance = a.Recommendations.Single(r => r.Code == "surveillance.active");
        surveillance.Strength.ShouldBe(Strength.Preferred);
        a.Recommendations.Select(r => r.Code).ShouldNotContain("systemic.prrt");
        a.Recommendations.Select(r => r.Code).ShouldNotContain("systemic.everolimus");
        a.Recommendations.Select(r => r.Code).ShouldNotContain("systemic.cabozantinib");
        // The analogue stays, for the carcinoid syndrome.
        a.Recommendations.Select(r => r.Code).ShouldContain("systemic.ssa");
    }

    [Fact]
    public void The_released_2026_11_rules_still_give_what_they_gave()
    {
        var released = new NetPath.Clinical.Engine.NetPathEngine(KnowledgeSet.Load(KnowledgeSource.Embedded("2026.11")));
        var a = Assess(released);
        a.KnowledgeVersion.ShouldBe("2026.11");
        a.Recommendations.Single(r => r.Code == "systemic.prrt").Strength.ShouldBe(Strength.Preferred);
    }

    [Fact]
    public void At_a_new_progression_after_prrt_that_worked_retreatment_is_only_considered()
    {
        const string prrtCourse = "\"endDate\":\"2026-09-21\"}]";
        const string thenProgression = "\"endDate\":\"2026-09-21\"},{\"code\":\"systemic.ssa\",\"outcome\":\"progression\",\"startDate\":\"2026-09-22\",\"endDate\":\"2026-11-10\"}]";
        var json = DemoPatientD.Replace(prrtCourse, thenProgression, StringComparison.Ordinal);
        json.ShouldNotBe(DemoPatientD);
        var engine = NetPath.Clinical.Engine.NetPathEngine.Current;
        var read = engine.Read(json);
        read.IsValid.ShouldBeTrue();
        var a = engine.Assess(read.Case!, new DateOnly(2026, 11, 23), explain: true);
        var prrt = a.Recommendations.Single(r => r.Code == "systemic.prrt");
        prrt.Strength.ShouldBe(Strength.Consider);
        prrt.RuleId.ShouldBe("course.prrt.retreatment");
        a.Recommendations.Select(r => r.Code).ShouldNotContain("surveillance.active");
    }
}
