using System.CommandLine;
using Formulary.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Formulary.Web.Hosting;

namespace Formulary.Cli.Commands;

/// <summary>
/// <c>formulary serve [--content DIR [--watch]] [--db DB] [--urls URL] [--public-url URL] [--cds-trust ISSUER=JWKS]... [--cds-insecure-dev]</c>: serves the store.
/// With <c>--content</c> it first publishes that folder incrementally (never removing anything); without
/// it, it publishes the bundled content only into an empty store, so a node started from an older
/// checkout changes nothing. Runs until stopped (Ctrl+C).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var content = new Option<string?>("--content") { Description = "Content folder to publish (incrementally) before serving; without it, the bundled content/ goes into an empty store only." };
        var database = ImportCommand.DatabaseOption();
        var urls = new Option<string>("--urls") { Description = "Address to listen on.", DefaultValueFactory = _ => FormularyWebOptions.DefaultUrls };
        var publicUrl = new Option<string?>("--public-url") { Description = "Address readers use, for canonical links and the sitemap (default: the listening address)." };
        var certificate = new Option<string?>("--tls-cert") { Description = "PEM certificate for https:// URLs (default: Kestrel:Certificates:Default:Path from configuration)." };
        var certificateKey = new Option<string?>("--tls-key") { Description = "PEM private key of --tls-cert (omit when the key is in the certificate file)." };
        var proxies = new Option<string[]>("--trusted-proxy") { Description = "Reverse proxy address or CIDR network whose X-Forwarded-For/-Proto headers are believed (repeatable; default none).", AllowMultipleArgumentsPerToken = true };
        var cdsTrust = new Option<string[]>("--cds-trust") { Description = "An EHR trusted to call the CDS Hooks services: ISSUER=JWKS, its JWT iss and its JWKS file path or URL (repeatable; default none).", AllowMultipleArgumentsPerToken = true };
        var cdsInsecure = new Option<bool>("--cds-insecure-dev") { Description = "Development only: answer CDS Hooks calls without verifying JWTs (announced in a response header and the log)." };
        var json = new Option<bool>("--json") { Description = "Log JSON lines (the default when the output is redirected; on a terminal, readable lines)." };
        var watch = new Option<bool>("--watch") { Description = "With --content: publish the folder again (incrementally) whenever a monograph or rules file in it is saved." };
        var command = new Command("serve", "Serve the store (site, JSON API, OpenAPI document), publishing --content DIR into it first.")
        {
            content, database, urls, publicUrl, certificate, certificateKey, proxies, cdsTrust, cdsInsecure, json, watch,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var error = result.InvocationConfiguration.Error;
            var folder = result.GetValue(content);
            if (folder is not null && !Directory.Exists(folder))
            {
                await error.WriteLineAsync($"serve: content folder '{folder}' does not exist.").ConfigureAwait(false);
                return FormularyCli.ExitUsage;
            }

            if (result.GetValue(watch) && folder is null)
            {
                await error.WriteLineAsync("serve: --watch needs --content DIR (the folder to watch).").ConfigureAwait(false);
                return FormularyCli.ExitUsage;
            }

            var trusted = new List<Formulary.Web.CdsHooks.Security.CdsTrustedIssuer>();
            foreach (var entry in result.GetValue(cdsTrust) ?? [])
            {
                var (issuer, problem) = Formulary.Web.CdsHooks.Security.CdsTrustedIssuer.Parse(entry);
                if (issuer is null)
                {
                    await error.WriteLineAsync("serve: --cds-trust " + problem).ConfigureAwait(false);
                    return FormularyCli.ExitUsage;
                }

                trusted.Add(issuer);
            }

            var options = new FormularyWebOptions
            {
                Urls = result.GetValue(urls)!,
                PublicBaseUrl = result.GetValue(publicUrl),
                CertificatePath = result.GetValue(certificate),
                CertificateKeyPath = result.GetValue(certificateKey),
                TrustedProxies = result.GetValue(proxies) ?? [],
                CdsTrust = trusted,
                CdsInsecureDev = result.GetValue(cdsInsecure),
            };
            if (result.GetValue(json))
            {
                options = options with { ConsoleLogs = ConsoleLogFormat.Json };
            }

            WebApplication app;
            try
            {
                app = await ContentSite.StartAsync(options, folder, result.GetValue(database)!, TimeProvider.System, cancellationToken, result.GetValue(watch)).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One line the operator can act on (port in use, corrupt, read-only or too-new database); exit 1.
                await error.WriteLineAsync("serve: " + StartupFailure.Describe(e, options.Urls, result.GetValue(database)!)).ConfigureAwait(false);
                return FormularyCli.ExitErrors;
            }

            await using (app.ConfigureAwait(false))
            {
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }

            return FormularyCli.ExitOk;
        });
        return command;
    }
}
