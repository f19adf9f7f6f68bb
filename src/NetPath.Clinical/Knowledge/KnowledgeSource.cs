using System.Reflection;
using System.Security.Cryptography;

namespace NetPath.Clinical.Knowledge;

/// <summary>
/// The raw knowledge files of one version, as embedded in the build from knowledge/&lt;version&gt;/.
/// Knowledge is never read from disk at run time: what was reviewed is what runs.
/// </summary>
public sealed class KnowledgeSource
{
    private const string Prefix = "knowledge/";
    private static readonly Assembly Host = typeof(KnowledgeSource).Assembly;

    private readonly SortedDictionary<string, byte[]> files;

    private KnowledgeSource(string version, SortedDictionary<string, byte[]> files)
    {
        Version = version;
        this.files = files;
        contentHash = new Lazy<string>(() => ComputeHash(files));
    }

    // Hashing loads the platform's crypto library: worth ~0.1 s of a cold `netpath assess`, and
    // only storage and `knowledge validate` need it, so it is computed on first use.
    private readonly Lazy<string> contentHash;

    public string Version { get; }

    /// <summary>SHA-256 over every file of the version (names and bytes, in name order), hex.</summary>
    public string ContentHash => contentHash.Value;

    public IEnumerable<string> FileNames => files.Keys;

    /// <summary>Every knowledge version embedded in this build, oldest first (numeric order: 2026.11.2 before 2026.11.10).</summary>
    public static IReadOnlyList<string> EmbeddedVersions() =>
        [.. Host.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.IndexOf('/', Prefix.Length) > 0)
            .Select(n => n[Prefix.Length..n.IndexOf('/', Prefix.Length)])
            .Where(v => System.Version.TryParse(v, out _))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(System.Version.Parse)];

    /// <summary>Loads the embedded files of <paramref name="version"/> (the newest when null).</summary>
    public static KnowledgeSource Embedded(string? version = null)
    {
        var versions = EmbeddedVersions();
        if (versions.Count == 0) throw new InvalidOperationException("No knowledge is embedded in this build.");
        version ??= versions[^1];
        if (!versions.Contains(version, StringComparer.Ordinal))
            throw new ArgumentException($"Knowledge version {version} is not in this build; it has {string.Join(", ", versions)}.", nameof(version));
        var prefix = Prefix + version + "/";
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in Host.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = Host.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files.Add(name[prefix.Length..], buffer.ToArray());
        }
        return new KnowledgeSource(version, files);
    }

    /// <summary>Builds a source from files in memory (for tests of the knowledge checks).</summary>
    public static KnowledgeSource FromFiles(string version, IReadOnlyDictionary<string, byte[]> files) =>
        new(version, new SortedDictionary<string, byte[]>(files.ToDictionary(), StringComparer.Ordinal));

    public bool Has(string fileName) => files.ContainsKey(fileName);

    public ReadOnlySpan<byte> Read(string fileName) =>
        files.TryGetValue(fileName, out var bytes)
            ? bytes
            : throw new KnowledgeException($"Knowledge {Version} has no file {fileName}.");

    private static string ComputeHash(SortedDictionary<string, byte[]> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            hash.AppendData([0]);
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>Knowledge that does not load or does not pass its checks: a build defect, never a user error.</summary>
public sealed class KnowledgeException : Exception
{
    public KnowledgeException() { }
    public KnowledgeException(string message) : base(message) { }
    public KnowledgeException(string message, Exception inner) : base(message, inner) { }
}
