using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetPath.Clinical.Cases.Wire;
using NetPath.Clinical.Validation;

namespace NetPath.Clinical.Monitoring;

/// <summary>
/// One dated laboratory result or body measurement, with what biases it. The conditions are
/// null when not recorded: a caveat then says what is not known, never assumes it.
/// </summary>
public sealed record Measurement
{
    public required Analyte Analyte { get; init; }
    public required DateOnly Date { get; init; }
    public required decimal Value { get; init; }
    public required UcumUnit Unit { get; init; }
    /// <summary>The upper limit of normal of the reporting laboratory, in <see cref="Unit"/>.</summary>
    public decimal? UpperLimitOfNormal { get; init; }
    public string? Laboratory { get; init; }
    public string? Assay { get; init; }
    /// <summary>Taking a proton pump inhibitor (or H2 blocker) when sampled: raises chromogranin A.</summary>
    public bool? OnPpi { get; init; }
    /// <summary>Serotonin-rich foods avoided for 48 hours before and during the collection (5-HIAA).</summary>
    public bool? DietRestricted { get; init; }
    /// <summary>Impaired renal function when sampled: raises chromogranin A.</summary>
    public bool? RenalImpairment { get; init; }
}

public sealed record MeasurementSet
{
    public string? PatientId { get; init; }
    /// <summary>In date order within each analyte.</summary>
    public required IReadOnlyList<Measurement> Measurements { get; init; }
}

public sealed class MeasurementsDto : WireObject
{
    public string? SchemaVersion { get; set; }
    public string? PatientId { get; set; }
    public List<MeasurementDto?>? Measurements { get; set; }
}

public sealed class MeasurementDto : WireObject
{
    public string? Analyte { get; set; }
    public string? Date { get; set; }
    public decimal? Value { get; set; }
    public string? Unit { get; set; }
    public decimal? UpperLimitOfNormal { get; set; }
    public string? Laboratory { get; set; }
    public string? Assay { get; set; }
    public bool? OnPpi { get; set; }
    public bool? DietRestricted { get; set; }
    public bool? RenalImpairment { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    AllowDuplicateProperties = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(MeasurementsDto))]
public sealed partial class MeasurementsJsonContext : JsonSerializerContext;

/// <summary>The error codes particular to measurements.</summary>
public static class MeasurementErrorCodes
{
    /// <summary>A unit UCUM does not define, or one that does not measure what the analyte is.</summary>
    public const string InvalidUnit = "measurement.invalid-unit";
    /// <summary>A unit that cannot be converted exactly to the unit of the analyte's other values.</summary>
    public const string InexactConversion = "measurement.inexact-conversion";
    /// <summary>Two values of one analyte on one date.</summary>
    public const string SameDate = "measurement.same-date";
}

/// <summary>Reads measurements (docs/contracts/measurements.md), every error at once with its field.</summary>
public static class MeasurementsReader
{
    public const string CurrentSchemaVersion = "1";

