using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Formulary.Web.Problems;

/// <summary>
/// The JSON API reads its query string strictly, as it reads request bodies: a parameter the endpoint does
/// not take (<c>?limt=100</c> silently answered with the default 10) or one given twice (<c>?q=a&amp;q=b</c>,
/// which binding joined into "a,b") is a 400 naming it, never a guess. The names an endpoint takes are its
/// handler's simple parameters (text, numbers, flags; <c>[FromQuery(Name = …)]</c> honoured) that are not in
/// its route. Pages stay lenient (links from elsewhere carry tracking parameters), as does FHIR search,
/// whose specification has its own rules for unknown parameters.
/// </summary>
internal static class StrictQuery
{
    /// <summary>Marks the endpoints whose query string is read strictly (checked by <see cref="UseStrictQuery"/>, before binding).</summary>
    public static TBuilder WithStrictQuery<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var handler = endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
            var route = (endpoint as RouteEndpointBuilder)?.RoutePattern.Parameters.Select(p => p.Name) ?? [];
            var names = (handler?.GetParameters().Where(IsQueryValue).Select(NameOf) ?? []).Except(route, StringComparer.OrdinalIgnoreCase);
            endpoint.Metadata.Add(new Parameters(names.ToHashSet(StringComparer.OrdinalIgnoreCase)));
        });
        return builder;
    }

    /// <summary>After routing and before the endpoint binds its parameters (a repeated number would fail to bind first).</summary>
    public static WebApplication UseStrictQuery(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<Parameters>() is { } parameters
                && Refusal(context.Request, parameters.Names) is { } detail)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StrictQuery));
                RequestExceptionHandler.LogClientFault(logger, ProblemCatalog.BadRequest.Status, ProblemCatalog.BadRequest.Code, context.Request.Method, context.Request.Path, detail);
                await ProblemMapping.WriteAsync(context, ProblemCatalog.BadRequest, detail).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        return app;
    }

    /// <summary>Why the query string is refused, or null when every parameter is known and given once.</summary>
    private static string? Refusal(HttpRequest request, IReadOnlySet<string> names)
    {
        foreach (var (key, values) in request.Query)
        {
            var shown = ClientText.Quote(key);
            if (!names.Contains(key))
            {
                return names.Count == 0
                    ? $"Unknown query parameter {shown}: this address takes none."
                    : $"Unknown query parameter {shown}: this address takes {string.Join(", ", names.Order(StringComparer.Ordinal))}.";
            }

            if (values.Count > 1)
            {
                return $"{shown} is given {values.Count} times; give each parameter once.";
            }
        }

        return null;
    }

    private static bool IsQueryValue(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(DateOnly);
    }

    private static string NameOf(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name ?? string.Empty;

    /// <summary>The query parameters an endpoint takes.</summary>
    private sealed record Parameters(IReadOnlySet<string> Names);
}
