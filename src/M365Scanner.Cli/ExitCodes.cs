namespace M365Scanner.Cli;

/// <summary>The process exit codes the CLI documents.</summary>
public static class ExitCodes
{
    /// <summary>Every input was processed (per-file errors are reported in the output, not here).</summary>
    public const int Success = 0;

    /// <summary>The command ran but could not do its work (e.g. the host did not answer); stderr says why.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong; stderr says what.</summary>
    public const int BadArguments = 2;

    /// <summary>The admin API answered with an error (unauthorised, not found, conflict); stderr says what.</summary>
    public const int Refused = 1;
}
