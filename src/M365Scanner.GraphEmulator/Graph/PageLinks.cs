using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>Builds @odata.nextLink / @odata.deltaLink: the request's own absolute URL with one query option replaced.</summary>
internal static class PageLinks
{
    public static string With(HttpRequest request, IReadOnlyDictionary<string, string> replace, params string[] remove)
    {
        var dropped = new HashSet<string>(replace.Keys.Concat(remove).SelectMany(k => new[] { k, k.TrimStart('$') }), StringComparer.OrdinalIgnoreCase);
        var query = new List<KeyValuePair<string, string?>>();
        foreach (var (key, values) in request.Query)
        {
            if (dropped.Contains(key)) continue;
            foreach (var v in values) query.Add(new(key, v));
        }
        foreach (var (key, value) in replace) query.Add(new(key, value));
        var baseUrl = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path);
        return QueryHelpers.AddQueryString(baseUrl, query);
    }

    public static string With(HttpRequest request, string name, string value) =>
        With(request, new Dictionary<string, string> { [name] = value });
}
