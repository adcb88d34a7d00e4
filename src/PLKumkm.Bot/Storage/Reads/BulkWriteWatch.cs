using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PLKumkm.Bot.Storage.Reads;

/// <summary>
/// Tells a watching context (<see cref="BotDbContext.SenderWrites"/>) of statements that write outside its change
/// tracker: <c>ExecuteUpdate</c>, <c>ExecuteDelete</c> and raw SQL naming the people, their addresses or sessions.
/// LINQ queries only read and saves are seen through the tracker, so neither is looked at.
/// </summary>
internal sealed class BulkWriteWatch : DbCommandInterceptor
{
    public static readonly BulkWriteWatch Instance = new();

    private BulkWriteWatch()
    {
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Notice(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Notice(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Notice(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Notice(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Notice(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Notice(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Notice(DbCommand command, CommandEventData eventData)
    {
        if (eventData.Context is BotDbContext { SenderWrites: { All: false } writes }
            && eventData.CommandSource is not (CommandSource.LinqQuery or CommandSource.SaveChanges)
            && SenderRowWrites.NamesWatchedTable(command.CommandText))
        {
            writes.MarkAll();
        }
    }
}
