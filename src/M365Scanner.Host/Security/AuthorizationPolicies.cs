namespace M365Scanner.Host.Security;

/// <summary>Who may look (Viewer, and Admin) and who may act (Admin) on the dashboard and admin API.</summary>
public static class AuthorizationPolicies
{
    public const string Viewer = "viewer";
    public const string Admin = "admin";
}
