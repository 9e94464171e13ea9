using M365Scanner.Evaluation;

return await EvaluationApp.RunAsync(args, Console.Out, Console.Error);
