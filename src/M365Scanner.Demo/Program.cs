using M365Scanner.Demo;

// Every charset of mail readable before MimeKit first runs: MimeKit builds its charset table once per process, and
// without the code-page provider it treats Shift_JIS, GB2312, EUC-KR and the like as unknown for good.
System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
return await DemoApp.RunAsync(args, Console.Out, Console.Error);
