using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Storage.Reads;

namespace PLKumkm.Bot.Messaging;

/// <summary>
/// A batch's senders read ahead: their chat addresses with the person, and those people's open sessions, in two
/// queries at the start of the batch's transaction instead of two per update. A row is handed out once, and only while
/// nothing in the batch has written it since (<see cref="SenderRowWrites"/>): the same chat twice in a batch, a role
/// changed or a person erased by an earlier update, a bulk statement. Otherwise the caller reads it itself, as before.
/// </summary>
/// <remarks>
/// Inside the transaction on purpose: on SQLite it holds the write lock from its start, so nothing outside the batch
/// can change these rows meanwhile. On PostgreSQL (read committed) another instance's commit during the batch (a
/// coordinator's role change, say) counts from the next batch on, at most a batch later than a read per update saw it;
/// within the instance every write is noted.
/// </remarks>
internal sealed class SenderRows
{
    private readonly BotDbContext _db;
    private readonly SenderRowWrites _writes;

    // A null value: read ahead, and nobody writes from that address / that person has no open session.
    private readonly Dictionary<string, PersonAddress?> _addresses;
    private readonly Dictionary<long, ConversationSession?> _sessions;

    private SenderRows(BotDbContext db, SenderRowWrites writes, Dictionary<string, PersonAddress?> addresses,
        Dictionary<long, ConversationSession?> sessions)
    {
        _db = db;
        _writes = writes;
        _addresses = addresses;
        _sessions = sessions;
    }

    /// <summary>Reads the rows of <paramref name="addresses"/> and starts noting the context's writes (until
    /// <see cref="BotDbContext.StopWatchingSenderWrites"/>).</summary>
    public static async Task<SenderRows> ReadAsync(BotDbContext db, IEnumerable<string> addresses, CancellationToken ct)
    {
        var writes = db.WatchSenderWrites();
        var wanted = addresses.Distinct(StringComparer.Ordinal).ToList();
        var byAddress = wanted.ToDictionary(a => a, PersonAddress? (_) => null, StringComparer.Ordinal);
        var bySession = new Dictionary<long, ConversationSession?>();
        if (wanted.Count == 0)
        {
            return new SenderRows(db, writes, byAddress, bySession);
        }

        foreach (var row in await db.PersonAddresses.AsNoTracking().Include(a => a.Person).Where(a => wanted.Contains(a.Address)).ToListAsync(ct))
        {
            byAddress[row.Address] = row;
            bySession[row.PersonId] = null;
        }

        var people = bySession.Keys.ToList();
        foreach (var session in await db.Sessions.AsNoTracking().Where(s => people.Contains(s.PersonId) && s.IsActive).ToListAsync(ct))
        {
            // The newest open one, as SessionStore.FindActiveAsync takes it.
            if (bySession[session.PersonId] is not { } kept || session.Id > kept.Id)
            {
                bySession[session.PersonId] = session;
            }
        }

        return new SenderRows(db, writes, byAddress, bySession);
    }

    /// <summary>The open session read ahead for the sender at <paramref name="address"/>, with its person, as read:
    /// only to look at (nothing is handed out or tracked), before the batch's first update.</summary>
    public bool TryPeekOpenSession(string address, [NotNullWhen(true)] out Person? person, [NotNullWhen(true)] out ConversationSession? session)
    {
        person = null;
        session = null;
        if (_addresses.GetValueOrDefault(address) is not { Person: { } found } || _sessions.GetValueOrDefault(found.Id) is not { } open)
        {
            return false;
        }

        (person, session) = (found, open);
        return true;
    }

    /// <summary>
    /// True when the row of <paramref name="address"/> was read ahead and is still as read: <paramref name="row"/> is
    /// then that row with its person, now tracked, or null when nobody writes from that address.
    /// </summary>
    public bool TryTakeAddress(string address, out PersonAddress? row)
    {
        row = null;
        if (!_addresses.Remove(address, out var read)
            || _writes.Touched(address)
            || (read is not null && (_writes.Touched(read.PersonId) || Tracks<Person>(p => p.Id == read.PersonId))))
        {
            return false;
        }

        if (read is not null)
        {
            _db.Attach(read);
        }

        row = read;
        return true;
    }

    /// <summary>True when the open session of <paramref name="personId"/> was read ahead and is still as read
    /// (<paramref name="session"/>, now tracked, or null for none).</summary>
    public bool TryTakeSession(long personId, out ConversationSession? session)
    {
        session = null;
        if (!_sessions.Remove(personId, out var read)
            || _writes.Touched(personId)
            || (read is not null && Tracks<ConversationSession>(s => s.Id == read.Id)))
        {
            return false;
        }

        if (read is not null)
        {
            _db.Attach(read);
        }

        session = read;
        return true;
    }

    /// <summary>An instance of the row tracked already (read by the update itself) wins: attaching a second would fail.</summary>
    private bool Tracks<T>(Func<T, bool> same)
        where T : class =>
        _db.ChangeTracker.Entries<T>().Any(e => same(e.Entity));
}
