using M365Scanner.Cli;

return await CliApp.RunAsync(args, Console.Out, Console.Error);
