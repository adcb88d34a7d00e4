using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage.Reads;

namespace PLKumkm.Bot.Storage;

internal partial class BotDbContext
{
    /// <summary>While set, every write of a person, a chat address or a session through this context is noted in it
    /// (see <see cref="SenderRows"/>, which reads a batch's senders ahead).</summary>
    public SenderRowWrites? SenderWrites { get; private set; }

    public SenderRowWrites WatchSenderWrites() => SenderWrites = new SenderRowWrites();

    public void StopWatchingSenderWrites() => SenderWrites = null;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        // Here rather than where the options are built, so no context (a tool's, a test's) can miss it.
        optionsBuilder.AddInterceptors(BulkWriteWatch.Instance);
}
