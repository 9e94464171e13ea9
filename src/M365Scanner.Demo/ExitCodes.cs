namespace M365Scanner.Demo;

/// <summary>The process exit codes the demo documents (README, "demo").</summary>
public static class ExitCodes
{
    /// <summary>Every message of the scenario got its verdict.</summary>
    public const int Success = 0;

    /// <summary>A step failed or timed out; stderr says which.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong, or the shared data cannot be found; stderr says what.</summary>
    public const int BadArguments = 2;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
