using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Formulary.Web.Pages;

/// <summary>
/// Renders Razor components to HTML outside the Blazor runtime (no circuit, no script): the same
/// renderer serves live requests and writes the static export. Razor encodes every value it
/// writes, so only sanitized monograph HTML and serialized JSON-LD are emitted raw.
/// A renderer handles one render at a time (its dispatcher is single-threaded), so callers that
/// render in parallel create one per worker.
/// </summary>
internal sealed class PageRenderer : IAsyncDisposable
{
    private readonly HtmlRenderer renderer;
    private readonly ServiceProvider? ownedServices;

    public PageRenderer(IServiceProvider services, ILoggerFactory loggerFactory)
    {
        renderer = new HtmlRenderer(services, loggerFactory);
    }

    private PageRenderer(ServiceProvider services)
    {
        ownedServices = services;
        renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
    }

    /// <summary>A renderer that needs no web host (the static export).</summary>
    public static PageRenderer CreateStandalone() =>
        new(new ServiceCollection().AddLogging().BuildServiceProvider());

    public Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent =>
        renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters)).ConfigureAwait(false);
            return output.ToHtmlString();
        });

    public async Task<byte[]> RenderUtf8Async<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent =>
        Encoding.UTF8.GetBytes(await RenderAsync<TComponent>(parameters).ConfigureAwait(false));

    public async ValueTask DisposeAsync()
    {
        await renderer.DisposeAsync().ConfigureAwait(false);
        if (ownedServices is not null)
        {
            await ownedServices.DisposeAsync().ConfigureAwait(false);
        }
    }
}
