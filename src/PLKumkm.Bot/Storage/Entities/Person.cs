namespace PLKumkm.Bot.Storage.Entities;

/// <summary>Someone who talks to the bot, on one or more channels (see <see cref="PersonAddress"/>).</summary>
internal sealed class Person
{
    public long Id { get; set; }
    public string? Name { get; set; }

    /// <summary>E.164 (<c>+6281234567890</c>); links the same person across channels.</summary>
    public string? Phone { get; set; }

    /// <summary>Keyed hash of <see cref="Phone"/> (set on save): the phone is encrypted, lookups compare this.</summary>
    public string? PhoneHash { get; set; }

    public PersonRole Role { get; set; } = PersonRole.Owner;

    /// <summary>The region a staff role works in (e.g. <c>16.01</c>).</summary>
    public string? RegionCode { get; set; }

    public string Language { get; set; } = "id";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>
    /// Set by <c>/berhenti</c>: nothing the bot starts on its own goes to this person (reminders, the daily digest,
    /// broadcasts); replies to their own messages still do. Cleared by <c>/langganan</c>. (The name is older than its
    /// wider meaning.)
    /// </summary>
    public DateTimeOffset? RemindersStoppedAt { get; set; }

    /// <summary>When an enumerator was last reminded that nothing came from them (one reminder per silent spell).</summary>
    public DateTimeOffset? IdleRemindedAt { get; set; }

    public List<PersonAddress> Addresses { get; set; } = [];
}

internal enum PersonRole
{
    Owner = 0,
    Enumerator = 1,
    Coordinator = 2,
    Official = 3,
    Admin = 4,
}

/// <summary>A channel address such as <c>telegram:123</c> or <c>whatsapp:6281234567890</c>.</summary>
internal sealed class PersonAddress
{
    public string Address { get; set; } = "";
    public long PersonId { get; set; }
    public Person? Person { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Set when the channel said the person cannot be reached here (blocked the bot, account deleted, number
    /// undeliverable): nothing is sent to this address until they write from it again, which clears it.
    /// </summary>
    public DateTimeOffset? UnreachableSince { get; set; }
}
