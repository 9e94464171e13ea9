using System.Globalization;
using System.Text.Encodings.Web;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Scanning;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.BlockedLinks;

/// <summary>
/// Where a rewritten link leads: a plain page, for the person who clicked, saying the link was held, why in everyday
/// words, and how to ask for the message ("Request release", which files a request the analyst console shows, and
/// then the request's outcome). It never redirects to the original URL, whatever the token says.
/// </summary>
/// <remarks>The page needs no sign-in: the signed token names the message and its mailbox, and only that mailbox
/// received it. The request form carries an antiforgery token (the host's request guard refuses foreign origins as
/// well), so another site cannot file requests in a user's name by making their browser post.</remarks>
public static class BlockedLinkPage
{
    public const string Route = "/blocked/{token}";

    public static IEndpointRouteBuilder MapBlockedLinkPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, (string token, HttpContext context, BlockedLinkTokens tokens, IVerdictStore verdicts, IReleaseRequestStore requests,
            IOptions<ScannerHostOptions> options, IAntiforgery antiforgery) =>
            Show(token, tokens, verdicts, requests, options.Value, antiforgery.GetAndStoreTokens(context))).AllowAnonymous();
        app.MapPost(Route, RequestReleaseAsync).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    internal static IResult Show(string token, BlockedLinkTokens tokens, IVerdictStore verdicts, IReleaseRequestStore requests,
        ScannerHostOptions options, AntiforgeryTokenSet? form, string? notice = null, int status = StatusCodes.Status200OK)
    {
        if (tokens.Read(token) is not { } reference)
            return NotRecognised();
        var key = new MessageKey(reference.TenantId, reference.Mailbox, reference.MessageId);
        var verdict = verdicts.Get(key);
        var links = verdict is null ? [] : LinkReport.ReadStored(verdict.LinksJson);
        var html = HtmlEncoder.Default;
        var organisation = OrganisationName.For(options, reference.TenantId, reference.Mailbox);
        var who = organisation is null ? "Your organisation" : html.Encode(organisation);
        var noticeHtml = notice is null ? "" : $"<p class=\"notice\" role=\"status\">{html.Encode(notice)}</p>";
        var action = verdict is null ? "" : RequestSection(token, requests.Latest(key), form, html);
        var (title, intro) = reference.WholeMessage
            ? ("This message was held for your safety", HeldMessage(who, verdict, links, html))
            : ("This link was held for your safety", HeldLink(who, verdict, links, reference.LinkIndex, html));
        return Page(status, title,
            $"{noticeHtml}{intro}" +
            action +
            "<p>If you contact your IT or security team about it, quote this reference:</p>" +
            $"<p><code>{html.Encode(reference.MessageId)}</code></p>" +
            "<p>Do not copy the original address into your browser.</p>");
    }

    private static string HeldLink(string who, VerdictRecord? verdict, IReadOnlyList<LinkReport> links, int index, HtmlEncoder html)
    {
        var link = index >= 0 && index < links.Count ? links[index] : null;
        var subject = verdict?.Subject is { Length: > 0 } s ? $" in the message “{html.Encode(s)}”" : "";
        var reasons = link is null ? [] : PlainReasons.For(link.Reasons);
        var why = link is null
            ? "<p>The details of why it was held are no longer available.</p>"
            : $"<p>It pointed to <strong>{html.Encode(link.Domain ?? "an unknown site")}</strong>." +
              (reasons.Count == 0 ? " It did not look like the mail you usually receive.</p>"
                  : " What stood out:</p><ul>" + string.Concat(reasons.Select(r => $"<li>{html.Encode(r)}</li>")) + "</ul>");
        return $"<p>{who} protects your mailbox with M365Scanner, which held a link{subject} because it did not fit the usual pattern of your mail.</p>{why}";
    }

    // The held message's sites are named as text, never as links, and its addresses not at all: the page must not lead
    // where the message would have.
    private static string HeldMessage(string who, VerdictRecord? verdict, IReadOnlyList<LinkReport> links, HtmlEncoder html)
    {
        if (verdict is null)
            return $"<p>{who} protects your mailbox with M365Scanner, which held a message to you because it did not fit the usual pattern of your mail.</p>" +
                   "<p>The details of why it was held are no longer available.</p>";
        var from = verdict.Sender is { Length: > 0 } sender ? $" from <strong>{HeldMessageNoticeText.Quote(sender)}</strong>" : "";
        var subject = verdict.Subject is { Length: > 0 } s ? $" with the subject “{HeldMessageNoticeText.Quote(s)}”" : "";
        var reasons = PlainReasons.ForMessage(links);
        var sites = links.Where(l => l.Action != "allow").Select(l => l.Domain).OfType<string>().Distinct().Take(3).ToList();
        var where = sites.Count == 0 ? "" : "<p>It contained links to " + string.Join(", ", sites.Select(d => $"<strong>{html.Encode(d)}</strong>")) + ".</p>";
        var why = reasons.Count == 0 ? "<p>It did not look like the mail you usually receive.</p>"
            : "<p>What stood out:</p><ul>" + string.Concat(reasons.Select(r => $"<li>{html.Encode(r)}</li>")) + "</ul>";
        return $"<p>{who} protects your mailbox with M365Scanner, which held a message{from}{subject} because it did not fit the usual pattern of your mail. " +
               "It is kept safe and is not in your mailbox.</p>" + where + why;
    }

    /// <summary>Files a release request for the message the token names, in the name of the mailbox it was sent to,
    /// and shows the page again saying so (or that it was already requested).</summary>
    internal static async Task<IResult> RequestReleaseAsync(string token, HttpContext context, BlockedLinkTokens tokens, IVerdictStore verdicts,
        IReleaseRequestStore requests, IOptions<ScannerHostOptions> options, IAntiforgery antiforgery, TimeProvider clock,
        ILoggerFactory logs)
    {
        if (tokens.Read(token) is not { } reference)
            return NotRecognised();
        var key = new MessageKey(reference.TenantId, reference.Mailbox, reference.MessageId);
        if (verdicts.Get(key) is null)
            return NotRecognised();
        if (!await antiforgery.IsRequestValidAsync(context))
            return Show(token, tokens, verdicts, requests, options.Value, antiforgery.GetAndStoreTokens(context),
                "Your request could not be sent: the page was too old. Press “Request release” again.", StatusCodes.Status400BadRequest);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var note = form["note"].ToString().Trim();
        if (note.Length > ReleaseRequest.MaxNoteLength)
            return Show(token, tokens, verdicts, requests, options.Value, antiforgery.GetAndStoreTokens(context),
                $"Your request was not sent: the note is longer than {ReleaseRequest.MaxNoteLength} characters.", StatusCodes.Status400BadRequest);

        // An answered request stays answered: the page shows the outcome, and asking again is for the IT team to hear.
        if (requests.Latest(key) is { State: not ReleaseRequestState.Open })
            return Show(token, tokens, verdicts, requests, options.Value, antiforgery.GetAndStoreTokens(context),
                "Your IT or security team already answered the request for this message.");
        var (request, filed) = requests.File(ReleaseRequest.New(Guid.NewGuid().ToString("N"), key, reference.Mailbox, clock.GetUtcNow(), note));
        if (filed)
            logs.CreateLogger(typeof(BlockedLinkPage)).LogInformation("Release request {RequestId} filed for {MessageId} in {Mailbox}",
                request.Id, key.MessageId, key.Mailbox);
        return Show(token, tokens, verdicts, requests, options.Value, antiforgery.GetAndStoreTokens(context), filed
            ? "Your request was sent to your IT or security team."
            : "This message was already requested; your IT or security team has it.");
    }

    private static string RequestSection(string token, ReleaseRequest? latest, AntiforgeryTokenSet? form, HtmlEncoder html) => latest switch
    {
        { State: ReleaseRequestState.Open } r =>
            $"<h2>Release requested</h2><p>You asked for this message on {When(r.RequestedAt)}. Your IT or security team will check it and release it to your Inbox if it is safe.</p>",
        { State: ReleaseRequestState.Released } r =>
            $"<h2>Released</h2><p>The original message is back in your Inbox (released on {When(r.DecidedAt ?? r.RequestedAt)}).</p>",
        { State: ReleaseRequestState.Denied } r =>
            $"<h2>Request declined</h2><p>Your IT or security team decided not to release this message" +
            (r.DecisionReason is { Length: > 0 } why ? $": “{html.Encode(why)}”.</p>" : ".</p>"),
        _ => form is null ? "" :
            "<h2>Need this message?</h2><p>If you expected it, you can ask your IT or security team to check the message and release it to your Inbox.</p>" +
            $"<form method=\"post\" action=\"/blocked/{html.Encode(token)}\">" +
            $"<input type=\"hidden\" name=\"{html.Encode(form.FormFieldName)}\" value=\"{html.Encode(form.RequestToken ?? "")}\">" +
            $"<p><label for=\"note\">Anything they should know (optional)</label><br><textarea id=\"note\" name=\"note\" rows=\"3\" cols=\"50\" maxlength=\"{ReleaseRequest.MaxNoteLength}\"></textarea></p>" +
            "<p><button type=\"submit\">Request release</button></p></form>",
    };

    private static string When(DateTimeOffset at) => HeldMessageNoticeText.When(at);

    private static IResult NotRecognised() => Page(StatusCodes.Status404NotFound, "This link is not recognised",
        "<p>The address you opened is not a link held by M365Scanner. If you followed it from an email, forward that email to your IT or security team.</p>");

    private static IResult Page(int status, string title, string body) => TypedResults.Content(
        $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
        <title>{{HtmlEncoder.Default.Encode(title)}}</title>
        <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{word-break:break-all}.notice{padding:.5rem 1rem;background:#eef6ee;border-left:4px solid #2a7a2a}textarea{max-width:100%}</style>
        </head><body><h1>{{HtmlEncoder.Default.Encode(title)}}</h1>{{body}}</body></html>
        """, "text/html; charset=utf-8", statusCode: status);
}
