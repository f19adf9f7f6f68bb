using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;

namespace NetPath.Clinical.Knowledge;

/// <summary>
/// The knowledge files of one version, as embedded in the build from knowledge/&lt;version&gt;/.
/// A version whose manifest names a <c>parent</c> holds only what it changes: it reads through to
/// its parent for every file it does not have, and the rule files of both are merged rule by rule
/// (docs/decisions/0011-knowledge-as-a-chain-of-changes.md).
/// Knowledge is never read from disk at run time: what was reviewed is what runs.
/// </summary>
public sealed class KnowledgeSource
{
    private const string Prefix = "knowledge/";
    public const string ManifestName = "manifest.json";
    private static readonly Assembly Host = typeof(KnowledgeSource).Assembly;

    private readonly SortedDictionary<string, byte[]> files;

    private KnowledgeSource(string version, SortedDictionary<string, byte[]> files, KnowledgeSource? parent)
    {
        Version = version;
        this.files = files;
        Parent = parent;
        var manifest = ReadManifest(version, files, checkName: false);
        IsDraft = manifest.Status == "draft";
        Released = manifest.Released;
        if (manifest.Parent != parent?.Version)
            throw new KnowledgeException($"Knowledge {version}: its manifest names parent {manifest.Parent ?? "none"}, but it was composed on {parent?.Version ?? "none"}.");
        contentHash = new Lazy<string>(() => ComputeHash(parent, files));
    }

    // Hashing loads the platform's crypto library: worth ~0.1 s of a cold `netpath assess`, and
    // only storage and `knowledge validate` need it, so it is computed on first use.
    private readonly Lazy<string> contentHash;

    public string Version { get; }

    /// <summary>The version this one changes; null for a version that holds all its files.</summary>
    public KnowledgeSource? Parent { get; }

    /// <summary>Manifest <c>status: draft</c>: applied only when asked for by name.</summary>
    public bool IsDraft { get; }

    /// <summary>The release date the manifest gives; null for a draft.</summary>
    public string? Released { get; }

    /// <summary>
    /// SHA-256, hex. A version without a parent: over every file (names and bytes, in name order).
    /// A version with a parent: over the parent's hash and then its own files, so it pins the whole chain.
    /// </summary>
    public string ContentHash => contentHash.Value;

    /// <summary>Every file the version reads, its own and those it inherits.</summary>
    public IEnumerable<string> FileNames =>
        Parent is null ? files.Keys : files.Keys.Union(Parent.FileNames, StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>The files this version itself holds (its change, for a version with a parent).</summary>
    public IEnumerable<string> OwnFileNames => files.Keys;

    /// <summary>The chain from the version without a parent down to this one.</summary>
    public IReadOnlyList<KnowledgeSource> Layers
    {
        get
        {
            var chain = new List<KnowledgeSource>();
            for (var s = this; s is not null; s = s.Parent) chain.Add(s);
            chain.Reverse();
            return chain;
        }
    }

    /// <summary>Every knowledge version embedded in this build, oldest first (numeric order: 2026.11.2 before 2026.11.10).</summary>
    public static IReadOnlyList<string> EmbeddedVersions() =>
        [.. Host.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.IndexOf('/', Prefix.Length) > 0)
            .Select(n => n[Prefix.Length..n.IndexOf('/', Prefix.Length)])
            .Where(v => System.Version.TryParse(v, out _))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(System.Version.Parse)];

    /// <summary>
    /// The version applied when none is asked for: the newest that knowledge/releases.json lists.
    /// A draft is never the default.
    /// </summary>
    public static string DefaultVersion()
    {
        var released = KnowledgeChecks.ReleasedHashes();
        var versions = EmbeddedVersions().Where(released.ContainsKey).ToList();
        return versions.Count > 0 ? versions[^1] : throw new InvalidOperationException("No released knowledge is embedded in this build.");
    }

    /// <summary>Loads the embedded files of <paramref name="version"/> (the default, newest released, when null), with its chain of parents.</summary>
    public static KnowledgeSource Embedded(string? version = null)
    {
        var versions = EmbeddedVersions();
        if (versions.Count == 0) throw new InvalidOperationException("No knowledge is embedded in this build.");
        version ??= DefaultVersion();
        if (!versions.Contains(version, StringComparer.Ordinal))
            throw new ArgumentException($"Knowledge version {version} is not in this build; it has {string.Join(", ", versions)}.", nameof(version));
        return EmbeddedChain(version, []);
    }

