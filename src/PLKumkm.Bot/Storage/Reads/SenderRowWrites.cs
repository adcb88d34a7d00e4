using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Reads;

/// <summary>
/// The people, chat addresses and sessions a context has written since it started watching: what was read of them
/// before is stale. Tracked saves name their rows; a bulk statement that touches one of the three tables (an
/// <c>ExecuteUpdate</c>, raw SQL) names none, so it makes every earlier read stale.
/// </summary>
internal sealed partial class SenderRowWrites
{
    private readonly HashSet<long> _people = [];
    private readonly HashSet<string> _addresses = new(StringComparer.Ordinal);

    /// <summary>Everything read before is stale (a bulk write, or an update that failed half-way).</summary>
    public bool All { get; private set; }

    public bool Touched(long personId) => All || _people.Contains(personId);

    public bool Touched(string address) => All || _addresses.Contains(address);

    public void MarkAll() => All = true;

    /// <summary>Called on every save, with the change tracker's pending changes detected.</summary>
    public void Record(EntityEntry entry)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            return;
        }

        switch (entry.Entity)
        {
            case Person person:
                _people.Add(person.Id);
                break;
            case PersonAddress address:
                _addresses.Add(address.Address);
                RecordOwner(entry, nameof(PersonAddress.PersonId));
                break;
            case ConversationSession:
                RecordOwner(entry, nameof(ConversationSession.PersonId));
                break;
        }
    }

    /// <summary>A row moved from one person to another is stale for both.</summary>
    private void RecordOwner(EntityEntry entry, string property)
    {
        var owner = entry.Property(property);
        _people.Add((long)owner.CurrentValue!);
        if (entry.State != EntityState.Added)
        {
            _people.Add((long)owner.OriginalValue!);
        }
    }

    /// <summary>Whether a bulk statement's SQL names a table whose rows are read ahead (quoted on SQLite, bare on
    /// PostgreSQL; a column or alias of the same name only makes it careful for nothing).</summary>
    public static bool NamesWatchedTable(string sql) => WatchedTable().IsMatch(sql);

    [GeneratedRegex(@"\b(people|person_addresses|sessions)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WatchedTable();
}
