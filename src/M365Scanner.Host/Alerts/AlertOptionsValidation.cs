using System.Text.RegularExpressions;
using M365Scanner.Core.Policy;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Alerts;

/// <summary>Checks each webhook at start, naming it by its index and name; never echoes a URL or a secret (a Teams URL
/// is one).</summary>
public sealed partial class AlertOptionsValidation : IValidateOptions<AlertOptions>
{
    /// <summary>The shortest signing secret accepted: 16 characters, so one cannot be guessed.</summary>
    public const int MinSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        for (var i = 0; i < options.Webhooks.Count; i++)
            problems.AddRange(Check(options.Webhooks[i]).Select(p => $"Alerts:Webhooks:{i} ({options.Webhooks[i].Name}): {p}"));
        foreach (var duplicate in options.Webhooks.GroupBy(w => w.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add($"Alerts:Webhooks: the name '{duplicate.Key}' is used {duplicate.Count()} times; each webhook needs its own.");
        // A lease shorter than a batch's attempts could let another host take alerts this one is still sending.
        if (options.Lease < options.AttemptTimeout * (options.BatchSize + 1))
            problems.Add("Alerts:Lease must be longer than Alerts:AttemptTimeout times (Alerts:BatchSize + 1).");
        if (options.MaxRetryDelay < options.FirstRetryDelay)
            problems.Add("Alerts:MaxRetryDelay must not be shorter than Alerts:FirstRetryDelay.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> Check(AlertWebhookOptions webhook)
    {
        if (!WebhookName().IsMatch(webhook.Name))
            yield return "Name is required: 1-64 letters, digits, '-', '_' or '.'.";
        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            yield return "Url must be an absolute https URL.";
        else if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url))
            yield return "Url must use https (plain http is allowed only to 127.0.0.1 or localhost, for a receiver on this machine).";
        if (!Enum.IsDefined(webhook.Format))
            yield return "Format must be Json or Teams.";
        if (webhook.Format == AlertFormat.Json && (webhook.Secret?.Length ?? 0) < MinSecretLength)
            yield return $"Secret is required for the Json format ({MinSecretLength} characters at least): receivers check the signature with it.";
        if (webhook.MinimumAction is not (MessageAction.Rewrite or MessageAction.Quarantine))
            yield return "MinimumAction must be Rewrite or Quarantine.";
        if (webhook.Tenants.Any(string.IsNullOrWhiteSpace))
            yield return "Tenants must not hold an empty entry.";
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback && (url.Host == "127.0.0.1" || url.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex WebhookName();
}
