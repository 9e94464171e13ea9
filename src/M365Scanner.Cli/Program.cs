using System.CommandLine;

var root = new RootCommand("M365Scanner: post-delivery link scanning for Microsoft 365.");
return await root.Parse(args).InvokeAsync();
