namespace M365Scanner.Core.Scoring.Lists;

/// <summary>
/// Hosting that phishing pages borrow: free site builders, serverless and tunnel endpoints, IPFS gateways, cloud
/// object storage, hosted forms and file sharing, each with the <see cref="AbusedHostingKind"/> that says how much
/// its presence means. Each entry also matches the hosts below it; "*.x" matches only hosts below x; "forms.*"
/// matches any host whose first label is "forms"; path entries ("docs.google.com/forms") need the path too.
/// </summary>
/// <remarks>Sources: Sublime Security's free_file_hosts / free_subdomain_hosts lists, the hosting providers most
/// reported in OpenPhish and PhishTank feeds, and Cloudflare/Netcraft reports on IPFS and serverless phishing.</remarks>
public static class AbusedHosting
{
    public static IReadOnlyList<string> FreeHosting { get; } =
    [
        // Static site and app hosting with free subdomains.
        "firebaseapp.com", "web.app", "pages.dev", "workers.dev", "netlify.app", "vercel.app",
        "github.io", "gitlab.io", "glitch.me", "*.weebly.com", "weeblysite.com", "wixsite.com", "editorx.io",
        "000webhostapp.com", "webflow.io", "square.site", "godaddysites.com", "mystrikingly.com", "strikingly.com",
        "carrd.co", "*.wordpress.com", "*.blogspot.com", "sites.google.com", "repl.co", "replit.app", "replit.dev",
        "surge.sh", "azurestaticapps.net", "b-cdn.net", "framer.app", "framer.website",
        "notion.site", "canva.site", "my.canva.site", "linktr.ee", "jimdosite.com", "yolasite.com", "site123.me",
        "webwave.dev", "tilda.ws", "start.page", "ukit.me", "wcomhost.com", "freehostia.com",
        "byethost.com", "epizy.com", "rf.gd", "infinityfreeapp.com", "42web.io", "ueuo.com", "atwebpages.com",
        "mybluehost.me", "telegra.ph", "backendless.app",
        "web.core.windows.net", "*.web.core.windows.net",
        // Tunnels to a machine the attacker runs.
        "ngrok.io", "ngrok-free.app", "ngrok.app", "ngrok.dev", "trycloudflare.com", "loca.lt", "serveo.net",
        "localtunnel.me", "pagekite.me", "telebit.io",
        // IPFS gateways (the "/ipfs/" path on any host is matched separately).
        "ipfs.io", "cloudflare-ipfs.com", "dweb.link", "ipfs.dweb.link", "nftstorage.link", "w3s.link",
        "infura-ipfs.io", "gateway.pinata.cloud", "fleek.co", "4everland.io", "ipfs.fleek.co",
    ];

    public static IReadOnlyList<string> CloudStorage { get; } =
    [
        // Platform app endpoints: free tiers make them throwaway hosting, but partners run real portals there too.
        "azurewebsites.net", "herokuapp.com", "appspot.com", "cloudfunctions.net", "run.app", "onrender.com",
        "fly.dev", "amplifyapp.com",
        // Object storage served as web pages.
        "*.blob.core.windows.net", "*.file.core.windows.net", "storage.googleapis.com", "storage.cloud.google.com",
        "firebasestorage.googleapis.com", "s3.amazonaws.com", "*.s3.amazonaws.com", "r2.dev", "*.r2.dev",
        "digitaloceanspaces.com", "backblazeb2.com", "wasabisys.com", "objectstorage.oraclecloud.com",
        "*.linodeobjects.com", "*.cos.myqcloud.com", "*.aliyuncs.com",
    ];

    public static IReadOnlyList<string> Forms { get; } =
    [
        "forms.*", "docs.google.com/forms", "forms.gle", "forms.office.com", "forms.microsoft.com", "jotform.com",
        "typeform.com", "formstack.com", "wufoo.com", "123formbuilder.com", "formsite.com", "cognitoforms.com",
        "zohoforms.com", "forms.app", "tally.so", "paperform.co", "surveymonkey.com", "getform.io", "formspree.io",
        "basin.com", "usebasin.com", "hsforms.com",
    ];

    public static IReadOnlyList<string> FileSharing { get; } =
    [
        "sharepoint.com", "1drv.ms", "onedrive.live.com", "onedrive.com", "dropbox.com", "dropboxusercontent.com",
        "db.tt", "wetransfer.com", "we.tl", "drive.google.com", "docs.google.com", "box.com", "app.box.com",
        "mediafire.com", "mega.nz", "mega.io", "sendspace.com", "4shared.com", "files.fm", "filetransfer.io",
        "gofile.io", "pixeldrain.com", "anonfiles.com", "transfer.sh", "smash.gg", "fromsmash.com", "icloud.com",
        "sync.com", "pcloud.com", "jumpshare.com", "hightail.com", "yousendit.com", "docsend.com", "issuu.com",
        "scribd.com", "quip.com", "evernote.com", "onenote.com", "adobe.com/go", "acrobat.adobe.com", "tinyupload.com",
    ];

    private static readonly (HostSuffixSet Hosts, (string Host, string Path)[] Paths, AbusedHostingKind Kind)[] Sets =
    [
        Build(FreeHosting, AbusedHostingKind.FreeHosting),
        Build(CloudStorage, AbusedHostingKind.CloudStorage),
        Build(Forms, AbusedHostingKind.Forms),
        Build(FileSharing, AbusedHostingKind.FileSharing),
    ];

    /// <summary>The strongest listed kind <paramref name="host"/> (with <paramref name="path"/>) belongs to and the
    /// entry that matched; null when none. A path starting with "/ipfs/" or "/ipns/" on any host is an IPFS gateway.</summary>
    public static (AbusedHostingKind Kind, string Entry)? Match(string? host, string? path)
    {
        if (string.IsNullOrEmpty(host))
            return null;
        if (path is not null && (path.StartsWith("/ipfs/", StringComparison.OrdinalIgnoreCase)
                || path.StartsWith("/ipns/", StringComparison.OrdinalIgnoreCase)))
            return (AbusedHostingKind.FreeHosting, "/ipfs/ path");
        foreach (var (hosts, paths, kind) in Sets)
        {
            foreach (var (pathHost, pathPrefix) in paths)
            {
                if (host.Equals(pathHost, StringComparison.Ordinal) && path is not null
                        && path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase))
                    return (kind, pathHost + pathPrefix);
            }
            if (hosts.Match(host) is { } entry)
                return (kind, entry);
        }
        return null;
    }

    private static (HostSuffixSet, (string, string)[], AbusedHostingKind) Build(IReadOnlyList<string> entries, AbusedHostingKind kind)
    {
        var hosts = entries.Where(e => !e.Contains('/', StringComparison.Ordinal));
        var paths = entries.Where(e => e.Contains('/', StringComparison.Ordinal))
            .Select(e => (e[..e.IndexOf('/', StringComparison.Ordinal)], e[e.IndexOf('/', StringComparison.Ordinal)..]))
            .ToArray();
        return (new HostSuffixSet(hosts), paths, kind);
    }
}
