using System.CommandLine;

namespace M365Scanner.Cli.Commands;

/// <summary><c>release AUDIT-ID --host URL [--api-key KEY]</c>: undoes a quarantine or rewrite through the admin API.</summary>
public static class ReleaseCommand
{
    public static Command Create()
    {
        var auditId = new Argument<long>("auditId") { Description = "The audit entry of the quarantine or rewrite to undo." };
        var host = new HostOptions();
        var command = new Command("release", "Release a quarantined or rewritten message, through the admin API.") { auditId };
        host.AddTo(command);
        // On the argument's token, not its value: reading the value of "abc" throws instead of reporting.
        auditId.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && long.TryParse(result.Tokens[0].Value, out var id) && id < 1)
                result.AddError("auditId must be a positive audit entry id");
        });
        command.SetAction(async (parse, ct) =>
        {
            var key = host.Key(parse);
            using var client = AdminApiClient.Create(parse.GetRequiredValue(host.Host), key);
            using var response = await client.PostAsync($"api/admin/release/{parse.GetValue(auditId)}", null, ct);
            return await AdminApiClient.ReportAsync(response, key is not null, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct);
        });
        return command;
    }
}
