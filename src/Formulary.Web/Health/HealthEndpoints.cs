namespace Formulary.Web.Health;

internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapFormularyHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health");
        return app;
    }
}
