using System.Globalization;

namespace NetPath.Clinical.Monitoring;

/// <summary>
/// The part of UCUM (unitsofmeasure.org) that laboratory results use: metric prefixes on gram,
/// mole, litre, metre, second and the enzyme and international units, the time units min, h and d,
/// 10*N counts, percent, and annotations in braces, joined by "." and "/" with "(...)" groups
/// ("mg/(24.h)", "10*9/L", "mL/min/{1.73_m2}"). A unit is a factor and a dimension; two units
/// convert only when their dimensions agree and the factor between them is an exact decimal. Mass
/// and amount of substance never convert (that needs a molar mass), nor do international units.
/// </summary>
public sealed class UcumUnit
{
    private UcumUnit(string code, decimal numerator, decimal denominator, SortedDictionary<string, int> dimension)
    {
        Code = code;
        Numerator = numerator;
        Denominator = denominator;
        Dimension = dimension;
    }

    public string Code { get; }
    // The size of the unit in base units (g, mol, L, s, U, [IU], m) as a fraction of two exact
    // decimals: "mg/(24.h)" is 0.001 / 86400, which no decimal holds exactly.
    private decimal Numerator { get; }
    private decimal Denominator { get; }
    private SortedDictionary<string, int> Dimension { get; }

    /// <summary>The dimension in words, for messages ("g.L-1").</summary>
    public string DimensionText => string.Join(".", Dimension.Select(d => d.Value == 1 ? d.Key : d.Key + d.Value.ToString(CultureInfo.InvariantCulture)));

    private static readonly (string Prefix, decimal Factor)[] Prefixes =
    [
        ("da", 10m), ("k", 1000m), ("h", 100m), ("d", 0.1m), ("c", 0.01m), ("m", 0.001m), ("u", 0.000001m), ("n", 0.000000001m), ("p", 0.000000000001m), ("f", 0.000000000000001m),
    ];

    /// <summary>Atoms that take prefixes, with their base dimension.</summary>
    private static readonly (string Atom, string Base)[] Metric =
    [
        ("g", "g"), ("mol", "mol"), ("L", "L"), ("l", "L"), ("m", "m"), ("s", "s"), ("U", "U"), ("[IU]", "[IU]"), ("kat", "kat"),
    ];

    /// <summary>Atoms without prefixes: time units in seconds.</summary>
    private static readonly (string Atom, string Base, decimal Factor)[] Plain =
    [
        ("min", "s", 60m), ("h", "s", 3600m), ("d", "s", 86400m), ("wk", "s", 604800m), ("%", "", 0.01m),
    ];

    public static bool TryParse(string? code, out UcumUnit unit, out string problem)
    {
        unit = null!;
        problem = "";
        if (string.IsNullOrWhiteSpace(code) || code.Contains(' ', StringComparison.Ordinal))
        {
            problem = "a UCUM unit has no spaces and is not empty";
            return false;
        }
        var dims = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var pos = 0;
        if (!Term(code, ref pos, 1, dims, out var numerator, out var denominator, out problem)) return false;
        if (pos != code.Length)
        {
            problem = $"unexpected '{code[pos]}' at position {pos + 1}";
            return false;
        }
        foreach (var zero in dims.Where(d => d.Value == 0).Select(d => d.Key).ToList()) dims.Remove(zero);
        unit = new UcumUnit(code, numerator, denominator, dims);
        return true;
    }

    /// <summary>A term: components joined by "." (multiply) and "/" (divide), left to right.</summary>
    private static bool Term(string s, ref int pos, int sign, SortedDictionary<string, int> dims, out decimal numerator, out decimal denominator, out string problem)
    {
        numerator = 1m;
        denominator = 1m;
        var op = 1;
        if (pos < s.Length && s[pos] == '/')
        {
            op = -1;
            pos++;
        }
        while (true)
        {
            if (!Component(s, ref pos, sign * op, dims, out var num, out var den, out problem)) return false;
            if (op > 0)
            {
                numerator *= num;
                denominator *= den;
            }
            else
            {
                numerator *= den;
                denominator *= num;
            }
            if (pos >= s.Length || s[pos] == ')') return true;
            if (s[pos] == '.') op = 1;
            else if (s[pos] == '/') op = -1;
            else
            {
                problem = $"unexpected '{s[pos]}' at position {pos + 1}";
                return false;
            }
            pos++;
        }
    }

