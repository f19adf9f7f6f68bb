namespace NetPath.Cli.Input;

/// <summary>One case as it arrives: its UTF-8 JSON and where it came from (a file or "stdin", and the line of a JSON Lines input).</summary>
internal readonly record struct CaseInput(string Source, int Line, ReadOnlyMemory<byte> Json)
{
    /// <summary>"file.json", "cases.ndjson:17", "stdin": built only when an error names it.</summary>
    public string Origin => Line > 0 ? $"{Source}:{Line}" : Source;
}

/// <summary>
/// Yields the cases named on the command line in input order: files, every *.json of a folder
/// (by name), or standard input; with JSON Lines, one case per non-blank line. Reads as it goes,
/// so a batch of any size runs in constant memory.
/// </summary>
internal static class CaseInputs
{
    public static IEnumerable<CaseInput> Enumerate(IReadOnlyList<string> inputs, bool ndjson, Func<Stream> stdin)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                foreach (var c in FromStream(stdin(), "stdin", ndjson)) yield return c;
            }
            else if (Directory.Exists(input))
            {
                var pattern = ndjson ? "*.ndjson" : "*.json";
                foreach (var file in Directory.EnumerateFiles(input, pattern).Order(StringComparer.Ordinal))
                {
                    foreach (var c in FromFile(file, ndjson)) yield return c;
                }
            }
            else
            {
                foreach (var c in FromFile(input, ndjson)) yield return c;
            }
        }
    }

    private static IEnumerable<CaseInput> FromFile(string path, bool ndjson)
    {
        if (!File.Exists(path)) throw new InputNotFoundException(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        foreach (var c in FromStream(stream, path, ndjson)) yield return c;
    }

    private static IEnumerable<CaseInput> FromStream(Stream stream, string origin, bool ndjson)
    {
        if (!ndjson)
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            yield return new CaseInput(origin, 0, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            yield break;
        }
        var lineNumber = 0;
        foreach (var line in JsonLines.Read(stream))
        {
            lineNumber++;
            if (IsBlank(line.Span)) continue;
            yield return new CaseInput(origin, lineNumber, line);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        }
        return true;
    }
}

/// <summary>Splits a UTF-8 stream into lines without copying each line more than once.</summary>
internal static class JsonLines
{
    /// <summary>
    /// Each line (without its newline). A yielded line is only valid until the next one is asked
    /// for: the buffer is reused.
    /// </summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Read(Stream stream)
    {
        var buffer = new byte[1 << 16];
        int start = 0, end = 0;
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                yield return buffer.AsMemory(start, newline);
                start += newline + 1;
                continue;
            }
            // No full line left in the buffer: keep the partial one, then read more.
            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }
            if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                if (end > start) yield return buffer.AsMemory(start, end - start);
                yield break;
            }
            end += read;
        }
    }
}

internal sealed class InputNotFoundException(string path) : Exception($"No such file or folder: {path}")
{
    public string Path { get; } = path;
}
