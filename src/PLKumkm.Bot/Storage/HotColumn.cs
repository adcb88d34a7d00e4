using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PLKumkm.Bot.Storage;

/// <summary>A column of a hand-written statement (<see cref="HotInsert{T}"/>, <see cref="HotUpdate{T}"/>): its
/// quoted name and parameter, and the model's converter, so encryption and time conversions are EF's own.</summary>
internal sealed class HotColumn(IProperty property, string name, string parameter)
{
    private readonly Func<object?, object?>? _toProvider =
        (property.GetValueConverter() ?? property.GetTypeMapping().Converter)?.ConvertToProvider;

    public IProperty Property { get; } = property;

    public string Name { get; } = name;

    public string Parameter { get; } = parameter;

    public object ProviderValue(object? value)
    {
        if (value is not null && _toProvider is not null)
        {
            value = _toProvider(value);
        }

        return value ?? DBNull.Value;
    }

    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>The table's name as SQL; the schema is only PostgreSQL's (SQLite has none).</summary>
    public static string Table(StoreObjectIdentifier table) =>
        table.Schema is { } schema ? $"{Quote(schema)}.{Quote(table.Name)}" : Quote(table.Name);

    /// <summary>What BotDbContext.SaveChanges adds to a save (hash twins, progress counts) would be skipped by a
    /// hand-written statement.</summary>
    public static void RefuseWhatSaveChangesCompletes(Type entity)
    {
        if (Protection.ProtectedColumns.All.Any(c => c.Entity == entity && c.HashProperty is not null)
            || typeof(Entities.ICountedRecord).IsAssignableFrom(entity))
        {
            throw new InvalidOperationException($"{entity.Name} rows need what SaveChanges adds (hash twins or counts): save them through EF");
        }
    }
}
