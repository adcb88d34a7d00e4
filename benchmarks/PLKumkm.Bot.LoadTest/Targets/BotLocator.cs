namespace PLKumkm.Bot.LoadTest.Targets;

/// <summary>Finds the bot's own build to start as a separate process.</summary>
internal static class BotLocator
{
    private const string Dll = "PLKumkm.Bot.dll";

    public static string Find(string? given)
    {
        if (given is not null)
        {
            return File.Exists(given) ? Path.GetFullPath(given) : throw new FileNotFoundException($"--bot-dll {given} does not exist");
        }

        // The build of the same configuration as this program (Release for measurements, Debug in the smoke test).
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Debug"
            : "Release";
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PLKumkm.Bot.sln")))
            {
                var built = Path.Combine(folder.FullName, "src", "PLKumkm.Bot", "bin", configuration, "net10.0", Dll);
                if (File.Exists(built))
                {
                    return built;
                }
            }
        }

        var beside = Path.Combine(AppContext.BaseDirectory, Dll);
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        throw new FileNotFoundException($"cannot find {Dll}; build src/PLKumkm.Bot or pass --bot-dll");
    }
}
