namespace Formulary.Web.Hosting;

/// <summary>
/// A start-up warning when the garbage collector's gen-0 budget is left at its default on a machine that reports no CPU
/// cache sizes: .NET then keeps a small budget and collects very often under load (a CDS Hooks call cost ~30% more CPU on
/// a 2-vCPU VM, and the benchmark against nginx fell from 0.416 to 0.267; BENCHMARKS.md, issue 11.4, sessions 10 and 17).
/// Only an environment variable read at process start sets the budget, so the server can only say so: DEPLOYMENT.md, "The
/// .NET garbage collector on small virtual machines", has the setting. Linux only: where the caches are listed.
/// </summary>
internal static partial class CollectorBudget
{
    private const string CacheFolder = "/sys/devices/system/cpu/cpu0/cache";

    /// <summary>The names the runtime reads the budget from (the DOTNET_ prefix, and the older COMPlus_).</summary>
    private static readonly string[] Variables = ["DOTNET_GCgen0size", "COMPlus_GCgen0size"];

    /// <summary>The warning to log, or null when the budget is set or the machine reports its caches.</summary>
    public static string? Advice(Func<string, string?> environment, bool cachesReported)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return cachesReported || Variables.Any(name => !string.IsNullOrEmpty(environment(name)))
            ? null
            : "This machine reports no CPU cache sizes and DOTNET_GCgen0size is not set: .NET keeps a small gen-0 budget and collects very often under load. Start the server with DOTNET_GCgen0size=0x4000000 (docs/DEPLOYMENT.md, \"The .NET garbage collector on small virtual machines\").";
    }

    public static WebApplication LogCollectorBudget(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (OperatingSystem.IsLinux() && Advice(Environment.GetEnvironmentVariable, Directory.Exists(CacheFolder)) is { } advice)
        {
            Log(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CollectorBudget).FullName!), advice);
        }

        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Advice}")]
    private static partial void Log(ILogger logger, string advice);
}
