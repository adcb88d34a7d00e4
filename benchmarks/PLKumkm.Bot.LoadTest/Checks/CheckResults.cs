namespace PLKumkm.Bot.LoadTest.Checks;

/// <summary>Correctness checks of a run; any failure makes the program exit non-zero.</summary>
internal sealed class CheckResults
{
    private readonly List<(string Name, bool Passed, string Detail)> _checks = [];

    public bool AllPassed => _checks.All(c => c.Passed);

    public void Add(string name, bool passed, string detail = "")
    {
        _checks.Add((name, passed, detail));
        Console.WriteLine($"  [{(passed ? "ok" : "FAIL")}] {name}{(detail.Length > 0 ? ": " + detail : "")}");
    }

    /// <summary>A check over a list of problems: passes when empty, shows the first few otherwise.</summary>
    public void Expect(string name, IReadOnlyCollection<string> problems, string okDetail = "")
    {
        if (problems.Count == 0)
        {
            Add(name, true, okDetail);
            return;
        }

        Add(name, false, $"{problems.Count} problem(s), e.g. {string.Join("; ", problems.Take(5))}");
    }

    public IEnumerable<string> Failures => _checks.Where(c => !c.Passed).Select(c => c.Name);
}
