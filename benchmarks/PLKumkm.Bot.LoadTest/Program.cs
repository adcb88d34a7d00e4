using PLKumkm.Bot.LoadTest;

// Load, fault and scale benchmark; see the README section "Load, fault and scale benchmark".
return await LoadTestProgram.RunAsync(args);
