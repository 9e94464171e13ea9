using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace M365Scanner.Host.AnalystConsole.Pages.Messages;

/// <summary>The messages the scanner judged, newest first, narrowed by the search form. A search box value that
/// cannot match anything sensible (a malformed domain, a time that is not one) is said so, not silently dropped.</summary>
public sealed class IndexModel(IVerdictStore verdicts) : PageModel
{
    public const int Limit = 200;
    private const int MaxId = 128;

    /// <summary>The blocked-link page's reference, or a Message-ID with or without its angle brackets.</summary>
    [BindProperty(SupportsGet = true)] public string? Reference { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tenant { get; set; }
    [BindProperty(SupportsGet = true)] public string? Mailbox { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sender { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public string? LinkDomain { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Since { get; set; }
    [BindProperty(SupportsGet = true)] public string? Until { get; set; }

    public IReadOnlyList<VerdictRecord> Results { get; private set; } = [];

    /// <summary>Why the search was not run, when a field could not be read.</summary>
    public string? Problem { get; private set; }

    /// <summary>The registrable domain searched for when it differs from what was typed (a subdomain, a URL).</summary>
    public string? SearchedDomain { get; private set; }

    public void OnGet()
    {
        try
        {
            var query = Query();
            SearchedDomain = query.LinkDomain is { } domain && !string.Equals(domain, LinkDomain?.Trim(), StringComparison.OrdinalIgnoreCase) ? domain : null;
            Results = verdicts.Query(query);
        }
        catch (FormatException ex)
        {
            Problem = ex.Message;
        }
    }

    private VerdictQuery Query() => new(
        TenantId: Text(Tenant, MaxId, "a tenant id"),
        Mailbox: Text(Mailbox, VerdictSearchTerms.MaxAddress, "a mailbox")?.ToLowerInvariant(),
        Action: string.IsNullOrEmpty(Action) ? null
            : StableName.TryParse<MessageAction>(Action, out var action) ? action : throw new FormatException($"'{Action}' is not an action"),
        Since: VerdictSearchTerms.Time(Since, endOfPeriod: false),
        Limit: Limit,
        Sender: VerdictSearchTerms.Sender(Sender),
        SubjectContains: VerdictSearchTerms.Subject(Subject),
        MessageId: VerdictSearchTerms.MessageId(Reference),
        LinkDomain: VerdictSearchTerms.LinkDomain(LinkDomain),
        Until: VerdictSearchTerms.Time(Until, endOfPeriod: true));

    private static string? Text(string? value, int max, string what) =>
        string.IsNullOrWhiteSpace(value) ? null
        : value.Trim() is { } text && text.Length <= max && !text.Any(char.IsControl) ? text
        : throw new FormatException($"{what} is at most {max} characters, without control characters");
}
