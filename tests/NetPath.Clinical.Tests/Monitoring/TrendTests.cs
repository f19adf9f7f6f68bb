using NetPath.Clinical.Monitoring;
using NetPath.Clinical.Validation;

namespace NetPath.Clinical.Tests.Monitoring;

/// <summary>Trends from hand-computed values, UCUM conversions, and the caveats of reference.md §5.</summary>
public class TrendTests
{
    private static string Doc(params string[] measurements) =>
        $$"""{"schemaVersion":"1","measurements":[{{string.Join(",", measurements)}}]}""";

    private static string CgA(string date, decimal value, string unit = "ug/L", string extra = "", bool onPpi = false) =>
        $$"""{"analyte":"chromogranin-a","date":"{{date}}","value":{{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"unit":"{{unit}}","laboratory":"City lab","assay":"Kryptor","onPpi":{{(onPpi ? "true" : "false")}}{{extra}}}""";

    private static TrendReport Analyze(string json)
    {
        var read = MeasurementsReader.Read(json);
        read.IsValid.ShouldBeTrue(string.Join("; ", read.Errors.Select(e => $"{e.Path}: {e.Message}")));
        return TrendAnalyzer.Analyze(read.Value!);
    }

    private static IReadOnlyList<ValidationError> Errors(string json)
    {
        var read = MeasurementsReader.Read(json);
        read.IsValid.ShouldBeFalse();
        return read.Errors;
    }

    [Fact]
    public void Values_doubling_every_30_days_have_a_doubling_time_of_30_days()
    {
        // ln(100), ln(200), ln(400) at days 0, 30, 60 lie on a line of slope ln 2 / 30.
        var t = Analyze(Doc(CgA("2026-01-01", 100), CgA("2026-01-31", 200), CgA("2026-03-02", 400))).Trends.ShouldHaveSingleItem();
        t.DoublingTimeDays.ShouldBe(30.0);
        t.FromBaseline!.Absolute.ShouldBe(300m);
        t.FromBaseline.Percent.ShouldBe(300m);
        t.FromPrevious!.Absolute.ShouldBe(200m);
        t.FromPrevious.Percent.ShouldBe(100m);
    }

    [Fact]
    public void The_fit_is_least_squares_over_every_value_from_the_lowest()
    {
        // Days 0, 10, 20 with 100, 100, 400: the least-squares slope of ln(value) is
        // sum((x - 10)(y - mean y)) / sum((x - 10)^2) = 10 (ln 400 - ln 100) / 200 = ln 2 / 10,
        // so the doubling time is 10 days. The fall from 900 before the lowest value is left out.
        var t = Analyze(Doc(CgA("2025-12-01", 900), CgA("2026-01-01", 100), CgA("2026-01-11", 100), CgA("2026-01-21", 400))).Trends[0];
        t.DoublingTimeDays.ShouldBe(10.0);
        t.DoublingTimeNote.ShouldContain("from 2026-01-01");
    }

    [Fact]
    public void Two_values_are_not_enough_for_a_doubling_time()
    {
        var t = Analyze(Doc(CgA("2026-01-01", 100), CgA("2026-02-01", 300))).Trends[0];
        t.DoublingTimeDays.ShouldBeNull();
        t.DoublingTimeNote.ShouldContain("at least 3 values");
    }

    [Fact]
    public void A_falling_marker_has_no_doubling_time()
    {
        var t = Analyze(Doc(CgA("2026-01-01", 400), CgA("2026-02-01", 200), CgA("2026-03-01", 100))).Trends[0];
        t.DoublingTimeDays.ShouldBeNull();
        t.DoublingTimeNote.ShouldStartWith("Not rising");
        t.FromBaseline!.Percent.ShouldBe(-75m);
    }

    [Fact]
    public void A_change_of_assay_is_a_caveat_and_the_doubling_time_uses_the_latest_assay_only()
    {
        var t = Analyze(Doc(
            CgA("2026-01-01", 100), CgA("2026-02-01", 150), CgA("2026-03-01", 200),
            """{"analyte":"chromogranin-a","date":"2026-04-01","value":90,"unit":"ug/L","laboratory":"University lab","assay":"Thermo","onPpi":false}""",
            """{"analyte":"chromogranin-a","date":"2026-05-01","value":120,"unit":"ug/L","laboratory":"University lab","assay":"Thermo","onPpi":false}""")).Trends[0];
        t.Caveats.ShouldContain(c => c.Contains("changed on 2026-04-01", StringComparison.Ordinal));
        t.DoublingTimeDays.ShouldBeNull();
        t.DoublingTimeNote.ShouldContain("on the latest laboratory and assay");
    }

    [Fact]
    public void Exact_conversions_are_made_and_the_upper_limit_follows()
    {
        // 0.25 ng/mL = 250 ng/L = 0.25 ug/L; the series keeps the unit of its first value.
        var t = Analyze(Doc(CgA("2026-01-01", 0.1m), CgA("2026-02-01", 250, "ng/L", ""","upperLimitOfNormal":100"""))).Trends[0];
        t.Unit.ShouldBe("ug/L");
        t.Points[1].Value.ShouldBe(0.25m);
        t.Points[1].UpperLimitOfNormal.ShouldBe(0.1m);
        t.LatestTimesUpperLimit.ShouldBe(2.5m);
    }