    private static bool Component(string s, ref int pos, int sign, SortedDictionary<string, int> dims, out decimal numerator, out decimal denominator, out string problem)
    {
        numerator = 1m;
        denominator = 1m;
        problem = "";
        if (pos >= s.Length)
        {
            problem = "the unit ends where a unit symbol belongs";
            return false;
        }
        if (s[pos] == '(')
        {
            pos++;
            var inner = new SortedDictionary<string, int>(StringComparer.Ordinal);
            if (!Term(s, ref pos, 1, inner, out numerator, out denominator, out problem)) return false;
            if (pos >= s.Length || s[pos] != ')')
            {
                problem = "a '(' is not closed";
                return false;
            }
            pos++;
            foreach (var (k, v) in inner) dims[k] = dims.GetValueOrDefault(k) + sign * v;
            return true;
        }
        if (s[pos] == '{')
        {
            var end = s.IndexOf('}', pos);
            if (end < 0)
            {
                problem = "a '{' is not closed";
                return false;
            }
            // Annotations carry meaning for people ({1.73_m2}): two units convert only with the same ones.
            var key = s[pos..(end + 1)];
            dims[key] = dims.GetValueOrDefault(key) + sign;
            pos = end + 1;
            return true;
        }
        var start = pos;
        while (pos < s.Length && s[pos] is not ('.' or '/' or '(' or ')' or '{')) pos++;
        var symbol = s[start..pos];
        var exponent = 1;
        var digits = symbol.Length;
        while (digits > 0 && (char.IsAsciiDigit(symbol[digits - 1]) || (symbol[digits - 1] == '-' && digits < symbol.Length))) digits--;
        if (symbol.StartsWith("10*", StringComparison.Ordinal) || symbol.StartsWith("10^", StringComparison.Ordinal))
        {
            if (!int.TryParse(symbol.AsSpan(3), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var power) || power is < -24 or > 24)
            {
                problem = $"'{symbol}' is not a power of ten";
                return false;
            }
            if (power >= 0) numerator = Pow10(power);
            else denominator = Pow10(-power);
            return true;
        }
        if (digits < symbol.Length && digits > 0 && int.TryParse(symbol.AsSpan(digits), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var e))
        {
            exponent = e;
            symbol = symbol[..digits];
        }
        else if (digits == 0 && int.TryParse(symbol, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
        {
            numerator = number;
            return true;
        }
        if (!Atom(symbol, out var f, out var dimension))
        {
            problem = $"'{symbol}' is not a UCUM unit this system knows (g, mol, L, U, [IU], kat, m, s, min, h, d, wk, %, with prefixes such as m, u, n, p)";
            return false;
        }
        var power1 = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++) power1 *= f;
        if (exponent < 0) denominator = power1;
        else numerator = power1;
        if (dimension.Length > 0) dims[dimension] = dims.GetValueOrDefault(dimension) + sign * exponent;
        return true;
    }

    private static bool Atom(string symbol, out decimal factor, out string dimension)
    {
        foreach (var (atom, dim, f) in Plain)
        {
            if (symbol == atom)
            {
                (factor, dimension) = (f, dim);
                return true;
            }
        }
        foreach (var (atom, dim) in Metric)
        {
            if (symbol == atom)
            {
                (factor, dimension) = (1m, dim);
                return true;
            }
        }
        foreach (var (prefix, pf) in Prefixes)
        {
            if (!symbol.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = symbol[prefix.Length..];
            foreach (var (atom, dim) in Metric)
            {
                if (rest == atom)
                {
                    (factor, dimension) = (pf, dim);
                    return true;
                }
            }
        }
        (factor, dimension) = (0m, "");
        return false;
    }

    private static decimal Pow10(int power)
    {
        var r = 1m;
        for (var i = 0; i < power; i++) r *= 10m;
        return r;
    }

    public bool SameDimension(UcumUnit other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Dimension.Count == other.Dimension.Count && Dimension.All(d => other.Dimension.TryGetValue(d.Key, out var v) && v == d.Value);
    }

    /// <summary>
    /// The exact factor that turns a value in this unit into <paramref name="target"/>; false with
    /// the reason when the dimensions differ or the factor is not an exact decimal.
    /// </summary>
    public bool TryFactorTo(UcumUnit target, out decimal factor, out string problem)
    {
        ArgumentNullException.ThrowIfNull(target);
        factor = 0m;
        if (!SameDimension(target))
        {
            var massMolar = (Dimension.ContainsKey("g") && target.Dimension.ContainsKey("mol")) || (Dimension.ContainsKey("mol") && target.Dimension.ContainsKey("g"));
            var international = Dimension.ContainsKey("[IU]") || target.Dimension.ContainsKey("[IU]");
            problem = massMolar
                ? $"{Code} and {target.Code} differ as mass and amount of substance: converting needs the molar mass, which is not exact"
                : international
                    ? $"{Code} and {target.Code}: international units are defined by a reference preparation and convert to nothing else"
                    : $"{Code} ({DimensionText}) and {target.Code} ({target.DimensionText}) measure different things";
            return false;
        }
        // value[target] = value[this] x (N1 / D1) / (N2 / D2) = value x (N1 x D2) / (D1 x N2).
        var top = Numerator * target.Denominator;
        var bottom = Denominator * target.Numerator;
        var ratio = top / bottom;
        if (ratio * bottom != top)
        {
            problem = $"the factor from {Code} to {target.Code} is not an exact decimal";
            return false;
        }
        factor = ratio;
        problem = "";
        return true;
    }

    public override string ToString() => Code;
}
