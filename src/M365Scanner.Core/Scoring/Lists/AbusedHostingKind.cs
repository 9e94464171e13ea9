namespace M365Scanner.Core.Scoring.Lists;

/// <summary>Why a host is on <see cref="AbusedHosting"/>; ordered from the weakest to the strongest evidence.</summary>
public enum AbusedHostingKind
{
    /// <summary>File sharing that tenants also use every day (SharePoint, OneDrive, Dropbox, Google Drive,
    /// WeTransfer): abused for "shared document" lures, but a new link there is usually just a document.</summary>
    FileSharing,
    /// <summary>Hosted forms (Google Forms, Microsoft Forms, Jotform, ...): a ready-made credential form.</summary>
    Forms,
    /// <summary>Self-service creation platforms (Sublime's list: site and document builders, whiteboards,
    /// no-code apps): anyone can publish a page there, but most of them are also everyday work tools.</summary>
    SiteBuilder,
    /// <summary>Cloud object storage served as a web page (Azure blob, Google Cloud Storage, S3, R2) and platform
    /// app endpoints (azurewebsites.net, appspot.com, Cloud Run): a phishing page with a cloud provider's reputation,
    /// though partners also run real portals there.</summary>
    CloudStorage,
    /// <summary>Free site hosting, serverless endpoints, tunnels and IPFS gateways: anyone can publish a page under
    /// the provider's name in a minute, and takedowns are slow.</summary>
    FreeHosting,
}
