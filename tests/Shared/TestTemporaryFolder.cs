using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Formulary.Tests.Shared;

/// <summary>
/// Every temporary file and folder a test run makes (stores, content folders, exported sites, the processes it starts)
/// goes under one folder of its own, removed when the run ends: tests make them with <see cref="Path.GetTempPath"/> and
/// <see cref="Directory.CreateTempSubdirectory(string?)"/>, which read <c>TMPDIR</c>, and the processes they start inherit it.
/// A run that was killed leaves its folder behind; the next run removes those whose process is gone. Compiled into every
/// test assembly (Directory.Build.props).
/// </summary>
internal static class TestTemporaryFolder
{
    private const string Prefix = "formulary-test-run-";

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "The run's temporary folder must be in place before any test makes a file.")]
    internal static void Start()
    {
        var shared = Path.GetTempPath();
        if (Path.GetFileName(Path.TrimEndingDirectorySeparator(shared)).StartsWith(Prefix, StringComparison.Ordinal))
        {
            return; // a process started by a test: it uses its parent's folder
        }

        RemoveLeftOvers(shared);
        var own = Path.Combine(shared, Prefix + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(own);
        Environment.SetEnvironmentVariable("TMPDIR", own);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(own);
    }

    private static void RemoveLeftOvers(string shared)
    {
        foreach (var folder in Directory.EnumerateDirectories(shared, Prefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(folder).AsSpan(Prefix.Length), out var id) && !Running(id))
            {
                Remove(folder);
            }
        }
    }

    private static bool Running(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Remove(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run to remove.
        }
    }
}
