namespace PLKumkm.Bot.Tests;

/// <summary>
/// Test traits. Tests that run the program or a benchmark as a child process (or run a benchmark in-process) are
/// <see cref="Slow"/>; everything else runs alone in seconds with <c>dotnet test --filter "Category!=Slow"</c>.
/// </summary>
internal static class TestCategories
{
    public const string Key = "Category";
    public const string Slow = "Slow";
}
