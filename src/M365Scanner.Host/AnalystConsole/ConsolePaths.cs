using M365Scanner.Core.Operations;

namespace M365Scanner.Host.AnalystConsole;

/// <summary>Where the console's pages are, for links between them and from other features (the blocked-link page).</summary>
public static class ConsolePaths
{
    public const string Root = "/console";
    public const string Messages = Root + "/messages";
    public const string Message = Root + "/message";
    public const string Hunts = Root + "/hunts";
    public const string Requests = Root + "/requests";
    public const string DecideRequest = Requests + "/decide";
    public const string Reports = Root + "/reports";
    public const string DecideReport = Reports + "/decide";
    public const string Tenants = Root + "/tenants";
    public const string SignedOut = Root + "/signedout";
    public const string Stylesheet = Root + "/console.css";

    /// <summary>A message's page, found by tenant, mailbox and Internet Message-ID.</summary>
    public static string MessagePage(MessageKey key) =>
        $"{Message}?tenant={Uri.EscapeDataString(key.TenantId)}&mailbox={Uri.EscapeDataString(key.Mailbox)}&id={Uri.EscapeDataString(key.MessageId)}";

    /// <summary>A hunt's report.</summary>
    public static string HuntPage(string huntId) => $"{Hunts}/{Uri.EscapeDataString(huntId)}";

    /// <summary>A tenant's page: its mailboxes, poison messages and policy.</summary>
    public static string TenantPage(string tenantId) => $"{Tenants}/{Uri.EscapeDataString(tenantId)}";

    /// <summary>Where an admin edits a tenant's policy override.</summary>
    public static string TenantPolicyPage(string tenantId) => TenantPage(tenantId) + "/policy";
}
