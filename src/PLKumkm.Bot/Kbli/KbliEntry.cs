namespace PLKumkm.Bot.Kbli;

/// <summary>One row of KBLI 2020: a section letter or a 2- to 5-digit code, its title and description.</summary>
internal sealed record KbliEntry(string Code, string Title, string Description, char Section)
{
    /// <summary>A kelompok (5 digits): the level a business is classified at.</summary>
    public bool IsLeaf => Code.Length == 5;
}
