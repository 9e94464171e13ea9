using System.CommandLine;
using System.Net.Http.Json;

namespace M365Scanner.Cli.Commands;

/// <summary><c>hunt --domain|--url|--sender X [--days N] [--tenant T] [--report-only] --host URL [--api-key KEY]</c>:
/// starts an IOC hunt through the admin API and prints its id and report URL (JSON).</summary>
public static class HuntCommand
{
    public static Command Create()
    {
        var domain = new Option<string>("--domain") { Description = "A malicious domain (its subdomains match too)." };
        var url = new Option<string>("--url") { Description = "A malicious URL (Safe Links wrapped URLs are unwrapped)." };
        var sender = new Option<string>("--sender") { Description = "A malicious sender address, or @domain." };
        var days = new Option<int?>("--days") { Description = "How far back to hunt (default: the host's Scanner:IocHuntDays, 30)." };
        var tenant = new Option<string>("--tenant") { Description = "Hunt one tenant only (default: every tenant)." };
        var reportOnly = new Option<bool>("--report-only") { Description = "Report matches without quarantining them." };
        var host = new HostOptions();
        var command = new Command("hunt", "Find (and quarantine) every message carrying an indicator, through the admin API.")
        {
            domain, url, sender, days, tenant, reportOnly,
        };
        host.AddTo(command);
        command.Validators.Add(result =>
        {
            var given = new[] { result.GetValue(domain), result.GetValue(url), result.GetValue(sender) }.Count(v => !string.IsNullOrWhiteSpace(v));
            if (given != 1)
                result.AddError("give exactly one of --domain, --url or --sender");
            if (result.GetValue(days) is { } d && d is < 1 or > 365)
                result.AddError("--days must be between 1 and 365");
        });
        command.SetAction(async (parse, ct) =>
        {
            var key = host.Key(parse);
            using var client = AdminApiClient.Create(parse.GetRequiredValue(host.Host), key);
            var body = new
            {
                domain = parse.GetValue(domain), url = parse.GetValue(url), sender = parse.GetValue(sender),
                days = parse.GetValue(days), tenant = parse.GetValue(tenant), act = !parse.GetValue(reportOnly),
            };
            using var response = await client.PostAsJsonAsync("api/admin/hunts", body, ct);
            return await AdminApiClient.ReportAsync(response, key is not null, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct);
        });
        return command;
    }
}