    public static ReadResult<MeasurementSet> Read(ReadOnlySpan<byte> utf8Json)
    {
        MeasurementsDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(utf8Json, MeasurementsJsonContext.Default.MeasurementsDto);
        }
        catch (JsonException ex)
        {
            return ReadResult<MeasurementSet>.Invalid([CaseReader.FromJsonException(ex)]);
        }
        return dto is null
            ? ReadResult<MeasurementSet>.Invalid([new(ErrorCodes.MalformedJson, "", "The measurements must be a JSON object, not null.", "a JSON object")])
            : FromWire(dto);
    }

    public static ReadResult<MeasurementSet> Read(string json) => Read(System.Text.Encoding.UTF8.GetBytes(json));

    public static ReadResult<MeasurementSet> FromWire(MeasurementsDto dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        var errors = new List<ValidationError>();
        void Error(string code, string path, string message, string? allowed = null) => errors.Add(new(code, path, message, allowed));
        void Unknown(WireObject o, string parent)
        {
            foreach (var name in o.Unknown?.Keys ?? Enumerable.Empty<string>())
            {
                var path = parent.Length == 0 ? name : parent + "." + name;
                Error(ErrorCodes.UnknownField, path, $"'{path}' is not a field of the measurements; a misspelt field would silently drop a fact.", "the fields of docs/contracts/measurements.md");
            }
        }

        Unknown(dto, "");
        if (dto.SchemaVersion is null)
            Error(ErrorCodes.Required, "schemaVersion", "schemaVersion is required.", $"\"{CurrentSchemaVersion}\"");
        else if (dto.SchemaVersion != CurrentSchemaVersion)
            Error(ErrorCodes.UnsupportedSchemaVersion, "schemaVersion", $"schemaVersion \"{dto.SchemaVersion}\" is not supported.", $"\"{CurrentSchemaVersion}\"");
        if (dto.Measurements is null)
        {
            Error(ErrorCodes.Required, "measurements", "measurements is required.", "a list of dated measurements");
            return ReadResult<MeasurementSet>.Invalid(errors);
        }

        var read = new List<(int Index, Measurement Value)>(dto.Measurements.Count);
        for (var i = 0; i < dto.Measurements.Count; i++)
        {
            var path = $"measurements[{i}]";
            if (dto.Measurements[i] is not { } m)
            {
                Error(ErrorCodes.WrongType, path, "A measurement must be an object.", "an object with analyte, date, value and unit");
                continue;
            }
            Unknown(m, path);
            Analyte? analyte = null;
            if (m.Analyte is null) Error(ErrorCodes.Required, path + ".analyte", "A measurement needs its analyte.", Analyte.AllowedText);
            else if (!Analyte.TryGet(m.Analyte, out var a)) Error(ErrorCodes.InvalidCode, path + ".analyte", $"'{m.Analyte}' is not an analyte NetPath follows.", Analyte.AllowedText);
            else analyte = a;

            DateOnly? date = null;
            if (m.Date is null) Error(ErrorCodes.Required, path + ".date", "A measurement needs its date.", "yyyy-mm-dd");
            else if (DateOnly.TryParseExact(m.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
            else Error(ErrorCodes.InvalidDate, path + ".date", $"'{m.Date}' is not an ISO 8601 date.", "yyyy-mm-dd, e.g. 2026-11-22");

            if (m.Value is null) Error(ErrorCodes.Required, path + ".value", "A measurement needs its value.", "a number, 0 or more");
            else if (m.Value < 0) Error(ErrorCodes.OutOfRange, path + ".value", $"{m.Value.Value.ToString(CultureInfo.InvariantCulture)} is below zero; no concentration, count or weight is negative.", "0 or more");
            if (m.UpperLimitOfNormal is { } uln && uln <= 0)
                Error(ErrorCodes.OutOfRange, path + ".upperLimitOfNormal", "An upper limit of normal must be above zero.", "a number above 0, in the unit of the value");

            UcumUnit? unit = null;
            if (m.Unit is null) Error(ErrorCodes.Required, path + ".unit", "A measurement needs its unit (UCUM).", analyte is null ? "a UCUM unit such as ug/L" : $"a UCUM unit such as {analyte.ExampleUnit}");
            else if (!UcumUnit.TryParse(m.Unit, out var u, out var problem)) Error(MeasurementErrorCodes.InvalidUnit, path + ".unit", $"'{m.Unit}' is not a UCUM unit: {problem}.", analyte is null ? "a UCUM unit such as ug/L" : $"a UCUM unit such as {analyte.ExampleUnit}");
            else if (analyte is not null && UcumUnit.TryParse(analyte.ExampleUnit, out var example, out _) && !u.SameDimension(example) && !AlternativeDimension(analyte, u))
                Error(MeasurementErrorCodes.InvalidUnit, path + ".unit", $"'{m.Unit}' does not measure {analyte.Name} (expected a unit like {analyte.ExampleUnit}).", $"a unit like {analyte.ExampleUnit}");
            else unit = u;

            if (analyte is null || date is null || m.Value is not { } value || value < 0 || unit is null) continue;
            read.Add((i, new Measurement
            {
                Analyte = analyte,
                Date = date.Value,
                Value = value,
                Unit = unit,
                UpperLimitOfNormal = m.UpperLimitOfNormal is > 0 ? m.UpperLimitOfNormal : null,
                Laboratory = string.IsNullOrWhiteSpace(m.Laboratory) ? null : m.Laboratory.Trim(),
                Assay = string.IsNullOrWhiteSpace(m.Assay) ? null : m.Assay.Trim(),
                OnPpi = m.OnPpi,
                DietRestricted = m.DietRestricted,
                RenalImpairment = m.RenalImpairment,
            }));
        }

        // Within one analyte: one value a date, and every unit convertible exactly to the first one's.
        foreach (var group in read.GroupBy(r => r.Value.Analyte.Code))
        {
            var ordered = group.OrderBy(r => r.Value.Date).ToList();
            var first = ordered[0];
            for (var k = 1; k < ordered.Count; k++)
            {
                var (index, m) = ordered[k];
                if (m.Date == ordered[k - 1].Value.Date)
                    Error(MeasurementErrorCodes.SameDate, $"measurements[{index}].date", $"Two values of {m.Analyte.Name} on {m.Date:yyyy-MM-dd} (measurements[{ordered[k - 1].Index}] and measurements[{index}]).", "one value an analyte a day");
                if (!m.Unit.TryFactorTo(first.Value.Unit, out _, out var problem))
                    Error(MeasurementErrorCodes.InexactConversion, $"measurements[{index}].unit",
                        $"{m.Analyte.Name} in {m.Unit.Code} cannot be compared with the earlier values in {first.Value.Unit.Code}: {problem}.",
                        $"a unit that converts exactly to {first.Value.Unit.Code}, or the value as the laboratory reported it in {first.Value.Unit.Code}");
            }
        }
        if (errors.Count > 0) return ReadResult<MeasurementSet>.Invalid(errors);
        return ReadResult<MeasurementSet>.Valid(new MeasurementSet
        {
            PatientId = string.IsNullOrWhiteSpace(dto.PatientId) ? null : dto.PatientId.Trim(),
            Measurements = [.. read.Select(r => r.Value).OrderBy(m => m.Analyte.Code, StringComparer.Ordinal).ThenBy(m => m.Date)],
        });
    }

    /// <summary>Analytes that laboratories report in two dimensions (mass or amount of substance, mass or international units).</summary>
    private static bool AlternativeDimension(Analyte analyte, UcumUnit unit)
    {
        string[] alternatives = analyte.Code switch
        {
            "chromogranin-a" or "nse" or "gastrin" or "glucagon" or "vip" or "nt-probnp" => ["pmol/L", "nmol/L"],
            "urine-5hiaa" => ["umol/d"],
            "plasma-5hiaa" or "metanephrines" => ["ng/L"],
            "insulin" => ["pmol/L"],
            "creatinine" or "bilirubin" => ["mg/dL"],
            "hemoglobin" => ["mmol/L"],
            "albumin" => ["umol/L"],
            _ => [],
        };
        foreach (var alt in alternatives)
        {
            if (UcumUnit.TryParse(alt, out var u, out _) && unit.SameDimension(u)) return true;
        }
        return false;
    }
}
