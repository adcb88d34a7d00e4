using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PLKumkm.Bot.Storage;

/// <summary>
/// The one INSERT of an entity's row, written from the model (table, columns, each column's converter, so encryption
/// and time conversions are EF's own) and run through one command per context that is reused for every row: in the
/// per-update path EF Core's change tracking, batching and SQL generation, and SQLite's parsing of the same SQL again
/// for every new command, cost more than the write itself. Only for rows nothing of the same update reads back
/// through the context (the dedup key, the replies): they are never tracked.
/// </summary>
internal sealed class HotInsert<T> : IDisposable, IAsyncDisposable
    where T : class
{
    private static readonly ConditionalWeakTable<IModel, Shape> Shapes = [];

    private readonly Shape _shape;
    private readonly DbCommand _command;

    public HotInsert(BotDbContext db)
    {
        _shape = Shapes.GetValue(db.Model, model => new Shape(model));
        _command = db.Database.GetDbConnection().CreateCommand();
        _command.CommandText = _shape.Sql;
        foreach (var column in _shape.Columns)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = column.Parameter;
            _command.Parameters.Add(parameter);
        }
    }

    /// <summary>Inserts <paramref name="row"/> inside the context's open transaction; a generated key is set on it.</summary>
    public async Task InsertAsync(BotDbContext db, T row, CancellationToken ct)
    {
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException($"{typeof(T).Name} rows are inserted this way only inside the update's transaction");
        for (var i = 0; i < _shape.Columns.Length; i++)
        {
            _command.Parameters[i].Value = _shape.Columns[i].ProviderValue(_shape.Columns[i].Property.PropertyInfo!.GetValue(row));
        }

        if (_shape.GeneratedKey is not { } key)
        {
            await _command.ExecuteNonQueryAsync(ct);
            return;
        }

        var id = await _command.ExecuteScalarAsync(ct);
        key.PropertyInfo!.SetValue(row, Convert.ChangeType(id, key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose() => _command.Dispose();

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private sealed class Shape
    {
        public Shape(IModel model)
        {
            var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
            HotColumn.RefuseWhatSaveChangesCompletes(typeof(T));

            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            GeneratedKey = entity.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } generated] ? generated : null;
            Columns = [.. entity.GetProperties().Where(p => p != GeneratedKey && !p.IsShadowProperty())
                .Select((p, i) => new HotColumn(p, p.GetColumnName(table)!, $"@p{i}"))];
            var names = string.Join(", ", Columns.Select(c => HotColumn.Quote(c.Name)));
            var values = string.Join(", ", Columns.Select(c => c.Parameter));
            // RETURNING: SQLite since 3.35 and PostgreSQL.
            Sql = $"INSERT INTO {HotColumn.Table(table)} ({names}) VALUES ({values})"
                  + (GeneratedKey is { } key ? $" RETURNING {HotColumn.Quote(key.GetColumnName(table)!)}" : "");
        }

        public string Sql { get; }

        public HotColumn[] Columns { get; }

        public IProperty? GeneratedKey { get; }
    }
}
