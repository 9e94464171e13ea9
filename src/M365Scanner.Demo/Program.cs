using M365Scanner.Demo;

return await DemoApp.RunAsync(args, Console.Out, Console.Error);
