using M365Scanner.GraphEmulator.Directory;
using M365Scanner.GraphEmulator.Graph;
using M365Scanner.GraphEmulator.Identity;

namespace M365Scanner.GraphEmulator.Apis;

/// <summary>GET /users (paged with $top and $skiptoken) and GET /users/{id | userPrincipalName}.</summary>
internal static class UsersApi
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 999;

    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder graph)
    {
        graph.MapGet("/users", ListUsers).RequireDirectoryRoles(Roles.UserRead);
        graph.MapGet("/users/{userId}", GetUser).RequireDirectoryRoles(Roles.UserRead);
        return graph;
    }

    private static GraphJson ListUsers(HttpContext context, TenantDirectory directory)
    {
        var query = ODataQuery.From(context.Request);
        var users = directory.Get(context.Caller().TenantId).Users;
        var offset = SkipToken.Decode(query.SkipToken);
        var size = query.PageSize(context.Request, DefaultPageSize, MaxPageSize);
        var page = users.Skip(offset).Take(size).ToArray();
        var next = offset + page.Length < users.Count
            ? PageLinks.With(context.Request, "$skiptoken", SkipToken.Encode(offset + page.Length))
            : null;
        return Collections.Page(page, (w, u) => UserJson.Write(w, u, query.Select), Collections.Context(context.Request, "users"), next);
    }

    private static GraphJson GetUser(HttpContext context)
    {
        var query = ODataQuery.From(context.Request);
        var user = context.TargetUser();
        return GraphJson.Ok(w => UserJson.Write(w, user, query.Select));
    }
}
