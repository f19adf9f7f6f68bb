using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace NetPath.Web.Security;

/// <summary>
/// Checks an API call's query parameters against the types its handler declares before the
/// handler is bound, so that a bad value gets a problem naming the parameter
/// (<c>query:followUpDueBy</c>) rather than the framework's anonymous 400. The values are parsed
/// as the binder parses them (TryParse with the invariant culture); an empty value is refused, as
/// the binder refuses it.
/// </summary>
internal static class QueryParameters
{
    /// <summary>A query parameter of the handler; <see cref="TryParse"/> is null for text.</summary>
    private sealed record Declared(string Name, Type Type, MethodInfo? TryParse);

    private static readonly ConcurrentDictionary<Endpoint, Declared[]> Cache = new();

    public static async Task Check(HttpContext context, RequestDelegate next)
    {
        if (context.Request.QueryString.HasValue && RequestPaths.IsApi(context.Request.Path) && context.GetEndpoint() is { } endpoint)
        {
            foreach (var p in Cache.GetOrAdd(endpoint, Declare))
            {
                if (!context.Request.Query.TryGetValue(p.Name, out var values)) continue;
                if (values.Count > 1 || (values.Count == 1 && !Parses(p, values[0] ?? "")))
                {
                    await Problems.Invalid("wrong-type", "query:" + p.Name,
                        $"{p.Name} is not {Describe(p.Type)}{(values.Count > 1 ? " (given more than once)" : "")}.").ExecuteAsync(context).ConfigureAwait(false);
                    return;
                }
            }
        }
        await next(context).ConfigureAwait(false);
    }

    private static bool Parses(Declared p, string value)
    {
        // Text may be anything printable: a NUL or other control character is refused (PostgreSQL
        // cannot even compare one).
        if (p.TryParse is null) return !value.Any(char.IsControl);
        // An empty value is no value of the type: the binder refuses it too (an absent parameter is how to say "none").
        if (value.Length == 0) return false;
        object?[] args = p.TryParse!.GetParameters().Length == 3 ? [value, CultureInfo.InvariantCulture, null] : [value, null];
        return (bool)p.TryParse.Invoke(null, args)!;
    }

    private static string Describe(Type t) =>
        t == typeof(int) || t == typeof(long) ? "a whole number"
        : t == typeof(bool) ? "true or false"
        : t == typeof(DateOnly) ? "a date (yyyy-mm-dd)"
        : t == typeof(Guid) ? "an id (GUID)"
        : t == typeof(string) ? "printable text"
        : "a value of the expected type";

    /// <summary>The handler's parameters that come from the query: simple parsable types not named in the route.</summary>
    private static Declared[] Declare(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } method) return [];
        var route = (endpoint as RouteEndpoint)?.RoutePattern;
        var list = new List<Declared>();
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.Name is not { } name || route?.GetParameter(name) is not null) continue;
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (type == typeof(string))
            {
                list.Add(new Declared(name, type, null));
                continue;
            }
            var tryParse = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()])
                ?? type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);
            if (tryParse is not null) list.Add(new Declared(name, type, tryParse));
        }
        return [.. list];
    }
}
