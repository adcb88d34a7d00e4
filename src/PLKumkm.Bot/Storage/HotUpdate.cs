using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PLKumkm.Bot.Storage;

/// <summary>
/// The UPDATE of a tracked row's few columns that change on nearly every update (a session's state), by key, written
/// from the model like <see cref="HotInsert{T}"/> and reused for every row of the context. Only the named columns are
/// written, so a column another writer keeps (a reminder's count) is never put back; a row with any other pending
/// change is left to <c>SaveChanges</c>. Afterwards the entry is as after a save: unchanged, its written values the
/// original ones.
/// </summary>
internal sealed class HotUpdate<T> : IDisposable, IAsyncDisposable
    where T : class
{
    private static readonly ConditionalWeakTable<IModel, Shape> Shapes = [];

    private readonly Shape _shape;
    private readonly DbCommand _command;

    public HotUpdate(BotDbContext db, IReadOnlyList<string> properties)
    {
        _shape = Shapes.GetValue(db.Model, model => new Shape(model, properties));
        if (!_shape.Properties.SetEquals(properties))
        {
            throw new InvalidOperationException($"{typeof(T).Name}'s hot update writes {string.Join(", ", _shape.Properties)}, not {string.Join(", ", properties)}");
        }

        _command = db.Database.GetDbConnection().CreateCommand();
        _command.CommandText = _shape.Sql;
        foreach (var column in _shape.Columns.Append(_shape.Key))
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = column.Parameter;
            _command.Parameters.Add(parameter);
        }
    }

    /// <summary>Writes the entry's pending changes when they are only of the named columns; false (nothing done) when
    /// it has none or others.</summary>
    public async Task<bool> TryUpdateAsync(BotDbContext db, EntityEntry<T> entry, CancellationToken ct)
    {
        if (entry.State != EntityState.Modified || entry.Properties.Any(p => p.IsModified && !_shape.Properties.Contains(p.Metadata.Name)))
        {
            return false;
        }

        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException($"{typeof(T).Name} rows are updated this way only inside the update's transaction");
        for (var i = 0; i < _shape.Columns.Length; i++)
        {
            _command.Parameters[i].Value = _shape.Columns[i].ProviderValue(entry.Property(_shape.Columns[i].Property.Name).CurrentValue);
        }

        _command.Parameters[_shape.Columns.Length].Value = _shape.Key.ProviderValue(entry.Property(_shape.Key.Property.Name).OriginalValue);
        if (await _command.ExecuteNonQueryAsync(ct) != 1)
        {
            // As EF's own save would: the row is gone (or was never there).
            throw new DbUpdateConcurrencyException($"the {typeof(T).Name} row to update is not in the database");
        }

        db.SenderWrites?.Record(entry);
        entry.OriginalValues.SetValues(entry.CurrentValues);
        entry.State = EntityState.Unchanged;
        return true;
    }

    public void Dispose() => _command.Dispose();

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private sealed class Shape
    {
        public Shape(IModel model, IReadOnlyList<string> properties)
        {
            var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
            HotColumn.RefuseWhatSaveChangesCompletes(typeof(T));
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = entity.FindPrimaryKey()!.Properties is [var single] ? single : throw new InvalidOperationException($"{typeof(T).Name} has no single-column key");
            Columns = [.. properties.Select((name, i) => entity.FindProperty(name) is { } p && p != key
                ? new HotColumn(p, p.GetColumnName(table)!, $"@p{i}")
                : throw new InvalidOperationException($"{typeof(T).Name} has no column {name} to update"))];
            Key = new HotColumn(key, key.GetColumnName(table)!, "@key");
            Properties = [.. properties];
            var sets = string.Join(", ", Columns.Select(c => $"{HotColumn.Quote(c.Name)} = {c.Parameter}"));
            Sql = $"UPDATE {HotColumn.Table(table)} SET {sets} WHERE {HotColumn.Quote(Key.Name)} = {Key.Parameter}";
        }

        public string Sql { get; }

        public HotColumn[] Columns { get; }

        public HotColumn Key { get; }

        public HashSet<string> Properties { get; }
    }
}
