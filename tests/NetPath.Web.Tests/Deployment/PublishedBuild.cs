using System.Diagnostics;
using NetPath.Web.Tests.Infrastructure;

namespace NetPath.Web.Tests.Deployment;

/// <summary>
/// The published `netpath` (what every deployment runs), produced once per run. scripts/test.sh
/// publishes it before the tests and names the folder in NETPATH_PUBLISHED; a focused run without
/// it publishes here, once per test process.
/// </summary>
public static class PublishedBuild
{
    private static readonly Lazy<Task<string>> Folder = new(LocateAsync);

    /// <summary>The published `netpath` executable.</summary>
    public static async Task<string> NetpathAsync() => Path.Combine(await Folder.Value, "netpath");

    private static async Task<string> LocateAsync()
    {
        var given = Environment.GetEnvironmentVariable("NETPATH_PUBLISHED");
        if (!string.IsNullOrEmpty(given))
        {
            File.Exists(Path.Combine(given, "netpath")).ShouldBeTrue($"NETPATH_PUBLISHED={given} holds no netpath executable");
            return given;
        }
        var folder = Path.Combine(Repo.Root, "artifacts", "publish", "netpath-tests");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root };
        foreach (var a in new[] { "publish", "src/NetPath.Cli", "-c", "Release", "-o", folder, "-nologo", "-v", "q" }) info.ArgumentList.Add(a);
        using var publish = Process.Start(info)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        publish.ExitCode.ShouldBe(0, $"dotnet publish failed: {await output}{await errors}");
        return folder;
    }
}
