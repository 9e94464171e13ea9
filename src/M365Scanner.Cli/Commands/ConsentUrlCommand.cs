using System.CommandLine;
using M365Scanner.Core.Onboarding;

namespace M365Scanner.Cli.Commands;

/// <summary><c>consent-url</c>: the admin-consent URL to send to a customer's administrator. Either built locally
/// from <c>--client-id</c> and <c>--redirect-uri</c> (without a state: the host's callback then refuses it, so use
/// it to check the app registration, or send admins to the host's /onboard), or asked of a running host with
/// <c>--host</c> and <c>--tenant</c>, whose /onboard answers with the URL carrying a fresh state bound to that tenant
/// (valid only in the browser that opens /onboard itself, so this form is for checking what the host sends).
/// <c>--tenant</c> names the organization asked; without it the local URL lets any organization answer.</summary>
public static class ConsentUrlCommand
{
    private static readonly Option<string> ClientId = new("--client-id") { Description = "Application (client) id of the multi-tenant app." };
    private static readonly Option<string> RedirectUri = new("--redirect-uri") { Description = "Redirect URI registered on the app, e.g. https://scanner.example/onboard/callback." };
    private static readonly Option<string> Authority = new("--authority")
    {
        Description = "Entra ID authority host.", DefaultValueFactory = _ => "https://login.microsoftonline.com/",
    };
    private static readonly Option<string> Host = new("--host") { Description = "Base URL of a running host: print where its /onboard redirects." };
    private static readonly Option<string> Tenant = new("--tenant")
    {
        Description = "The customer's tenant id or verified domain: the URL asks that organization's admin (a host's /onboard needs it).",
    };

    public static Command Create()
    {
        var command = new Command("consent-url", "Print the admin-consent URL of the multi-tenant app.")
        {
            ClientId, RedirectUri, Authority, Host, Tenant,
        };
        command.Validators.Add(result =>
        {
            var host = result.GetValue(Host);
            var local = result.GetValue(ClientId) is not null || result.GetValue(RedirectUri) is not null;
            if (host is null == !local || (host is null && (result.GetValue(ClientId) is null || result.GetValue(RedirectUri) is null)))
                result.AddError("Give either --client-id and --redirect-uri, or --host.");
            foreach (var url in new[] { host, result.GetValue(RedirectUri), result.GetValue(Authority) })
                if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
                    result.AddError($"{url} is not an absolute URL.");
            if (result.GetValue(Tenant) is { } tenant && !ConsentTenant.TryNormalize(tenant, out _))
                result.AddError($"{tenant} is neither a tenant id nor a domain name.");
        });
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var tenant = parse.GetValue(Tenant) is { } given && ConsentTenant.TryNormalize(given, out var normal) ? normal : null;
            if (parse.GetValue(Host) is { } host)
                return await FromHostAsync(new Uri(host), tenant, stdout, parse.InvocationConfiguration.Error, ct);
            await stdout.WriteLineAsync(AdminConsentUrl.Build(new Uri(parse.GetRequiredValue(Authority)), parse.GetRequiredValue(ClientId),
                new Uri(parse.GetRequiredValue(RedirectUri)), tenant: tenant ?? AdminConsentUrl.AnyOrganization).ToString());
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> FromHostAsync(Uri host, string? tenant, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var onboard = new Uri(host, tenant is null ? "/onboard" : "/onboard?tenant=" + Uri.EscapeDataString(tenant));
        try
        {
            using var response = await http.GetAsync(onboard, ct);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                await stdout.WriteLineAsync(new Uri(onboard, location).ToString());
                return ExitCodes.Success;
            }
            await stderr.WriteLineAsync($"{onboard} answered {(int)response.StatusCode} {response.ReasonPhrase}, not a redirect: is onboarding configured{(tenant is null ? ", and was --tenant given" : "")}?");
        }
        catch (HttpRequestException e)
        {
            await stderr.WriteLineAsync($"Could not reach {onboard}: {e.Message}");
        }
        return ExitCodes.Failure;
    }
}
