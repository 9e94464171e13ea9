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

    public Option<string> ApiKey { get; } = new("--api-key")
    {
        Description = "An admin API key (or set M365SCANNER_API_KEY).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Host);
        command.Options.Add(ApiKey);
        command.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValue(ApiKey)) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("M365SCANNER_API_KEY")))
                result.AddError("--api-key is required (or set M365SCANNER_API_KEY)");
        });
    }

    public string Key(ParseResult parse) =>
        parse.GetValue(ApiKey) is { Length: > 0 } key ? key : Environment.GetEnvironmentVariable("M365SCANNER_API_KEY") ?? "";
}
