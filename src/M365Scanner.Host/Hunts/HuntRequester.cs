using System.Security.Claims;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Security;

namespace M365Scanner.Host.Hunts;

/// <summary>Who asks for a hunt and through what: kept on its report (<see cref="M365Scanner.Core.Operations.HuntReport.Source"/>,
/// <see cref="M365Scanner.Core.Operations.HuntReport.RequestedBy"/>) and named as the actor of every audit entry its
/// actions create.</summary>
/// <param name="Source">"api", "feed", "schedule", or the console's own name.</param>
/// <param name="Actor">The API key's or signed-in user's name; "scanner" for the schedule and the feed.</param>
public sealed record HuntRequester(string Source, string Actor)
{
    public const string ApiSource = "api";
    public const string FeedSource = "feed";
    public const string ScheduleSource = "schedule";

    /// <summary>The recurring retro-hunt: the scanner's own.</summary>
    public static HuntRequester Schedule { get; } = new(ScheduleSource, MessageActions.Scanner);

    /// <summary>A line of the IOC feed: the scanner's own, as it reads the file unasked.</summary>
    public static HuntRequester Feed { get; } = new(FeedSource, MessageActions.Scanner);

    /// <summary>A hunt an authenticated caller asked for through <paramref name="source"/>.</summary>
    /// <exception cref="InvalidOperationException">The caller is not authenticated.</exception>
    public static HuntRequester Person(string source, ClaimsPrincipal user)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return new HuntRequester(source, ActorNames.Of(user));
    }
}
