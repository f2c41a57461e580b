namespace Formulary.Web.Tests.Hosting;

/// <summary>
/// The real site on a free loopback port, started exactly as <c>formulary serve</c> starts it,
/// shared by the tests of one class. Requests go over real HTTP.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    private WebApplication? app;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        app = FormularyWebApp.Create(new FormularyWebOptions
        {
            Urls = "http://127.0.0.1:0",
            JsonConsoleLogs = false,
            MinimumLogLevel = LogLevel.Warning,
        });
        await app.StartAsync();
        BaseAddress = new Uri(app.Urls.Single());
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
