namespace PLKumkm.Bot.LoadTest.Simulation;

internal enum UserKind
{
    /// <summary>A business owner registering through the guided questionnaire.</summary>
    Owner,

    /// <summary>Someone who only asks what the bot does.</summary>
    Visitor,

    /// <summary>Field staff: links their chat by sharing their own contact, then sends one-message quick entries.</summary>
    Enumerator,

    /// <summary>Someone following the census: asks for a regency's progress ("progress OKU").</summary>
    Official,
}

/// <summary>
/// A simulated Telegram user: one chat, a script, and at most one message waiting for its answer (a person reads
/// the reply before typing the next answer). All fields are guarded by locking the instance.
/// </summary>
internal sealed class SimUser(long chat, UserKind kind)
{
    public long Chat { get; } = chat;

    public UserKind Kind { get; } = kind;

    public IReadOnlyList<Simulation.Step> Script { get; set; } = [];

    public int StepIndex { get; set; }

    /// <summary>Records this user has stored: registrations (owners) or quick entries (enumerators).</summary>
    public int Registrations { get; set; }

    /// <summary>Update id of the message waiting for its answer; 0 when none.</summary>
    public int PendingUpdate { get; set; }

    public Simulation.Step? PendingStep { get; set; }

    public long EnqueuedAt { get; set; }

    public int Replies { get; set; }

    public bool Acknowledged { get; set; }

    public bool ExpectSeen { get; set; }

    /// <summary>Set when the user has stopped sending (end of the run).</summary>
    public bool Done { get; set; }

    /// <summary>Steps answered (acknowledged and replied to).</summary>
    public int Answered { get; set; }
}