    private static KnowledgeSource EmbeddedChain(string version, HashSet<string> seen)
    {
        if (!seen.Add(version)) throw new KnowledgeException($"Knowledge {version}: its chain of parents comes back to itself.");
        var prefix = Prefix + version + "/";
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in Host.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            files.Add(name[prefix.Length..], EmbeddedFile(name)!);
        }
        if (files.Count == 0) throw new KnowledgeException($"Knowledge {version} is named as a parent but is not in this build.");
        var parent = ReadManifest(version, files, checkName: true).Parent is { } p ? EmbeddedChain(p, seen) : null;
        return new KnowledgeSource(version, files, parent);
    }

    /// <summary>One embedded resource by its logical name (knowledge/...); null when the build has none.</summary>
    internal static byte[]? EmbeddedFile(string name)
    {
        using var stream = Host.GetManifestResourceStream(name);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Builds a source from files in memory (for tests of the knowledge checks). Without a manifest it is a released version without a parent.</summary>
    public static KnowledgeSource FromFiles(string version, IReadOnlyDictionary<string, byte[]> files, KnowledgeSource? parent = null) =>
        new(version, new SortedDictionary<string, byte[]>(files.ToDictionary(), StringComparer.Ordinal), parent);

    public bool Has(string fileName) => files.ContainsKey(fileName) || (Parent?.Has(fileName) ?? false);

    /// <summary>The file as this version reads it: its own, else its nearest parent's.</summary>
    public ReadOnlySpan<byte> Read(string fileName) =>
        files.TryGetValue(fileName, out var bytes) ? bytes
        : Parent is not null && Parent.Has(fileName) ? Parent.Read(fileName)
        : throw new KnowledgeException($"Knowledge {Version} has no file {fileName}.");

    /// <summary>The file as this version itself holds it; null when it inherits or lacks it.</summary>
    public byte[]? OwnFile(string fileName) => files.TryGetValue(fileName, out var bytes) ? bytes : null;

    // checkName: an embedded version's folder and manifest must name the same version; a test's copy under another name need not.
    private static ManifestDto ReadManifest(string version, SortedDictionary<string, byte[]> files, bool checkName)
    {
        if (!files.TryGetValue(ManifestName, out var bytes)) return new ManifestDto();
        ManifestDto manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(bytes, ManifestJsonContext.Default.ManifestDto) ?? new ManifestDto();
        }
        catch (JsonException ex)
        {
            throw new KnowledgeException($"knowledge/{version}/{ManifestName} does not load: {ex.Message}", ex);
        }
        if (checkName && manifest.Version is { } named && named != version)
            throw new KnowledgeException($"knowledge/{version}/{ManifestName} names version {named}: the folder and the manifest must agree.");
        if (manifest.Status is not (null or "draft" or "released"))
            throw new KnowledgeException($"knowledge/{version}/{ManifestName}: status '{manifest.Status}' is neither draft nor released.");
        return manifest;
    }

    private static string ComputeHash(KnowledgeSource? parent, SortedDictionary<string, byte[]> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (parent is not null)
        {
            hash.AppendData("parent:"u8);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(parent.ContentHash));
            hash.AppendData([0]);
        }
        foreach (var (name, bytes) in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            hash.AppendData([0]);
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>The parts of manifest.json the loader reads; the rest (editions, notes) is for people.</summary>
internal sealed record ManifestDto
{
    public string? Version { get; init; }
    public string? Parent { get; init; }
    public string? Status { get; init; }
    public string? Released { get; init; }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[System.Text.Json.Serialization.JsonSerializable(typeof(ManifestDto))]
internal sealed partial class ManifestJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

/// <summary>Knowledge that does not load or does not pass its checks: a build defect, never a user error.</summary>
public sealed class KnowledgeException : Exception
{
    public KnowledgeException() { }
    public KnowledgeException(string message) : base(message) { }
    public KnowledgeException(string message, Exception inner) : base(message, inner) { }
}
