using System.CommandLine;

namespace M365Scanner.Cli.Commands;

/// <summary>The <c>--host</c> and <c>--api-key</c> options every admin verb takes (new instances per command).</summary>
internal sealed class HostOptions
{
    public Option<Uri> Host { get; } = new("--host")
    {
        Description = "Base URL of the M365Scanner host, e.g. https://scanner.contoso.example.",
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                return uri;
            result.AddError($"--host must be an absolute http(s) URL, not '{text}'");
            return null;
        },
    };

    public const string ApiKeyVariable = "M365SCANNER_API_KEY";

    public Option<string> ApiKey { get; } = new("--api-key")
    {
        Description = $"An admin API key (default: ${ApiKeyVariable}; none: the demo's keyless access from this machine).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Host);
        command.Options.Add(ApiKey);
    }

    /// <summary>The key to send, or null to send none: the demo host admits keyless requests from this machine, and
    /// any other host answers 401 with its reason.</summary>
    public string? Key(ParseResult parse) =>
        parse.GetValue(ApiKey) is { Length: > 0 } key ? key
        : Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } variable ? variable
        : null;
}
