namespace M365Scanner.Host.AnalystConsole;

/// <summary>The console's one stylesheet, served from memory: the host has no static files to deploy.</summary>
internal static class ConsoleStylesheet
{
    public static IResult Serve() => TypedResults.Text(Css, "text/css; charset=utf-8");

    private const string Css =
        """
        :root{--fg:#1b1f24;--muted:#5b6470;--line:#d8dde3;--accent:#0b5cad;--bad:#a4262c;--warn:#8a5a00;--ok:#1e6b35;--bg:#f6f7f9}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
        header{display:flex;align-items:center;gap:1.5rem;padding:.6rem 1.5rem;background:#fff;border-bottom:1px solid var(--line)}
        header .brand{font-weight:600}
        header nav a{margin-right:1rem;color:var(--fg);text-decoration:none}
        header nav a[aria-current=page]{color:var(--accent);font-weight:600}
        header .who{margin-left:auto;color:var(--muted);display:flex;gap:.75rem;align-items:center}
        main{max-width:78rem;margin:1.25rem auto;padding:0 1.5rem}
        h1{font-size:1.4rem;margin:.4rem 0 1rem}
        h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
        table{width:100%;border-collapse:collapse;background:#fff;border:1px solid var(--line)}
        th,td{padding:.4rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        th{background:#eef1f4;font-weight:600;font-size:.9rem}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        code,.mono{font-family:ui-monospace,Consolas,monospace;font-size:.88em;word-break:break-all}
        form.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin-bottom:1rem;background:#fff;padding:.75rem;border:1px solid var(--line)}
        label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted);gap:.15rem}
        input,select,textarea,button{font:inherit}
        input,select,textarea{padding:.3rem .4rem;border:1px solid #b9c0c8;border-radius:3px;color:var(--fg)}
        button{padding:.35rem .9rem;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:3px;cursor:pointer}
        button.secondary{background:#fff;color:var(--accent)}
        button.danger{background:var(--bad);border-color:var(--bad)}
        .card{background:#fff;border:1px solid var(--line);padding:.9rem 1rem;margin-bottom:1rem}
        .card form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
        dl.facts dt{color:var(--muted)}
        .field{display:flex;flex-direction:column;gap:.15rem}
        .field label{display:block}
        form.inline{display:flex;gap:.4rem;align-items:center}
        table.removed td{color:var(--muted)}
        .badge.state-running,.badge.state-queued,.badge.state-onboarding{color:var(--warn)}
        .badge.state-completed,.badge.state-active,.badge.state-configured{color:var(--ok)}
        .badge.state-failed,.badge.state-consent-failed,.badge.state-offboarded{color:var(--bad)}
        h3{font-size:1rem;margin:1.2rem 0 .4rem}
        .badge{display:inline-block;padding:0 .45rem;border-radius:3px;font-size:.85rem;font-weight:600;border:1px solid}
        .badge.allow{color:var(--ok)}.badge.rewrite{color:var(--warn)}.badge.quarantine{color:var(--bad)}
        .muted{color:var(--muted)}
        .notice{padding:.6rem .9rem;margin-bottom:1rem;border-left:4px solid var(--accent);background:#fff}
        .notice.error{border-color:var(--bad)}
        ul.reasons{margin:.2rem 0 0;padding-left:1.1rem}
        .prewrap{white-space:pre-line}
        .card form.stacked{flex-direction:column;align-items:flex-start}
        form.stacked label{width:100%;max-width:44rem}
        label.check{flex-direction:row;align-items:center;gap:.45rem;color:var(--fg);font-size:.95rem}
        """;
}
