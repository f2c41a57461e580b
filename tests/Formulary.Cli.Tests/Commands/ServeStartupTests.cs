using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Formulary.Cli.Tests.Commands.MultiNode;
using Microsoft.Data.Sqlite;

namespace Formulary.Cli.Tests.Commands;

/// <summary>
/// Issue 12.8: serve's start-up failures are one line on stderr and exit 1, and nothing is written
/// to the store before the port is bound.
/// </summary>
public sealed class ServeStartupTests
{
    [Fact]
    public void PortInUse_Serve_OneLineExit1AndNoDatabaseCreated()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var database = Path.Combine(Directory.CreateTempSubdirectory("formulary-serve-").FullName, "formulary.db");

        var (exit, _, err) = CliRun.Run("serve", "--db", database, "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(1, exit);
        AssertOneLine(err, "already in use");
        Assert.False(File.Exists(database), "the store was created before the port was bound");
    }

    [Fact]
    public void CorruptDatabase_Serve_OneLineExit1NamingTheFile()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("formulary-serve-").FullName, "formulary.db");
        File.WriteAllBytes(database, [.. Enumerable.Repeat((byte)0x5A, 64 * 1024)]);

        var (exit, _, err) = CliRun.Run("serve", "--db", database, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, exit);
        AssertOneLine(err, database);
        Assert.Contains("corrupt", err, StringComparison.Ordinal);
    }

    [Fact]
    public void TooNewDatabase_Serve_OneLineExit1()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("formulary-serve-").FullName, "formulary.db");
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 999";
            command.ExecuteNonQuery();
        }

        var (exit, _, err) = CliRun.Run("serve", "--db", database, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, exit);
        AssertOneLine(err, "newer than this Formulary understands");
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task ReadOnlyDatabase_Serve_OneLineExit1NamingTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("formulary-serve-");
        var database = Path.Combine(folder.FullName, "formulary.db");
        Assert.Equal(0, CliRun.Run("db", "migrate", "--db", database).Exit);
        File.SetUnixFileMode(database, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        folder.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

        // Permissions do not bind root, so as root the server runs as 'nobody' (setpriv, util-linux).
        var (exit, _, err) = Environment.UserName == "root"
            ? await FormularyProcess.RunAsync(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "env", $"HOME={folder.FullName}"], "serve", "--db", database, "--urls", "http://127.0.0.1:0")
            : CliRun.Run("serve", "--db", database, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, exit);
        AssertOneLine(err, database);
        Assert.Contains("cannot be opened for writing", err, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableCertificate_Serve_OneLineExit1()
    {
        var folder = Directory.CreateTempSubdirectory("formulary-serve-").FullName;

        var (exit, _, err) = CliRun.Run("serve", "--db", Path.Combine(folder, "f.db"), "--urls", "https://127.0.0.1:0", "--tls-cert", Path.Combine(folder, "none.pem"));

        Assert.Equal(1, exit);
        AssertOneLine(err, "none.pem");
        Assert.False(File.Exists(Path.Combine(folder, "f.db")));
    }

    [Fact]
    public void WatchWithoutContent_Serve_UsageErrorAndNoDatabaseCreated()
    {
        var folder = Directory.CreateTempSubdirectory("formulary-serve-").FullName;

        var (exit, _, err) = CliRun.Run("serve", "--db", Path.Combine(folder, "f.db"), "--urls", "http://127.0.0.1:0", "--watch");

        Assert.Equal(2, exit);
        AssertOneLine(err, "--watch needs --content DIR");
        Assert.False(File.Exists(Path.Combine(folder, "f.db")));
    }

    private static void AssertOneLine(string err, string expected)
    {
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("serve: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }
}
