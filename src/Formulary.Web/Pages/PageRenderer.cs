using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Formulary.Web.Pages;

/// <summary>
/// Renders Razor components to HTML outside the Blazor runtime (no circuit, no script): the same
/// renderer serves live requests and writes the static export. Razor encodes every value it
/// writes, so only sanitized monograph HTML and serialized JSON-LD are emitted raw.
/// </summary>
/// <remarks>
/// Each render gets its own <see cref="HtmlRenderer"/>, disposed when the HTML is out: an
/// <see cref="HtmlRenderer"/> keeps every root component it rendered (and so every search page,
/// 404 and dose answer) until it is disposed, which made a long-lived one grow without bound.
/// Creating one costs far less than rendering a page, and makes this class safe to share.
/// </remarks>
internal sealed class PageRenderer : IAsyncDisposable
{
    private readonly IServiceProvider services;
    private readonly ILoggerFactory loggerFactory;
    private readonly ServiceProvider? ownedServices;

    public PageRenderer(IServiceProvider services, ILoggerFactory loggerFactory)
    {
        this.services = services;
        this.loggerFactory = loggerFactory;
    }

    private PageRenderer(ServiceProvider services)
        : this(services, services.GetRequiredService<ILoggerFactory>())
    {
        ownedServices = services;
    }

    /// <summary>A renderer that needs no web host (the static export).</summary>
    public static PageRenderer CreateStandalone() =>
        new(new ServiceCollection().AddLogging().BuildServiceProvider());

    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        var renderer = new HtmlRenderer(services, loggerFactory);
        await using (renderer.ConfigureAwait(false))
        {
            return await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters)).ConfigureAwait(false);
                return output.ToHtmlString();
            }).ConfigureAwait(false);
        }
    }

    public async Task<byte[]> RenderUtf8Async<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent =>
        Encoding.UTF8.GetBytes(await RenderAsync<TComponent>(parameters).ConfigureAwait(false));

    public async ValueTask DisposeAsync()
    {
        if (ownedServices is not null)
        {
            await ownedServices.DisposeAsync().ConfigureAwait(false);
        }
    }
}
