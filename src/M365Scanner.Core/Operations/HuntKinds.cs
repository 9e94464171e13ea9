namespace M365Scanner.Core.Operations;

/// <summary>The kinds of hunt.</summary>
public static class HuntKinds
{
    /// <summary>Re-scores recent delivered mail with today's graph, policy and known indicators.</summary>
    public const string Retro = "retro";

    /// <summary>Looks for one indicator of compromise across every monitored mailbox.</summary>
    public const string Ioc = "ioc";
}
