using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PLKumkm.Bot.Storage.Counting;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage;

/// <summary>
/// Progress counts follow every counted record automatically: whatever adds, changes or deletes a
/// record through EF gets <c>daily_counts</c> adjusted in the same transaction, so no feature has to
/// remember to do it and a rolled-back change leaves the counts untouched.
/// </summary>
internal partial class BotDbContext
{
    public DbSet<ProvinceDailyCount> ProvinceDailyCounts => Set<ProvinceDailyCount>();
    public DbSet<ProvinceTotal> ProvinceTotals => Set<ProvinceTotal>();
    public DbSet<RegencyTotal> RegencyTotals => Set<RegencyTotal>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampLookupHashes();
        var deltas = CountDeltas.FromChanges(ChangeTracker);
        if (deltas.IsEmpty)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        try
        {
            // Not accepted yet: if the counts fail, the entities stay dirty and a retry counts once.
            var written = base.SaveChanges(acceptAllChangesOnSuccess: false);
            DailyCountStore.Apply(Database.GetDbConnection(), Database.CurrentTransaction!.GetDbTransaction(), deltas);
            own?.Commit();
            if (acceptAllChangesOnSuccess)
            {
                ChangeTracker.AcceptAllChanges();
            }

            return written;
        }
        finally
        {
            own?.Dispose();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampLookupHashes();
        var deltas = CountDeltas.FromChanges(ChangeTracker);
        if (deltas.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            // SQLite's ADO.NET provider completes synchronously anyway; one code path serves both.
            DailyCountStore.Apply(Database.GetDbConnection(), Database.CurrentTransaction!.GetDbTransaction(), deltas);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            if (acceptAllChangesOnSuccess)
            {
                ChangeTracker.AcceptAllChanges();
            }

            return written;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }
}
