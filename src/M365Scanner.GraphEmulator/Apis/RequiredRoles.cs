namespace M365Scanner.GraphEmulator.Apis;

/// <summary>Endpoint metadata: the token must carry one of these roles, else 403 with this error.
/// <paramref name="IsOutlook"/> marks mailbox routes, the ones Outlook's throttling limits apply to.</summary>
internal sealed record RequiredRoles(string[] AnyOf, string DeniedCode, string DeniedMessage, bool IsOutlook);

internal static class RequiredRolesExtensions
{
    /// <summary>Requires a mail role; Exchange answers a missing one with ErrorAccessDenied.</summary>
    public static TBuilder RequireMailRoles<TBuilder>(this TBuilder builder, string[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredRoles(roles, "ErrorAccessDenied", "Access is denied. Check credentials and try again.", IsOutlook: true));

    /// <summary>Requires a directory role; Entra ID answers a missing one with Authorization_RequestDenied.</summary>
    public static TBuilder RequireDirectoryRoles<TBuilder>(this TBuilder builder, string[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredRoles(roles, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", IsOutlook: false));
}
