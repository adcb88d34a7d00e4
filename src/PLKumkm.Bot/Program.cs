using PLKumkm.Bot.Hosting;

// The verbs, their options and the host they run are described in Hosting/BotCommandLine.cs.
return await BotCommandLine.Build().Parse(args).InvokeAsync();
