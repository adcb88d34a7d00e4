namespace PLKumkm.Bot.Tests;

// In this assembly [Fact], [Theory] and their skippable kinds resolve to these (the test namespace is searched before
// the global `using Xunit`): each skips, saying why, when there is no PostgreSQL server to run on.

internal sealed class FactAttribute : Xunit.FactAttribute
{
    public override string? Skip
    {
        get => PostgresServer.SkipReason ?? base.Skip;
        set => base.Skip = value;
    }
}

internal sealed class TheoryAttribute : Xunit.TheoryAttribute
{
    public override string? Skip
    {
        get => PostgresServer.SkipReason ?? base.Skip;
        set => base.Skip = value;
    }
}

internal sealed class SkippableFactAttribute : Xunit.SkippableFactAttribute
{
    public override string? Skip
    {
        get => PostgresServer.SkipReason ?? base.Skip;
        set => base.Skip = value;
    }
}

internal sealed class SkippableTheoryAttribute : Xunit.SkippableTheoryAttribute
{
    public override string? Skip
    {
        get => PostgresServer.SkipReason ?? base.Skip;
        set => base.Skip = value;
    }
}
