using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// An entity's table as the EF model maps it (table, column names, value converters), for the few
/// paths that write with plain SQL for speed. Nothing here names a column by hand, so the bulk path
/// cannot drift from what EF reads and writes.
/// </summary>
internal sealed class EntityTable<T>
    where T : class
{
    private readonly IEntityType _entity;

    public EntityTable(IModel model)
    {
        _entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        Name = _entity.GetTableName()!;
        var table = StoreObjectIdentifier.Table(Name, _entity.GetSchema());
        var key = _entity.FindPrimaryKey()!.Properties;
        Key = key.Count == 1 ? new Column(key[0], key[0].GetColumnName(table)!, key[0].GetTypeMapping().Converter) : null;
        Columns = [.. _entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select(p => new Column(p, p.GetColumnName(table)!, p.GetTypeMapping().Converter))];
        HashTwins = [.. Storage.Protection.ProtectedColumns.All
            .Where(c => c.Entity == typeof(T) && c.HashProperty is not null)
            .Select(c => (IndexOf(c.Property), IndexOf(c.HashProperty!)))];
    }

    /// <summary>Positions (in <see cref="Columns"/>) of each column encrypted with a random nonce and of its keyed-hash twin.</summary>
    public IReadOnlyList<(int Value, int Hash)> HashTwins { get; }

    public string Name { get; }

    /// <summary>A generated single-column key (<c>Id</c>), when the entity has one.</summary>
    public Column? Key { get; }

    /// <summary>Every column the application writes (a generated key excluded).</summary>
    public IReadOnlyList<Column> Columns { get; }

    public Column this[string propertyName] =>
        Columns.FirstOrDefault(c => c.Property.Name == propertyName) ?? (Key?.Property.Name == propertyName ? Key : null)
        ?? throw new ArgumentException($"{typeof(T).Name} has no mapped property {propertyName}", nameof(propertyName));

    public string InsertSql() =>
        $"INSERT INTO \"{Name}\" ({string.Join(", ", Columns.Select(c => Quote(c.Name)))}) VALUES ({string.Join(", ", Columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";

    /// <summary>Sets every column of the row with the given key; the key is the last parameter.</summary>
    public string UpdateSql() =>
        $"UPDATE \"{Name}\" SET {string.Join(", ", Columns.Select((c, i) => $"{Quote(c.Name)} = $p{i.ToString(CultureInfo.InvariantCulture)}"))} WHERE {Quote(Key!.Name)} = $key";

    public string SelectList() => string.Join(", ", Columns.Prepend(Key!).Select(c => Quote(c.Name)));

    /// <summary>The column values of <paramref name="entity"/> as stored (converters applied), in <see cref="Columns"/> order.</summary>
    public object?[] Values(T entity)
    {
        var values = new object?[Columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Columns[i].ToProvider(entity);
        }

        return values;
    }

    /// <summary>Binds <paramref name="entity"/>'s values to <c>$p0…</c>.</summary>
    public void Bind(DbCommand command, T entity) => Bind(command, Values(entity));

    /// <summary>Binds stored values (from <see cref="Values"/>) to <c>$p0…</c>, creating the parameters on first use.</summary>
    public void Bind(DbCommand command, object?[] values)
    {
        for (var i = command.Parameters.Count; i < Columns.Count; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(p);
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    public int IndexOf(string propertyName) =>
        Columns.Select((c, i) => (c, i)).First(x => x.c.Property.Name == propertyName).i;

    /// <summary>An entity from stored values read with <see cref="SelectList"/> (key first).</summary>
    public T Materialize(IReadOnlyList<object?> stored, Func<T> create)
    {
        var entity = create();
        Key!.SetFromProvider(entity, stored[0]);
        for (var i = 0; i < Columns.Count; i++)
        {
            Columns[i].SetFromProvider(entity, stored[i + 1]);
        }

        return entity;
    }

    /// <summary>Sets only the columns flagged in <paramref name="changed"/> (in <see cref="Columns"/> order) of the row with key <c>$key</c>.</summary>
    public string UpdateSql(IReadOnlyList<bool> changed) =>
        $"UPDATE \"{Name}\" SET {string.Join(", ", Columns.Where((_, i) => changed[i]).Select(c => $"{Quote(c.Name)} = ?"))} WHERE {Quote(Key!.Name)} = ?";

    /// <summary>As <see cref="UpdateSql(IReadOnlyList{bool})"/>, with numbered parameters (<paramref name="parameter"/> of 1…n).</summary>
    public string UpdateSql(IReadOnlyList<bool> changed, Func<int, string> parameter)
    {
        var set = Columns.Where((_, i) => changed[i]).Select((c, i) => $"{Quote(c.Name)} = {parameter(i + 1)}").ToList();
        return $"UPDATE \"{Name}\" SET {string.Join(", ", set)} WHERE {Quote(Key!.Name)} = {parameter(set.Count + 1)}";
    }

    /// <summary>Whether a stored value (as SQLite returns it) equals a value about to be stored.</summary>
    public static bool SameStored(object? stored, object? value) => (stored, value) switch
    {
        (null or DBNull, null or DBNull) => true,
        (null or DBNull, _) or (_, null or DBNull) => false,
        (long a, int b) => a == b,
        (long a, short b) => a == b,
        (long a, bool b) => a == (b ? 1 : 0),
        (double a, float b) => a == b,
        _ => stored.Equals(value),
    };

    public static string Quote(string name) => "\"" + name + "\"";

    internal sealed record Column(IProperty Property, string Name, ValueConverter? Converter)
    {
        private readonly IClrPropertyGetter _getter = Property.GetGetter();
        private readonly Action<T, object?> _setter = CompileSetter(Property.PropertyInfo!);
        private readonly Type _providerType = Nullable.GetUnderlyingType(Converter?.ProviderClrType ?? Property.ClrType) ?? Converter?.ProviderClrType ?? Property.ClrType;

        public object? ToProvider(T entity)
        {
            var value = _getter.GetClrValue(entity);
            return value is null || Converter is null ? value : Converter.ConvertToProvider(value);
        }

        /// <summary>The stored form of a model value (e.g. an enum's text), for use in SQL parameters.</summary>
        public object? ToProvider(object? value) => value is null || Converter is null ? value : Converter.ConvertToProvider(value);

        public void SetFromProvider(T entity, object? stored)
        {
            object? value = null;
            if (stored is not null and not DBNull)
            {
                var provider = stored.GetType() == _providerType ? stored : Convert.ChangeType(stored, _providerType, CultureInfo.InvariantCulture);
                value = Converter is null ? provider : Converter.ConvertFromProvider(provider);
            }

            _setter(entity, value);
        }

        // Compiled once per column: reflection's SetValue per value is what made reading a stored row slow.
        private static Action<T, object?> CompileSetter(System.Reflection.PropertyInfo property)
        {
            var entity = System.Linq.Expressions.Expression.Parameter(typeof(T));
            var value = System.Linq.Expressions.Expression.Parameter(typeof(object));
            return System.Linq.Expressions.Expression.Lambda<Action<T, object?>>(
                System.Linq.Expressions.Expression.Assign(
                    System.Linq.Expressions.Expression.Property(entity, property),
                    System.Linq.Expressions.Expression.Convert(value, property.PropertyType)),
                entity, value).Compile();
        }
    }
}
