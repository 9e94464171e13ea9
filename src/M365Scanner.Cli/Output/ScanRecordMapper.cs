using M365Scanner.Core.Policy;
using M365Scanner.Core.Scanning;

namespace M365Scanner.Cli.Output;

/// <summary>Turns a core <see cref="ScanVerdict"/> into the CLI's published record shape.</summary>
public static class ScanRecordMapper
{
    public static ScanRecord From(string file, ScanVerdict verdict, IEnumerable<string> extraNotes) =>
        new()
        {
            File = file,
            InternetMessageId = verdict.Message.InternetMessageId,
            Subject = verdict.Message.Subject,
            Action = Name(verdict.Plan.Action),
            Score = Round(verdict.Score.Score),
            Links = LinkReport.From(verdict),
            Notes = [.. verdict.Notes, .. extraNotes, .. Decision(verdict)],
        };

    private static IEnumerable<string> Decision(ScanVerdict verdict) =>
        verdict.Plan.Action == MessageAction.Allow ? [] : [$"decision: {verdict.Plan.Explanation}"];

    public static string Name(MessageAction action) => action.ToString().ToLowerInvariant();

    private static double Round(double score) => Math.Round(score, 4);}
