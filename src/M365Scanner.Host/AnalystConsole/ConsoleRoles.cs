namespace M365Scanner.Host.AnalystConsole;

/// <summary>
/// The console's app roles, as the app registration declares them and Entra ID puts them in the id token's
/// <c>roles</c> claim, and the policies built on them. A Reader sees everything; an Analyst also releases, undoes,
/// allows, blocks and hunts; an Admin also sets each tenant's policy and on- or offboards tenants.
/// </summary>
public static class ConsoleRoles
{
    public const string Admin = "Admin";
    public const string Analyst = "Analyst";
    public const string Reader = "Reader";

    /// <summary>Policy names; each authenticates with the console's cookie only, never an API key.</summary>
    public const string ReadPolicy = "console-read";
    public const string ActPolicy = "console-act";
    public const string AdministerPolicy = "console-administer";

    public static readonly string[] Readers = [Reader, Analyst, Admin];
    public static readonly string[] Actors = [Analyst, Admin];
    public static readonly string[] Administrators = [Admin];
}
