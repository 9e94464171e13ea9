using M365Scanner.Core.Reference;
using M365Scanner.Core.Scoring.Lists;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: downloads a program, script or archive: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkExecutableDownloadSignal : LinkSignal
{
    public override string Id => "link.executable-download";
    public override string Name => "Link: downloads a program, script or archive";
    public override double Weight => 2.0;
    public override string Description =>
        "Graded by the extension: a link straight to \".exe\", \".js\" or \".iso\" is how malware is " +
        "delivered past attachment filters; archives and macro-enabled documents weigh less because ordinary " +
        "files travel that way too. A \".exe\" (or \".py\") with a query string is a CGI program building a " +
        "page on the server, and intranet hosts without a dot are not download sites: neither counts.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.MalwareDelivery];
    public override IReadOnlyList<SignalStrength> Strengths { get; } =
    [
        new("program", ExecutableExtensions.ProgramStrength, "a program or script"),
        new("disk-image", ExecutableExtensions.DiskImageStrength, "a disk image or shortcut"),
        new("container", ExecutableExtensions.ContainerStrength, "an archive or a macro-enabled document"),
    ];
    public override IReadOnlyList<ReferenceListSpec> Lists { get; } = [.. ReferenceLists.PayloadExtensions, ReferenceLists.ProductServerProgramExtensions];
    public override string KnownFalsePositives => "Software vendors' download links; shared archives of documents.";

    public override SignalHit? Evaluate(LinkContext context)
    {
        if (context.Link.Host is null)
            return null;
        var strength = ReferenceData.Current.ExecutableExtensions.StrengthOf(LinkAbusedHostingSignal.PathOf(context.Link.Target), out var extension);
        if (strength == 0)
            return null;
        // "/cgi/app.exe?func=login": a program run on the server to build a page, not a file sent to the reader.
        if (ReferenceData.Current.ServerProgramExtensions.Contains(extension) && context.Link.Target.Contains('?', StringComparison.Ordinal))
            return null;
        // Single-label hosts ("nahou-dmllg02p") are intranet servers, not download sites.
        if (!context.Link.Host.Contains('.', StringComparison.Ordinal))
            return null;
        return Hit($"the link downloads a .{extension} file from {context.Link.Host}", strength);
    }
}
