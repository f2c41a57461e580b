namespace Formulary.Web.Hosting;

/// <summary>
/// The site cannot start for a reason the operator can fix (port in use, unreadable certificate,
/// corrupt or too-new database). <c>formulary serve</c> prints the message as one line and exits 1.
/// </summary>
public sealed class StartupException : Exception
{
    public StartupException()
    {
    }

    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
