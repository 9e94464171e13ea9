using System.Globalization;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace M365Scanner.Host.Exports;

/// <summary>Verdicts and audit entries for a SIEM or a spreadsheet (docs/EXPORT.md): every change after a cursor, in
/// the order changes were committed, as JSON lines or CSV; any API key, as the other admin reads.</summary>
public static class ExportApi
{
    public const string Path = "/api/admin/export";

    public const int DefaultLimit = 1000;
    public const int MaxLimit = 10_000;

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).RequireAuthorization(AuthorizationPolicies.Viewer);
        api.MapGet("/verdicts", (IChangeFeed<VerdictRecord> feed, HttpRequest request, string? cursor, string? limit, string? tenant, string? format) =>
            Page(feed, new VerdictExportShape(), request, cursor, limit, tenant, format));
        api.MapGet("/audit", (IChangeFeed<AuditEntry> feed, HttpRequest request, string? cursor, string? limit, string? tenant, string? format) =>
            Page(feed, new AuditExportShape(), request, cursor, limit, tenant, format));
        return app;
    }

    /// <summary>The page after <paramref name="cursor"/> (none: the start) of at most <paramref name="limit"/> rows
    /// (1 to <see cref="MaxLimit"/>, default <see cref="DefaultLimit"/>; out of range is brought into it), of one
    /// tenant or all. 400 with the reason for a cursor this host did not issue or an unknown format.</summary>
    internal static Results<ExportPage<T>, BadRequest<string>> Page<T>(IChangeFeed<T> feed, IExportShape<T> shape, HttpRequest request,
        string? cursor, string? limit, string? tenant, string? format)
    {
        // Read here rather than bound as a number, so a limit that is not one gets a reason rather than an empty 400.
        var rows = DefaultLimit;
        if (limit is not null && !int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out rows))
            return TypedResults.BadRequest($"limit must be a whole number from 1 to {MaxLimit}");
        if (!ExportCursor.TryDecode(cursor, out var after, out var cursorError))
            return TypedResults.BadRequest(cursorError);
        if (!ExportFormats.TryRead(format, request, out var chosen, out var formatError))
            return TypedResults.BadRequest(formatError);
        return new ExportPage<T>(feed, shape, after, Math.Clamp(rows, 1, MaxLimit), tenant, chosen);
    }
}
