using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PLKumkm.Bot.Storage;

/// <summary>
/// A query compiled once per EF model rather than once per process: EF refuses to run a compiled query against another
/// model than its own, and one process can hold several (a SQLite and a PostgreSQL database, or two keys: a tool beside
/// the bot, the tests, the benchmark's calibration).
/// </summary>
internal sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(BotDbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
