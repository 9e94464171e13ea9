namespace M365Scanner.Core.Links;

/// <summary>What kind of destination a link has. Only <see cref="Web"/> links have a host.</summary>
public enum LinkKind
{
    /// <summary>http, https or ftp: a network destination with a host.</summary>
    Web,
    /// <summary>A data: URL: the content travels in the link itself (used to smuggle phishing pages).</summary>
    Data,
    /// <summary>A javascript: URL: script runs on click.</summary>
    JavaScript,
}