    [Fact]
    public void Urine_5hiaa_per_day_and_per_24_hours_are_the_same_unit()
    {
        var t = Analyze(Doc(
            """{"analyte":"urine-5hiaa","date":"2026-01-01","value":12,"unit":"mg/d","dietRestricted":true}""",
            """{"analyte":"urine-5hiaa","date":"2026-02-01","value":18,"unit":"mg/(24.h)","dietRestricted":false}""")).Trends[0];
        t.Points[1].Value.ShouldBe(18m);
        t.Caveats.ShouldContain(c => c.StartsWith("Collected without the diet (2026-02-01)", StringComparison.Ordinal));
    }

    [Fact]
    public void Mass_and_molar_units_are_refused_with_the_reason()
    {
        var error = Errors(Doc(
            """{"analyte":"urine-5hiaa","date":"2026-01-01","value":12,"unit":"mg/d"}""",
            """{"analyte":"urine-5hiaa","date":"2026-02-01","value":60,"unit":"umol/d"}""")).ShouldHaveSingleItem();
        error.Code.ShouldBe(MeasurementErrorCodes.InexactConversion);
        error.Path.ShouldBe("measurements[1].unit");
        error.Message.ShouldContain("molar mass");
    }

    [Fact]
    public void A_unit_that_does_not_measure_the_analyte_or_is_not_UCUM_is_refused()
    {
        Errors(Doc(CgA("2026-01-01", 100, "kg"))).ShouldHaveSingleItem().Path.ShouldBe("measurements[0].unit");
        Errors(Doc(CgA("2026-01-01", 100, "mcg/L"))).ShouldHaveSingleItem().Code.ShouldBe(MeasurementErrorCodes.InvalidUnit);
    }

    [Fact]
    public void Bad_values_are_named()
    {
        var errors = Errors(Doc(
            """{"analyte":"chromogranin-b","date":"2026-01-01","value":1,"unit":"ug/L"}""",
            """{"analyte":"nse","date":"2026-01-01","value":-1,"unit":"ug/L"}""",
            """{"analyte":"nse","date":"01/02/2026","value":1,"unit":"ug/L"}"""));
        errors.Select(e => (e.Code, e.Path)).ShouldBe([
            (ErrorCodes.InvalidCode, "measurements[0].analyte"),
            (ErrorCodes.OutOfRange, "measurements[1].value"),
            (ErrorCodes.InvalidDate, "measurements[2].date")]);
    }

    [Fact]
    public void Two_values_of_one_analyte_on_one_date_are_refused()
    {
        Errors(Doc(CgA("2026-01-01", 100), CgA("2026-01-01", 120))).ShouldHaveSingleItem().Code.ShouldBe(MeasurementErrorCodes.SameDate);
    }

    [Fact]
    public void Chromogranin_on_a_PPI_and_with_low_eGFR_carries_both_caveats()
    {
        var t = Analyze(Doc(
            CgA("2026-01-01", 100), CgA("2026-02-01", 300, onPpi: true),
            """{"analyte":"egfr","date":"2026-02-01","value":45,"unit":"mL/min/{1.73_m2}"}""")).Trends.Single(x => x.Analyte == "chromogranin-a");
        t.Caveats.ShouldContain(c => c.StartsWith("Taken on a proton pump inhibitor (2026-02-01)", StringComparison.Ordinal));
        t.Caveats.ShouldContain(c => c.Contains("raises chromogranin A independently", StringComparison.Ordinal));
    }

    [Fact]
    public void Unrecorded_conditions_are_said_not_assumed()
    {
        var t = Analyze(Doc("""{"analyte":"urine-5hiaa","date":"2026-01-01","value":12,"unit":"mg/d"}""")).Trends[0];
        t.Caveats.ShouldContain(c => c.StartsWith("Whether serotonin-rich foods were avoided", StringComparison.Ordinal));
        t.FromBaseline.ShouldBeNull();
    }

    [Theory]
    [InlineData("ng/mL", "ug/L", "1")]
    [InlineData("pg/mL", "ng/L", "1")]
    [InlineData("g/dL", "g/L", "10")]
    [InlineData("mg/d", "mg/(24.h)", "1")]
    [InlineData("mmol/L", "umol/L", "1000")]
    [InlineData("10*9/L", "10*3/uL", "1")]
    [InlineData("g", "kg", "0.001")]
    public void Exact_UCUM_factors(string from, string to, string factor)
    {
        UcumUnit.TryParse(from, out var a, out var p1).ShouldBeTrue(p1);
        UcumUnit.TryParse(to, out var b, out var p2).ShouldBeTrue(p2);
        a.TryFactorTo(b, out var f, out var problem).ShouldBeTrue(problem);
        f.ShouldBe(decimal.Parse(factor, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("mg/dL", "umol/L")]
    [InlineData("m[IU]/L", "pmol/L")]
    [InlineData("mg/min", "mg/h")]
    public void Conversions_that_are_not_exact_are_refused(string from, string to)
    {
        UcumUnit.TryParse(from, out var a, out _).ShouldBeTrue();
        UcumUnit.TryParse(to, out var b, out _).ShouldBeTrue();
        if (from == "mg/min")
        {
            // Same dimension, but 1 mg/min = 60 mg/h exactly: exact and allowed; the reverse, 1/60, is not a finite decimal.
            a.TryFactorTo(b, out var f, out _).ShouldBeTrue();
            f.ShouldBe(60m);
            b.TryFactorTo(a, out _, out var problem).ShouldBeFalse();
            problem.ShouldContain("not an exact decimal");
            return;
        }
        a.TryFactorTo(b, out _, out _).ShouldBeFalse();
    }
}
